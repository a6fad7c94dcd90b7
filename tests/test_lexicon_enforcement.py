"""The enforcement dictionary (search/lexicon/enforcement/*.tsv): every line is well formed and
names the article whose wording its legal terms are; where the shared corpus is laid beside the
repository, every legal term is read in the current text of that article (the latest version of
the law in the corpus)."""

import re
from functools import lru_cache

import pytest

from kb.importers.lawrefbook import parse
from kb.refs import parse_ref
from search import lexicon
from tests.corpus_subset import LAWS

NATIONAL = "中华人民共和国"
FILES = sorted(lexicon.ENFORCEMENT_DIR.glob("*.tsv"))
ENTRIES = [entry for path in FILES for entry in lexicon.read_entries(path)]
VERSION = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")


def test_the_enforcement_dictionary_is_loaded_with_the_general_one():
    assert FILES, "search/lexicon/enforcement/ 中没有词表"
    table = lexicon.synonyms()
    for entry in ENTRIES:
        for word in entry.lay:
            assert set(entry.legal) <= set(table[lexicon.normalize(word)])


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.file}:{e.line}")
def test_each_line_maps_lay_words_to_terms_of_the_article_it_cites(entry):
    ref = parse_ref(entry.source)
    assert ref.number > 0
    assert all(len(word) > 1 for word in entry.lay), "单字通俗说法会匹配到任何问题"
    assert not set(entry.lay) & set(entry.legal), "通俗说法与法律用语相同，没有意义"


@lru_cache(maxsize=None)
def _current_text(title: str) -> dict[tuple[int, int], str]:
    """Article (number, suffix) → text of the latest version of `title` in the corpus."""
    short = title.removeprefix(NATIONAL)
    versions = sorted((found.group(1), path) for path in LAWS.rglob(f"{short}(*).md")
                      if (found := VERSION.search(path.stem)) and path.stem.startswith(short + "("))
    assert versions, f"语料中没有《{title}》"
    path = versions[-1][1]
    law = parse(path.read_text(encoding="utf-8"), path, LAWS)
    return {(a.number, a.suffix): a.text for a in law.articles}


@pytest.mark.skipif(not LAWS.is_dir(), reason="共享语料 ../shared/corpus/laws 不存在")
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.file}:{e.line}")
def test_the_legal_terms_are_the_words_of_the_current_article(entry):
    ref = parse_ref(entry.source)
    text = _current_text(ref.law).get((ref.number, ref.suffix))
    assert text, f"{entry.source} 不在现行文本中"
    missing = [term for term in entry.legal if term not in text]
    assert not missing, f"{entry.source} 的条文中没有“{'、'.join(missing)}”"
