"""`oxykb serve`: a saved claim shows in the preview within seconds, and the server settles."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

CLAIM_URL = "/claims/oxytocin-made-in-hypothalamus/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout} s")


@pytest.fixture
def server(tiny_project, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "oxykb", "serve", str(tiny_project), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/en" + CLAIM_URL) is not None, 60)
        yield base, tiny_project, tmp_path / "serve.log"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def builds(log_path) -> int:
    return log_path.read_text().count("Building documentation")


def test_a_saved_claim_shows_in_both_languages_and_the_server_settles(server):
    base, project, log_path = server
    claim = project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("Textbook physiology.", "Textbook physiology, edited live."))

    seconds = wait_for(lambda: "edited live" in (fetch(base + "/en" + CLAIM_URL) or ""), 30)
    print(f"edit visible after {seconds:.2f} s")

    settled = builds(log_path)
    assert settled == 2  # the first build, then one for the edit
    time.sleep(4)
    assert builds(log_path) == settled, "the server keeps rebuilding: a rebuild loop"
    assert seconds < 10


def search_entry(base: str) -> str | None:
    return fetch(base + "/en/pagefind/pagefind-entry.json")


def test_the_preview_has_search_and_indexes_again_after_a_save(server):
    """Pagefind indexes the preview at the start; after a rebuild it indexes again beside the server."""
    base, project, _ = server
    first = search_entry(base)
    assert first and '"en"' in first and fetch(base + "/pagefind/pagefind-entry.json")
    claim = project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("Textbook physiology.", "Pituitary glands, a new word: zwiebelfisch."))
    wait_for(lambda: search_entry(base) not in (None, first), 60)  # a new index: its hash names the new words


def test_a_save_is_noticed_and_a_read_is_not(tmp_path, monkeypatch):
    """serve's watcher (watch.py): MkDocs polls one file, which changes when a claim is saved, not when it is read."""
    from oxykb.mkdocs import watch

    monkeypatch.setenv("OXYKB_CACHE_DIR", str(tmp_path / "cache"))
    claims = tmp_path / "claims"
    claims.mkdir()
    claim = claims / "a.yaml"
    claim.write_text("statement: x\n")
    watcher = watch.Watcher()
    polled = watcher.start(tmp_path, [claims, tmp_path / "content"])  # content/ does not exist: left out
    try:
        assert polled is not None and not polled.is_relative_to(tmp_path / "claims")
        trigger = next(polled.iterdir())

        def stays(seconds: float) -> bool:
            before, deadline = trigger.read_text(), time.monotonic() + seconds
            while time.monotonic() < deadline:
                if trigger.read_text() != before:
                    return False
                time.sleep(0.05)
            return True

        claim.read_text()
        assert stays(0.5)  # a read (every check reads every claim) is no save
        claim.write_text("statement: y\n")
        assert not stays(5)
    finally:
        watcher.stop()
