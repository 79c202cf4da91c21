"""JSON read so that one hostile value costs only the record that holds it.

``json.loads`` fails in three ways, not one: a JSONDecodeError for bad syntax, a RecursionError for nesting
deeper than the interpreter's recursion limit (the C decoder recurses once per level: 100,000 ``[`` on one line),
and a plain ValueError for an integer longer than ``sys.get_int_max_str_digits()`` (4,300 digits). The first
two become ``JsonError`` with a one-line reason; a number too long for ``int()`` is kept as its digits (a
string), so a record whose only oddity is a long number in some field is read, not lost.
"""

from __future__ import annotations

import json
import sys
from typing import Any

TOO_DEEP = "JSON nested too deep to read"


class JsonError(ValueError):
    """JSON that cannot be read, with the reason in words (``str(exc)``)."""


def _int(digits: str) -> int | str:
    limit = sys.get_int_max_str_digits()  # 0: no limit in this interpreter
    return digits if limit and len(digits.lstrip("-")) > limit else int(digits)


def loads(text: str) -> Any:
    """The parsed value; ``JsonError`` when the text is not JSON or is nested too deep to read."""
    try:
        return _parse(text)
    except json.JSONDecodeError as exc:
        raise JsonError(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise JsonError(TOO_DEEP) from None


UNREAD = object()  # what ``document`` gives for a file it could not read (``None`` is JSON's ``null``)


def document(text: str, rel: str, report) -> Any:
    """The parsed file; ``UNREAD`` after one warning naming it (``rel``) when it cannot be read."""
    try:
        return loads(text)
    except JsonError as exc:
        report.warn(rel, f"skipped: {exc}")
        return UNREAD


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer over the digit limit: read again, keeping such numbers as their digits
        # (only then: a Python hook on every integer made parsing 2-3 times slower, measured on 100,000 lines)
        return json.loads(text, parse_int=_int)
