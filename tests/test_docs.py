"""The README's commands and examples are the real ones."""

import re

from bad_inputs import CASES
from conftest import REPO, run_oxykb

README = (REPO / "README.md").read_text("utf-8")


def fenced_blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_ci_runs_exactly_the_readme_test_command():
    setup, test = [block.strip() for block in fenced_blocks("sh")[:2]]
    ci_command = (REPO / ".ci/run").read_text().strip().splitlines()[-1]
    assert ci_command == test
    assert "pytest" in test and "chromium" in test
    assert "oxykb build" in setup


def test_readme_console_example_is_real(monkeypatch):
    monkeypatch.chdir(REPO)
    command, *output = fenced_blocks("console")[0].strip().splitlines()
    result = run_oxykb(*command.removeprefix("$ oxykb ").split())
    assert result.stdout.splitlines() == output


def test_readme_problem_examples_come_from_the_corpus():
    produced = {f"{path}:{line}" for _, path, _, lines in CASES for line in lines}
    for line in fenced_blocks("text")[0].strip().splitlines():
        assert line in produced
