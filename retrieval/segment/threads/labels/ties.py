"""Where a document itself says two of its names are one person: a meeting's list of those present ties a
label's first name or handle to a full name (``Present: Mark Nottingham (mnot), Yves Lafon`` for ``mnot:`` and
``yves:``), and a chat's ``* nop is now known as we`` makes two nicks one speaker.

Nothing is tied on a guess: a first name or handle that two listed people could have ties neither, and a list
of names alone ties only a label that is one listed person's first name, or their initial and surname run
together (``plinss`` for Peter Linss); any other handle needs the list to write it beside the name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ...speech import PARTICLE

TIE_WEIGHT = 0.95  # a label tied by the document's own list or rename line: all but certain, not quite
# A list's heading, alone ("### Present") or before its names ("*Present:* Ann Lee, Bob Ray"); absentees
# ("Regrets") are not listed: they do not speak.
LIST_RE = re.compile(r"^[\s#*_>\-]*(?:present|attendees|attending|in attendance|participants|chairs?|scribes?)"
                     r"[\s*_]*(?::[\s*_]*(?P<rest>.*))?$", re.IGNORECASE)
ITEM_LEAD = re.compile(r"^[\s*•\-–]+")  # a bullet before an item on its own line
_FULL = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|" + PARTICLE + r")){1,3}"
# "Mark Nottingham", "Mark Nottingham (mnot)", "Mark Nottingham - mnot", "mnot (Mark Nottingham)"
NAME_HANDLE = re.compile(rf"^(?P<name>{_FULL})"
                         r"(?:\s*[\(\[]\s*@?(?P<h1>[^\s\)\]]+)\s*[\)\]]|\s+[-–—]+\s*@?(?P<h2>\S+))?$")
HANDLE_NAME = re.compile(rf"^@?(?P<h>[^\s\(\[]+)\s*[\(\[]\s*(?P<name>{_FULL})\s*[\)\]]$")
RENAME_RE = re.compile(r"(?:^|\s)(?P<old>\S+) is now known as (?P<new>\S+)\s*$")
LIST_MAX_LINES = 60  # a list under its heading: one name a line, up to a blank line or this many


@dataclass(frozen=True)
class Tie:
    """A label's person as the document ties it, and the line that says so (for the evidence)."""

    name: str
    how: str


def tie_key(word: str) -> str:
    """A name as lists and labels are matched: its letters and digits, case-folded (``Yves`` and ``yves:``)."""
    return re.sub(r"[\W_]+", "", word.casefold())


def listed(lines: list[str]) -> list[tuple[str, str | None]]:
    """(full name, the handle written beside it or None) for each person of the page's lists of those present."""
    out: list[tuple[str, str | None]] = []
    for i, line in enumerate(lines):
        m = LIST_RE.match(line)
        if m is None:
            continue
        items = re.split(r"\s*[,;]\s*|\s+and\s+", m.group("rest").strip(" *_")) if m.group("rest") else \
            _under(lines[i + 1:i + 1 + LIST_MAX_LINES])
        people = [_person(item.strip(" *_.")) for item in items if item.strip(" *_.")]
        # Every item a name, or the line is no list ("CHAIR: Thank you, Ann Lee." is a turn, not a roll).
        if people and all(p is not None for p in people):
            out += [p for p in people if p != ("", None)]
    return out


def _person(item: str) -> tuple[str, str | None] | None:
    """(full name, handle or None) of one item; ("", None) for a name alone ("Travis": listed, ties nothing);
    None when the item is no name."""
    if (p := NAME_HANDLE.match(item)) is not None:
        return " ".join(p.group("name").split()), p.group("h1") or p.group("h2")
    if (p := HANDLE_NAME.match(item)) is not None:
        return " ".join(p.group("name").split()), p.group("h")
    return ("", None) if re.fullmatch(r"[A-Z][\w'’\-]*", item) else None


def _under(lines: list[str]) -> list[str]:
    """A list's items on the lines under its heading, up to a blank line after the first."""
    items: list[str] = []
    for line in lines:
        if not line.strip():
            if items:
                break
            continue
        items.append(ITEM_LEAD.sub("", line))
    return items


def attendance(lines: list[str]) -> dict[str, Tie]:
    """Each label key the lists of those present tie to exactly one listed person (see the module docstring)."""
    people = listed(lines)
    names = {n for n, _ in people}
    found: dict[str, set[str]] = defaultdict(set)
    for name, handle in people:
        words = name.split()
        if handle:
            found[tie_key(handle)].add(name)
        found[tie_key(words[0])].add(name)
        found[tie_key(words[0][0] + words[-1])].add(name)
    out: dict[str, Tie] = {}
    for k, who in found.items():
        # "Dan Appelquist" among the chairs and "Daniel Appelquist" among those present are one person.
        who = {w for w in who if not any(x != w and _same(x, w) for x in who) or w == max(who, key=len)}
        if k and len(who) == 1 and len(names) > 1:
            name = next(iter(who))
            out[k] = Tie(name, f"the list of those present names {name!r}")
    return out


def _same(a: str, b: str) -> bool:
    """Two written forms of one listed person: the same surname, one first name the start of the other's."""
    fa, fb = a.split(), b.split()
    return fa[-1] == fb[-1] and (fa[0].startswith(fb[0]) or fb[0].startswith(fa[0]))


def renames(lines: Iterable[str], turns: Counter[str]) -> dict[str, Tie]:
    """Each nick a rename line ties to another (``nop is now known as we``), to the one of them with the most
    turns: one person under the name they speak under most."""
    parent: dict[str, str] = {}

    def root(n: str) -> str:
        while parent.get(n, n) != n:
            n = parent[n]
        return n

    for line in lines:
        if (m := RENAME_RE.search(line)) is not None:
            a, b = root(m.group("old")), root(m.group("new"))
            if a != b:
                parent[a] = b
    groups: dict[str, list[str]] = defaultdict(list)
    for n in {*parent, *parent.values()}:
        groups[root(n)].append(n)
    out: dict[str, Tie] = {}
    for group in groups.values():
        main = max(sorted(group), key=lambda n: turns[n])
        for n in group:
            if n != main and turns[n]:
                out[n] = Tie(main, f"the log says {n!r} and {main!r} are one nick renamed")
    return out
