"""The rules of the claim format, one small example each: input beside expected output."""

import datetime
import json

import pytest
from conftest import run_oxykb, tree_bytes

from oxykb.check import yamlstrict
from oxykb.check.validate import normalise


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Oxytocine\u0301", "Oxytocine\u0301".replace("e\u0301", "\u00e9")),  # NFC
        ("het \u2018liefdeshormoon\u2019 en \u201cknuffel\u201d", "het 'liefdeshormoon' en \"knuffel\""),
        ("de  stress\n\n  reactie", "de stress reactie"),
        ("niet onder-\n\ndrukt", "niet onderdrukt"),
        ("trauma- \ntische", "traumatische"),
        ("PTSS - klachten", "PTSS - klachten"),  # a dash between words is not a line-break hyphen
        ("oxy\u00adtocine", "oxytocine"),  # soft hyphen
    ],
)
def test_quote_normalisation(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "yaml_text, value",
    [
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
    ],
)
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
    assert result.stdout == "6 claims and 2 sources checked: no problems\n"


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
        "claims": 6,
        "sources": 2,
        "problems": [
            {
                "path": "claims/facts/oxytocin-made-in-hypothalamus.yaml",
                "line": 5,
                "column": 8,
                "message": "'grade' must be one of high, moderate, low, very-low, unsupported; found 'sure, 100%'",
            }
        ],
    }


def parse_cache_file(project):
    from oxykb import workspace
    from oxykb.check import parse_cache

    return workspace.cache_dir(project) / parse_cache.CACHE_FILE


def test_check_never_writes_into_claims(tiny_kb):
    before = tree_bytes(tiny_kb / "claims")
    run_oxykb("check", str(tiny_kb))
    assert tree_bytes(tiny_kb / "claims") == before


def test_a_cached_check_sees_every_change(tiny_kb):
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0
    assert parse_cache_file(tiny_kb).is_file()
    break_grade(tiny_kb)
    assert run_oxykb("check", str(tiny_kb)).exit_code == 1
    path = tiny_kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    path.write_text(path.read_text().replace("grade: sure, 100%", "grade: high"))
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0


def test_a_corrupt_cache_is_ignored(tiny_kb):
    run_oxykb("check", str(tiny_kb))
    parse_cache_file(tiny_kb).write_bytes(b"not a pickle")
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0


CLAIM_FILES = [
    "claims/facts/oxytocin-made-in-hypothalamus.yaml",
    "claims/facts/stress-raises-heart-rate.yaml",
    "claims/risks/cuddle-hormone-myth.yaml",
    "claims/studies/nasal-spray-makes-people-social.yaml",
    "claims/studies/nasal-spray-no-difference-to-trust.yaml",
    "claims/therapies/oxytocin-causes-contractions.yaml",
]
EVERY_FILE = [
    "claims/tags.yaml",
    "claims/sources/doe-2020.yaml",
    "claims/sources/test-explainer.yaml",
    "claims/questions/does-nasal-spray-make-people-social.yaml",
    *CLAIM_FILES,
]


def test_the_parse_cache_serves_every_unchanged_file_and_only_those(tiny_kb):
    from oxykb.check.load import load

    first = load(tiny_kb)
    assert sorted(first.parsed_afresh) == sorted(EVERY_FILE)

    unchanged = load(tiny_kb)
    assert unchanged.parsed_afresh == []
    assert unchanged.knowledge_base == first.knowledge_base and unchanged.problems == first.problems == []

    edited = tiny_kb / "claims/risks/cuddle-hormone-myth.yaml"
    edited.write_text(edited.read_text().replace("A popular simplification.", "A popular simplification, edited."))
    after_edit = load(tiny_kb)
    assert after_edit.parsed_afresh == ["claims/risks/cuddle-hormone-myth.yaml"]
    assert after_edit.knowledge_base.claims["cuddle-hormone-myth"].rationale.en == "A popular simplification, edited."
    assert load(tiny_kb).parsed_afresh == []


def test_after_an_edit_the_chunks_of_unchanged_files_are_written_back_as_they_were(tiny_kb):
    import pickle

    from oxykb.check.load import load

    load(tiny_kb)  # a chunk of the tags and sources, and one of the claims, each pickled once
    _, before = pickle.loads(parse_cache_file(tiny_kb).read_bytes())
    edited = tiny_kb / "claims/risks/cuddle-hormone-myth.yaml"
    edited.write_text(edited.read_text().replace("A popular simplification.", "A popular simplification, edited."))
    load(tiny_kb)
    _, after = pickle.loads(parse_cache_file(tiny_kb).read_bytes())

    (unchanged,) = [chunk for chunk in before if "claims/tags.yaml" in pickle.loads(chunk)]
    assert unchanged in after
    assert sorted(shown for chunk in after for shown in pickle.loads(chunk)) == sorted(EVERY_FILE)


def test_a_problem_in_a_cached_file_is_reported_again(tiny_kb):
    from oxykb.check.load import load

    break_grade(tiny_kb)
    first = load(tiny_kb)
    again = load(tiny_kb)
    assert again.parsed_afresh == [] and again.problems == first.problems != []


def test_the_parse_cache_is_only_as_good_as_the_date(tiny_kb):
    """'In the future' depends on the day: a cache made on another day is not used."""
    from oxykb.check.load import load

    load(tiny_kb, today=datetime.date(2026, 11, 2))
    day_before = load(tiny_kb, today=datetime.date(2026, 10, 31))
    assert sorted(day_before.parsed_afresh) == sorted(EVERY_FILE)
    assert len(day_before.problems) == 7  # every claim and the question reviewed "in the future"


def test_without_the_cache_every_file_is_parsed_and_no_cache_written(tiny_kb):
    from oxykb.check.load import load

    assert sorted(load(tiny_kb, cache=False).parsed_afresh) == sorted(EVERY_FILE)
    assert not parse_cache_file(tiny_kb).exists()


def break_two_claims(kb):
    """One problem in a file, one in a reference: both must come back whichever process parsed them."""
    in_a_file = kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    in_a_file.write_text(in_a_file.read_text().replace("grade: high", "grade: sure"))
    in_a_reference = kb / "claims/risks/cuddle-hormone-myth.yaml"
    text = in_a_reference.read_text()
    in_a_reference.write_text(text.replace("tags: [myths]", "tags: [myths]\nrelated: [no-such-claim]"))


def test_two_processes_load_what_one_loads(tiny_kb):
    from oxykb.check.load import load

    break_two_claims(tiny_kb)
    alone = load(tiny_kb, cache=False)
    assert alone.problems and alone.reference_problems

    shared = load(tiny_kb, second_process_from=1)  # the second process parses the last chunk: here, every claim
    assert shared.knowledge_base == alone.knowledge_base
    assert sorted(shared.problems) == sorted(alone.problems)
    assert sorted(shared.reference_problems) == sorted(alone.reference_problems)
    assert sorted(shared.parsed_afresh) == sorted(EVERY_FILE)

    from_its_cache = load(tiny_kb)  # the second process's chunks went into the parse cache as they came
    assert from_its_cache.parsed_afresh == [] and from_its_cache.knowledge_base == alone.knowledge_base


def test_each_claim_file_is_parsed_once_and_the_second_process_parses_the_last_chunk(tiny_kb):
    from oxykb.check.claims_folder import list_claims_folder
    from oxykb.check.shared_parsing import SharedParsing

    claims = list_claims_folder(tiny_kb).claims
    with SharedParsing(claims, datetime.date(2026, 11, 23), second_process_from=1, chunk_size=1) as sharing:
        mine = [shown for chunk in sharing.parse_my_share() for shown in chunk.files]
        theirs = [shown for chunk in sharing.their_share() for shown in chunk.files]
    assert sorted(mine + theirs) == sorted(CLAIM_FILES)  # each once
    assert claims[-1].shown in theirs


def test_with_threads_running_the_second_process_is_spawned_with_the_same_result(tiny_kb, monkeypatch):
    """As under `mkdocs serve`: a fork would copy locks that other threads hold, so the second process is spawned."""
    import multiprocessing
    import threading

    from oxykb.check.load import load

    break_two_claims(tiny_kb)
    alone = load(tiny_kb, cache=False)
    methods, get_context = [], multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: methods.append(method) or get_context(method))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        spawned = load(tiny_kb, cache=False, second_process_from=1)
    finally:
        stop.set()
        thread.join()
    assert methods == ["spawn"]
    assert spawned.knowledge_base == alone.knowledge_base
    assert sorted(spawned.problems) == sorted(alone.problems)
    assert sorted(spawned.reference_problems) == sorted(alone.reference_problems)


def test_a_claim_and_a_source_may_not_share_an_id(tiny_kb):
    """Both have a page named after the id, and an edit button that opens their file."""
    source = (tiny_kb / "claims/sources/doe-2020.yaml").read_bytes()
    (tiny_kb / "claims/sources/oxytocin-made-in-hypothalamus.yaml").write_bytes(source)

    result = run_oxykb("check", str(tiny_kb))

    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "claims/facts/oxytocin-made-in-hypothalamus.yaml:1:1: duplicate id 'oxytocin-made-in-hypothalamus': "
        "claims/sources/oxytocin-made-in-hypothalamus.yaml has it too (ids are unique across claims and sources)",
        "claims/sources/oxytocin-made-in-hypothalamus.yaml:1:1: duplicate id 'oxytocin-made-in-hypothalamus': "
        "claims/facts/oxytocin-made-in-hypothalamus.yaml has it too (ids are unique across claims and sources)",
    ]


def test_claims_whose_files_disagree_on_contradicting_or_relating_are_a_problem_on_both(tiny_kb):
    """nasal-spray-makes-people-social contradicts cuddle-hormone-myth; the myth may not call it merely related."""
    myth = tiny_kb / "claims/risks/cuddle-hormone-myth.yaml"
    myth.write_text(
        myth.read_text().replace("status: current", "related: [nasal-spray-makes-people-social]\nstatus: current")
    )

    result = run_oxykb("check", str(tiny_kb))

    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "claims/risks/cuddle-hormone-myth.yaml:17:11: 'nasal-spray-makes-people-social' lists this claim under "
        "'contradicts', but this one lists it under 'related'; a claim either disagrees with another or qualifies it: "
        "make both files say the same",
        "claims/studies/nasal-spray-makes-people-social.yaml:14:15: 'cuddle-hormone-myth' lists this claim under "
        "'related', but this one lists it under 'contradicts'; a claim either disagrees with another or qualifies it: "
        "make both files say the same",
    ]


def test_a_contradiction_listed_on_one_side_only_is_fine(tiny_kb):
    """Contradicting and related claims show on both pages, so one file may list the link for both."""
    from oxykb.check import check

    kb = check(tiny_kb).knowledge_base
    assert kb.claims["nasal-spray-makes-people-social"].contradicts == ("cuddle-hormone-myth",)
    assert kb.claims["cuddle-hormone-myth"].related == kb.claims["cuddle-hormone-myth"].contradicts == ()
    assert check(tiny_kb).problems == []


def test_reviewed_today_is_fine_tomorrow_is_not(tiny_kb):
    from oxykb.check import check

    today = datetime.date(2026, 11, 1)
    assert check(tiny_kb, today=today).problems == []
    assert [p.message for p in check(tiny_kb, today=today - datetime.timedelta(days=1)).problems] == [
        "'reviewed' 2026-11-01 is in the future"
    ] * 7  # six claims and a question


def test_problems_never_print_control_or_bidi_characters(tiny_kb):
    """A message quotes what an editor wrote, and names files a pull request made: neither may drive the terminal."""
    (tiny_kb / "claims/facts/clear\x1b[2J\u202e.yaml").write_bytes(b"grade: high\n")
    break_grade(tiny_kb)
    path = tiny_kb / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    path.write_text(path.read_text().replace("grade: sure, 100%", 'grade: "sure\\t100%\\r"'))

    text, github, as_json = (
        run_oxykb("check", "--format", form, str(tiny_kb)).stdout for form in ("text", "github", "json")
    )

    assert "claims/facts/clear\\x1b[2J\\u202e.yaml:1:1: file name must be an id" in text
    assert "found 'sure\\x09100%\\x0d'" in text and "found 'sure\\x09100%25\\x0d'" in github
    assert "file=claims/facts/clear\\x1b[2J\\u202e.yaml" in github
    assert {problem["message"] for problem in json.loads(as_json)["problems"]} >= {
        "'grade' must be one of high, moderate, low, very-low, unsupported; found 'sure\\x09100%\\x0d'"
    }
    for output in (text, github, as_json):
        assert not any(char in output for char in "\x1b\t\r\u202e")


@pytest.mark.parametrize(
    "url, accepted",
    [
        ("https://example.org", True),
        ("https://example.org/a/b?c=d#e", True),
        ("http://a.b", True),
        ("https://sub.example.org.", True),
        ("https://localhost/x", False),
        ("https://.org", False),
        ("https://example./x", False),
        ("https://user@example.org", False),
        ("https://example.org/a b", False),
    ],
)
def test_source_urls_need_a_host_with_a_dot(url, accepted):
    from oxykb.check import fields

    checker = fields.Checker(datetime.date(2026, 11, 1))
    fields.SOURCE.fields["url"].spec.check(yamlstrict.Scalar(yamlstrict.Position(1, 1), url), checker, "url")
    assert (checker.problems == []) == accepted


def test_a_process_that_checked_before_reads_its_cache_from_memory(tiny_kb):
    """`oxykb serve` checks after every save: the 18 MB file of 10,000 claims is not unpickled each time."""
    from oxykb.check.load import load

    first = load(tiny_kb, remember=True)
    parse_cache_file(tiny_kb).write_bytes(b"not a pickle")  # as if another process had written something else
    again = load(tiny_kb, remember=True)
    assert again.parsed_afresh == [] and again.knowledge_base == first.knowledge_base
    edited = tiny_kb / "claims/risks/cuddle-hormone-myth.yaml"
    edited.write_text(edited.read_text().replace("A popular simplification.", "A popular simplification, edited."))
    after_edit = load(tiny_kb, remember=True)
    assert after_edit.parsed_afresh == ["claims/risks/cuddle-hormone-myth.yaml"]  # stamps still decide
    assert after_edit.knowledge_base.claims["cuddle-hormone-myth"].rationale.en == "A popular simplification, edited."
    parse_cache_file(tiny_kb).write_bytes(b"not a pickle")
    assert load(tiny_kb).parsed_afresh != []  # a check that does not remember reads the file
