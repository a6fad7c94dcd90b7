"""The merged lay-to-legal dictionary kept in a data directory between commands
(search.lexicon.use_cache): the same table, in the same order, as read from the files; a cache
that cannot be read is built again."""

import pytest

from search import lexicon


@pytest.fixture
def cached(tmp_path):
    lexicon.use_cache(tmp_path)
    yield tmp_path
    lexicon.use_cache(None)


def test_the_kept_table_is_the_table_of_the_files(cached):
    lexicon.use_cache(None)
    from_files = lexicon.synonyms()
    lexicon.use_cache(cached)
    assert lexicon.synonyms() == from_files                 # built, and written
    [kept] = cached.glob(f"{lexicon.CACHE_PREFIX}*.json")
    lexicon.synonyms.cache_clear()
    again = lexicon.synonyms()                              # read back from the file
    assert again == from_files and list(again) == list(from_files)
    assert kept.exists()


def test_an_unreadable_cache_is_built_again(cached):
    table = lexicon.synonyms()
    [kept] = cached.glob(f"{lexicon.CACHE_PREFIX}*.json")
    kept.write_text("{不是 JSON", encoding="utf-8")
    lexicon.synonyms.cache_clear()
    assert lexicon.synonyms() == table
    assert kept.read_text(encoding="utf-8").startswith("{\"")


def test_a_directory_that_cannot_be_written_only_loses_the_saving(tmp_path):
    missing = tmp_path / "no-such-directory"
    lexicon.use_cache(missing)
    try:
        assert lexicon.synonyms()["阻挠"]
        assert not missing.exists()
    finally:
        lexicon.use_cache(None)


def test_the_words_of_the_phrases_are_kept_too(cached):
    lexicon.use_cache(None)
    from_files = lexicon.pieces()
    lexicon.use_cache(cached)
    assert lexicon.pieces() == from_files
    [kept] = cached.glob(f"{lexicon.PIECES_PREFIX}*.json")
    lexicon.pieces.cache_clear()
    assert lexicon.pieces() == from_files and kept.exists()
    assert from_files["许可证到期"] == ("许可证", "到期")
