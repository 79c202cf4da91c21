"""Walking a corpus folder and opening its files, so that nothing outside the folder is ever read.

The walk is iterative and goes by folder descriptors (``os.scandir`` of a descriptor, each step opened relative to
the one above with ``O_NOFOLLOW``): a folder 1,200 deep costs no recursion, a path longer than PATH_MAX is no
obstacle, and a folder or file swapped for a link after it was listed is refused when it is opened, not followed.
A file is opened the same way, step by step from the corpus folder, every step refusing a link: what is opened is
inside the folder, whatever was swapped in meanwhile. (``os.walk`` and ``Path.rglob`` follow paths by name, so a
swap between their check and the open escapes the folder; the standard library has no descriptor-relative walk
that refuses links at every step, hence these few lines.)
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .base import LoadReport

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# O_NONBLOCK: a pipe swapped in after the listing must not block the open (a regular file ignores the flag).
FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
LONG_NAME = 160  # characters of a name in a warning line before its middle is elided


@dataclass(frozen=True)
class Listed:
    """A file to read: its name in the corpus, and the steps from the corpus folder to what is read (a link
    inside the folder is read at its target's steps)."""

    name: str
    parts: tuple[str, ...]  # the entry's own steps: its name in the folder, a link's name for a link
    steps: tuple[str, ...]
    escaped: bool = False  # the name had bytes that are not UTF-8, written as \\xNN in ``name``


class Refused(OSError):
    """What was opened is not a regular file of the corpus folder."""


def corpus_name(parts: tuple[str, ...]) -> str:
    """A file's name in the corpus as text every store and terminal takes: a byte that is not UTF-8 (a name
    written on a Latin-1 system, ``caf\\xe9.txt``) is written as ``\\xNN``, reversibly, instead of a lone
    surrogate no UTF-8 encoder accepts."""
    return os.fsencode("/".join(parts)).decode("utf-8", "backslashreplace")


def said(name: str) -> str:
    """A name for a warning line: whole unless absurdly long (a path nested past PATH_MAX)."""
    return name if len(name) <= LONG_NAME else f"{name[:LONG_NAME // 2]}…{name[-LONG_NAME // 2:]}"


def open_steps(root: Path, steps: tuple[str, ...], flags: int = FILE_FLAGS) -> int:
    """A descriptor of ``root``/``steps``, every step opened relative to the last and none of them a link."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for step in steps[:-1]:
            nxt = os.open(step, DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = nxt
        return os.open(steps[-1], flags, dir_fd=fd) if steps else os.dup(fd)
    finally:
        os.close(fd)


def read_inside(root: Path, item: Listed, max_bytes: int) -> tuple[bytes, int]:
    """Up to ``max_bytes`` + 1 bytes of a listed file, and its size; ``Refused`` when a link or anything but a
    regular file now stands where it was listed."""
    try:
        fd = open_steps(root, item.steps)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused(exc.errno, "it became a link after the folder was listed (not followed)") from exc
        if exc.errno == errno.ENOTDIR:
            raise Refused(exc.errno, "a folder on its path was replaced after the folder was listed") from exc
        raise
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise Refused(errno.EINVAL, "it is no longer a regular file")
        return fh.read(max_bytes + 1), st.st_size


def walk(root: Path, skip, report: LoadReport) -> list[Listed]:
    """Every file to read under ``root`` (resolved), in name order; ``skip(parts)`` says which names are not
    looked at (hidden ones, the manifest). A folder that cannot be read is skipped with one line, in its place
    in that order. Depth first by an explicit stack: no recursion, whatever the depth."""
    listed: list[Listed] = []
    stack: list[tuple[tuple[str, ...], Listed | str | None]] = [((), "")]
    while stack:
        parts, got = stack.pop()
        if got == "":
            stack.extend(reversed(_scan(root, parts, skip)))
        elif isinstance(got, Listed):
            listed.append(got)
        elif got is not None:
            report.warn(said(corpus_name(parts)), f"skipped: {got}")
    return _without_clashes(listed, report)


def _scan(root: Path, here: tuple[str, ...], skip) -> list[tuple[tuple[str, ...], Listed | str | None]]:
    """One folder's entries in name order, each with what it is: a file to read, "" for a folder, or why not."""
    try:
        fd = open_steps(root, here, DIR_FLAGS) if here else os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            with os.scandir(fd) as it:
                names = sorted(entry.name for entry in it)
            return [(parts, _classify(root, fd, parts)) for name in names if not skip(parts := (*here, name))]
        finally:
            os.close(fd)
    except OSError as exc:
        return [(here, f"folder cannot be read ({exc.strerror or exc})")]


def _classify(root: Path, dir_fd: int, parts: tuple[str, ...]) -> Listed | str:
    """A Listed file to read, "" for a folder to walk, or why the entry is not read."""
    try:
        st = os.stat(parts[-1], dir_fd=dir_fd, follow_symlinks=False)
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        return linked(root, parts)
    if stat.S_ISDIR(st.st_mode):
        return ""
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe, socket or device)"
    return _listed(parts, parts)


def linked(root: Path, parts: tuple[str, ...]) -> Listed | str:
    """A link is read only when it leads to a regular file inside the folder; linked folders are never walked
    (a link to a parent would loop, a link out would leave the folder)."""
    try:
        target = root.joinpath(*parts).resolve(strict=True)
    except (FileNotFoundError, RuntimeError):  # RuntimeError: a loop of links
        return "a broken link"
    except OSError as exc:  # a link past PATH_MAX, a target that cannot be looked at
        return f"a link that cannot be followed ({exc.strerror or exc})"
    if target.is_dir():
        return "a linked folder (not followed)"
    if not target.is_relative_to(root):
        return "a link to a file outside the corpus folder"
    if not target.is_file():
        return "not a regular file (a pipe, socket or device)"
    return _listed(parts, target.relative_to(root).parts)


def _listed(parts: tuple[str, ...], steps: tuple[str, ...]) -> Listed:
    name = corpus_name(parts)
    return Listed(name, parts, steps, escaped=name != "/".join(parts))


def listing(root: Path, parts: tuple[str, ...]) -> Listed:
    """One file named by its steps from ``root``, read as the walk would read it (a link is refused on opening)."""
    return _listed(parts, parts)


def _without_clashes(listed: list[Listed], report: LoadReport) -> list[Listed]:
    """A name with a byte that is not UTF-8 is indexed under its escaped spelling (said once), unless a real file
    already has that spelling: then the real one keeps it, and the other is skipped with a line saying why."""
    taken = {x.name for x in listed if not x.escaped}
    out = []
    for x in listed:
        if x.escaped and x.name in taken:
            report.warn(said(x.name), "skipped: its name is not valid UTF-8, and its escaped spelling is another "
                                      "file's name")
            continue
        if x.escaped:
            report.warn(said(x.name), "indexed under an escaped name: its name is not valid UTF-8 (each bad "
                                      "byte written as \\xNN)")
        out.append(x)
    return out
