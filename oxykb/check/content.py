"""The hand-written pages, content/<language>/<name>.md: read without trusting the checkout, checked like claim text.

A pull request commits these pages as it commits claims, so they are hostile too. MkDocs
turns them into HTML with Python-Markdown, which passes raw HTML through, links to any
URL and takes attribute lists ({: onclick=...}); so a page may hold Markdown only: no raw
HTML, no link that is not http(s) or relative, no attribute list, no snippet marker, no
control character, and front matter with a description at most. Only regular files
inside the project are read, at most MAX_BYTES of each: a symbolic link could publish
.git/config, a FIFO or /dev/zero could hang the build.

Every regex here runs in linear time: no two quantifiers can take the same characters,
and the possessive ones (`*+`, `++`) never give back what they took.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import html
import os
import re
import stat
import string
from bisect import bisect_right
from pathlib import Path

from .. import urls
from ..model import LANGUAGES
from ..problems import Problem
from . import fields, safe_files, yamlstrict

FOLDER = "content"
# Python-Markdown takes time quadratic in some shapes of text (brackets, lines of a block) and recurses
# once per level of a nested list; these limits, ample for a page (the longest today is 5 KB, its fullest
# block 28 lines with 5 brackets), keep a hostile page's build under a second.
MAX_BYTES = 64 * 1024
BLOCK_LINES = 50  # lines without a blank line between them
BLOCK_BRACKETS = 20  # '[' in one such block
MAX_INDENT = 40  # columns: ten levels of nesting
MAX_HEADINGS = 100  # each is a table-of-contents entry and a search section

FRONT_MATTER = fields.Record(
    {"description": fields.Field(fields.Text("What search engines show for the page."), required=False)},
    description="A hand-written page's front matter: its first heading is its title, and nothing else is needed.",
)

_TAKEN = urls.taken_names()
_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def read(root: Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Every language's pages ({name: text}) and every problem with them, pages missing their translation included.

    Folders are opened relative to their parent and never through a link, so nothing
    outside the project is read, whatever is swapped in while this runs.
    """
    pages: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    present: dict[str, set[str]] = {
        language: set() for language in LANGUAGES
    }  # refused pages too: they are not "missing"
    problems: list[Problem] = []
    project = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        with _folder(FOLDER, project, FOLDER, problems) as content:
            for name, mode in _entries(content):
                shown = f"{FOLDER}/{name}"
                if stat.S_ISLNK(mode):
                    problems.append(Problem(shown, 1, 1, safe_files.LINK_IN_FOLDER))
                elif name not in LANGUAGES or not stat.S_ISDIR(mode):
                    kind, expected = (
                        "folder" if stat.S_ISDIR(mode) else "file",
                        ", ".join(f"{language}/" for language in LANGUAGES),
                    )
                    problems.append(Problem(shown, 1, 1, f"unexpected {kind} in {FOLDER}/; expected {expected}"))
                else:
                    with _folder(name, content, shown, problems) as folder:
                        _read_language(folder, name, pages[name], present[name], problems)
    finally:
        os.close(project)
    for language in LANGUAGES:
        for other in LANGUAGES:
            for name in sorted(present[other] - present[language]):
                problems.append(
                    Problem(
                        f"{FOLDER}/{other}/{name}",
                        1,
                        1,
                        f"no {language} translation: {FOLDER}/{language}/{name} is missing",
                    )
                )
    return pages, sorted(problems)


def _entries(folder: int | None) -> list[tuple[str, int]]:
    """A folder's entries but hidden ones (.gitkeep), with their types (a link is a link); none for no folder."""
    if folder is None:
        return []
    with os.scandir(folder) as entries:
        return sorted(
            (entry.name, entry.stat(follow_symlinks=False).st_mode)
            for entry in entries
            if not entry.name.startswith(".")
        )


@contextlib.contextmanager
def _folder(name: str, parent: int, shown: str, problems: list[Problem]):
    """The folder's descriptor, or None (with a problem, unless absent) when it is no real folder in the project."""
    descriptor = None
    try:
        if stat.S_ISLNK(os.stat(name, dir_fd=parent, follow_symlinks=False).st_mode):
            problems.append(Problem(shown, 1, 1, f"symbolic link; {shown}/ must be a folder in the project"))
        else:
            descriptor = os.open(name, _FOLDER_FLAGS, dir_fd=parent)  # O_NOFOLLOW: not a link swapped in since
    except FileNotFoundError:
        pass
    except OSError as error:
        problems.append(Problem(shown, 1, 1, f"cannot read folder: {error.strerror}"))
    try:
        yield descriptor
    finally:
        if descriptor is not None:
            os.close(descriptor)


def _read_language(
    folder: int | None, language: str, pages: dict[str, str], present: set[str], problems: list[Problem]
) -> None:
    for name, mode in _entries(folder):
        shown = f"{FOLDER}/{language}/{name}"
        if stat.S_ISLNK(mode):
            problems.append(Problem(shown, 1, 1, safe_files.LINK_IN_FOLDER))
        elif not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            problems.append(Problem(shown, 1, 1, safe_files.NOT_REGULAR))
        elif stat.S_ISDIR(mode) or not name.endswith(".md"):
            problems.append(
                Problem(
                    shown, 1, 1, f"unexpected {'folder' if stat.S_ISDIR(mode) else 'file'}; this folder holds .md pages"
                )
            )
        elif name[:-3] in _TAKEN:
            problems.append(
                Problem(shown, 1, 1, f"the site has a page of its own at /{name[:-3]}/; name this one otherwise")
            )
        elif not fields.is_slug(name[:-3]):
            problems.append(Problem(shown, 1, 1, f"page name must be {fields.SLUG_SHAPE}, then .md"))
        else:
            present.add(name)
            data, refusal = _read_page(name, folder)
            text, found = check_page(data) if refusal is None else ("", [(1, 1, refusal)])
            problems += [Problem(shown, line, column, message) for line, column, message in found]
            if not found:
                pages[name] = text


def _read_page(name: str, folder: int) -> tuple[bytes, str | None]:
    """A page's bytes, read relative to its folder's descriptor, or why it cannot be read."""
    try:
        status, data = safe_files.read_regular_file(name, MAX_BYTES, dir_fd=folder)
    except safe_files.NotARegularFile:
        return b"", safe_files.NOT_REGULAR
    except OSError as error:  # ELOOP: a symbolic link swapped in since the folder was listed
        return b"", safe_files.LINK_IN_FOLDER if error.errno == errno.ELOOP else f"cannot read file: {error.strerror}"
    if data is None:
        return b"", f"file is {max(status.st_size, MAX_BYTES + 1):,} bytes; the limit is {MAX_BYTES:,}"
    return data, None


def check_page(data: bytes) -> tuple[str, list[tuple[int, int, str]]]:
    """A page's text as MkDocs is to read it (line breaks made \\n), and its problems as (line, column, message)."""
    if len(data) > MAX_BYTES:
        return "", [(1, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")]
    text, refused = yamlstrict.decode(data)  # UTF-8 without BOM, no control or bidi character
    if text is None:
        return "", [(problem.pos.line, problem.pos.column, problem.message) for problem in refused]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    body, problems = _front_matter(lines)
    problems += _markup_problems(lines, body)
    problems += _link_problems(lines, body)
    problems += _reference_problems(lines)
    problems += _snippet_problems(lines)
    problems += _shape_problems(lines, body)
    return text, sorted(problems)


_HEADING = re.compile(
    r" {0,3}+(?:#|=++[ \t]*+$|-++[ \t]*+$)"
)  # an ATX heading, or a setext underline (or a rule: counted too)


def _shape_problems(lines: list[str], body: int) -> list[tuple[int, int, str]]:
    """Blocks longer or fuller of brackets, nesting deeper and headings more than the limits above allow."""
    problems = []
    code = _fenced_code(lines, body)[0]
    headings = [index for index in range(body, len(lines)) if index not in code and _HEADING.match(lines[index])]
    if len(headings) > MAX_HEADINGS:
        problems.append(
            (headings[MAX_HEADINGS] + 1, 1, f"heading {MAX_HEADINGS + 1}; a page has at most {MAX_HEADINGS}")
        )
    start, brackets = 0, 0  # the current block's first line and its brackets so far
    for index, line in enumerate(lines + [""]):
        if not line.strip():
            if index - start > BLOCK_LINES:
                problems.append(
                    (
                        start + 1,
                        1,
                        f"a block of {index - start} lines; at most {BLOCK_LINES} may stand without a blank line",
                    )
                )
            if brackets > BLOCK_BRACKETS:
                problems.append(
                    (start + 1, 1, f"a block with {brackets} '['; at most {BLOCK_BRACKETS} (split it with blank lines)")
                )
            start, brackets = index + 1, 0
            continue
        brackets += line.count("[")
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        if indent > MAX_INDENT:
            problems.append((index + 1, 1, f"indented {indent} columns; at most {MAX_INDENT} (ten levels of nesting)"))
    return problems


_FRONT_MATTER_OPENS = re.compile(r"---[ \t]*+")
_FRONT_MATTER_CLOSES = re.compile(r"(?:---|\.\.\.)[ \t]*+")
_METADATA = re.compile(
    r" {0,3}[A-Za-z0-9_-]++:"
)  # MkDocs' MultiMarkdown metadata, which it reads from a first line like this


def _front_matter(lines: list[str]) -> tuple[int, list[tuple[int, int, str]]]:
    """Where the Markdown starts, and the front matter's problems.

    Front matter is found where MkDocs finds it (mkdocs.utils.meta.YAML_RE: a closing line
    after at least one line, with a line break after it), and read by the strict reader.
    """
    if not _FRONT_MATTER_OPENS.fullmatch(lines[0]):
        if _METADATA.match(lines[0]):
            return 0, [
                (1, 1, "MkDocs reads a first line 'key: value' as page metadata; start the page with its heading")
            ]
        return 0, []
    end = next((index for index in range(2, len(lines) - 1) if _FRONT_MATTER_CLOSES.fullmatch(lines[index])), None)
    if end is None:
        return 0, []  # not front matter to MkDocs either: Markdown, checked as such
    node, refused = yamlstrict.read(("\n".join(lines[1:end]) + "\n").encode())
    problems = [(problem.pos.line + 1, problem.pos.column, problem.message) for problem in refused]
    if node is not None:
        checker = fields.Checker(today=datetime.date.today())
        FRONT_MATTER.check(node, checker, "")
        problems += [(pos.line + 1, pos.column, message) for pos, message in checker.problems]
    return end + 1, problems


_FENCE = re.compile(r"`{3,}+|~{3,}+")
_FENCE_LINE = re.compile(r"(?:`{3,}+|~{3,}+) *+(?:\.?[\w#.+-]*+ *+)?")  # a fence and at most a language: ```yaml
_CLOSING_FENCE = re.compile(r"(`{3,}+|~{3,}+) *+")


def _fenced_code(lines: list[str], body: int) -> tuple[set[int], set[int], list[tuple[int, int, str]]]:
    """The lines of fenced code blocks and the lines of their fences, as Python-Markdown's fenced_code finds them.

    Its FENCED_BLOCK_RE takes, from each line that opens a fence, everything up to the first
    line that is the same fence alone. Its options (hl_lines="...", which may run over several
    lines, and {attributes}) are refused, so that every line starting with a fence is read
    here as it reads it.
    """
    closing: dict[str, list[int]] = {}
    for index in range(body, len(lines)):
        if fence := _CLOSING_FENCE.fullmatch(lines[index]):
            closing.setdefault(fence.group(1), []).append(index)
    code, fences, problems = set(), set(), []
    index = body
    while index < len(lines):
        fence = _FENCE.match(lines[index])
        if fence and not _FENCE_LINE.fullmatch(lines[index]):
            problems.append(
                (index + 1, 1, "a code fence names at most a language (```yaml); nothing else may follow it")
            )
        elif fence:
            later = closing.get(fence.group(), [])
            position = bisect_right(later, index)
            if position < len(later):
                code.update(range(index + 1, later[position]))
                fences.update((index, later[position]))
                index = later[position]
        index += 1
    return code, fences, problems


_BACKTICKS = re.compile(r"`++")


def _code_spans(line: str) -> list[tuple[int, int]] | None:
    """A line's code spans, or None when its backticks do not pair up on it beyond doubt.

    Paired as Python-Markdown pairs them (a run of backticks with the next run of the same
    length) when every run on the line has its partner there. A backtick left over could pair
    with one on another line, an escaped one (\\`) opens a span a character later, and a `|`
    inside could be split by a table: then no span counts on the page.
    """
    runs = [match.span() for match in _BACKTICKS.finditer(line)]
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        if line[start - 1 : start] == "\\":
            return None
        closer = next(
            (later for later in range(index + 1, len(runs)) if runs[later][1] - runs[later][0] == end - start), None
        )
        if closer is None or "|" in line[end : runs[closer][0]]:
            return None
        spans.append((start, runs[closer][1]))
        index = closer + 1
    return spans


_MARKUP = re.compile(r"[<{]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*+):")
_HTML_STARTS = frozenset(string.ascii_letters + "!?/")  # what opens a tag, comment, declaration or end tag
_WEB = ("http", "https")


def _markup_problems(lines: list[str], body: int) -> list[tuple[int, int, str]]:
    """Raw HTML, autolinks that are not http(s), and the braces of attribute lists, outside code."""
    code, fences, problems = _fenced_code(lines, body)
    text = [index for index in range(body, len(lines)) if index not in code and index not in fences]
    spans = {index: _code_spans(lines[index]) for index in text}
    if None in spans.values():
        spans = dict.fromkeys(text, [])
    for index in sorted(set(range(body, len(lines))) - code):
        line, line_spans = lines[index], spans.get(index, [])
        following = 0  # the first code span that does not end before the character at hand
        for match in _MARKUP.finditer(line):
            at = match.start()
            while following < len(line_spans) and line_spans[following][1] <= at:
                following += 1
            if following < len(line_spans) and line_spans[following][0] <= at:
                continue
            if match.group() == "{":
                problems.append(
                    (index + 1, at + 1, "attribute lists ({: ...}) are not allowed; a brace may stand only in code")
                )
            elif scheme := _SCHEME.match(line, at + 1):
                if scheme.group(1).lower() not in _WEB or not line.startswith("//", scheme.end()):
                    problems.append((index + 1, at + 2, _link_message(scheme.group(1))))
            elif line[at + 1 : at + 2] in _HTML_STARTS:
                problems.append(
                    (index + 1, at + 1, "raw HTML is not allowed; write Markdown, or put it in a code span")
                )
    return problems


_LINK_STARTS = re.compile(r"\]\(|^ {0,3}\[[^\]\n]*+\]:", re.MULTILINE)  # inline links and images; reference definitions
_REFERENCE = re.compile(r"&(?:#[0-9]++|#[xX][0-9A-Fa-f]++|[A-Za-z0-9]++);")
# A link target's scheme as a browser reads it: character references decoded, tabs and line breaks dropped.
_TARGET = re.compile(r"\s*+<?+((?:[A-Za-z0-9+.\-\t\n\r]|&(?:#[0-9]++|#[xX][0-9A-Fa-f]++|[A-Za-z0-9]++);)*+:?+)")
_LEADING_BLANKS = "".join(map(chr, range(0x21)))  # what a browser strips from the start of a URL


def _link_message(scheme: str) -> str:
    return f"links must be http(s) or relative; found a {scheme.lower()}: link"


def _link_problems(lines: list[str], body: int) -> list[tuple[int, int, str]]:
    """Link and image targets with a scheme other than http(s), however spelled (java&#115;cript:, java⏎script:)."""
    text = "\n".join(lines[body:])
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    problems = []
    for start in _LINK_STARTS.finditer(text):
        target = _TARGET.match(text, start.end())
        readable = _REFERENCE.sub(lambda reference: _character(reference.group()), target.group(1))
        readable = readable.replace("\t", "").replace("\n", "").replace("\r", "").lstrip(_LEADING_BLANKS)
        scheme = _SCHEME.match(readable)
        if scheme and scheme.group(1).lower() not in _WEB:
            line = bisect_right(line_starts, target.start(1)) - 1
            problems.append((body + line + 1, target.start(1) - line_starts[line] + 1, _link_message(scheme.group(1))))
    return problems


def _character(reference: str) -> str:
    """What a browser reads for a character reference (html.unescape drops control characters that a browser keeps)."""
    if not reference.startswith("&#"):
        return html.unescape(reference)
    hexadecimal = reference[2] in "xX"
    digits = (reference[3:-1] if hexadecimal else reference[2:-1]).lstrip("0") or "0"
    number = int(digits, 16 if hexadecimal else 10) if len(digits) <= 8 else 0x110000
    return chr(number) if number <= 0x10FFFF else "\ufffd"


def _reference_problems(lines: list[str]) -> list[tuple[int, int, str]]:
    """Character references (&#7;, &#x202e;) that write what the file itself may not hold."""
    problems = []
    for number, line in enumerate(lines, start=1):
        for reference in _REFERENCE.finditer(line):
            reasons = {yamlstrict.bad_character(char) for char in _character(reference.group())} - {None}
            if reasons:
                problems.append((number, reference.start() + 1, f"{reference.group()} stands for a {min(reasons)}"))
    return problems


_SNIPPET = re.compile(
    r"-8<-"
)  # the fixed middle of every snippet marker (--8<--), which pymdownx.snippets reads anywhere


def _snippet_problems(lines: list[str]) -> list[tuple[int, int, str]]:
    problems = []
    for number, line in enumerate(lines, start=1):
        for marker in _SNIPPET.finditer(line):
            start = marker.start()
            while start and line[start - 1] == "-":  # only the first marker on a run of dashes walks back over it
                start -= 1
            problems.append((number, start + 1, "snippet markers (--8<--) are not allowed"))
    return problems
