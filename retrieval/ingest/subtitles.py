"""Subtitles: WebVTT (speakers from ``<v Name>`` voices) and SRT (speakers from ``NAME:`` at a cue's start),
read with webvtt-py and srt, rendered as the transcript text Quoth stores: consecutive cues of one speaker make
one turn, ``Name: words``. Cue timings are not part of the text: each cue's start time is a locator (``00:01:23``)
at the offset where its words begin, so a passage cites the moment it was said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Kind, LayoutHints, Locator
from .base import Extracted, LoadReport, SettingsReader, text_of

NAMED_RE = re.compile(r"^(?P<name>[A-Z][\w'’.\- ]{0,40}?):\s+(?P<text>\S.*)$", re.DOTALL)


class SubtitlesReader(SettingsReader):
    suffixes = (".vtt", ".srt")

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        raw = text_of(data, rel, report)
        if raw is None:
            return
        try:
            cues = _vtt(raw) if rel.lower().endswith(".vtt") else _srt(raw)
        except Exception as exc:  # both parsers raise their own error types on a malformed file
            report.warn(rel, f"skipped: unreadable subtitles ({type(exc).__name__}: {exc})")
            return
        text, locators = render(cues)
        if text:
            yield Extracted(rel, text, {}, LayoutHints(kind=Kind.TRANSCRIPT), locators)


Cue = tuple[str | None, str, float]  # speaker (None: not named), words, start in seconds


def _vtt(raw: str) -> list[Cue]:
    """A cue's voice tag names its speaker; a cue without one may name its speaker as SRT does (``Gilon: So…``),
    the captioner's way where the voices were not tagged."""
    import webvtt

    return [(c.voice, c.text, c.start_time.in_milliseconds() / 1000) if c.voice else
            (*_named(c.text), c.start_time.in_milliseconds() / 1000) for c in webvtt.from_string(raw)]


def _srt(raw: str) -> list[Cue]:
    import srt

    return [(*_named(sub.content), sub.start.total_seconds()) for sub in srt.parse(raw)]


def _named(text: str) -> tuple[str | None, str]:
    """The speaker a cue's words start with (``NAME: words``), and the words; None when it names nobody."""
    m = NAMED_RE.match(text.strip())
    return (m.group("name"), m.group("text")) if m else (None, text)


def timestamp(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def render(cues: list[Cue]) -> tuple[str, tuple[Locator, ...]]:
    """One turn per run of a speaker's cues (a cue naming nobody continues the turn before it), and each cue's
    start time at the offset of its words."""
    out: list[str] = []
    locators: list[Locator] = []
    pos, last = 0, object()
    for who, text, start in cues:
        words = " ".join(text.split())
        if not words:
            continue
        if out and (who is None or who == last):
            sep = "\n"
        else:
            sep = ("\n\n" if out else "") + (f"{who}: " if who else "")
            last = who
        pos += len(sep)
        out.append(sep + words)
        locators.append(Locator(pos, timestamp(start)))
        pos += len(words)
    return ("".join(out) + "\n", tuple(locators)) if out else ("", ())
