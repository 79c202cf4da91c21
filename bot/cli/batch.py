"""The lines of ``quoth search --batch`` and ``quoth verify --batch``: bounded in length, and each one that
cannot be read becomes that line's error, never the end of the batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from quoth.errors import BadQuery
from quoth.settings import MAX_BATCH_LINE_BYTES

_SKIP_CHUNK = 1 << 16  # bytes read at a time while skipping the rest of an overlong line


@dataclass(frozen=True)
class BatchLine:
    number: int  # 1-based, blank lines counted
    text: str | None  # the line, stripped; None when it cannot be read (see error)
    error: str = ""


def read_lines(fh: BinaryIO, limit: int = MAX_BATCH_LINE_BYTES) -> Iterator[BatchLine]:
    """Each non-blank line of ``fh`` as it arrives (a program piping one question at a time gets each answer
    before it sends the next); a line longer than ``limit`` bytes is read past in chunks, never held whole."""
    with fh:
        number = 0
        while raw := fh.readline(limit + 1):
            number += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                while (rest := fh.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                yield BatchLine(number, None, f"longer than {limit} bytes: skipped")
                continue
            try:
                line = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                yield BatchLine(number, None, "not valid UTF-8")
                continue
            if line:
                yield BatchLine(number, line)


@dataclass(frozen=True)
class Claim:
    number: int
    text: str | None  # None: the line cannot be checked (see error)
    speaker: str | None
    error: str = ""


def claims(lines: Iterator[BatchLine], speaker: str | None) -> Iterator[Claim]:
    """The claim on each line (JSON Lines or plain text); ``speaker`` where a line names none."""
    for b in lines:
        if b.text is None:
            yield Claim(b.number, None, None, b.error)
            continue
        try:
            rec = claim_record(b.text)
        except BadQuery as exc:
            yield Claim(b.number, None, None, str(exc))
            continue
        said = rec.get("speaker") if isinstance(rec.get("speaker"), str) else speaker
        if isinstance(rec.get("text"), str):
            yield Claim(b.number, rec["text"], said)
        else:
            yield Claim(b.number, None, None, 'no "text" field')


def claim_record(line: str) -> dict:
    """A verify batch line as a record: a JSON object, or the plain line as its ``text``. JSON that Python
    cannot hold (nested past its recursion limit, a number past its digit bound) raises BadQuery."""
    if not line.startswith("{"):
        return {"text": line}
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return {"text": line}  # a plain line that happens to open with a brace
    except RecursionError:
        raise BadQuery("JSON nested too deeply to read") from None
    except ValueError:  # int(): Python's bound on the digits of a number (CVE-2020-10735)
        raise BadQuery("JSON holding a number too long to read") from None
    return rec if isinstance(rec, dict) else {"text": line}
