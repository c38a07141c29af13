"""The adversarial corpus: each bad input beside the exact problem it must produce.

Every case is a file written into a copy of the tiny valid knowledge base
(tests/kb). `oxykb check` must print exactly the expected lines (after the
file's path) and exit 1, without a traceback.
"""

# Line numbers below refer to this valid claim.
VALID_CLAIM = """\
statement:
  nl: "Oxytocine wordt aangemaakt in de hypothalamus."
  en: "Oxytocin is made in the hypothalamus."
grade: high
rationale:
  nl: "Leerboekfysiologie."
  en: "Textbook physiology."
population: human
sources:
  - source: test-explainer
    quote: "Oxytocine wordt geproduceerd in de hypothalamus"
    quote_en: "Oxytocin is produced in the hypothalamus"
status: current
tags: [physiology]
reviewed: "2026-11-01"
"""

VALID_SOURCE = """\
title: "Een bron"
kind: news
language: nl
reliability: moderate
assessment:
  nl: "Een bron."
  en: "A source."
"""

# Line numbers below refer to this valid question about claims of the tiny knowledge base.
VALID_QUESTION = """\
question:
  nl: "Maakt oxytocine mensen socialer?"
  en: "Does oxytocin make people more sociable?"
answer:
  nl: "Dat is zeer onzeker."
  en: "That is very uncertain."
claims:
  - claim: nasal-spray-makes-people-social
    role: key-finding
  - claim: cuddle-hormone-myth
    role: myth
tags: [intranasal-oxytocin]
reviewed: "2026-11-01"
"""

CLAIM = "claims/facts/new-claim.yaml"
SOURCE = "claims/sources/new-source.yaml"
QUESTION = "claims/questions/new-question.yaml"


def claim(old: str, new: str) -> bytes:
    assert old in VALID_CLAIM, old
    return VALID_CLAIM.replace(old, new, 1).encode()


def source(old: str, new: str) -> bytes:
    assert old in VALID_SOURCE, old
    return VALID_SOURCE.replace(old, new, 1).encode()


def question(old: str, new: str) -> bytes:
    assert old in VALID_QUESTION, old
    return VALID_QUESTION.replace(old, new, 1).encode()


# (case id, file, content, expected "line:col: message" lines)
CASES = [
    # YAML syntax: point at where the broken construct starts
    (
        "syntax-unclosed-quote",
        CLAIM,
        claim('reviewed: "2026-11-01"', 'reviewed: "2026-11-01'),
        [
            (
                "15:11: YAML syntax error: found unexpected end of stream at line 16, while scanning a quoted scalar "
                "that starts here"
            ),
        ],
    ),
    (
        "syntax-unclosed-flow-list",
        CLAIM,
        claim("tags: [physiology]", "tags: [physiology"),
        [
            (
                "14:7: YAML syntax error: did not find expected ',' or ']' at line 15, while parsing a flow sequence "
                "that starts here"
            ),
        ],
    ),
    (
        "syntax-bad-indentation",
        CLAIM,
        claim('  en: "Textbook physiology."', ' en: "Textbook physiology."'),
        [
            "7:2: YAML syntax error: did not find expected key (while parsing a block mapping started at line 1)",
        ],
    ),
    (
        "syntax-tab-indentation",
        CLAIM,
        claim('  nl: "Leerboekfysiologie."', '\tnl: "Leerboekfysiologie."'),
        [
            "6:1: YAML syntax error: found character that cannot start any token (while scanning for the next token)",
        ],
    ),
    # duplicate and non-text keys
    (
        "duplicate-top-level-key",
        CLAIM,
        claim("population: human", "grade: low\npopulation: human"),
        [
            "8:1: duplicate key 'grade' (first at line 4)",
        ],
    ),
    (
        "duplicate-key-in-list-item",
        CLAIM,
        claim("    quote_en:", "    source: test-explainer\n    quote_en:"),
        [
            "12:5: duplicate key 'source' (first at line 10)",
        ],
    ),
    (
        "duplicate-key-in-translation",
        CLAIM,
        claim('  en: "Oxytocin is made in the hypothalamus."', '  nl: "Nog eens."'),
        [
            "3:3: duplicate key 'nl' (first at line 2)",
        ],
    ),
    (
        "duplicate-key-after-typing",
        CLAIM,
        claim("status: current", '"grade": high\nstatus: current'),
        [
            "13:1: duplicate key 'grade' (first at line 4)",
        ],
    ),
    (
        "duplicate-key-written-with-escapes",
        SOURCE,
        source("kind: news", 'kind: news\n"ti\\u0074le": "Nog een titel"'),
        [
            "3:1: duplicate key 'title' (first at line 1)",
        ],
    ),
    (
        "duplicate-key-after-unicode-normalisation",
        SOURCE,
        source("kind: news", 'kind: news\n"caf\\u00e9": 1\n"cafe\\u0301": 2'),
        [
            "4:1: duplicate key 'caf\u00e9' (first at line 3)",
        ],
    ),
    (
        "non-text-key",
        CLAIM,
        claim("status: current", "1: one\nstatus: current"),
        [
            "13:1: keys must be plain text",
        ],
    ),
    (
        "complex-key",
        CLAIM,
        claim("status: current", "? [a, b]\n: x\nstatus: current"),
        [
            "13:3: keys must be plain text",
        ],
    ),
    # anchors, aliases, merge keys, tags
    (
        "anchor",
        CLAIM,
        claim("grade: high", "grade: &g high"),
        [
            "4:8: anchors (&g) are not allowed; repeat the value instead",
        ],
    ),
    (
        "alias",
        CLAIM,
        claim("population: human", "population: *p"),
        [
            "8:13: aliases (*p) are not allowed; repeat the value instead",
        ],
    ),
    (
        "merge-key",
        CLAIM,
        claim("status: current", "<<: {status: current}\nstatus: current"),
        [
            "13:1: merge keys (<<) are not allowed",
        ],
    ),
    (
        "alias-bomb",
        CLAIM,
        b'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
        [
            "1:4: anchors (&a) are not allowed; repeat the value instead",
            "2:4: anchors (&b) are not allowed; repeat the value instead",
            "2:8: aliases (*a) are not allowed; repeat the value instead",
            "2:11: aliases (*a) are not allowed; repeat the value instead",
            "2:14: aliases (*a) are not allowed; repeat the value instead",
            "2:17: aliases (*a) are not allowed; repeat the value instead",
            "2:20: aliases (*a) are not allowed; repeat the value instead",
            "2:23: aliases (*a) are not allowed; repeat the value instead",
            "2:26: aliases (*a) are not allowed; repeat the value instead",
            "2:29: aliases (*a) are not allowed; repeat the value instead",
            "2:32: aliases (*a) are not allowed; repeat the value instead",
            "3:4: anchors (&c) are not allowed; repeat the value instead",
            "3:8: aliases (*b) are not allowed; repeat the value instead",
            "3:11: aliases (*b) are not allowed; repeat the value instead",
            "3:14: aliases (*b) are not allowed; repeat the value instead",
            "3:17: aliases (*b) are not allowed; repeat the value instead",
            "3:20: aliases (*b) are not allowed; repeat the value instead",
            "3:23: aliases (*b) are not allowed; repeat the value instead",
            "3:26: aliases (*b) are not allowed; repeat the value instead",
            "3:29: aliases (*b) are not allowed; repeat the value instead",
            "3:32: aliases (*b) are not allowed; repeat the value instead",
        ],
    ),
    (
        "tag-python-object",
        CLAIM,
        claim("grade: high", "grade: !!python/object/apply:os.system ['echo owned']"),
        [
            "4:8: tags (!!python/object/apply:os.system) are not allowed",
        ],
    ),
    (
        "tag-binary",
        CLAIM,
        claim("grade: high", "grade: !!binary aGlnaA=="),
        [
            "4:8: tags (!!binary) are not allowed",
        ],
    ),
    (
        "tag-set",
        CLAIM,
        claim("tags: [physiology]", "tags: !!set {physiology: null}"),
        [
            "14:7: tags (!!set) are not allowed",
        ],
    ),
    (
        "tag-custom",
        CLAIM,
        claim("grade: high", "grade: !grade high"),
        [
            "4:8: tags (!grade) are not allowed",
        ],
    ),
    (
        "tag-str-explicit",
        CLAIM,
        claim("grade: high", "grade: !!str high"),
        [
            "4:8: tags (!!str) are not allowed",
        ],
    ),
    # documents and top level
    (
        "two-documents",
        CLAIM,
        VALID_CLAIM.encode() + b"---\ngrade: low\n",
        [
            "16:1: a file holds one document; remove the second '---'",
        ],
    ),
    (
        "yaml-directive",
        CLAIM,
        b"%YAML 1.1\n---\n" + VALID_CLAIM.encode(),
        [
            "1:1: YAML directives (%YAML, %TAG) are not allowed",
        ],
    ),
    (
        "empty-file",
        CLAIM,
        b"",
        [
            "1:1: file is empty; expected a mapping of fields",
        ],
    ),
    (
        "only-a-comment",
        CLAIM,
        b"# nothing here\n",
        [
            "1:1: file is empty; expected a mapping of fields",
        ],
    ),
    (
        "top-level-list",
        CLAIM,
        b"- statement\n- grade\n",
        [
            "1:1: expected a mapping of fields (key: value) at the top level",
        ],
    ),
    (
        "top-level-text",
        CLAIM,
        b"just some words\n",
        [
            "1:1: expected a mapping of fields (key: value) at the top level",
        ],
    ),
    # YAML 1.1 surprises
    (
        "yaml11-boolean-no",
        CLAIM,
        claim("tags: [physiology]", "tags: [physiology, no]"),
        [
            '14:20: unquoted no is read as true/false by YAML 1.1 tools; write "no" in quotes',
        ],
    ),
    (
        "yaml11-boolean-on",
        CLAIM,
        claim("status: current", "status: on"),
        [
            '13:9: unquoted on is read as true/false by YAML 1.1 tools; write "on" in quotes',
        ],
    ),
    (
        "yaml11-octal",
        CLAIM,
        claim("tags: [physiology]", "tags: [0755]"),
        [
            '14:8: unquoted 0755 is read as a number in another base by YAML 1.1 tools; write "0755" in quotes',
        ],
    ),
    (
        "yaml11-base-60",
        CLAIM,
        claim("tags: [physiology]", "tags: [1:30]"),
        [
            '14:8: unquoted 1:30 is read as a number in another base by YAML 1.1 tools; write "1:30" in quotes',
        ],
    ),
    (
        "unquoted-date",
        CLAIM,
        claim('reviewed: "2026-11-01"', "reviewed: 2026-11-01"),
        [
            '15:11: unquoted 2026-11-01 is read as a date object by YAML tools; write dates in quotes: "2026-11-01"',
        ],
    ),
    (
        "yaml11-number-with-underscores",
        CLAIM,
        claim("tags: [physiology]", "tags: [1_000]"),
        [
            '14:8: unquoted 1_000 is read as a number in another base by YAML 1.1 tools; write "1_000" in quotes',
        ],
    ),
    # numbers too long to convert (Python refuses an int of over 4,300 digits)
    (
        "integer-too-long",
        CLAIM,
        claim("tags: [physiology]", "tags: [" + "1" * 5000 + "]"),
        [
            "14:8: unquoted number of 5,000 characters is too long to read; write it in quotes",
        ],
    ),
    (
        "hexadecimal-too-long",
        CLAIM,
        claim("grade: high", "grade: 0x" + "f" * 4000),
        [
            "4:8: unquoted number of 4,002 characters is too long to read; write it in quotes",
        ],
    ),
    (
        "float-too-long",
        CLAIM,
        claim("grade: high", "grade: 1." + "5" * 400 + "e99999"),
        [
            "4:8: unquoted number of 408 characters is too long to read; write it in quotes",
        ],
    ),
    # bytes
    (
        "not-utf8",
        CLAIM,
        claim("Leerboekfysiologie", "Leerboekfysiologi\xe9").decode().encode("latin-1"),
        [
            "6:25: file is not valid UTF-8 (byte 0xe9)",
        ],
    ),
    (
        "byte-order-mark",
        CLAIM,
        b"\xef\xbb\xbf" + VALID_CLAIM.encode(),
        [
            "1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
        ],
    ),
    (
        "nul-byte",
        CLAIM,
        claim("Textbook physiology.", "Textbook\x00 physiology."),
        [
            "7:16: file contains a NUL byte",
        ],
    ),
    (
        "control-character",
        CLAIM,
        claim("Textbook physiology.", "Textbook \x1b[31mphysiology."),
        [
            "7:17: file contains a control character U+001B",
        ],
    ),
    (
        "bidi-override",
        CLAIM,
        claim("Textbook physiology.", "Textbook \u202ephysiology."),
        [
            "7:17: file contains a bidirectional control character U+202E (can disguise text)",
        ],
    ),
    # the same characters written as escapes in double-quoted text
    (
        "escaped-control-character",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "Textbook\\aphysiology."'),
        [
            "7:7: quoted text contains a control character U+0007, written as an escape",
        ],
    ),
    (
        "escaped-bidi-override",
        CLAIM,
        claim('en: "Oxytocin is made in the hypothalamus."', 'en: "Oxytocin is made in the \\u202Ehypothalamus."'),
        [
            (
                "3:7: quoted text contains a bidirectional control character U+202E (can disguise text), written "
                "as an escape"
            ),
        ],
    ),
    (
        "escaped-clipboard-sequence",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "\\e]52;c;b3duZWQ=\\a"'),
        [
            "7:7: quoted text contains a control character U+001B, written as an escape",
        ],
    ),
    (
        "escaped-control-character-in-key",
        CLAIM,
        claim("status: current", '"stat\\x9bus": current'),
        [
            "13:1: quoted text contains a control character U+009B, written as an escape",
        ],
    ),
    (
        "oversized-file",
        CLAIM,
        VALID_CLAIM.encode() + b"#" * (256 * 1024),
        [
            "1:1: file is 262,566 bytes; the limit is 262,144",
        ],
    ),
    (
        "nesting-too-deep",
        CLAIM,
        claim("tags: [physiology]", "tags: " + "[" * 25 + "]" * 25),
        [
            "14:26: nesting deeper than 20 levels",
        ],
    ),
    (
        "nesting-50000-deep",
        CLAIM,
        b"tags: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
        [
            "1:26: nesting deeper than 20 levels",
        ],
    ),
    # fields and types
    (
        "unknown-field",
        CLAIM,
        claim("grade: high", "grdae: high"),
        [
            "1:1: missing field 'grade'",
            "4:1: unknown field 'grdae' (did you mean 'grade'?)",
        ],
    ),
    (
        "missing-field",
        CLAIM,
        claim("status: current\n", ""),
        [
            "1:1: missing field 'status'",
        ],
    ),
    (
        "statement-not-translated",
        CLAIM,
        claim(
            (
                'statement:\n  nl: "Oxytocine wordt aangemaakt in de hypothalamus."\n  en: "Oxytocin is made in the '
                'hypothalamus."'
            ),
            'statement: "Oxytocin is made in the hypothalamus."',
        ),
        [
            "1:12: 'statement' must be a mapping with nl: and en: texts, not 'Oxytocin is made in the hypothalamus.'",
        ],
    ),
    (
        "missing-english",
        CLAIM,
        claim('  en: "Textbook physiology."\n', ""),
        [
            "6:3: 'rationale' is missing its en text",
        ],
    ),
    (
        "empty-dutch",
        CLAIM,
        claim('  nl: "Leerboekfysiologie."', '  nl: "  "'),
        [
            "6:7: 'rationale.nl' is empty",
        ],
    ),
    (
        "unknown-language",
        CLAIM,
        claim('  en: "Textbook physiology."', '  en: "Textbook physiology."\n  de: "Lehrbuch."'),
        [
            "8:3: 'rationale' has unknown language 'de'; use nl and en",
        ],
    ),
    (
        "unknown-field-too-long-to-guess",
        CLAIM,
        claim("status: current", "status: current\n? " + "status" * 10 + "\n: current"),
        [
            (
                f"14:3: unknown field '{'status' * 10}'; known fields: statement, grade, rationale, direction, "
                f"population, background, sources, cites, related, contradicts, status, tags, reviewed"
            ),
        ],
    ),
    (
        "message-cannot-forge-a-line",
        CLAIM,
        claim("grade: high", 'grade: "high\\r\\nclaims/facts/new-claim.yaml:1:1: no problems"'),
        [
            (
                "4:8: 'grade' must be one of high, moderate, low, very-low, unsupported; "
                "found 'high\\x0d\\x0aclaims/facts/new-claim.yaml:1:1: "
                "no problems'"
            ),
        ],
    ),
    (
        "unknown-grade",
        CLAIM,
        claim("grade: high", "grade: hihg"),
        [
            (
                "4:8: 'grade' must be one of high, moderate, low, very-low, unsupported; found 'hihg' (did you mean "
                "'high'?)"
            ),
        ],
    ),
    (
        "grade-as-number",
        CLAIM,
        claim("grade: high", "grade: 4"),
        [
            "4:8: 'grade' must be one of high, moderate, low, very-low, unsupported; found the number 4",
        ],
    ),
    (
        "unknown-population",
        CLAIM,
        claim("population: human", "population: humans"),
        [
            "8:13: 'population' must be one of human, animal, in-vitro, mixed, none; found 'humans' "
            "(did you mean 'human'?)",
        ],
    ),
    (
        "tags-not-a-list",
        CLAIM,
        claim("tags: [physiology]", "tags: physiology"),
        [
            "14:7: 'tags' must be a list, not 'physiology'",
        ],
    ),
    (
        "tag-not-a-slug",
        CLAIM,
        claim("tags: [physiology]", "tags: [Physiology]"),
        [
            (
                "14:8: 'tags[0]' must be a lowercase slug (a-z, 0-9 and single hyphens, at most 80 characters); found "
                "'Physiology'"
            ),
        ],
    ),
    (
        "no-sources",
        CLAIM,
        claim(
            (
                'sources:\n  - source: test-explainer\n    quote: "Oxytocine wordt geproduceerd in de hypothalamus"\n '
                '   quote_en: "Oxytocin is produced in the hypothalamus"'
            ),
            "sources: []",
        ),
        [
            "9:10: 'sources' needs at least one item",
        ],
    ),
    (
        "reviewed-not-a-real-date",
        CLAIM,
        claim('reviewed: "2026-11-01"', 'reviewed: "2026-02-30"'),
        [
            "15:11: 'reviewed' is not a real date: '2026-02-30'",
        ],
    ),
    (
        "reviewed-in-the-future",
        CLAIM,
        claim('reviewed: "2026-11-01"', 'reviewed: "2999-01-01"'),
        [
            "15:11: 'reviewed' 2999-01-01 is in the future",
        ],
    ),
    (
        "reviewed-not-iso",
        CLAIM,
        claim('reviewed: "2026-11-01"', 'reviewed: "1 november 2026"'),
        [
            "15:11: 'reviewed' must be an ISO date (YYYY-MM-DD); found '1 november 2026'",
        ],
    ),
    # text that would become markup
    (
        "raw-html",
        CLAIM,
        claim('en: "Oxytocin is made in the hypothalamus."', 'en: "Oxytocin <script>alert(1)</script>"'),
        [
            "3:7: 'statement.en': raw HTML is not allowed in text; write plain text",
        ],
    ),
    (
        "javascript-link",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "[Textbook](javascript:alert(1)) physiology."'),
        [
            "7:7: 'rationale.en': script or data URLs are not allowed",
        ],
    ),
    (
        "markdown-link-not-http",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "[Textbook](/etc/passwd) physiology."'),
        [
            "7:7: 'rationale.en': Markdown links must point to an http(s) URL",
        ],
    ),
    (
        "attribute-list",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "Textbook physiology. {: onclick=\\"alert(1)\\" }"'),
        [
            "7:7: 'rationale.en': attribute lists ({: ...}) are not allowed in text",
        ],
    ),
    (
        "raw-html-with-spaces",
        CLAIM,
        claim('en: "Oxytocin is made in the hypothalamus."', 'en: "Oxytocin <   /   script>"'),
        [
            "3:7: 'statement.en': raw HTML is not allowed in text; write plain text",
        ],
    ),
    (
        "snippet-marker-long",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "-----8<----- \\"/etc/passwd\\""'),
        [
            "7:7: 'rationale.en': snippet markers (--8<--) are not allowed in text",
        ],
    ),
    (
        "snippet-marker",
        CLAIM,
        claim('en: "Textbook physiology."', 'en: "--8<-- \\"/etc/passwd\\""'),
        [
            "7:7: 'rationale.en': snippet markers (--8<--) are not allowed in text",
        ],
    ),
    # ids and references
    (
        "id-not-a-slug",
        "claims/facts/New_Claim.yaml",
        VALID_CLAIM.encode(),
        [
            "1:1: file name must be an id: a lowercase slug (a-z, 0-9 and single hyphens, at most 80 characters)",
        ],
    ),
    (
        "duplicate-id-across-folders",
        "claims/risks/oxytocin-made-in-hypothalamus.yaml",
        VALID_CLAIM.encode(),
        [
            (
                "1:1: duplicate id 'oxytocin-made-in-hypothalamus': claims/facts/oxytocin-made-in-hypothalamus.yaml "
                "has it already (ids are unique across categories)"
            ),
        ],
    ),
    (
        "unknown-source",
        CLAIM,
        claim("  - source: test-explainer", "  - source: no-such-source"),
        [
            "10:13: unknown source 'no-such-source' (no claims/sources/no-such-source.yaml)",
        ],
    ),
    (
        "quote-not-in-source",
        CLAIM,
        claim(
            'quote: "Oxytocine wordt geproduceerd in de hypothalamus"',
            'quote: "Oxytocine wordt geproduceerd in de nieren"',
        ),
        [
            (
                "11:12: quote not found in claims/sources/test-explainer.txt; "
                "it matches up to 'cine wordt geproduceerd "
                "in de ' and then differs"
            ),
        ],
    ),
    (
        "quote-too-short",
        CLAIM,
        claim('quote: "Oxytocine wordt geproduceerd in de hypothalamus"', 'quote: "O"'),
        [
            "11:12: quote is too short to identify a passage: quote at least 20 characters of the source (found 1)",
        ],
    ),
    (
        "quote-too-short-after-normalisation",
        CLAIM,
        claim('quote: "Oxytocine wordt geproduceerd in de hypothalamus"', 'quote: "  Oxytocine        wordt  "'),
        [
            "11:12: quote is too short to identify a passage: quote at least 20 characters of the source (found 15)",
        ],
    ),
    (
        "quote-from-source-without-text",
        CLAIM,
        claim("  - source: test-explainer", "  - source: doe-2020"),
        [
            (
                "10:13: source 'doe-2020' has no full text (claims/sources/doe-2020.txt), so it cannot be quoted; "
                "list it under cites instead"
            ),
        ],
    ),
    (
        "cites-unknown-source",
        CLAIM,
        claim("status: current", "cites: [smith-1999]\nstatus: current"),
        [
            "13:9: 'cites' names unknown source 'smith-1999' (no claims/sources/smith-1999.yaml)",
        ],
    ),
    (
        "related-unknown-claim",
        CLAIM,
        claim("status: current", "related: [no-such-claim]\nstatus: current"),
        [
            "13:11: 'related' names unknown claim 'no-such-claim'",
        ],
    ),
    (
        "contradicts-itself",
        CLAIM,
        claim("status: current", "contradicts: [new-claim]\nstatus: current"),
        [
            "13:15: a claim cannot list itself under 'contradicts'",
        ],
    ),
    (
        "listed-twice",
        CLAIM,
        claim("status: current", "related: [cuddle-hormone-myth, cuddle-hormone-myth]\nstatus: current"),
        [
            "13:32: 'related' lists 'cuddle-hormone-myth' twice (first at line 13)",
        ],
    ),
    # evidence model v2: direction, background, quote roles, population none
    (
        "related-and-contradicts-the-same-claim",
        CLAIM,
        claim("status: current", "related: [cuddle-hormone-myth]\ncontradicts: [cuddle-hormone-myth]\nstatus: current"),
        [
            (
                "14:15: 'cuddle-hormone-myth' is listed under both 'related' and 'contradicts'; a claim either "
                "disagrees with another or qualifies it"
            ),
        ],
    ),
    (
        "no-difference-cannot-be-unsupported",
        CLAIM,
        claim("grade: high", "grade: unsupported\ndirection: no-difference"),
        [
            (
                "5:12: a finding of little or no difference is evidence, so it cannot be unsupported: grade how "
                "certain it is (unsupported is for assertions with nothing known behind them)"
            ),
        ],
    ),
    (
        "unknown-direction",
        CLAIM,
        claim("grade: high", "grade: high\ndirection: none"),
        [
            "5:12: 'direction' must be one of effect, no-difference, mixed; found 'none'",
        ],
    ),
    (
        "population-none-graded-high",
        CLAIM,
        claim("population: human", "population: none"),
        [
            (
                "8:13: population 'none' says no research exists, which cannot support grade 'high'; grade it "
                "very-low or unsupported, or say whose research it is"
            ),
        ],
    ),
    (
        "background-not-a-flag",
        CLAIM,
        claim("status: current", 'background: "true"\nstatus: current'),
        [
            "13:13: 'background' must be true or false, not 'true'",
        ],
    ),
    (
        "unknown-quote-role",
        CLAIM,
        claim(
            '    quote_en: "Oxytocin is produced in the hypothalamus"',
            '    quote_en: "Oxytocin is produced in the hypothalamus"\n    role: supports',
        ),
        [
            (
                "13:11: 'sources[0].role' must be one of support, claim-as-made; found 'supports' "
                "(did you mean 'support'?)"
            ),
        ],
    ),
    # sources
    (
        "source-javascript-url",
        SOURCE,
        source("language: nl", 'language: nl\nurl: "javascript:alert(1)"'),
        [
            "4:6: 'url': script or data URLs are not allowed",
        ],
    ),
    (
        "source-ftp-url",
        SOURCE,
        source("language: nl", 'language: nl\nurl: "ftp://example.org/x"'),
        [
            "4:6: 'url' must be an http:// or https:// URL; found 'ftp://example.org/x'",
        ],
    ),
    (
        "source-bad-doi",
        SOURCE,
        source("language: nl", 'language: nl\ndoi: "doi.org/10.1234/x"'),
        [
            "4:6: 'doi' must be a DOI such as 10.3402/ejpt.v3i0.18597 (without https://doi.org/); "
            "found 'doi.org/10.1234/x'",
        ],
    ),
    (
        "source-without-title",
        SOURCE,
        source('title: "Een bron"\n', ""),
        [
            "1:1: needs 'title' or 'cited_as'",
        ],
    ),
    (
        "source-unknown-kind",
        SOURCE,
        source("kind: news", "kind: newspaper"),
        [
            (
                "2:7: 'kind' must be one of news, blog, commercial, lecture, journal-article, review, book, website; "
                "found 'newspaper' (did you mean 'news'?)"
            ),
        ],
    ),
    (
        "source-study-fields",
        SOURCE,
        source("reliability: moderate", "study:\n  design: rct\n  participants: 0\nreliability: moderate"),
        [
            (
                "5:11: 'study.design' must be one of systematic-review, meta-analysis, randomised-trial, cohort, "
                "case-control, cross-sectional, case-series, animal, in-vitro, narrative-review, expert-opinion; "
                "found 'rct'"
            ),
            "6:17: 'study.participants' must be a whole number from 1 to 100,000,000, not the number 0",
        ],
    ),
    (
        "source-text-without-yaml",
        "claims/sources/orphan.txt",
        b"Losse tekst.\n",
        [
            "1:1: source text without its description orphan.yaml",
        ],
    ),
    # questions: references resolve, none twice, one key finding, both languages, known roles and tags
    (
        "question-unknown-claim",
        QUESTION,
        question("claim: cuddle-hormone-myth", "claim: cuddle-hormone-mythe"),
        [
            "10:12: unknown claim 'cuddle-hormone-mythe' (no claims/<category>/cuddle-hormone-mythe.yaml)",
        ],
    ),
    (
        "question-claim-listed-twice",
        QUESTION,
        question("claim: cuddle-hormone-myth", "claim: nasal-spray-makes-people-social"),
        [
            "10:12: claim 'nasal-spray-makes-people-social' is listed twice (first at line 8)",
        ],
    ),
    (
        "question-without-key-finding",
        QUESTION,
        question("role: key-finding", "role: caveat"),
        [
            "8:3: no claim has the role key-finding; the first key finding gives the answer its certainty",
        ],
    ),
    (
        "question-unknown-tag",
        QUESTION,
        question("tags: [intranasal-oxytocin]", "tags: [intranasal-oxytocin, nasal-spray]"),
        [
            "12:29: tag 'nasal-spray' has no Dutch and English name in claims/tags.yaml",
        ],
    ),
    (
        "question-without-english-answer",
        QUESTION,
        question('  en: "That is very uncertain."\n', ""),
        [
            "5:3: 'answer' is missing its en text",
        ],
    ),
    (
        "question-unknown-role",
        QUESTION,
        question("role: myth", "role: rumour"),
        [
            "11:11: 'claims[1].role' must be one of key-finding, caveat, myth, background; found 'rumour'",
        ],
    ),
    (
        "stray-file",
        "claims/facts/notes.md",
        b"# notes\n",
        [
            "1:1: unexpected file; this folder holds .yaml files",
        ],
    ),
    (
        "stray-folder-file",
        "claims/drafts.yaml",
        VALID_CLAIM.encode(),
        [
            "1:1: unexpected file in claims/; expected facts/, questions/, risks/, sources/, studies/, tags.yaml, "
            "therapies/",
        ],
    ),
]
