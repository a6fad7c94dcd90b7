"""The quiz and study commands end to end on the sample content, as the README shows them."""

from click.testing import CliRunner
from docx import Document
from pptx import Presentation

from fazhi.cli import main
from tests.quiz_helpers import amended_law


def test_quiz_and_study_commands(sample_data, tmp_path):
    run = lambda *args: CliRunner().invoke(main, ["--data", str(sample_data), *map(str, args)])
    result = run("quiz", "generate", "安全生产法", "行政处罚法")
    assert result.exit_code == 0 and "均为“待审核”" in result.output, result.output
    count = int(result.output.split("新增试题 ")[1].split(" ")[0])
    assert "核对：有依据" in run("quiz", "review", "1", "--approve").output
    bank = tmp_path / "题库.xlsx"
    assert run("quiz", "export", "-o", bank).exit_code == 0
    result = run("quiz", "import", bank)
    assert "已导入 0 道题" in result.output and "未重复导入" in result.output, result.output
    result = run("quiz", "paper", "--single", "3", "-o", tmp_path / "试卷.docx")
    assert result.exit_code != 0 and "已审核的单选题只有" in result.output
    assert run("quiz", "review", *range(2, count + 1), "--approve").exit_code == 0
    result = run("quiz", "paper", "--single", "2", "--judge", "1", "-o", tmp_path / "试卷.docx")
    assert result.exit_code == 0 and "3 题" in result.output, result.output
    paper_id = result.output.split("编号 ")[1].split("，")[0]
    result = run("quiz", "record", paper_id, "--person", "张三", "--answers", "1=A,9=B", "--date", "2026-06-16")
    assert result.exit_code != 0 and "题号为试卷上的 1—3" in result.output
    result = run("quiz", "record", paper_id, "--person", "张三", "--answers", "1=A", "--date", "2026-06-16")
    assert result.exit_code == 0 and "满分 5 分" in result.output, result.output
    assert "2026年：考试1场次，考核1人次。" in run("quiz", "figures", "--year", "2026").output
    result = run("study", "pack", "安全生产法", "--chapter", "法律责任", "-o", tmp_path / "材料.docx",
                 "--slides", tmp_path / "课件.pptx")
    assert result.exit_code == 0, result.output
    assert Document(tmp_path / "材料.docx").paragraphs[0].text == "《安全生产法》学习材料"
    assert len(Presentation(tmp_path / "课件.pptx").slides) > 10
    result = run("study", "pack", "--topic", "特种作业人员培训", "-o", tmp_path / "专题.docx")
    assert result.exit_code == 0, result.output
    topic = "\n".join(p.text for p in Document(tmp_path / "专题.docx").paragraphs)
    assert topic.startswith("“特种作业人员培训”专题学习材料") and "第三十条　生产经营单位的特种作业人员" in topic
    result = run("import", amended_law(tmp_path / "new"))
    assert result.exit_code == 0 and "已停用待重新审核" in result.output, result.output
    assert "修改了第九十七条" in run("quiz", "list", "--status", "已停用").output
    assert "没有现行有效的《消防法》" in run("quiz", "generate", "消防法").output
