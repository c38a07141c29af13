"""What a pull request can commit besides claims: caches, oxykb's work folder, links and special files.

None of it may run code, delete or publish a file outside the project, or hang a check.
"""

import os
import pickle
import shutil
import subprocess
import sys
import time

import pytest
from conftest import run_oxykb

from oxykb import workspace


class Payload:
    """A pickle that, when loaded, creates the file `marker`: proof that a cache from the tree was unpickled."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def git(project, *args):
    subprocess.run(
        ["git", "-C", str(project), *args],
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        },
    )


def poison_work_folder(project, marker):
    """Every cache file oxykb kept in .oxykb/, each a pickle that runs a command, and a check result saying 'clean'."""
    cache = project / ".oxykb/cache"
    (cache / "jinja").mkdir(parents=True)
    payload = pickle.dumps(Payload(marker))
    (cache / "parsed.pickle").write_bytes(payload)
    (cache / "check.json").write_text('{"fingerprint": "x", "claims": 0, "sources": 0, "problems": []}')
    return payload


def test_no_cache_is_kept_in_the_project(tiny_project):
    assert run_oxykb("check", str(tiny_project)).exit_code == 0
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert not (tiny_project / ".oxykb/cache").exists()
    kept = {path.name for path in workspace.cache_dir(tiny_project).iterdir()}
    assert {"parsed.pickle", "check.json", "build.json", "jinja"} <= kept
    assert any((workspace.cache_dir(tiny_project) / "jinja").iterdir())  # compiled templates: code, so outside the tree


def test_caches_committed_into_the_work_folder_are_never_loaded(tiny_project, tmp_path):
    marker = tmp_path / "pwned"
    payload = poison_work_folder(tiny_project, marker)
    # the compiled templates a build keeps, each replaced by the payload under its own name
    assert run_oxykb("build", str(tiny_project), "--site-dir", str(tmp_path / "first")).exit_code == 0
    for compiled in (workspace.cache_dir(tiny_project) / "jinja").iterdir():
        (tiny_project / ".oxykb/cache/jinja" / compiled.name).write_bytes(payload)
    shutil.rmtree(workspace.cache_dir(tiny_project))

    assert run_oxykb("check", str(tiny_project)).exit_code == 0
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert run_oxykb("report", str(tiny_project)).exit_code == 0
    assert not marker.exists()


def test_a_committed_work_folder_is_refused_with_a_located_message(tiny_project, tmp_path):
    git(tiny_project, "init", "-q")
    poison_work_folder(tiny_project, tmp_path / "pwned")
    git(tiny_project, "add", "-f", ".oxykb")
    git(tiny_project, "commit", "-qm", "sneak a cache in")

    check = run_oxykb("check", str(tiny_project))
    build = run_oxykb("build", str(tiny_project))

    message = (
        ".oxykb/cache/check.json:1:1: .oxykb/ is oxykb's generated work folder and must not be committed (2 files); "
        "remove it from the commit with: git rm -r --cached .oxykb"
    )
    assert (check.exit_code, check.stdout.splitlines()) == (1, [message])
    assert (build.exit_code, build.stdout.splitlines()[0]) == (1, message)
    assert not (tiny_project / "site").exists()


def test_a_work_folder_that_is_a_link_is_refused(tiny_project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tiny_project / ".oxykb").symlink_to(elsewhere)
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[0]
        == ".oxykb:1:1: .oxykb is a symbolic link; it must be the folder oxykb makes: remove it"
    )
    assert list(elsewhere.iterdir()) == []


def test_manifests_of_old_versions_delete_nothing(tiny_project, tmp_path):
    """oxykb 1 trusted .oxykb/docs/<language>.manifest.json to say what it could delete."""
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    (tiny_project / ".oxykb/docs").mkdir(parents=True)
    for language in ("nl", "en"):
        (tiny_project / f".oxykb/docs/{language}.manifest.json").write_text(
            f'["{victim}", "../../../victim", "../../content/nl/about.md"]'
        )

    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert victim.read_text() == "keep me"
    assert (tiny_project / "content/nl/about.md").is_file()


def test_links_inside_the_work_folder_are_replaced_never_followed(tiny_project):
    """A link where generated pages go would make the build write into, or empty, the folder it points to."""
    before = {path: path.read_bytes() for path in (tiny_project / "content").rglob("*.md")}
    (tiny_project / ".oxykb/docs").mkdir(parents=True)
    (tiny_project / ".oxykb/docs/nl").symlink_to(tiny_project / "content/nl")
    (tiny_project / ".oxykb/html").symlink_to(tiny_project / "content")

    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert {path: path.read_bytes() for path in (tiny_project / "content").rglob("*.md")} == before
    assert not (tiny_project / ".oxykb/docs/nl").is_symlink() and (tiny_project / ".oxykb/docs/nl/index.md").is_file()


def test_a_stray_file_among_generated_pages_is_removed_and_never_published(tiny_project):
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    stray = tiny_project / ".oxykb/docs/nl/stray.md"
    stray.write_text("# Stray\n")
    claim = tiny_project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("Textbook physiology.", "Textbook physiology, edited."))

    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert not stray.exists() and not (tiny_project / "site/stray").exists()


def special_files(project, outside):
    """Links and special files under claims/, each with the message check gives it."""
    facts = project / "claims/facts"
    sources = project / "claims/sources"
    (facts / "zeroes.yaml").symlink_to("/dev/zero")
    (facts / "dangling.yaml").symlink_to(facts / "no-such-file.yaml")
    (facts / "looping.yaml").symlink_to(facts / "looping.yaml")
    (facts / "outside.yaml").symlink_to(outside)
    os.mkfifo(facts / "pipe.yaml")
    shutil.copy(sources / "test-explainer.yaml", sources / "leaky.yaml")
    (sources / "leaky.txt").symlink_to("/etc/passwd")
    (project / "claims/risks").rename(project / "risks-elsewhere")
    (project / "claims/risks").symlink_to(project / "risks-elsewhere")
    link = "symbolic link; oxykb reads only regular files inside the project"
    return [
        f"claims/facts/dangling.yaml:1:1: {link}",
        f"claims/facts/looping.yaml:1:1: {link}",
        f"claims/facts/outside.yaml:1:1: {link}",
        "claims/facts/pipe.yaml:1:1: not a regular file (a FIFO, socket or device); oxykb reads only regular files",
        f"claims/facts/zeroes.yaml:1:1: {link}",
        "claims/risks:1:1: symbolic link; oxykb reads only regular files and folders inside the project",
        f"claims/sources/leaky.txt:1:1: {link}",
    ]


def test_links_and_special_files_under_claims_are_refused_at_once(tiny_kb, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(
        (tiny_kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml").read_text().replace("Textbook", "SECRET")
    )
    expected = special_files(tiny_kb, outside)

    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "oxykb", "check", str(tiny_kb)], capture_output=True, text=True, timeout=60
    )

    assert time.perf_counter() - started < 20
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = run.stdout.splitlines()
    assert [line for line in lines if "symbolic link" in line or "regular file" in line] == expected
    assert "root:" not in run.stdout + run.stderr and "SECRET" not in run.stdout  # nothing read through a link


def test_claims_folder_that_is_a_link_is_refused(tmp_path, tiny_kb):
    project = tmp_path / "project"
    project.mkdir()
    (project / "claims").symlink_to(tiny_kb / "claims")
    result = run_oxykb("check", str(project))
    assert (result.exit_code, result.stdout) == (
        1,
        "claims:1:1: symbolic link; claims/ must be a folder in the project\n",
    )


@pytest.mark.parametrize("change", ["same size, same time", "replaced by a copy"])
def test_caches_see_a_change_that_keeps_size_and_time(tiny_kb, change):
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0
    claim = tiny_kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    before = claim.stat()
    broken = claim.read_bytes().replace(b"grade: high", b"grade: hihg")
    if change == "replaced by a copy":
        copy = claim.with_suffix(".tmp")
        copy.write_bytes(broken)
        os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
        copy.rename(claim)
    else:
        claim.write_bytes(broken)
        os.utime(claim, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (claim.stat().st_size, claim.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 1 and "'grade' must be one of" in result.stdout
