import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from oxykb.cli import main

TESTS = Path(__file__).parent
TINY_KB = TESTS / "kb"
REPO = TESTS.parent

# Caches go to a folder of this test run, not the user's: set before any test starts a process, which inherits it.
os.environ["OXYKB_CACHE_DIR"] = tempfile.mkdtemp(prefix="oxykb-test-cache-")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(os.environ["OXYKB_CACHE_DIR"], ignore_errors=True)


@pytest.fixture
def tiny_kb(tmp_path) -> Path:
    """A copy of the tiny valid knowledge base in tests/kb, safe to break."""
    shutil.copytree(TINY_KB, tmp_path / "kb", ignore=shutil.ignore_patterns(".oxykb"))  # no caches from earlier runs
    return tmp_path / "kb"


def run_oxykb(*args: str):
    """Runs the CLI in-process; a traceback would surface as result.exception."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def tiny_project(tiny_kb) -> Path:
    """The tiny knowledge base as a whole project: claims, content and the real mkdocs.yml."""
    shutil.copy(REPO / "mkdocs.yml", tiny_kb / "mkdocs.yml")
    return tiny_kb


def tree_bytes(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real knowledge base built once by `oxykb build`, for the tests that read the result."""
    site_dir = tmp_path_factory.mktemp("real") / "site"
    result = run_oxykb("build", str(REPO), "--site-dir", str(site_dir))
    assert result.exit_code == 0, result.output
    return site_dir
