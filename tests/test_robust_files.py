"""Hostile statute files fail only themselves, with a streamed message naming file and reason;
the summary's counts are what the store holds."""

import os
import zipfile
from pathlib import Path


from kb.importers.files import ImportLimits, import_files
from robust_corpus import FIXTURE, fazhi, make_laws
from test_import_robustness import store  # noqa: F401 (the fixture: an empty store)

MD_HEAD = "# 测试用条例\n\n2020年1月1日通过\n\n<!-- INFO END -->\n\n"


def hostile_folder(folder: Path) -> Path:
    """Two good laws beside files of every hostile kind."""
    make_laws(folder, 2)
    (folder / os.fsdecode(b"\xff\xfe\xfd.txt")).write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(folder / "管道.txt")
    (folder / "零设备.md").symlink_to("/dev/zero")
    with zipfile.ZipFile(folder / "炸弹.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 30_000_000)       # 30 MB inflated, ~30 KB on disk
    (folder / "过大.txt").write_bytes(b"x" * 2_000_001)
    (folder / "条号越界.md").write_text(MD_HEAD + "第一条　正文。\n\n第10000条　正文。\n", encoding="utf-8")
    (folder / "条号乱写.md").write_text(MD_HEAD + "第一条　正文。\n\n第十百千条　正文。\n", encoding="utf-8")
    (folder / "重复条号.md").write_text(MD_HEAD + "第一条　甲。\n\n第二条　乙。\n\n第一条　丙。\n", encoding="utf-8")
    (folder / "国标编码.md").write_bytes((MD_HEAD.replace("测试用条例", "测试用国标条例")
                                         + "第一条　生产经营单位应当遵守本条例。\n").encode("gb18030"))
    (folder / "控制字符.md").write_text(MD_HEAD.replace("测试用条例", "测试用控制条例")
                                     + "第一条　生产\x1b[31m经营\x1b[0m单位\x00应当\x07遵守。\n", encoding="utf-8")
    duplicate = folder / "副本"
    duplicate.mkdir()
    make_laws(duplicate, 1)                                 # same title and version as 测试用安全条例一
    locked = folder / "无权限"
    locked.mkdir()
    (locked / "a.txt").write_text("x", encoding="utf-8")
    locked.chmod(0)                                         # unreadable (except for root)
    return folder


def test_every_hostile_file_fails_only_itself(store, tmp_path):
    folder = hostile_folder(tmp_path / "laws")
    reports, paths = [], []
    summary = import_files(store, [folder], limits=ImportLimits(max_text_bytes=2_000_000, max_docx_bytes=10_000_000),
                           report=lambda kind, path, reason: (reports.append((kind, Path(path).name, reason)),
                                                              paths.append(path)))
    reasons = {name: reason for _, name, reason in reports}
    assert "文件名不是有效的 UTF-8" in reasons["\ufffd\ufffd\ufffd.txt"]
    assert "命名管道" in reasons["管道.txt"]
    assert "设备文件" in reasons["零设备.md"] and "符号链接" in reasons["零设备.md"]
    assert "解压后过大（30 MB，上限 10 MB）" in reasons["炸弹.docx"]
    assert "文件过大" in reasons["过大.txt"]
    assert reasons["条号越界.md"].startswith("格式错误：第 9 行“第10000条 正文。”")
    assert reasons["条号乱写.md"].startswith("格式错误：第 9 行“第十百千条 正文。”")
    assert "条文编号重复：第一条" in reasons["重复条号.md"]
    if os.geteuid() != 0:
        assert "无法读取文件夹" in reasons["无权限"]
    path, duplicate = next((path, reason) for path, (_, _, reason) in zip(paths, reports) if "同一版本" in reason)
    for both in (folder / "测试用安全条例一.txt", folder / "副本" / "测试用安全条例一.txt"):
        assert str(both) in path + duplicate
    titles = sorted(law.title for law in summary.imported)
    assert titles == ["测试用国标条例", "测试用安全条例一", "测试用安全条例二", "测试用控制条例"]
    text = store.articles(next(law.id for law in summary.imported if law.title == "测试用控制条例"))[0].text
    assert text == "生产经营单位应当遵守。"
    counts = store.counts()
    assert counts["laws"] == len(summary.imported) and counts["articles"] == summary.articles


def test_the_command_line_streams_each_report_and_survives_hostile_files(tmp_path):
    folder = hostile_folder(tmp_path / "laws")
    result = fazhi("import", str(folder), "--max-size", "2", "--max-docx-size", "10", data=tmp_path / "data",
                   timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "失败 " + str(folder) + "/\ufffd\ufffd\ufffd.txt：文件名不是有效的 UTF-8" in result.stderr
    assert "跳过 " + str(folder / "管道.txt") in result.stderr
    assert "导入 4 部" in result.stdout and "索引已更新" in result.stdout
    printed = result.stdout + result.stderr
    assert "\x1b" not in printed and "\x00" not in printed


def test_a_moved_file_takes_the_place_of_its_old_path(store, tmp_path):
    first = make_laws(tmp_path / "old", 1)[0]
    import_files(store, [first])
    ids = [article.id for article in store.articles(store.laws()[0].id)]
    moved = tmp_path / "new" / first.name
    moved.parent.mkdir()
    first.rename(moved)
    summary = import_files(store, [moved])
    assert len(summary.imported) == 1 and not summary.failed
    assert [law.file for law in store.laws()] == [str(moved)]
    assert [article.id for article in store.articles(store.laws()[0].id)] == ids


def test_reimport_keeps_article_ids_and_an_edited_article_is_segmented_again(store, tmp_path):
    from search.index import build_index
    path = make_laws(tmp_path / "laws", 1)[0]
    import_files(store, [path])
    build_index(store, tmp_path)
    ids = {article.label: article.id for article in store.articles(store.laws()[0].id)}
    path.write_text(path.read_text(encoding="utf-8").replace("安全生产教育和培训", "安全生产教育培训考核"),
                    encoding="utf-8")
    import_files(store, [path])
    assert {article.label: article.id for article in store.articles(store.laws()[0].id)} == ids
    assert build_index(store, tmp_path)["segmented"] >= 1      # the edited article only


def test_an_article_id_is_never_given_twice(store, tmp_path):
    path = make_laws(tmp_path / "laws", 1)[0]
    import_files(store, [path])
    last = max(article.id for article in store.articles(store.laws()[0].id))
    path.write_text(path.read_text(encoding="utf-8").split("　　第九十七条")[0], encoding="utf-8")
    import_files(store, [path])                                  # the last article is gone
    other = make_laws(tmp_path / "more", 1, start=2)[0]
    import_files(store, [other])
    ids = {law.title: [article.id for article in store.articles(law.id)] for law in store.laws()}
    assert last not in ids["测试用安全条例一"] and min(ids["测试用安全条例二"]) > last
