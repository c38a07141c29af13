import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from oxykb.cli import main

TESTS = Path(__file__).parent
TINY_KB = TESTS / "kb"
REPO = TESTS.parent


@pytest.fixture
def tiny_kb(tmp_path) -> Path:
    """A copy of the tiny valid knowledge base in tests/kb, safe to break."""
    shutil.copytree(TINY_KB, tmp_path / "kb")
    return tmp_path / "kb"


def run_oxykb(*args: str):
    """Runs the CLI in-process; a traceback would surface as result.exception."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result
