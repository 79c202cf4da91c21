"""The three speech markups, each read into blocks: a heading or procedural line (nobody's), or a speech (its
speaker as the markup names them, a header line, one line per paragraph or verse line).

- ParlParse (TheyWorkForYou, PublicWhip): ``<speech speakername="…" speakeroffice="…">``, ``nospeaker="true"``
  for procedure, ``<major-heading>`` / ``<minor-heading>``.
- Akoma Ntoso: ``<speech by="#id" as="#role"><from>…</from><p>…</p></speech>`` (also ``question``, ``answer``),
  the ``#id`` a ``<TLCPerson eId="id" showAs="Full Name"/>``; ``<narrative>``, ``<summary>``, ``<scene>`` and
  headings are nobody's.
- TEI: drama ``<sp who="#id"><speaker>Ham.</speaker><l>…</l><stage>…</stage></sp>`` and spoken transcripts
  ``<u who="#id">``, the ``#id`` a ``<person>`` (its ``<persName>``) or a cast list's ``<role>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element as Element


class Markup(StrEnum):
    PARLPARSE = "parlparse"
    AKOMA_NTOSO = "akoma ntoso"
    TEI = "tei"


ROOTS = {"publicwhip": Markup.PARLPARSE, "akomaNtoso": Markup.AKOMA_NTOSO, "TEI": Markup.TEI, "TEI.2": Markup.TEI,
         "teiCorpus": Markup.TEI}
PARLPARSE_SPEECHES = {"speech", "ques", "reply"}  # debates; written questions and answers
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CHAIR_NOTE = re.compile(r"^\[[^\]]{1,80}\]\s*[—–-]?\s*")  # "[Mr. Joe Benton in the Chair] — "
OFFICE_NAME_RE = re.compile(r"^(?P<office>The [^()]{2,100}?|(?:Mr\.?|Madam) (?:Deputy )?(?:Speaker|Chairman|Chair)) "
                            r"\((?P<name>[^()]{2,60})\)$")
MEMBER_SEAT_RE = re.compile(r"^(?!The )(?P<name>[^()]{2,60}?)(?: \([^()]{1,80}\)){1,2}$")
ROSE_RE = re.compile(r"^rose\W*$")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
AKN_SPEECHES = {"speech", "question", "answer"}
AKN_NOBODY = {"narrative", "summary", "scene", "heading", "subheading", "num", "docTitle", "docNumber", "docDate"}
TEI_SKIPPED = {"teiHeader", "note", "fw", "pb", "figure", "speaker"}  # apparatus, page furniture, a turn's label
# Nobody's, each one block: outside a speech, verse and prose are a title page's or a narrator's.
TEI_NOBODY = {"head", "stage", "castList", "trailer", "docTitle", "byline", "lg", "p", "ab"}


@dataclass
class Block:
    speaker: str | None  # None: nobody's words
    header: str | None = None  # the line above the words naming the speaker
    lines: list[str] = field(default_factory=list)


def markup_of(root_name: str) -> Markup | None:
    return ROOTS.get(root_name)


def local(el: Element) -> str:
    """An element's name without its namespace; "" for entity references and other non-elements."""
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def words(el: Element, ents: dict[str, str], skip: frozenset[str] = frozenset()) -> str:
    """An element's text, whitespace collapsed, entity references read from ``ents``, ``skip`` elements left out."""
    parts: list[str] = [el.text or ""] if isinstance(el.tag, str) else []

    def walk(node) -> None:
        name = local(node)
        if not isinstance(node.tag, str):
            parts.append(ents.get(getattr(node, "name", ""), ""))
        elif name not in skip:
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if name in ("lb", "br"):
            parts.append(" ")  # a line break inside a paragraph separates words
        parts.append(node.tail or "")

    for child in el:
        walk(child)
    return " ".join("".join(parts).split())


def _own_text(el: Element) -> bool:
    """Mixed content (a paragraph), as against a container of paragraphs."""
    return bool((el.text or "").strip()) or any(not isinstance(c.tag, str) or (c.tail or "").strip() for c in el)


def paragraphs(el: Element, ents: dict[str, str], skip: frozenset[str] = frozenset()) -> list[str]:
    """One line per paragraph or verse line: a container's children each in turn, mixed content as one line."""
    if _own_text(el) or len(el) == 0:
        return [words(el, ents, skip)]
    return [line for child in el if local(child) not in skip for line in paragraphs(child, ents, skip)]


def _header(name: str | None, office: str | None) -> str | None:
    if not name:
        return None
    return f"{name} ({office}):" if office and office != name else f"{name}:"


def parlparse(root: Element, ents: dict[str, str]) -> Rendering:
    blocks: list[Block] = []
    people: dict[str, str] = {}  # speakerid → the person's name, once a speech has named them
    for el in root:
        tag = local(el)
        if not tag:
            continue
        if tag in PARLPARSE_SPEECHES:
            lines = paragraphs(el, ents)
            name, header = _parlparse_speaker(el, people)
            if ROSE_RE.match(" ".join(lines)):
                name, header = None, None  # "rose—" records a Member standing to speak, not words they said
            blocks.append(Block(name, header, lines))
        else:  # headings, divisions: nobody's
            blocks.append(Block(None, None, paragraphs(el, ents) if tag == "division" else [words(el, ents)]))
    # The date is in every element's id (uk.org.publicwhip/debate/2009-10-28a.71.0); the chair's note is no title.
    date = next((m.group() for el in root if local(el) and (m := ISO_DATE.search(el.get("id") or ""))), None)
    heading = next((words(el, ents) for el in root if local(el).endswith("heading")), "")
    return blocks, {"title": CHAIR_NOTE.sub("", heading) or None, "date": date}


def _parlparse_speaker(el: Element, people: dict[str, str]) -> tuple[str | None, str | None]:
    """The person speaking and the header line. ``speakername`` may carry an office or a seat and party in brackets
    (Scottish and Northern Irish records: ``The Presiding Officer (Alex Fergusson)``, ``Claire Baker (Mid Scotland
    and Fife) (Lab)``); an office named alone (``The Deputy Presiding Officer``) is the person ``speakerid`` was
    named as before."""
    raw = " ".join((el.get("speakername") or "").split())
    if el.get("nospeaker") == "true" or not raw:
        return None, None
    office = el.get("speakeroffice")
    header = f"{raw} ({office}):" if office and office != raw else f"{raw}:"
    key = el.get("speakerid") or ""
    m = OFFICE_NAME_RE.match(raw) or MEMBER_SEAT_RE.match(raw)
    if m:
        if key and key != "unknown":
            people[key] = m.group("name")
        return m.group("name"), header
    return people.get(key, raw), header


def _refs(root: Element, tag: str, ns: str) -> dict[str, str]:
    found = {(el.get("eId") or el.get("id") or ""): el.get("showAs") or ""
             for el in root.iter(f"{{{ns}}}{tag}" if ns else tag)}
    found.pop("", None)  # a reference without an id names nobody
    return found


def _ref(value: str | None) -> str:
    """``#id`` (written `` #id`` in the wild) → ``id``."""
    return (value or "").strip().lstrip("#")


def akoma_ntoso(root: Element, ents: dict[str, str]) -> Rendering:
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    people, roles = _refs(root, "TLCPerson", ns), _refs(root, "TLCRole", ns)
    blocks: list[Block] = []

    def walk(el) -> None:
        for child in el:
            tag = local(child)
            if tag in ("", "meta", "attachments", "components"):
                continue
            if tag in AKN_SPEECHES:
                label = next((words(c, ents) for c in child if local(c) == "from"), "")
                name = people.get(_ref(child.get("by"))) or label or None
                office = roles.get(_ref(child.get("as")))
                blocks.append(Block(name, _header(name, office), paragraphs(child, ents, frozenset({"from"}))))
            elif tag in AKN_NOBODY or _own_text(child) or len(child) == 0:
                blocks.append(Block(None, None, paragraphs(child, ents)))
            else:
                walk(child)  # debate, debateBody, debateSection and its named kinds, preface…

    walk(root)
    # The document's title, else its preface's first line (a masthead: NATIONAL ASSEMBLY), else a heading.
    title = next((text for tag in ("docTitle", "preface", "heading") for t in root.iter() if local(t) == tag
                  and (text := (paragraphs(t, ents) or [""])[0])), None)
    when = next((t.get("date") for t in root.iter() if local(t) in ("docDate", "FRBRdate")), None)
    return blocks, {"title": title, "date": when if when and ISO_DATE.fullmatch(when) else None}


def _tei_names(root: Element, ents: dict[str, str]) -> dict[str, str]:
    """``xml:id`` → the name a person or role goes by: a ``<person>``'s persName, a cast list's ``<role>``."""
    names: dict[str, str] = {}
    for el in root.iter():
        key = el.get(XML_ID) or el.get("id") if isinstance(el.tag, str) else None
        if not key or local(el) not in ("person", "role", "personGrp"):
            continue
        pers = next((c for c in el.iter() if local(c) in ("persName", "name")), None) if local(el) != "role" else el
        name = words(pers, ents) if pers is not None else ""
        if name:
            names.setdefault(key, name)
    return names


def _who(el: Element, names: dict[str, str], label: str) -> str | None:
    """``who="#a #b"``: each by name (a joint speech names both); without ``who``, the speech's own label."""
    ids = [w.lstrip("#") for w in (el.get("who") or "").split()]
    found = [names.get(i, label or i) for i in ids if i]
    return " and ".join(dict.fromkeys(found)) or label or None


def tei(root: Element, ents: dict[str, str]) -> Rendering:
    names = _tei_names(root, ents)
    blocks: list[Block] = []

    def speech(sp) -> None:
        label = next((words(c, ents) for c in sp if local(c) == "speaker"), "")
        who = _who(sp, names, label)
        block = Block(who, _header(who, None))
        blocks.append(block)
        for child in sp:
            tag = local(child)
            if tag == "stage":  # nobody's, inside the speech: the speech goes on under no header after it
                blocks.append(Block(None, None, [words(child, ents)]))
                block = Block(who)
                blocks.append(block)
            elif tag and tag not in TEI_SKIPPED:
                # A stage direction inside a verse line ("(aside)") is nobody's: it is left out of the line.
                block.lines += paragraphs(child, ents, frozenset(TEI_SKIPPED | {"stage"}))

    def walk(el) -> None:
        for child in el:
            tag = local(child)
            if not tag or tag in TEI_SKIPPED:
                continue
            if tag == "sp":
                speech(child)
            elif tag == "u":
                who = _who(child, names, "")
                blocks.append(Block(who, _header(who, None), [words(child, ents, frozenset({"note"}))]))
            elif tag in TEI_NOBODY or _own_text(child) or len(child) == 0:
                blocks.append(Block(None, None, paragraphs(child, ents, frozenset(TEI_SKIPPED))))
            else:
                walk(child)

    walk(root)
    title = next((words(t, ents) for t in root.iter() if local(t) == "title"), None)
    return blocks, {"title": title or None}


Rendering = tuple[list[Block], dict[str, str | None]]  # the blocks and what the file says of itself (title, date)
READERS: dict[Markup, Callable[[Element, dict[str, str]], Rendering]] = {
    Markup.PARLPARSE: parlparse, Markup.AKOMA_NTOSO: akoma_ntoso, Markup.TEI: tei}
