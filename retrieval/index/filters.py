"""How the source and speaker filters match, for every backend: a source by its path exactly, else by part of
its path or title; a speaker by any form of their name (see SpeakerAliases), else by part of it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .speakers import SpeakerAliases


def source_paths(source: str, docs: Sequence[tuple[str, str]]) -> list[str]:
    """The paths of the documents (path, title) that ``source`` names."""
    s = source.lower()
    exact = [p for p, _ in docs if p.lower() == s]
    return exact or [p for p, t in docs if s in p.lower() or s in t.lower()]


def speaker_names(speaker: str, aliases: SpeakerAliases, names: Iterable[str]) -> list[str]:
    """The speakers ``speaker`` names."""
    named = aliases.resolve(speaker)
    if named:
        return sorted(named)
    s = speaker.lower()
    return [n for n in names if s in n.lower()]


def check(source: str | None, speaker: str | None, docs: Sequence[tuple[str, str]], aliases: SpeakerAliases,
          names: Sequence[str]) -> None:
    """``BadQuery`` naming the filter that matches nothing, with the closest names."""
    from ..search.query import unknown  # search imports the index: not at the top

    if source and not source_paths(source, docs):
        raise unknown("source", source, [x for pair in docs for x in pair])
    if speaker and not speaker_names(speaker, aliases, names):
        raise unknown("speaker", speaker, names)
