"""What a question and its options must be before they are searched: a mistake gets a message, never the
"Nothing relevant found." that an honest miss gets. And what a question wants beyond its words: the asker's
words when it asks who asked."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ..errors import BadQuery, Remedy
from ..settings import MAX_K

# "Who asked whether …", "Who wanted to know …": the answer is the asker's words, a passage that itself asks,
# not the reply that carries the question in its search text (segment/asked.py). English phrasing.
WHO_ASKED = re.compile(r"^\W*who\s+(?:asked|wanted\s+to\s+know|wondered|queried)\b", re.IGNORECASE)


def asks_who_asked(query: str) -> bool:
    return WHO_ASKED.match(query) is not None


# A question's opening question word and auxiliary ("What is", "Why did", "Who"), and its question mark: the
# bundled model matches a question's form as well as its meaning, so a question finds passages that ask (a
# reply's search text reads the question before it) over the statement that answers. "How many", "how long"
# keep their "how": it is what they ask. English phrasing; a question in another language keeps its words.
QUESTION_FORM = re.compile(
    r"^\W*(?:(?:what|why|how(?!\s+(?:many|much|long|often|far|old|soon|large|big|few)\b)|who|whom|whose|which"
    r"|when|where)\b\s*)?"
    r"(?:(?:is|are|was|were|does|do|did|should|can|could|would|will|has|have|had)\b\s*)?", re.IGNORECASE)


def as_statement(query: str) -> str:
    """The question without its question word, auxiliary and question mark ("What is the rationale for
    f-strings?" -> "the rationale for f-strings"); the question itself when it opens with no question word
    ("Tabs or spaces?", "How many …?") or nothing would be left."""
    lead = QUESTION_FORM.match(query)
    if lead is None or not lead.group().strip():  # no question word: its mark alone is no question's form
        return query
    return query[lead.end():].rstrip().rstrip("?").strip() or query


def check_text(text: str, what: str = "question") -> None:
    """``BadQuery`` for text holding a lone surrogate: an argument in a non-UTF-8 encoding reaches Python as one
    (``$'\\xff'`` in a shell), and so can JSON's ``"\\ud800"``; no tokenizer can read it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadQuery(f"the {what} is not valid text (character {e.start + 1} is a broken byte, "
                       "not UTF-8): type it again or save it as UTF-8") from None


def check_query(query: str, k: int | None, offset: int = 0) -> None:
    if not isinstance(query, str) or not query.strip():
        raise BadQuery("the question is empty", Remedy.ASK_SOMETHING)
    check_text(query)
    if k is not None and not 1 <= k <= MAX_K:
        raise BadQuery(f"k must be between 1 and {MAX_K} (got {k})")
    if offset < 0:
        raise BadQuery(f"offset must be 0 or more (got {offset})")


def unknown(what: str, given: str, names: Iterable[str]) -> BadQuery:
    """The error for a filter nothing matches, with the closest names (difflib: a few hundred names at most,
    scored once per mistake, need no faster matcher)."""
    pool = sorted({n for n in names if n})
    lowered = {n.lower(): n for n in pool}
    close = [lowered[m] for m in difflib.get_close_matches(given.lower(), list(lowered), n=3, cutoff=0.5)]
    if close:
        return BadQuery(f"no {what} matches {given!r}; did you mean {', '.join(repr(c) for c in close)}?",
                        suggestions=close)
    if not pool:
        return BadQuery(f"no {what} matches {given!r} (the index is empty)")
    return BadQuery(f"no {what} matches {given!r}", Remedy.LIST_SOURCES if what == "source" else Remedy.LIST_SPEAKERS)
