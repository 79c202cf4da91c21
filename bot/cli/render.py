"""Plain-text rendering of passages and answers for the terminal.

Whatever a document holds reaches a person's terminal only with its control characters written as escapes
(``safe``; file names one line each, ``shown``): a document must not retitle, clear or recolour the reader's
terminal (``\\x1b]0;…\\x07``, ``\\x1b[2J``, the one-byte C1 CSI ``\\x9b``). ``--json`` output escapes them its own way.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Iterable

from quoth.cite import cite
from quoth.records import Passage, SourceInfo
from quoth.search import SearchResult
from quoth.segment import Segmented
from quoth.verify import Verdict

NOTHING_FOUND = "Nothing relevant found."


# C0 controls but tab and newline (layout, not commands), DEL, and the C1 controls U+0080–U+009F: what a terminal
# acts on. Other invisible characters (zero-width joiners, direction marks) are text that emoji and scripts need.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """Text for a terminal: each control character written as its Python escape (``\\x1b``), the rest as it is."""
    return CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def source_line(src: SourceInfo) -> str:
    parts = [src.title or src.path]
    for extra in (src.site, src.date, src.url):
        if extra:
            parts.append(extra)
    return " · ".join(parts)


def explain_line(seg: Segmented) -> str:
    """Which layout reader read a document, and each reader's detection score."""
    why = seg.explain()
    scores = ", ".join(f"{k} {v:.2f}" for k, v in why["scores"].items() if v > 0) or "none"
    n = why["chrome_lines"]
    chrome = f"; {n} line{'s' if n != 1 else ''} of site chrome left out" if n else ""
    cov = why["coverage"]
    loses = "  — LOSES WORDS, first lost: " + " | ".join(cov["lost"][:3]) if cov["loses_words"] else ""
    return safe(f"   layout {why['reader']}, chosen by {why['chosen_by']} (detection: {scores}){chrome}\n"
                f"   coverage {cov['share']:.1%}: {cov['covered']} of {cov['sentences']} sentences in passages{loses}")


def evidence_lines(p: Passage) -> list[str]:
    """Why a passage has its speaker (or none): its confidence and each clue, for ``--explain``."""
    sure = f" ({p.speaker_confidence:.2f})" if p.speaker_confidence is not None else ""
    clues = [str(e) for e in p.speaker_evidence] or ["no clue names a speaker"]
    if p.speaker_as_written:  # one person across the corpus: say which name this document used
        clues.append(f"the document writes {p.speaker_as_written!r}, one of {p.speaker}'s names (quoth speakers)")
    return [f"      why{sure}: {clues[0]}", *(f"           {c}" for c in clues[1:])]


def render_passages(rows: Iterable[tuple[Passage, SourceInfo] | str], width: int = 100,
                    explain: bool = False) -> str:
    """Passages under a heading per document; a string among the rows is printed as it is (an explanation).
    ``explain``: each passage's speaker evidence under its heading."""
    out: list[str] = []
    last_path = None
    pending: list[str] = []
    for row in rows:
        if isinstance(row, str):
            pending.append(row)
            continue
        p, src = row
        if src.path != last_path:
            kind = f"{src.kind}; " if src.kind else ""
            out.append(f"\n══ {src.path} — {src.title}  ({kind}author: {src.author or 'unknown'})")
            last_path = src.path
        out += pending
        pending = []
        at = f", at {p.locator}" if p.locator else ""
        out.append(f"  ▸ {p.label}  [{p.role}, chars {p.start}–{p.end}{at}]")
        if explain:
            out += evidence_lines(p)
            context = p.search_text[:-len(p.text)].strip() if p.search_text.endswith(p.text) else ""
            if context:  # one line: the search text's parts stand on lines of their own
                out.append(f"      searched with: {' / '.join(filter(None, map(str.strip, context.splitlines())))}")
        body = " ".join(p.text.split())
        out.extend(textwrap.wrap(body, width=width, initial_indent="      ", subsequent_indent="      "))
    return safe("\n".join(out).lstrip("\n"))


def render_answer(result: SearchResult, color: bool = False, citations: bool = False) -> str:
    """A question's quotes with who said them and where; the best-matching sentence emphasised."""
    if not result.hits:
        return NOTHING_FOUND
    # On a terminal: ANSI bold and dim; elsewhere markdown-style bold and a plain path.
    bold, unbold, dim, undim = ("\033[1m", "\033[0m", "\033[2m", "\033[0m") if color else ("**", "**", "", "")
    out = []
    for n, h in enumerate(result.hits, 1):
        text = safe(h.text)
        if h.best_sentence:  # the offsets are the passage's: its pieces are escaped apart, around the emphasis
            a, b = h.best_sentence
            text = safe(h.text[:a]) + bold + safe(h.text[a:b]) + unbold + safe(h.text[b:])
        body = " ".join(text.split())
        out.append(f"{n}. “{body}”" if not body.startswith(("“", '"')) else f"{n}. {body}")
        at = f" · {h.passage.locator}" if h.passage.locator else ""
        out.append(safe(f"   — {h.passage.label}, in {source_line(h.source)}{at}")
                   + (f" {dim}[{shown(h.source.path)}]{undim}" if h.source.path else ""))
        if citations:
            out.append(safe(f"   cite: {cite(h.text, h.passage.label, h.source, h.passage.locator).plain}"))
    return "\n".join(out)


def shown(text: str) -> str:
    """A file name or warning on one line: control characters (a newline in a name) written as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def warning_lines(warnings: list[str], known: set[str]) -> list[str]:
    """Each new warning once, then one line counting them all by reason."""
    if not warnings:
        return []
    lines = [f"warning: {shown(w)}" for w in warnings if w not in known]
    reasons = Counter(w.split(": ", 1)[-1].split(" (")[0].split(": ")[0] for w in warnings)
    counted = ", ".join(f"{n} {why}" for why, n in reasons.most_common())
    again = sum(w in known for w in warnings)
    lines.append(f"{len(warnings)} file problem{'s' if len(warnings) != 1 else ''} ({counted})"
                 + (f"; {again} already reported by the last build" if again else ""))
    return lines


def render_verdict(v: Verdict, citations: bool = False) -> str:
    """A checked claim: the verdict in words, the source span, and the word differences marked."""
    out = [f"{str(v.verdict).upper().replace('_', ' ')}: {v.explain()}"]
    if v.quote is not None and v.source is not None:
        at = f" · chars {v.start}–{v.end}"
        out.append(f"   “{' '.join(v.quote.split())}”")
        who = "not a match" if v.closest else v.label or "Unknown speaker"
        out.append(f"   — {who}, in {source_line(v.source)}{at} [{v.source.path}]")
    for e in v.edits:
        if e.op == "changed":
            out.append(f"   changed: “{e.claim}” where the source has “{e.source}”")
        elif e.op == "added":
            out.append(f"   added:   “{e.claim}” is not in the source")
        else:
            out.append(f"   missing: “{e.source}” is in the source")
    if v.note:
        out.append(f"   note: {v.note}")
    if citations and v.quote is not None and v.source is not None and not v.closest:
        out.append(f"   cite: {cite(v.quote, v.label, v.source).plain}")
    return safe("\n".join(out))
