"""JSON in a schema Quoth does not know, read through a mapping in ``sources.toml``::

    [[json]]
    glob = "exports/*.json"        # which .json / .jsonl files, from the corpus folder (``**`` for any folders)
    records = "data.items"         # where the list of records is (optional: the file, or each line, is a record,
                                   # or the list of them)
    text = "body"                  # where each record keeps its words (a string, or a list of paragraphs)
    speaker = "author.name"        # optional: who said them
    date = "created_at"            # optional, and so are title and id

A path is keys joined by dots, as JSONPath writes them without their brackets: ``author.name``; a number picks
from a list (``names.1``, or ``names[1]``); a leading ``$.`` is allowed. Hand-written because this is all a
mapping needs: JMESPath or jsonpath-ng would be a new dependency for a dozen lines, and their extra syntax
(filters, functions) is more than a reader of a manifest should have to know. A key that itself holds a dot
cannot be named.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

_STEP = re.compile(r"[^.\[\]]+")
_INDEX = re.compile(r"\[(\d+)\]")
JSON_SUFFIXES = (".json", ".jsonl")


def steps(path: str) -> tuple[str, ...]:
    """A path's keys: ``$.user.names[1]`` → ``("user", "names", "1")``; ValueError for one that names nothing."""
    dotted = _INDEX.sub(r".\1", path.strip().removeprefix("$."))
    keys = tuple(dotted.split("."))
    if not all(_STEP.fullmatch(k) for k in keys):
        raise ValueError("a path is keys joined by dots, e.g. 'author.name' or 'items[0].text'")
    return keys


def value_at(obj: Any, keys: tuple[str, ...]) -> Any:
    """What lies at ``keys`` in ``obj``, or None when any step is missing."""
    for key in keys:
        if isinstance(obj, dict):
            obj = obj.get(key)
        elif isinstance(obj, list) and key.isdigit() and int(key) < len(obj):
            obj = obj[int(key)]
        else:
            return None
    return obj


def glob_match(pattern: str, rel: str) -> bool:
    """``rel`` (a path in the corpus folder) matches ``pattern``: ``*`` stays within a folder, ``**`` spans any."""
    def match(pat: list[str], parts: list[str]) -> bool:
        if not pat:
            return not parts
        if pat[0] == "**":
            return any(match(pat[1:], parts[i:]) for i in range(len(parts) + 1))
        return bool(parts) and fnmatchcase(parts[0], pat[0]) and match(pat[1:], parts[1:])
    return match(pattern.strip("/").split("/"), rel.split("/"))


class JsonMapping(BaseModel):
    """One ``[[json]]`` table of the manifest."""

    model_config = ConfigDict(extra="forbid")

    glob: str
    text: str
    records: str | None = None
    speaker: str | None = None
    date: str | None = None
    title: str | None = None
    id: str | None = None

    @field_validator("text", "records", "speaker", "date", "title", "id")
    @classmethod
    def _a_path(cls, v: str | None) -> str | None:
        if v is not None:
            steps(v)
        return v

    @field_validator("glob")
    @classmethod
    def _a_glob(cls, v: str) -> str:
        if not v.strip("/ "):
            raise ValueError("names the files it maps, e.g. 'exports/*.json'")
        return v

    def matches(self, rel: str) -> bool:
        return rel.lower().endswith(JSON_SUFFIXES) and glob_match(self.glob, rel)
