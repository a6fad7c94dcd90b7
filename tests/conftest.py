"""Fixtures shared by the test modules."""

import pytest

from kb.samples import load_samples
from kb.store import Store


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """A store loaded with all bundled sample content, built once per test module."""
    store = Store(tmp_path_factory.mktemp("samples") / "fazhi.sqlite")
    load_samples(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def store(samples):
    """The sample store under the name most tests use; a module may define its own `store`."""
    return samples
