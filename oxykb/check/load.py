"""Reads claims/ into a KnowledgeBase, checking every file, and every claim against the others.

The steps, each in its own module: list what claims/ holds (claims_folder.py), parse each file or take it
from the parse cache (records.py, parse_cache.py; many claim files in two processes: shared_parsing.py), make
model objects of the valid ones (to_model.py), and check each claim against the other files (validate.py).
Every problem is collected before anything is reported. A file with problems is left out of the knowledge
base, but its id stays known, so that references to it cause no second, misleading problem.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ..model import Claim, KnowledgeBase
from ..problems import Problem
from . import claims_folder, records, safe_files, shared_parsing, to_model, validate
from .claims_folder import FileToRead
from .parse_cache import ParseCache

MAX_SOURCE_TEXT_BYTES = 4 * 1024 * 1024


@dataclass
class Loaded:
    knowledge_base: KnowledgeBase
    problems: list[Problem]  # in files, each on its own
    reference_problems: list[Problem]  # in references and quotes between files (validate.py)
    claims_read: int  # claim files found, valid or not
    sources_read: int
    parsed_afresh: list[str]  # shown paths of the files parsed, not taken from the parse cache

    def every_problem(self) -> list[Problem]:
        """Problems in files and in references, sorted as they are reported."""
        return sorted(self.problems + self.reference_problems)


@contextlib.contextmanager
def cycle_collector_paused():
    """Reading makes hundreds of thousands of objects that stay alive and hold no reference cycles;
    Python's cycle collector would walk them again and again, more than doubling the time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def load(
    root: Path,
    today: datetime.date | None = None,
    cache: bool = True,
    second_process_from: int = shared_parsing.SECOND_PROCESS_FROM,
    remember: bool = False,
) -> Loaded:
    """Reads and checks every claim and source under root/claims; with many claims, in two processes.

    `remember` keeps the parse cache and the claims made from it in memory for the next load in this process
    (`oxykb serve`, after every save); a build does without, for its memory."""
    today = today or datetime.date.today()
    with cycle_collector_paused():
        found = claims_folder.list_claims_folder(root)
        parse_cache = ParseCache(root, today, use=cache, remember=remember)
        parsed: dict[str, records.ParsedFile] = {}
        parsed_afresh: list[str] = []

        def not_cached(files: list[FileToRead]) -> list[FileToRead]:
            for file in files:
                if (entry := parse_cache.get(file.shown, file.path)) is not None:
                    parsed[file.shown] = entry
            return [file for file in files if file.shown not in parsed]

        def keep(chunks: list[shared_parsing.ParsedChunk]) -> None:
            for chunk in chunks:
                parsed.update(chunk.files)
                parsed_afresh.extend(chunk.files)
                parse_cache.add(chunk.pickled, chunk.files)

        claims_to_parse = not_cached(found.claims)
        with shared_parsing.SharedParsing(claims_to_parse, today, second_process_from) as sharing:
            first = not_cached(  # while the other process starts on claims
                ([found.tags] if found.tags else []) + found.sources + found.questions
            )
            if first:
                keep([shared_parsing.parse_chunk(first, today)])
            keep(sharing.parse_my_share())
            keep(sharing.their_share())
        parse_cache.save()

        tags = parsed[found.tags.shown].values if found.tags else {}  # None when tags.yaml has problems of its own
        sources, claims, questions, problems = _valid_files(found, parsed, remember)
        context = validate.Context.of(
            [file.id for file in found.claims], [file.id for file in found.sources], sources, tags
        )
        references = [problem for claim in claims.values() for problem in validate.claim_problems(claim, context)]
        references += validate.relation_problems(claims)
        references += [
            problem for question in questions.values() for problem in validate.question_problems(question, context)
        ]
    knowledge_base = KnowledgeBase(
        MappingProxyType(claims), MappingProxyType(sources), MappingProxyType(tags or {}), MappingProxyType(questions)
    )
    return Loaded(knowledge_base, problems, references, len(found.claims), len(found.sources), parsed_afresh)


# The model of each claim file made in this process, by its parsed entry: an entry the parse cache kept in memory
# (`oxykb serve`, checking after every save) is the same object, so its claim need not be made again.
_CLAIMS: dict[int, tuple[records.ParsedFile, FileToRead, Claim]] = {}


def _claim(file: FileToRead, parsed: records.ParsedFile) -> Claim:
    made = _CLAIMS.get(id(parsed))
    if made is None or made[0] is not parsed or made[1] != file:
        if len(_CLAIMS) > 100_000:
            _CLAIMS.clear()
        made = _CLAIMS[id(parsed)] = (parsed, file, to_model.claim(file, parsed))
    return made[2]


def _valid_files(found: claims_folder.ClaimsFolder, parsed: dict[str, records.ParsedFile], remember: bool):
    """The valid sources, claims and questions as model objects, and every problem in files: their own and their
    folders'."""
    problems = list(found.problems)
    for file in ([found.tags] if found.tags else []) + found.sources + found.questions + found.claims:
        problems.extend(parsed[file.shown].problems)
    sources = {}
    for file in found.sources:
        text = None
        if file.id in found.source_texts:
            text, text_problems = safe_files.read_source_text(*found.source_texts[file.id], MAX_SOURCE_TEXT_BYTES)
            problems.extend(text_problems)
        if parsed[file.shown].values is not None:
            sources[file.id] = to_model.source(file, parsed[file.shown], text)
    claims = {
        file.id: (_claim if remember else to_model.claim)(file, parsed[file.shown])
        for file in found.claims
        if parsed[file.shown].values is not None
    }
    questions = {
        file.id: to_model.question(file, parsed[file.shown])
        for file in found.questions
        if parsed[file.shown].values is not None
    }
    return sources, claims, questions, problems
