"""How the source and speaker filters match, for every backend: a source by its path exactly, else by part of
its path or title; a speaker by any of their names (see speakers.py), else by part of one."""

from __future__ import annotations

from collections.abc import Sequence

from .speakers import SpeakerDirectory


def source_paths(source: str, docs: Sequence[tuple[str, str]]) -> list[str]:
    """The paths of the documents (path, title) that ``source`` names."""
    s = source.lower()
    exact = [p for p, _ in docs if p.lower() == s]
    return exact or [p for p, t in docs if s in p.lower() or s in t.lower()]


def speaker_people(speaker: str, directory: SpeakerDirectory) -> set[str]:
    """The people ``speaker`` names: by one of their names, else by part of one."""
    return directory.resolve(speaker) or directory.matching(speaker)


def speaker_names(speaker: str, directory: SpeakerDirectory) -> list[str]:
    """The written names passages of the people ``speaker`` names are stored under."""
    return directory.written(speaker_people(speaker, directory))


def check(source: str | None, speaker: str | None, docs: Sequence[tuple[str, str]],
          directory: SpeakerDirectory) -> None:
    """``BadQuery`` naming the filter that matches nothing, with the closest names."""
    from ..search.query import unknown  # search imports the index: not at the top

    if source and not source_paths(source, docs):
        raise unknown("source", source, [x for pair in docs for x in pair])
    if speaker and not speaker_names(speaker, directory):
        raise unknown("speaker", speaker, [a for p in directory.people() for a in p.aliases])
