"""The code is linted and formatted by ruff, configured in pyproject.toml (lines of at most 120 characters)."""

import subprocess
import sys

from conftest import REPO

PATHS = ["oxykb", "tests"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], cwd=REPO, capture_output=True, text=True)


def test_ruff_finds_nothing_to_fix():
    result = ruff("check", "--no-cache", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    result = ruff("format", "--no-cache", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
