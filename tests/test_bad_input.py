"""Bad input gets a clear `path:line:col: message`, exit 1, and never a traceback."""

import subprocess
import sys

import pytest
from bad_inputs import CASES, CLAIM, QUESTION, SOURCE, VALID_CLAIM, VALID_QUESTION, VALID_SOURCE
from conftest import run_oxykb


@pytest.mark.parametrize("name, path, content, expected", CASES, ids=[case[0] for case in CASES])
def test_each_bad_input_is_reported_exactly(tiny_kb, name, path, content, expected):
    target = tiny_kb / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)

    result = run_oxykb("check", str(tiny_kb))

    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:{line}" for line in expected]


def test_the_corpus_starts_from_valid_files(tiny_kb):
    """Each case changes one thing in these, so each problem expected comes from that change."""
    for path, content in ((CLAIM, VALID_CLAIM), (SOURCE, VALID_SOURCE), (QUESTION, VALID_QUESTION)):
        (tiny_kb / path).write_text(content, "utf-8")

    result = run_oxykb("check", str(tiny_kb))

    assert (result.exit_code, result.stdout) == (0, "7 claims and 3 sources checked: no problems\n")


def test_every_problem_in_every_file_is_reported_at_once(tiny_kb):
    """All bad files together, through the real console entry point: one run lists them all."""
    assert len({case[0] for case in CASES}) == len(CASES)  # one file per case, named after it
    expected = []
    for name, path, content, lines in CASES:
        if "/new-" in path:  # one file per case; a self-reference follows the rename
            path = path.replace("new-claim", f"new-{name}").replace("new-source", f"new-{name}")
            path = path.replace("new-question", f"new-{name}")
            content = content.replace(b"contradicts: [new-claim]", f"contradicts: [new-{name}]".encode())
        target = tiny_kb / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        expected += [f"{path}:{line}" for line in lines]

    run = subprocess.run(
        [sys.executable, "-m", "oxykb", "check", str(tiny_kb)], capture_output=True, text=True, timeout=120
    )

    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert sorted(run.stdout.splitlines()) == sorted(expected)
    assert run.stderr.startswith(f"{len(expected)} problems in ")
