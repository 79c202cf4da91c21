"""Letters read out in a story: quoted paragraph after paragraph, signed at the end ("CAROLINE BINGLEY",
"Very truly yours, IRENE NORTON, nee ADLER."). The signature names whose words the whole letter is."""

from __future__ import annotations

import re

# An optional valediction, then a name of one to four words (written in capitals or with capitals), and an
# optional maiden name: the whole of a signature paragraph once its quotation marks are gone.
_WORD = r"[A-Z][A-Za-z'’\-]+"
SIGNATURE = re.compile(
    rf"^(?P<yours>(?:very\s+|ever\s+)?(?:truly\s+|sincerely\s+|faithfully\s+|affectionately\s+)?yours(?:\s+\w+)?,?\s+)?"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})(?:,?\s+n[ée]e\s+{_WORD})?[.!]?$", re.IGNORECASE)
MARKS = re.compile(r"[\"“”‘’«»„]")


def signed_by(paragraph: str) -> str | None:
    """The writer's name, in title case, when ``paragraph`` is nothing but a letter's signature."""
    flat = " ".join(MARKS.sub(" ", paragraph).split())
    m = SIGNATURE.match(flat)
    # One word alone ("Stolen.") is a reply; a signature is a full name or follows "Yours".
    if m is None or not all(w[0].isupper() for w in m.group("name").split()) or not (
            m.group("yours") or len(m.group("name").split()) > 1):
        return None
    name = m.group("name")
    return name.title() if name.isupper() else name
