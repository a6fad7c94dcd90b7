"""Fixtures shared by the test modules."""

import pytest
from click.testing import CliRunner

from fazhi.cli import main
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


@pytest.fixture(scope="module")
def sample_data(tmp_path_factory):
    """A data directory into which `fazhi import --samples` imported the sample content."""
    folder = tmp_path_factory.mktemp("data")
    result = CliRunner().invoke(main, ["--data", str(folder), "import", "--samples"])
    assert result.exit_code == 0, result.output
    return folder
