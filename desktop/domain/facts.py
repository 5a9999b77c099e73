"""Per-fact views: the citation a user copies, related facts, and where a quote sits in its
source (for “show in article”)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.dataset import Dataset
from desktop.domain.schema import split_keys


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Occurrence:
    paragraph: int     # index into paragraphs()
    start: int         # offsets within that paragraph's text
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """The source's non-empty lines, with their offsets (the article has one paragraph a line)."""
    result, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            result.append(Paragraph(len(result), offset, offset + len(body), body))
        offset += len(line)
    return result


def occurrences(text: str, quote: str) -> list[Occurrence]:
    """Every place the quote stands in the text (a figure the article states twice has two)."""
    paras = paragraphs(text)
    found, start = [], text.find(quote) if quote else -1
    while start >= 0:
        for para in paras:
            if para.start <= start < para.end:
                found.append(Occurrence(para.index, start - para.start,
                                        min(start + len(quote), para.end) - para.start))
                break
        start = text.find(quote, start + 1)
    return found


def related_facts(dataset: Dataset, fact_id: str, limit: int = 8) -> list[str]:
    """Facts that share a place or a field, most shared first, then in dataset order."""
    facts = dataset.facts
    places = set(split_keys(facts.at[fact_id, "places"]))
    tags = set(split_keys(facts.at[fact_id, "tags"]))
    if not places and not tags:
        return []
    scores = []
    for position, (fid, p, t) in enumerate(zip(facts.index, facts["places"], facts["tags"])):
        if fid == fact_id:
            continue
        score = 2 * len(places & set(split_keys(p))) + len(tags & set(split_keys(t)))
        if score:
            scores.append((-score, position, fid))
    return [fid for _, _, fid in sorted(scores)[:limit]]
