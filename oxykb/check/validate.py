"""Checks what no single file can show: references between files, and quotes.

Each claim is checked on its own against a Context of the other files, so that
the process that read a claim can check it too (see load.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Claim, Direction, Grade, Population, Question, Role, Source
from ..problems import Problem

_QUOTE_FOLDING = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2039": "'",
    "\u203a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00ad": "",  # soft hyphen
}
_TO_FOLD = re.compile("[" + "".join(_QUOTE_FOLDING) + "]")
_HYPHENATED_LINE_BREAK = re.compile(r"(\w)-[^\S\n]*\n\s*(\w)")


def normalise(text: str) -> str:
    """The contract's quote normalisation: NFC, ASCII quotes, joined hyphenation, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _TO_FOLD.sub(lambda match: _QUOTE_FOLDING[match.group()], text)
    if "-" in text:
        text = _HYPHENATED_LINE_BREAK.sub(r"\1\2", text)
    return " ".join(text.split())


SHORTEST_QUOTE = 20  # characters after normalisation: three or four words, enough to point at one passage


def _matching_prefix(quote: str, text: str) -> int:
    """Length of the longest start of the quote that the text contains."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class Context:
    """What checking one claim needs to know of every other file: made once, before any claim is read."""

    claim_ids: frozenset[str]  # every claim file found, valid or not, so a broken file causes no second problem
    source_ids: frozenset[str]  # every source description found, valid or not
    texts: Mapping[str, str | None]  # normalised full text of each readable source; None where it has none
    tags: Mapping | None  # None when tags.yaml has problems of its own

    @classmethod
    def of(cls, claim_ids, source_ids, sources: Mapping[str, Source], tags: Mapping | None) -> Context:
        texts = {source.id: None if source.text is None else normalise(source.text) for source in sources.values()}
        return cls(frozenset(claim_ids), frozenset(source_ids), texts, tags)


def claim_problems(claim: Claim, context: Context) -> list[Problem]:
    """Problems in one claim's references and quotes."""
    problems: list[Problem] = []

    def report(key: str, message: str) -> None:
        line, column = claim.position(key)
        problems.append(Problem(claim.path, line, column, message))

    texts = context.texts
    for index, entry in enumerate(claim.sources):
        key = f"sources[{index}]"
        if entry.source not in context.source_ids:
            report(f"{key}.source", f"unknown source '{entry.source}' (no claims/sources/{entry.source}.yaml)")
        elif entry.source in texts and texts[entry.source] is None:
            report(
                f"{key}.source",
                (
                    f"source '{entry.source}' has no full text (claims/sources/{entry.source}.txt), so it cannot "
                    f"be quoted; list it under cites instead"
                ),
            )
        elif entry.source in texts:
            quote, text = normalise(entry.quote), texts[entry.source]
            if len(quote) < SHORTEST_QUOTE:
                report(
                    f"{key}.quote",
                    (
                        f"quote is too short to identify a passage: quote at least {SHORTEST_QUOTE} characters of "
                        f"the source (found {len(quote)})"
                    ),
                )
            elif quote not in text:
                matched = _matching_prefix(quote, text)
                hint = (
                    f"; it matches up to '{quote[max(0, matched - 30) : matched]}' and then differs"
                    if matched >= 10
                    else ""
                )
                report(f"{key}.quote", f"quote not found in claims/sources/{entry.source}.txt{hint}")
    for index, source_id in enumerate(claim.cites):
        if source_id not in context.source_ids:
            report(
                f"cites[{index}]", f"'cites' names unknown source '{source_id}' (no claims/sources/{source_id}.yaml)"
            )
    _check_tags(claim.tags, context, report)
    if claim.direction is Direction.NO_DIFFERENCE and claim.grade is Grade.UNSUPPORTED:
        report(
            "direction",
            "a finding of little or no difference is evidence, so it cannot be unsupported: grade how certain it is "
            "(unsupported is for assertions with nothing known behind them)",
        )
    if claim.population is Population.NONE and claim.grade.rank < Grade.VERY_LOW.rank:
        report(
            "population",
            f"population 'none' says no research exists, which cannot support grade '{claim.grade}'; "
            f"grade it very-low or unsupported, or say whose research it is",
        )
    for index, claim_id in enumerate(claim.contradicts):
        if claim_id in claim.related:
            report(
                f"contradicts[{index}]",
                f"'{claim_id}' is listed under both 'related' and 'contradicts'; a claim either disagrees with "
                f"another or qualifies it",
            )
    for field_name in ("related", "contradicts"):
        for index, claim_id in enumerate(getattr(claim, field_name)):
            if claim_id == claim.id:
                report(f"{field_name}[{index}]", f"a claim cannot list itself under '{field_name}'")
            elif claim_id not in context.claim_ids:
                report(f"{field_name}[{index}]", f"'{field_name}' names unknown claim '{claim_id}'")
    return problems


def relation_problems(claims: Mapping[str, Claim]) -> list[Problem]:
    """Two claims whose files disagree on how they relate: one lists the other under 'contradicts' while that one
    lists it under 'related'. A located problem on both files; one pass over every link, so linear."""
    contradicting = {
        (claim.id, other): index for claim in claims.values() for index, other in enumerate(claim.contradicts)
    }
    problems: list[Problem] = []

    def report(claim: Claim, key: str, other: str, theirs: str, ours: str) -> None:
        line, column = claim.position(key)
        problems.append(
            Problem(
                claim.path,
                line,
                column,
                f"'{other}' lists this claim under '{theirs}', but this one lists it under '{ours}'; a claim either "
                f"disagrees with another or qualifies it: make both files say the same",
            )
        )

    for claim in claims.values():
        for index, other in enumerate(claim.related):
            if (other, claim.id) in contradicting:
                report(claim, f"related[{index}]", other, "contradicts", "related")
                report(
                    claims[other], f"contradicts[{contradicting[other, claim.id]}]", claim.id, "related", "contradicts"
                )
    return problems


def _check_tags(tags: tuple[str, ...], context: Context, report) -> None:
    if context.tags is not None:
        for index, tag in enumerate(tags):
            if tag not in context.tags:
                report(f"tags[{index}]", f"tag '{tag}' has no Dutch and English name in claims/tags.yaml")


def question_problems(question: Question, context: Context) -> list[Problem]:
    """Problems in a question's references: its claims exist, none twice, and one is the key finding."""
    problems: list[Problem] = []

    def report(key: str, message: str) -> None:
        line, column = question.position(key)
        problems.append(Problem(question.path, line, column, message))

    seen: dict[str, int] = {}
    for index, entry in enumerate(question.claims):
        if entry.claim not in context.claim_ids:
            report(f"claims[{index}].claim", f"unknown claim '{entry.claim}' (no claims/<category>/{entry.claim}.yaml)")
        elif entry.claim in seen:
            line = question.position(f"claims[{seen[entry.claim]}]")[0]
            report(f"claims[{index}].claim", f"claim '{entry.claim}' is listed twice (first at line {line})")
        else:
            seen[entry.claim] = index
    if not question.with_role(Role.KEY_FINDING):
        report("claims", "no claim has the role key-finding; the first key finding gives the answer its certainty")
    _check_tags(question.tags, context, report)
    return problems
