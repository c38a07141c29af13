"""The rules of the claim format, one small example each: input beside expected output."""

import datetime
import json
import os
import pickle
import time
from pathlib import Path

import pytest

from conftest import run_oxykb, tree_bytes
from oxykb.check import yamlstrict
from oxykb.check.validate import normalise


@pytest.mark.parametrize("text, expected", [
    ("Oxytocine\u0301", "Oxytocine\u0301".replace("e\u0301", "\u00e9")),  # NFC
    ("het \u2018liefdeshormoon\u2019 en \u201cknuffel\u201d", "het 'liefdeshormoon' en \"knuffel\""),
    ("de  stress\n\n  reactie", "de stress reactie"),
    ("niet onder-\n\ndrukt", "niet onderdrukt"),
    ("trauma- \ntische", "traumatische"),
    ("PTSS - klachten", "PTSS - klachten"),  # a dash between words is not a line-break hyphen
    ("oxy\u00adtocine", "oxytocine"),  # soft hyphen
])
def test_quote_normalisation(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("yaml_text, value", [
    ('a: "no"', "no"),
    ("a: 'on'", "on"),
    ('a: "2025-08-12"', "2025-08-12"),
    ("a: high", "high"),
    ("a: very-low", "very-low"),
    ("a: 12", 12),
    ("a: 1.5", 1.5),
    ("a: true", True),
    ("a: ~", None),
    ("a:", None),
    ("a: 10.3402/ejpt.v3i0.18597", "10.3402/ejpt.v3i0.18597"),
    ("a: https://example.org/x?y=1", "https://example.org/x?y=1"),
    ("a: >-\n  two\n  lines", "two lines"),
])
def test_scalars_are_typed_like_yaml_1_2(yaml_text, value):
    node, problems = yamlstrict.read(yaml_text.encode())
    assert problems == []
    assert node.items[0][1].value == value


def test_positions_are_one_based_line_and_column():
    node, _ = yamlstrict.read(b"a: 1\nbb:\n  - x\n")
    (key_a, value_a), (key_b, value_b) = node.items
    assert (key_a.pos.line, key_a.pos.column) == (1, 1)
    assert (value_a.pos.line, value_a.pos.column) == (1, 4)
    assert (value_b.items[0].pos.line, value_b.items[0].pos.column) == (3, 5)


def test_the_tiny_knowledge_base_checks_clean(tiny_kb):
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 0
    assert result.stdout == "4 claims and 2 sources checked: no problems\n"


def test_check_accepts_the_claims_folder_itself(tiny_kb):
    assert run_oxykb("check", str(tiny_kb / "claims")).exit_code == 0


def test_usage_errors_exit_2(tiny_kb):
    assert run_oxykb("check", str(tiny_kb / "missing")).exit_code == 2
    assert run_oxykb("check", "--format", "xml", str(tiny_kb)).exit_code == 2
    assert run_oxykb("no-such-command").exit_code == 2


def test_a_folder_without_claims_is_a_problem(tmp_path):
    result = run_oxykb("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == "claims:1:1: no claims/ folder here; run oxykb in the project folder or name it\n"


def break_grade(kb):
    path = kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    path.write_text(path.read_text().replace("grade: high", "grade: sure, 100%"))


def test_github_format_annotates_the_line(tiny_kb):
    break_grade(tiny_kb)
    result = run_oxykb("check", "--format", "github", str(tiny_kb))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=claims/facts/oxytocin-made-in-hypothalamus.yaml,line=5,col=8,title=oxykb check::"
        "'grade' must be one of high, moderate, low, very-low, unsupported; found 'sure, 100%25'"
    ]


def test_json_format_for_tools(tiny_kb):
    break_grade(tiny_kb)
    result = run_oxykb("check", "--format", "json", str(tiny_kb))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "claims": 4,
        "sources": 2,
        "problems": [{
            "path": "claims/facts/oxytocin-made-in-hypothalamus.yaml",
            "line": 5,
            "column": 8,
            "message": "'grade' must be one of high, moderate, low, very-low, unsupported; found 'sure, 100%'",
        }],
    }


def parse_cache(project):
    from oxykb.check import load
    from oxykb import workspace
    return workspace.cache_dir(project) / load.CACHE_FILE


def test_check_never_writes_into_claims(tiny_kb):
    before = tree_bytes(tiny_kb / "claims")
    run_oxykb("check", str(tiny_kb))
    assert tree_bytes(tiny_kb / "claims") == before


def test_a_cached_check_sees_every_change(tiny_kb):
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0
    assert parse_cache(tiny_kb).is_file()
    break_grade(tiny_kb)
    assert run_oxykb("check", str(tiny_kb)).exit_code == 1
    path = tiny_kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    path.write_text(path.read_text().replace("grade: sure, 100%", "grade: high"))
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0


def test_a_corrupt_cache_is_ignored(tiny_kb):
    run_oxykb("check", str(tiny_kb))
    parse_cache(tiny_kb).write_bytes(b"not a pickle")
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0


def break_two_claims(kb):
    """One problem in a file, one in a reference: both must come back from whichever process read them."""
    in_a_file = kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    in_a_file.write_text(in_a_file.read_text().replace("grade: high", "grade: sure"))
    in_a_reference = kb / "claims/risks/cuddle-hormone-myth.yaml"
    in_a_reference.write_text(in_a_reference.read_text().replace("tags: [myths]", "tags: [myths]\nrelated: [no-such-claim]"))


def test_many_claims_are_shared_by_two_processes_with_the_same_result(tiny_kb, monkeypatch, tmp_path):
    from oxykb.check import load as load_module
    break_two_claims(tiny_kb)
    serial = load_module.load(tiny_kb, cache=False)
    assert serial.problems and serial.reference_problems
    monkeypatch.setattr(load_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(load_module, "CHUNK", 1)
    this_process, read_record, reads = os.getpid(), load_module.read_record, tmp_path / "reads"

    def logged_and_slow_there(path, kind, today, shown):  # the worker starts at once: slowed, it leaves claims to this one
        if os.getpid() != this_process and kind == "claim":
            time.sleep(0.2)
        with reads.open("a") as log:
            log.write(f"{os.getpid()} {shown}\n")
        return read_record(path, kind, today, shown)

    monkeypatch.setattr(load_module, "read_record", logged_and_slow_there)
    parallel = load_module.load(tiny_kb)
    assert parallel.knowledge_base == serial.knowledge_base
    assert sorted(parallel.problems) == sorted(serial.problems)
    assert sorted(parallel.reference_problems) == sorted(serial.reference_problems)
    readers = {}
    for line in reads.read_text().splitlines():
        pid, shown = line.split(" ", 1)
        readers.setdefault(shown, []).append(pid)
    claim_readers = {shown: pids for shown, pids in readers.items() if "/sources/" not in shown and "tags" not in shown}
    assert len(claim_readers) == 4 and all(len(pids) == 1 for pids in claim_readers.values())  # every claim, once
    assert len({pids[0] for pids in claim_readers.values()}) == 2  # both processes read claims

    reads.unlink()
    problems_only = load_module.load(tiny_kb, cache=False, keep=False)
    assert problems_only.knowledge_base is None
    assert sorted(problems_only.problems) == sorted(serial.problems)
    assert sorted(problems_only.reference_problems) == sorted(serial.reference_problems)


def test_with_threads_running_the_second_process_is_spawned_with_the_same_result(tiny_kb, monkeypatch):
    """As under `mkdocs serve`: a fork would copy locks that other threads hold, so the worker is spawned."""
    import multiprocessing
    import threading
    from oxykb.check import load as load_module
    break_two_claims(tiny_kb)
    serial = load_module.load(tiny_kb, cache=False)
    monkeypatch.setattr(load_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(load_module, "CHUNK", 1)
    methods, read_here, read_record = [], [], load_module.read_record
    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: methods.append(method) or get_context(method))

    def slow_here(path, kind, today, shown):  # a spawned worker imports oxykb afresh, without this
        if kind == "claim":
            read_here.append(shown)
            time.sleep(1)
        return read_record(path, kind, today, shown)

    monkeypatch.setattr(load_module, "read_record", slow_here)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        spawned = load_module.load(tiny_kb, cache=False)
    finally:
        stop.set()
        thread.join()
    assert methods == ["spawn"] and len(read_here) < 4  # the worker read some of the four claims
    assert spawned.knowledge_base == serial.knowledge_base
    assert sorted(spawned.problems) == sorted(serial.problems)
    assert sorted(spawned.reference_problems) == sorted(serial.reference_problems)


def test_a_cache_written_by_two_processes_serves_the_next_check(tiny_kb, monkeypatch):
    from oxykb.check import load as load_module
    monkeypatch.setattr(load_module, "PARALLEL_FROM", 1)
    first = load_module.load(tiny_kb)  # each process pickles the files it read into its own shard

    def read_again(*arguments):
        raise AssertionError(f"read again instead of from the cache: {arguments}")

    monkeypatch.setattr(load_module, "read_record", read_again)
    again = load_module.load(tiny_kb)
    assert again.knowledge_base == first.knowledge_base
    assert again.problems == first.problems


def test_after_an_edit_the_cache_keeps_the_untouched_shards_as_they_were(tiny_kb, monkeypatch):
    from oxykb.check import load as load_module
    monkeypatch.setattr(load_module, "CHUNK", 1)
    monkeypatch.setattr(load_module._ParseCache, "KEEP_FROM", 1)
    cache = parse_cache(tiny_kb)
    load_module.load(tiny_kb)
    _, before = pickle.loads(cache.read_bytes())
    edited = tiny_kb / "claims/risks/cuddle-hormone-myth.yaml"
    edited.write_text(edited.read_text().replace("A popular simplification.", "A popular simplification, edited."))
    read = []
    read_record = load_module.read_record
    monkeypatch.setattr(load_module, "read_record", lambda path, *rest: read.append(path) or read_record(path, *rest))
    after_edit = load_module.load(tiny_kb)
    _, after = pickle.loads(cache.read_bytes())

    assert [Path(path).name for path in read] == ["cuddle-hormone-myth.yaml"]
    assert after_edit.knowledge_base.claims["cuddle-hormone-myth"].rationale.en == "A popular simplification, edited."
    untouched = [shard for shard in before if "cuddle-hormone-myth.yaml" not in str(pickle.loads(shard).keys())]
    assert len(untouched) == len(before) - 1 and all(shard in after for shard in untouched)  # not pickled again
    read.clear()
    assert load_module.load(tiny_kb).knowledge_base == after_edit.knowledge_base
    assert read == []


def test_reviewed_today_is_fine_tomorrow_is_not(tiny_kb):
    from oxykb.check import check
    today = datetime.date(2026, 11, 1)
    assert check(tiny_kb, today=today).problems == []
    assert [p.message for p in check(tiny_kb, today=today - datetime.timedelta(days=1)).problems] == [
        "'reviewed' 2026-11-01 is in the future"
    ] * 4


def test_problems_never_print_control_or_bidi_characters(tiny_kb):
    """A message quotes what an editor wrote, and names files a pull request made: neither may drive the terminal."""
    (tiny_kb / "claims/facts/clear\x1b[2J\u202e.yaml").write_bytes(b"grade: high\n")
    break_grade(tiny_kb)
    path = tiny_kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    path.write_text(path.read_text().replace("grade: sure, 100%", 'grade: "sure\\t100%\\r"'))

    text, github, as_json = (run_oxykb("check", "--format", form, str(tiny_kb)).stdout for form in ("text", "github", "json"))

    assert "claims/facts/clear\\x1b[2J\\u202e.yaml:1:1: file name must be an id" in text
    assert "found 'sure\\x09100%\\x0d'" in text and "found 'sure\\x09100%25\\x0d'" in github
    assert "file=claims/facts/clear\\x1b[2J\\u202e.yaml" in github
    assert {problem["message"] for problem in json.loads(as_json)["problems"]} >= {
        "'grade' must be one of high, moderate, low, very-low, unsupported; found 'sure\\x09100%\\x0d'"}
    for output in (text, github, as_json):
        assert not any(char in output for char in "\x1b\t\r\u202e")


@pytest.mark.parametrize("url, accepted", [
    ("https://example.org", True),
    ("https://example.org/a/b?c=d#e", True),
    ("http://a.b", True),
    ("https://sub.example.org.", True),
    ("https://localhost/x", False),
    ("https://.org", False),
    ("https://example./x", False),
    ("https://user@example.org", False),
    ("https://example.org/a b", False),
])
def test_source_urls_need_a_host_with_a_dot(url, accepted):
    from oxykb.check import fields
    checker = fields.Checker(datetime.date(2026, 11, 1))
    fields.SOURCE.fields["url"].spec.check(yamlstrict.Scalar(yamlstrict.Position(1, 1), url), checker, "url")
    assert (checker.problems == []) == accepted
