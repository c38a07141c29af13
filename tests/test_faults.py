"""Faults never wedge the project or publish stale content: kills, Ctrl-C, a full disk, two builds at once,
edits during a build, and site folders oxykb cannot write or rename into."""

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import run_oxykb, tree_bytes

from oxykb.mkdocs import pages, site

BUILD = [sys.executable, "-m", "oxykb", "build"]


def descendants(pid: int) -> set[int]:
    """Every process below pid, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def edit_claim(project: Path, new: str) -> None:
    claim = project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    text = claim.read_text()
    old = text.split("  en: ", 1)[1].split("\n", 1)[0]
    claim.write_text(text.replace(f"  en: {old}", f"  en: {new}", 1))


@pytest.mark.parametrize(
    "how, after", [("kill", 0.5), ("kill", 1.5), ("kill", 3.0), ("interrupt", 1.0), ("interrupt", 2.5)]
)
def test_an_interrupted_build_leaves_no_workers_and_the_next_build_recovers(tiny_project, how, after):
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    edit_claim(tiny_project, '"Oxytocin is made in the hypothalamus (edited)."')
    build = subprocess.Popen([*BUILD, str(tiny_project)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    workers = descendants(build.pid)
    build.send_signal(signal.SIGKILL if how == "kill" else signal.SIGINT)
    build.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, workers)), "a worker outlived the build"
    assert (tiny_project / "site/index.html").is_file()  # the previous site, or the new one: never none

    result = run_oxykb("build", str(tiny_project))

    assert result.exit_code == 0, result.output
    assert "(edited)" in (tiny_project / "site/en/claims/oxytocin-made-in-hypothalamus/index.html").read_text()
    assert not (tiny_project / ".site.oxykb-staging").exists()


def test_a_full_disk_while_writing_pages_fails_cleanly_and_the_next_build_recovers(tiny_project, monkeypatch):
    writes = []
    real_write = Path.write_bytes

    def full_after_five(path, data):
        writes.append(path)
        if len(writes) > 5:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_after_five)
    failed = run_oxykb("build", str(tiny_project), "--jobs", "1")
    monkeypatch.undo()

    assert failed.exit_code == 1 and "No space left on device" in failed.stderr
    assert not (tiny_project / "site").exists()
    assert run_oxykb("check", str(tiny_project)).exit_code == 0
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert (tiny_project / "site/en/index.html").is_file()


def test_a_claim_edited_during_a_build_is_published_by_the_next_build(tiny_project, monkeypatch):
    checked_inputs = pages.checked_inputs

    def edited_right_after_reading(root, *remember):
        result = checked_inputs(root, *remember)
        edit_claim(tiny_project, '"Edited while the site was being built."')
        return result

    monkeypatch.setattr(pages, "checked_inputs", edited_right_after_reading)
    assert run_oxykb("build", str(tiny_project), "--jobs", "1").exit_code == 0
    monkeypatch.undo()

    again = run_oxykb("build", str(tiny_project))

    assert "up to date" not in again.stdout
    assert (
        "Edited while the site"
        in (tiny_project / "site/en/claims/oxytocin-made-in-hypothalamus/index.html").read_text()
    )


def test_two_builds_at_once_both_succeed_one_after_the_other(tiny_project):
    first = subprocess.Popen([*BUILD, str(tiny_project)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    second = subprocess.Popen([*BUILD, str(tiny_project)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = [process.communicate(timeout=120) for process in (first, second)]

    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert "another oxykb build of this project is running: waiting for it to finish" in outputs[1][1]
    assert "Traceback" not in "".join(out + err for out, err in outputs)
    assert (tiny_project / "site/en/index.html").is_file()


def test_a_rebuild_never_leaves_a_moment_without_a_site(tiny_project):
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    edit_claim(tiny_project, '"Edited, to make the build run."')
    index, missing, done = tiny_project / "site/index.html", [], threading.Event()

    def watch():
        while not done.is_set():
            if not index.is_file():
                missing.append(time.monotonic())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        assert run_oxykb("build", str(tiny_project), "--jobs", "1").exit_code == 0
    finally:
        done.set()
        watcher.join()
    assert missing == []


def test_a_build_killed_between_two_renames_gets_its_previous_site_back(tmp_path):
    """Where the system cannot swap folders in one step, the next build puts back the site moved aside."""
    site_dir, staging = tmp_path / "site", tmp_path / ".site.oxykb-staging"
    (staging / "previous").mkdir(parents=True)
    (staging / "previous/index.html").write_text("the previous site")
    site.recover(site_dir, staging)
    assert (site_dir / "index.html").read_text() == "the previous site"
    assert not staging.exists()


def test_a_site_folder_on_another_file_system_is_built(tiny_project):
    if os.stat("/dev/shm").st_dev == os.stat(tiny_project).st_dev:
        pytest.fail("/dev/shm is expected to be a separate tmpfs here")
    target = Path(f"/dev/shm/oxykb-test-{os.getpid()}/site")
    try:
        assert run_oxykb("build", str(tiny_project), "--site-dir", str(target)).exit_code == 0
        assert (target / "en/index.html").is_file()
    finally:
        subprocess.run(["rm", "-rf", str(target.parent)], check=True)


@pytest.mark.parametrize("site_dir", ["/proc/oxykb-site", "/sys/oxykb-site"])
def test_a_site_folder_that_cannot_be_written_is_a_message(tiny_project, site_dir):
    result = run_oxykb("build", str(tiny_project), "--site-dir", site_dir)
    assert result.exit_code == 1
    assert result.stderr.startswith("the site could not be built; the previous site is untouched:\n")
    assert site_dir in result.stderr


def test_a_site_folder_that_is_a_link_is_replaced_not_followed(tiny_project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    (tiny_project / "site").symlink_to(elsewhere)
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert tree_bytes(elsewhere) == {"keep.txt": b"keep"}
    assert not (tiny_project / "site").is_symlink() and (tiny_project / "site/index.html").is_file()
