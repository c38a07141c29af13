"""What an edit changed between two versions of a knowledge base: which pages must be rendered again.

`oxykb serve` renders again after every save; at 10,000 claims a full render takes over a second, while a
saved claim touches a handful of pages. Pure: two KnowledgeBases in, what may differ out. It errs on the side
of rendering again: a page is kept only when nothing it shows can have changed.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from .. import urls
from ..model import Claim, KnowledgeBase, Question


class Changes(NamedTuple):
    claims: frozenset[str]  # the claims that changed (added, edited or removed)
    claim_pages: frozenset[str]  # the claims (of the new version) whose page may differ
    every_page: bool  # whether any page may differ: what is counted, sourced, tagged or asked changed
    pages: frozenset[str]  # if not, the other pages that may differ (Markdown pages, by path)


def between(before: KnowledgeBase, after: KnowledgeBase) -> Changes:
    changed = {claim_id for claim_id, claim in after.claims.items() if before.claims.get(claim_id) != claim}
    changed |= before.claims.keys() - after.claims.keys()
    sources = _differing(before.sources, after.sources)
    tags = _differing(before.tags, after.tags)
    edited_questions = _differing(before.questions, after.questions)
    versions = (before, after)
    questions = set(edited_questions)  # a question shows its claims, and its answer's grade is its key finding's
    for kb in versions:
        questions |= {question.id for question in kb.questions.values() if changed & _claims_of(question)}
    touched = set(changed)
    for kb in versions:
        for claim in kb.claims.values():
            links = {*claim.related, *claim.contradicts}  # each page of a linked pair shows the other claim
            if claim.id in changed:
                touched |= links
            elif (
                links & changed
                or (sources and sources & _sources_of(claim))
                or (tags and tags.intersection(claim.tags))
            ):
                touched.add(claim.id)
        for question in kb.questions.values():
            if question.id in questions:
                touched |= _claims_of(question)
    every_page = bool(
        sources
        or tags
        or edited_questions
        or before.claims.keys() != after.claims.keys()
        or any(_counted(before.claims[claim_id]) != _counted(after.claims[claim_id]) for claim_id in changed)
    )
    pages = set()  # and the editors' report, if it lists a changed claim (render.py knows its lists)
    if not every_page:  # only words changed: the lists that show the changed claims, and their questions
        for claim_id in changed:
            claim = after.claims[claim_id]
            pages.add(urls.category_page(claim.category))
            pages.update(map(urls.tag_page, claim.tags))
            pages.update(map(urls.source_page, _sources_of(claim)))
        pages.update(map(urls.question_page, questions))
    return Changes(frozenset(changed), frozenset(touched & after.claims.keys()), every_page, frozenset(pages))


def _claims_of(question: Question) -> set[str]:
    return {entry.claim for entry in question.claims}


def _sources_of(claim: Claim) -> set[str]:
    return {*claim.cites, *(quote.source for quote in claim.sources)}


def _differing(before, after) -> set[str]:
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _counted(claim: Claim) -> Claim:
    """A claim without its words (statement, rationale, quotes): what decides where it is listed and counted.

    Pages other than its own show a claim's words only in lists of a category, tag, source or question (a
    question page shows a caveat's rationale too), and in the editors' report's lists, which depend on none."""
    return dataclasses.replace(
        claim,
        statement=None,
        rationale=None,
        sources=tuple(dataclasses.replace(quote, quote="", quote_en="") for quote in claim.sources),
    )
