"""Subtitles: WebVTT (speakers from ``<v Name>`` voices) and SRT (speakers from ``NAME:`` at a cue's start),
read with webvtt-py and srt, rendered as the transcript text Quoth stores: consecutive cues of one speaker make
one turn, ``Name: words``. Cue timings are not part of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Kind, LayoutHints
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
        text = render(cues)
        if text:
            yield Extracted(rel, text, {}, LayoutHints(kind=Kind.TRANSCRIPT))


def _vtt(raw: str) -> list[tuple[str | None, str]]:
    import webvtt

    return [(c.voice or None, c.text) for c in webvtt.from_string(raw)]


def _srt(raw: str) -> list[tuple[str | None, str]]:
    import srt

    out = []
    for sub in srt.parse(raw):
        m = NAMED_RE.match(sub.content.strip())
        out.append((m.group("name"), m.group("text")) if m else (None, sub.content))
    return out


def render(cues: list[tuple[str | None, str]]) -> str:
    """One turn per run of a speaker's cues; a cue naming nobody continues the turn before it."""
    turns: list[tuple[str | None, list[str]]] = []
    for who, text in cues:
        words = " ".join(text.split())
        if not words:
            continue
        if turns and (who is None or who == turns[-1][0]):
            turns[-1][1].append(words)
        else:
            turns.append((who, [words]))
    blocks = [(f"{who}: " if who else "") + "\n".join(lines) for who, lines in turns]
    return "\n\n".join(blocks) + "\n" if blocks else ""
