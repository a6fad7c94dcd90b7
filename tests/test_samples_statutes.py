"""The bundled statute excerpts: they parse, hold only the articles the samples cite, and match the
real statutes character for character (checked against ../shared when it is there)."""

from pathlib import Path

import pytest

from kb.cases.importer import read_case_file
from kb.citations import parse_citations
from kb.importers.lawrefbook import INFO_END, parse
from kb.samples import CASES, STANDARD_FILE, STATUTES
from kb.samples import ROOT as SAMPLES
from kb.standards.yamlfile import read_yaml, standard_from_dict

SHARED_LAWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"
EXCERPTS = sorted(STATUTES.rglob("*.md"))
SOURCE_LINE = "来源：国家法律法规数据库（flk.npc.gov.cn）"
# Articles the legal-review checks and the calculator cite besides the sample standard and cases.
REVIEW_ARTICLES = {("中华人民共和国行政处罚法", n)
                   for n in (27, 29, 30, 31, 32, 33, 34, 36, 37, 44, 45, 57, 58, 60, 62, 63, 64)} | {
    ("重大行政决策程序暂行条例", n) for n in (25, 26, 27)}


def _parse(path: Path, root: Path):
    return parse(path.read_text(encoding="utf-8"), path, root)


def _cited_by_samples(titles: set[str]) -> set[tuple[str, int]]:
    """Articles cited by the sample standard, the sample cases and any other sample text (such as
    the sample review opinions), as (full law title, article number)."""
    standard = standard_from_dict(read_yaml(STANDARD_FILE))
    cited = [(ref.law, ref.number) for item in standard.items for _, ref in item.citations]
    cited += [(ref.law, ref.number) for path in sorted(CASES.glob("*.yaml"))
              for case in read_case_file(path) for _, ref in case.citations]
    others = [p for p in SAMPLES.rglob("*.yaml") if p.parent not in (CASES, STANDARD_FILE.parent)]
    cited += [(c.law, c.number) for path in others
              for c in parse_citations(path.read_text(encoding="utf-8")) if not c.refers_to_context]
    full_title = {name: title for title in titles for name in (title, title.removeprefix("中华人民共和国"))}
    return {(full_title[law], number) for law, number in cited}


def test_there_is_one_excerpt_per_cited_law():
    names = {path.relative_to(STATUTES).as_posix() for path in EXCERPTS}
    assert names == {"社会法/安全生产法(2021-06-10).md", "行政法/行政处罚法(2021-01-22).md",
                     "行政法规/重大行政决策程序暂行条例(2019-04-20).md"}


@pytest.mark.parametrize("path", EXCERPTS, ids=lambda p: p.stem)
def test_excerpt_parses_and_names_its_source(path):
    text = path.read_text(encoding="utf-8")
    head = text.split(INFO_END)[0]
    assert SOURCE_LINE in head and "节选" in head
    law = _parse(path, STATUTES)
    assert law.articles and all(article.number for article in law.articles)
    assert SOURCE_LINE in law.history
    assert law.version is not None


def test_excerpts_hold_exactly_the_cited_articles():
    laws = [_parse(path, STATUTES) for path in EXCERPTS]
    held = {(law.title, article.number) for law in laws for article in law.articles}
    assert held == _cited_by_samples({law.title for law in laws}) | REVIEW_ARTICLES


@pytest.mark.parametrize("path", EXCERPTS, ids=lambda p: p.stem)
def test_excerpt_matches_the_real_statute(path):
    if not SHARED_LAWS.is_dir():
        pytest.skip("../shared/corpus/laws 不存在")
    real_path = SHARED_LAWS / path.relative_to(STATUTES)
    excerpt, real = _parse(path, STATUTES), _parse(real_path, SHARED_LAWS)
    assert (excerpt.title, excerpt.category, excerpt.branch, excerpt.version) == \
        (real.title, real.category, real.branch, real.version)
    assert [line for line in excerpt.history.splitlines() if not line.startswith(SOURCE_LINE)] == \
        real.history.splitlines()
    articles = {(a.number, a.suffix): a for a in real.articles}
    for article in excerpt.articles:
        original = articles[(article.number, article.suffix)]
        assert article.paragraphs == original.paragraphs, article.label
        assert article.chapter == original.chapter, article.label
