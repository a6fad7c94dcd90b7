"""One article's counterpart in another version and the side-by-side pieces of a comparison, on
the sample store (with an amended copy of the sample 安全生产法) and, when ../shared is there, on
the real 突发事件应对法 of 2007 and 2024."""

import os
from pathlib import Path

import pytest

from kb.importers.files import import_files
from kb.store import Store
from kb.versions_diff import (MODIFIED, REMOVED, RENUMBERED, UNCHANGED, counterpart, match_articles,
                              side_pieces)
from tests.quiz_helpers import amended_law

SHARED_LAWS = Path(os.environ.get("FAZHI_SHARED") or Path(__file__).resolve().parents[2] / "shared") / "corpus" / "laws"
LAW = "中华人民共和国安全生产法"


def _two_versions(store: Store, key: str) -> tuple[list, list]:
    new, old = [law for law in store.versions(key) if law.version][:2]
    return store.articles(old.id), store.articles(new.id)


def _by_label(articles: list) -> dict:
    return {article.label: article for article in articles}


def _real_law(folder: Path, name: str, days: tuple[str, str]) -> tuple[Store, list, list]:
    """A store holding two versions of a real law (行政法 folder of ../shared) and their articles."""
    store = Store(folder / "fazhi.sqlite")
    import_files(store, [SHARED_LAWS / "行政法" / f"{name}({day}).md" for day in days])
    return (store, *_two_versions(store, f"中华人民共和国{name}"))


def _agrees_with_match(old: list, new: list, step: int = 1) -> None:
    """counterpart, both ways, gives what match_articles pairs (every `step`-th article)."""
    changes = match_articles(old, new)
    forward = {id(c.old): c.new for c in changes if c.old}
    backward = {id(c.new): c.old for c in changes if c.new}
    for article in old[::step]:
        assert counterpart(article, old, new, others_older=False) is forward[id(article)], article.label
    for article in new[::step]:
        assert counterpart(article, new, old) is backward[id(article)], article.label


@pytest.fixture(scope="module")
def amended(samples, tmp_path_factory):
    """The sample store with a later version of the sample 安全生产法 imported."""
    import_files(samples, [amended_law(tmp_path_factory.mktemp("new"))])
    return samples


def test_counterparts_and_sides_on_the_amended_sample(amended):
    old, new = _two_versions(amended, LAW)
    before, after = _by_label(old), _by_label(new)
    assert counterpart(after["第九十七条"], new, old) is before["第九十七条"]
    assert counterpart(after["第一百条"], new, old) is before["第九十九条"]
    assert counterpart(before["第九十九条"], old, new, others_older=False) is after["第一百条"]
    assert counterpart(before["第一百零八条"], old, new, others_older=False) is None
    _agrees_with_match(old, new)
    rows = {(c.old.label if c.old else None, c.new.label if c.new else None): c for c in match_articles(old, new)}
    fines = rows[("第九十七条", "第九十七条")]
    assert fines.status == MODIFIED
    left, right = fines.sides()
    assert ("ins", "二") in right and all(op in ("", "del") for op, _ in left)
    assert "".join(text for _, text in left) == before["第九十七条"].text
    assert "".join(text for _, text in right) == after["第九十七条"].text
    assert rows[("第九十九条", "第一百条")].status == RENUMBERED
    assert rows[("第九十九条", "第一百条")].sides() == ([("", before["第九十九条"].text)], [("", after["第一百条"].text)])
    assert rows[("第一百零八条", None)].status == REMOVED
    assert rows[("第一百零八条", None)].sides() == ([("del", before["第一百零八条"].text)], [])


def test_a_repealed_first_article_shifts_the_rest(samples):
    law = next(law for law in samples.laws() if law.title == LAW)
    articles = samples.articles(law.id)
    shifted = articles[1:]
    rows = match_articles(articles, shifted)
    assert rows[0].status == REMOVED
    assert all(row.kind == UNCHANGED for row in rows[1:])
    assert counterpart(articles[3], articles, shifted, others_older=False) is shifted[2]
    old, new = side_pieces("处五万元以下的罚款", "处十万元以下的罚款")
    assert ("del", "五") in old and ("ins", "十") in new


@pytest.mark.skipif(not SHARED_LAWS.is_dir(), reason="../shared/corpus/laws 不存在")
def test_real_law_restructured_in_2024(tmp_path):
    store, old, new = _real_law(tmp_path, "突发事件应对法", ("2007-08-30", "2024-06-28"))
    before, after = _by_label(old), _by_label(new)
    assert counterpart(before["第七条"], old, new, others_older=False) is after["第十七条"]   # moved chapter
    assert counterpart(after["第二条"], new, old) is before["第二条"]                       # now its 第二款
    assert counterpart(before["第四十八条"], old, new, others_older=False) is after["第七十二条"]  # expanded
    assert counterpart(after["第一条"], new, old) is before["第一条"]
    rows = {(c.old.label if c.old else None, c.new.label if c.new else None): c for c in match_articles(old, new)}
    assert rows[("第二十四条", "第三十七条")].status == RENUMBERED
    assert rows[("第七条", "第十七条")].status == f"{MODIFIED}、{RENUMBERED}"
    left, right = rows[("第七条", "第十七条")].sides()
    assert any(op == "ins" and "网络直报" in text for op, text in right)
    _agrees_with_match(old, new, step=3)
    store.close()


@pytest.mark.skipif(not SHARED_LAWS.is_dir(), reason="../shared/corpus/laws 不存在")
def test_rewritten_article_in_its_place_is_paired(tmp_path):
    store, old, new = _real_law(tmp_path, "保守国家秘密法", ("2010-04-29", "2024-02-27"))
    before, after = _by_label(old), _by_label(new)
    # 保密检查: reworded throughout (similarity under one half), between the same neighbours in both versions
    assert counterpart(after["第五十一条"], new, old) is before["第四十四条"]
    assert counterpart(before["第四十四条"], old, new, others_older=False) is after["第五十一条"]
    _agrees_with_match(old, new, step=4)
    store.close()
