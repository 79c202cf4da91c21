"""Small builders the tests share."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from quoth.ingest import content_hash
from quoth.records import Document, LayoutHints, SourceInfo


def paragraph_spans(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The paragraphs joined by blank lines, and each one's span in the joined text."""
    spans, pos = [], 0
    for par in paragraphs:
        spans.append((pos, pos + len(par)))
        pos += len(par) + 2
    return "\n\n".join(paragraphs), spans


def read_story(paragraphs: list[str], cast=None) -> tuple[str, list[tuple[int, int]], list]:
    """A story of ``paragraphs`` read by the fiction sieve: (text, each paragraph's span, its units)."""
    from quoth.records import Role
    from quoth.segment.attribution import Cast, Decision, ProseReader

    text, spans = paragraph_spans(paragraphs)
    cast = Cast.learn(text) if cast is None else cast
    return text, spans, ProseReader(text, Decision(None), Role.NARRATION, cast, news=False).read(spans)


def story_speakers(paragraphs: list[str], bar: float = 0.7) -> list[str | None]:
    """Each paragraph's first quotation's speaker, as settled at ``bar`` (None under it)."""
    from quoth.records import Role

    _, spans, units = read_story(paragraphs)
    out = []
    for a, b in spans:
        quote = next((u for u in units if a <= u.start < b and u.role is Role.QUOTE), None)
        out.append(quote.speaker if quote and (quote.confidence or 0) >= bar else None)
    return out


def speaker_at(text: str, units: list, words: str, bar: float = 0.7) -> str | None:
    """The speaker of the unit holding ``words``, as settled at ``bar`` (None under it)."""
    u = next(u for u in units if words in text[u.start:u.end])
    return u.speaker if (u.confidence or 0) >= bar else None


def news_units(article: str) -> list[tuple[str | None, str]]:
    """(speaker, words) of each unit of a news article, its paragraphs separated by blank lines; every unit is
    checked to be an exact slice with words in it."""
    import re

    from quoth.records import Role
    from quoth.segment.attribution import Cast, Decision, ProseReader
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", article)]
    got = ProseReader(article, Decision(None), Role.NARRATION, Cast.learn(article), news=True).read(spans)
    for u in got:
        assert article[u.start:u.end].strip()
    return [(u.speaker, article[u.start:u.end]) for u in got]


def speaker_of(got: list[tuple[str | None, str]], words: str) -> str | None:
    """The speaker of the one unit holding ``words``."""
    [who] = [who for who, text in got if words in text]
    return who


def make_doc(text: str, path: str = "doc.txt", kind: str | None = None, comments: bool | None = None,
             **meta) -> Document:
    return Document(SourceInfo(path=path, title=meta.pop("title", ""), **meta), text, content_hash(text),
                    LayoutHints(kind, comments))


HARBOUR_AND_GARDEN = {
    "harbour.txt": "Harbour news\n\nby Ann Lee\n\nThe harbour wall was rebuilt with granite from the local quarry "
                   "after the winter storms destroyed the old stone pier.\n\nFishing boats returned at dawn and "
                   "the fish market reopened on the quay for the first time in months.\n",
    "garden.txt": "Garden notes\n\nby Bob Green\n\nTomatoes need full sun, regular watering and a rich compost to "
                  "ripen well in a cool summer.\n\nBob Green said, “Slugs ate every lettuce I planted this year, "
                  "so next spring I will use copper rings around the beds.”\n",
}


# One person under several names across documents: "HOLT:" in a transcript (whose header names Lester Holt),
# "by Lester Holt" on a column; "CLINTON:" and "by Hillary Clinton". ``BILL`` adds a second Clinton, after which
# "Clinton" is nobody's alias.
DEBATE = {
    "debate.txt": "\n\n".join([
        "Presidential debate transcript",
        "The candidates are Hillary Clinton and Donald Trump; the moderator is Lester Holt of NBC News.",
        "HOLT: Good evening from Hofstra University. The first question tonight is about jobs and wages.",
        "CLINTON: Thank you, Lester. I want to build an economy that works for everyone, not just those at the top.",
        "TRUMP: Our jobs are fleeing the country. They are going to Mexico and many other countries.",
        "HOLT: Secretary Clinton, you have two minutes to respond on the question of trade deals.",
        "CLINTON: I have a plan to bring manufacturing back, with investment in clean energy and infrastructure.",
    ]) + "\n",
    "column.txt": "Notes from the moderator's chair\n\nby Lester Holt\n\nModerating a debate means listening more "
                  "than talking, and letting the candidates answer each other directly.\n\nThe audience was asked "
                  "to stay silent, and for most of the evening the hall kept that promise.\n",
    "speech.txt": "Remarks on the economy\n\nby Hillary Clinton\n\nWe need an economy that rewards hard work, "
                  "raises wages and gives every family a fair shot at the middle class.\n\nNobody who works full "
                  "time should have to raise children in poverty.\n",
}
BILL = {"memoir.txt": "A chapter of memoir\n\nby Bill Clinton\n\nI grew up in a small town in Arkansas where "
                      "everybody knew the name of the family down the road.\n"}


def write_corpus(root: Path, docs: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def indexed_corpus(root: Path, docs: dict[str, str], encoder):
    """A Quoth over ``docs`` written under ``root`` (corpus/ and data/), indexed with ``encoder``."""
    from quoth import Quoth, Settings

    corpus = write_corpus(root / "corpus", docs)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(root / "data")}), encoder=encoder)
    q.index()
    return q


ATTRIBUTION_BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "attribution.py"


def attribution_bench(name: str = "attribution_bench") -> ModuleType:
    """benchmarks/attribution.py loaded as a module, for tests that hold its figures to a floor."""
    spec = importlib.util.spec_from_file_location(name, ATTRIBUTION_BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up while they are made
    spec.loader.exec_module(mod)
    return mod


class Checked(NamedTuple):
    """One claim of a claim set (tests/data/verify/*/claims.jsonl) as the verifier answered it."""

    claim: dict
    verdict: str  # the verdict's name, or "refused" where the claim was refused (BadQuery)
    misattributed: bool | None
    verification: object | None

    @property
    def right(self) -> bool:
        return self.verdict == self.claim["expect"] or self.verdict in self.claim.get("accept", [])

    @property
    def dangerous(self) -> bool:
        """A changed or invented claim passed as the very words, close to them or a paraphrase of them."""
        return (self.claim["expect"] in ("altered", "not_found") and self.verdict in ("exact", "close", "paraphrase")
                and not self.right)


def claims_quoth(claims: list[dict], corpus: Path, data: Path, settings=None):
    """A Quoth over the documents ``claims`` quote, copied into ``corpus`` (``settings``: the defaults)."""
    from quoth import Quoth

    root = Path(__file__).resolve().parents[1]
    corpus.mkdir(parents=True, exist_ok=True)
    for doc in {c["doc"] for c in claims}:
        shutil.copyfile(root / doc, corpus / Path(doc).name)
    return Quoth.open(corpus=corpus, data_dir=data, settings=settings)


def check_claims(claim_set: str, docs: tuple[str, ...], corpus: Path, data: Path) -> list[Checked]:
    """The claims of ``claim_set`` on ``docs`` (paths under tests/data/attribution or tests/data/retrieval,
    matched by their end), verified over a corpus of those documents alone, as a user's `quoth verify` would."""
    from quoth import BadQuery

    root = Path(__file__).resolve().parents[1]
    lines = (root / "tests" / "data" / "verify" / claim_set / "claims.jsonl").read_text().splitlines()
    claims = [c for c in map(json.loads, lines) if any(c["doc"].endswith(d) for d in docs)]
    q = claims_quoth(claims, corpus, data)
    out = []
    for c in claims:
        try:
            v = q.verify(c["text"], c["claimed_speaker"])[0]
            out.append(Checked(c, str(v.verdict), v.misattributed, v))
        except BadQuery:
            out.append(Checked(c, "refused", None, None))
    return out
