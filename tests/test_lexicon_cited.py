"""The dictionaries whose lines cite their article — the enforcement dictionary
(search/lexicon/enforcement/*.tsv) and the general one (search/lexicon/general/*.tsv): every line
is well formed and names the article whose wording its legal terms are; where the shared corpus is laid beside the
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
FILES = {folder.name: sorted(folder.glob("*.tsv")) for folder in lexicon.CITED_DIRS}
ENTRIES = [entry for paths in FILES.values() for path in paths for entry in lexicon.read_entries(path)]
VERSION = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")


@pytest.mark.parametrize("folder", [folder.name for folder in lexicon.CITED_DIRS])
def test_the_cited_dictionaries_are_loaded_with_synonyms_tsv(folder):
    assert FILES[folder], f"search/lexicon/{folder}/ 中没有词表"
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
    if (LAWS / short).is_dir():         # a code in parts (民法典/合同编.md …), one version
        paths = [p for p in sorted((LAWS / short).glob("*.md")) if not p.name.startswith("_")]
    else:
        versions = sorted((found.group(1), path) for path in LAWS.rglob(f"{short}(*).md")
                          if (found := VERSION.search(path.stem)) and path.stem.startswith(short + "("))
        paths = [versions[-1][1]] if versions else []
    assert paths, f"语料中没有《{title}》"
    laws = [parse(path.read_text(encoding="utf-8"), path, LAWS) for path in paths]
    return {(a.number, a.suffix): a.text for law in laws for a in law.articles}


@pytest.mark.skipif(not LAWS.is_dir(), reason="共享语料 ../shared/corpus/laws 不存在")
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.file}:{e.line}")
def test_the_legal_terms_are_the_words_of_the_current_article(entry):
    ref = parse_ref(entry.source)
    text = _current_text(ref.law).get((ref.number, ref.suffix))
    assert text, f"{entry.source} 不在现行文本中"
    missing = [term for term in entry.legal if term not in text]
    assert not missing, f"{entry.source} 的条文中没有“{'、'.join(missing)}”"


GENERAL = [entry for path in FILES["general"] for entry in lexicon.read_entries(path)]


@pytest.mark.skipif(not LAWS.is_dir(), reason="共享语料 ../shared/corpus/laws 不存在")
@pytest.mark.parametrize("entry", GENERAL, ids=lambda e: f"{e.file}:{e.line}")
def test_a_lay_word_is_not_the_wording_of_the_article_it_maps_to(entry):
    """A lay word the article itself uses is matched inside questions put in the statute's own
    words, and adds the article's other terms to them: it is a legal term, not a lay word."""
    ref = parse_ref(entry.source)
    text = _current_text(ref.law)[(ref.number, ref.suffix)]
    assert not [word for word in entry.lay if word in text], f"通俗说法出现在{entry.source}的条文中"
