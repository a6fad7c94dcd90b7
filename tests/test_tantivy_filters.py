"""The tantivy engine writes filters as the fewer documents to name (search.tantivy_engine._filter):
the hits and scores are those of plain filters, which an index without its value counts uses."""

import shutil

import pytest

from search.engine import EngineQuery
from search.tantivy_engine import VALUES_FILE, TantivyEngine
from test_engine import DOCS

EVERY = {"body": {"生产": 1.0, "有期徒刑": 2.0, "罚款": 0.5}}
FILTERS = [
    {"status": ["现行有效"]},                            # 4 of 5 kept: the 1 left out is named
    {"status": ["现行有效", "已被修订"]},                 # all kept: no clause
    {"kind": ["案例"]},                                   # 1 of 5 kept: the 1 kept is named
    {"kind": ["条文"], "status": ["现行有效"], "category": ["法律"]},
    {"status": ["尚未生效"]},                            # a value no document has: nothing
    {"region": ["上海"]},                                 # not counted (not every document has one)
]


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    """The same documents opened with their value counts and, copied, without them."""
    counted = tmp_path_factory.mktemp("counted")
    TantivyEngine().build(counted, DOCS)
    plain = tmp_path_factory.mktemp("plain")
    shutil.copytree(counted, plain, dirs_exist_ok=True)
    (plain / VALUES_FILE).unlink()
    return TantivyEngine().open(counted), TantivyEngine().open(plain)


def test_the_counts_name_the_values_of_the_fields_every_document_has(engines):
    counted, plain = engines
    assert counted.values["status"] == {"现行有效": 4, "已被修订": 1}
    assert "region" not in counted.values and plain.values == {}


@pytest.mark.parametrize("must", FILTERS)
def test_filters_give_the_hits_and_scores_of_plain_filters(engines, must):
    counted, plain = engines
    query = EngineQuery(terms=EVERY, must=must)
    found = [(hit.doc_id, round(hit.score, 5)) for hit in counted.search(query, 10)]
    assert found == [(hit.doc_id, round(hit.score, 5)) for hit in plain.search(query, 10)]
    assert all(doc.doc_id in {i for i, _ in found} for doc in DOCS
               if all(getattr(doc, name) in values for name, values in must.items())
               and any(token in doc.body for token in EVERY["body"]))



def test_unreadable_counts_give_plain_filters(engines, tmp_path):
    """The counts only make filters cheaper: a file that cannot be read is as good as none."""
    TantivyEngine().build(tmp_path, DOCS)
    (tmp_path / VALUES_FILE).write_text("{截断", encoding="utf-8")
    broken = TantivyEngine().open(tmp_path)
    assert broken.values == {}
    query = EngineQuery(terms=EVERY, must={"status": ["现行有效"]})
    assert [h.doc_id for h in broken.search(query, 10)] == [h.doc_id for h in engines[1].search(query, 10)]
