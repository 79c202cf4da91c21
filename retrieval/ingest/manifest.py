"""The optional manifest (``sources.toml``) that gives each file of a corpus its metadata and layout hints."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import ManifestError
from ..records import Kind, LayoutHints
from .json_mapping import JsonMapping
from .walk import linked, listing, read_inside

MANIFEST_NAMES = ("sources.toml", "manifest.toml")
MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # far past any real manifest; a bound, so a huge file is an error, not a stall


class SourceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    title: str | None = None
    site: str | None = None
    author: str | None = None
    kind: Kind | None = None
    comments: bool | None = None  # whether a comment thread follows the body; None: detect
    # A transcript's speaker line, as a regular expression with a group "name" (and "text" where the words
    # start on the same line), for transcripts detection does not read: e.g. '^>> (?P<name>[^:]+): (?P<text>.*)'
    speaker_pattern: str | None = None
    url: str | None = None
    date: str | None = None

    @field_validator("speaker_pattern")
    @classmethod
    def _pattern_with_name(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            rx = re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        if "name" not in rx.groupindex:
            raise ValueError("needs a group named 'name', e.g. (?P<name>...)")
        return v

    @field_validator("title", "site", "author", "url", "date", mode="before")
    @classmethod
    def _empty_is_unknown(cls, v: object) -> object:
        # The manifest leaves unknown fields as "" rather than inventing them.
        return None if isinstance(v, str) and not v.strip() else v

    @property
    def hints(self) -> LayoutHints:
        kind = self.kind or (Kind.TRANSCRIPT if self.speaker_pattern else None)
        return LayoutHints(kind=kind, comments=self.comments, speaker_pattern=self.speaker_pattern)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: list[SourceEntry] = []
    # ``[[json]]`` tables: how to read JSON in a schema Quoth does not know (``json_mapping``). Aliased: a field
    # named ``json`` would shadow pydantic's own method.
    json_maps: list[JsonMapping] = Field(default=[], alias="json")

    def json_for(self, relpath: str) -> JsonMapping | None:
        """The first ``[[json]]`` mapping whose glob matches a .json or .jsonl file, if any."""
        return next((m for m in self.json_maps if m.matches(relpath)), None)

    def entry_for(self, relpath: str) -> SourceEntry | None:
        for e in self.document:
            if e.file == relpath or Path(e.file).name == relpath:
                return e
        return None


def find_manifest(root: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        if (root / name).is_file():
            return root / name
    return None


def _manifest_bytes(root: Path, name: str) -> bytes:
    """The manifest's bytes, read as documents are (walk.py): a link out of the folder is refused, not followed,
    as the README promises of every link, and one swapped in after this check is refused when opened."""
    item = linked(root, (name,)) if (root / name).is_symlink() else listing(root, (name,))
    if isinstance(item, str):
        raise ManifestError(f"{root / name}: cannot read manifest: {item}")
    data, size = read_inside(root, item, MAX_MANIFEST_BYTES)
    if size > MAX_MANIFEST_BYTES:
        raise ManifestError(f"{root / name}: cannot read manifest: {size:,} bytes is over the "
                            f"{MAX_MANIFEST_BYTES:,}-byte limit")
    return data


def load_manifest(root: Path) -> Manifest:
    """Read the corpus folder's manifest, or an empty one when it has none."""
    path = find_manifest(root)
    if path is None:
        return Manifest()
    try:
        data = tomllib.loads(_manifest_bytes(root.resolve(), path.name).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from exc
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ManifestError(f"{path}: invalid manifest: {problems}") from exc
