"""The on-disk index format, owned here alone: file names, the meta schema, versions, the CURRENT switch.

An index folder holds generations ``gen-NNNNNN/``, each complete in itself (SQLite store, FAISS index, ids,
vectors, BM25, meta.json), and ``CURRENT`` naming the one that serves. A build writes ``gen-N.tmp/`` beside
it, renames it when complete and only then rewrites ``CURRENT`` (an atomic rename): a crash midway leaves
the previous generation serving, whole, and the next build removes the leftover ``.tmp`` folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..errors import IndexDamaged, IndexUnusable
from ..language import LANGUAGES
from . import bm25

# 4: each passage's digest, checked before it is shown (store.passage_digest); 3: long passages' window rows after
# the passages' (windows.npy); 2: a locator column
FORMAT_VERSION = 4
# Bump when segmentation or searchable-text rules change, so existing indexes re-segment everything.
SEGMENTER_VERSION = 17  # 17: fiction, descriptions a story keeps tagging with as names ("the tall soldier"), "the
# other"/"the latter" anaphors, "Comrade"/"Citizen" titles, sentence-opening prepositions no first name, people only
# compared to or mentioned in a portrait off stage, the first-person narrator's beats and names, a pronoun's and a
# turn's confidence calibrated by what a reader sees (confidence.py); dialect elisions in single marks
# 16: news offices of any length before a name, their place ("of Illinois") and a
# generational suffix no part of it; "al-" particles in names; a paraphrase's subject speaks the quotation after it;
# "KIK (Virginia) operated …" is no speaker label; fiction, a pronoun tag's chain of sentence subjects
# (subjects.py), and who answers an untagged turn (the one asked by name, a name cried out alone, the named narrator)
# and the cast (a calling before a surname is a title; a man's calling and his 'Mr.' are one man's styles; a
# title's sex over a few pronouns; 'the stranger' kept on stage; saints' names); labels: a blog's dated comment
# headers, a speaker's label quoted in another's turn, a record's wrapped sentence never a label, a paragraph quoted
# after a colon, a roll call cut at each voice, a clerk's reading, brackets inside a quotation mark kept; a
# reStructuredText heading underlined with tildes is no code fence (the sections between two underlines were lost)
# 15: formats nobody taught (stamped and bold 'Name 0:00' labels, Unknown Speaker, a video
# call's chat, an official record's labels and readings, bracketed glosses, a labels' section closed by a heading;
# captions naming a speaker in an untagged cue); names (middle initials, offices, possessives, particles); news house
# styles (a profile's lost line break, a newcomer between two quotations speaks the second); fiction round 6: tags
# (kin words as names, any verb after a broken quotation, answers and voices owned, the one called by name just
# before) and turn-taking (the side that calls two people; a quotation closed by a mistyped mark)
# 14: a transcription service's 'Name 0:00' labels and the meter lines under them
# 13: a Markdown reference line ('[#]: collector: …') is no title
# 12: labels tied to the full names the document gives (labels/ties.py); words a speaker
# quotes inside a turn are whom the turn names, or nobody's (threads/cited.py)
# 11: quoted words keep their author (mail > and Outlook originals, forum and BBCode quotes, chat replies carried,
# '> ' found earlier); the fiction sieve's round 4 (titles and roles as names)
# 10: no words lost (unnamed quotes, agendas, verse asides); run-on chunks; titles; a question may be followed by
# a short courtesy; a chat message addressing someone reads their last words (asked.py); only spoken units ask
# 9: an answer's search text carries the question it answers (segment/asked.py)
# 8: section path and cast entry in search text; prose literal blocks; Gutenberg furniture
# 7: speaker labels learnt from the document (chat logs, minutes, plays, briefings)
# 6: attribution with evidence and confidence, quotation-level units

log = logging.getLogger("quoth.index")
_GEN_RE = re.compile(r"gen-(\d+)(?:\.tmp)?")


@dataclass
class Meta:
    """meta.json: what a generation was built from and holds."""

    format: int = FORMAT_VERSION
    settings: str = ""  # everything that decides passages and vectors (see build.settings_key)
    model: str = ""
    dimension: int | None = None
    fingerprint: str = ""  # changes when any document's key does
    corpus: str = ""
    documents: int = 0
    passages: int = 0
    windows: int = 0  # window rows of long passages in the dense index, after the passages' own
    index_type: str = "flat"
    bm25: list[float] = field(default_factory=lambda: [bm25.DEFAULT_K1, bm25.DEFAULT_B])
    bm25_analyzer: int = 1  # absent from the oldest generations, whose analyzer was the first
    language: str = "en"  # the BM25 analyzer's language; absent from generations before languages: English
    created: float = field(default_factory=time.time)
    checksums: dict[str, str] = field(default_factory=dict)  # every other file's path in the generation → sha256
    warnings: list[str] = field(default_factory=list)  # the corpus's load warnings at this build

    @classmethod
    def from_json(cls, data: dict) -> Meta:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class Generation:
    """One complete (or, while building, ``.tmp``) generation folder and the names of its files."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def store(self) -> Path:
        return self.path / "store.sqlite"

    @property
    def dense(self) -> Path:
        return self.path / "dense.faiss"

    @property
    def ids(self) -> Path:
        return self.path / "ids.npy"

    @property
    def vectors(self) -> Path:
        return self.path / "vectors.npy"

    @property
    def windows(self) -> Path:
        """Each window row's passage id (index/windows.py); the window vectors follow the passages' in
        ``vectors`` and ``dense``."""
        return self.path / "windows.npy"

    @property
    def bm25(self) -> Path:
        return self.path / "bm25"

    @property
    def meta_file(self) -> Path:
        return self.path / "meta.json"

    def meta(self) -> Meta:
        try:
            data = json.loads(self.meta_file.read_bytes().decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return Meta.from_json(data)
        except (OSError, ValueError, TypeError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            raise IndexDamaged(self.meta_file, exc) from exc

    def write_meta(self, meta: Meta) -> None:
        """Written whole or not at all (a serving generation's meta is rewritten in place)."""
        tmp = self.meta_file.with_name("meta.json.tmp")
        with open(tmp, "w") as fh:
            fh.write(json.dumps(asdict(meta), indent=2))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.meta_file)

    def verify(self, meta: Meta) -> None:
        """Raise ``IndexDamaged`` unless every file has the checksum the build recorded in ``meta``."""
        for name, want in meta.checksums.items():
            path = self.path / name
            if file_digest(path) != want:
                raise IndexDamaged(path, "its contents are not what the build wrote")


def file_digest(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError as exc:
        raise IndexDamaged(path, exc) from exc


def sync_files(folder: Path) -> None:
    """Flush every file under ``folder`` to disk, before the folder is renamed into service."""
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())


def index_folder(data_dir: Path, corpus_root: Path, model: str) -> Path:
    """One index per corpus folder and model, so switching either never serves a stale index."""
    root = str(corpus_root.resolve())
    slug = re.sub(r"[^A-Za-z0-9]+", "-", corpus_root.resolve().name).strip("-")[:40] or "corpus"
    # fsencode: a folder name that is not UTF-8 (a surrogate-escaped str) hashes as its bytes, not an error.
    digest = hashlib.sha256(os.fsencode(root) + f"\n{model}".encode()).hexdigest()[:10]
    return data_dir / "indexes" / f"{slug}-{digest}"


class IndexFolder:
    """The generations of one index and the switch between them."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def current_name(self) -> str | None:
        """The generation ``CURRENT`` names; None when there is none, or when the pointer is garbled (a damaged
        pointer is no pointer: the next build writes a good one)."""
        try:
            raw = (self.path / "CURRENT").read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("cannot read %s (%s): building as if there were no index", self.path / "CURRENT", exc)
            return None
        name = raw.decode("utf-8", "replace").strip()
        if not _GEN_RE.fullmatch(name) or name.endswith(".tmp"):
            log.warning("%s is garbled: it names no generation", self.path / "CURRENT")
            return None
        return name

    def current(self) -> Generation | None:
        name = self.current_name()
        if name is None:
            return None
        gen = Generation(self.path / name)
        return gen if gen.meta_file.is_file() else None

    def stamp(self) -> tuple[bytes, int] | None:
        """Changes whenever CURRENT is switched: cheap enough to look at on every question."""
        current = self.path / "CURRENT"
        try:
            return current.read_bytes(), current.stat().st_mtime_ns
        except OSError:
            return None

    def outdated(self) -> str | None:
        """Why the serving generation needs an update before it answers (made by another Quoth version), or None."""
        gen = self.current()
        if gen is None:
            return None
        meta = gen.meta()
        if meta.format != FORMAT_VERSION:
            return f"its files are in format {meta.format}, this version of Quoth reads format {FORMAT_VERSION}"
        if meta.bm25_analyzer != bm25.ANALYZER_VERSION:
            return "its BM25 index was tokenised by another version of Quoth"
        if meta.language not in LANGUAGES:
            return f"its BM25 index is in a language this version of Quoth does not know ({meta.language!r})"
        return None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time per index, across processes."""
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / "build.lock", "w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise IndexUnusable(f"another build of {self.path} is running; try again when it has finished") \
                    from exc
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def sweep(self) -> None:
        """Remove what interrupted builds left (``gen-N.tmp``). Call under lock(): holding it, no live build can
        be writing one, so every ``.tmp`` folder is a dead build's — gone at the next build, even one that
        finds nothing changed and writes nothing."""
        for stale in self.path.glob("gen-*.tmp"):
            log.info("removing %s, left by an interrupted build", stale.name)
            shutil.rmtree(stale, ignore_errors=True)

    def start(self) -> Generation:
        """A new, empty ``.tmp`` generation (leftovers of interrupted builds removed first). Call under lock()."""
        self.sweep()
        nums = [int(m.group(1)) for p in self.path.glob("gen-*") if (m := _GEN_RE.fullmatch(p.name))]
        gen = Generation(self.path / f"gen-{max(nums, default=0) + 1:06d}.tmp")
        gen.path.mkdir(parents=True)
        return gen

    def publish(self, tmp: Generation) -> Generation:
        """Make a complete ``.tmp`` generation the serving one, then drop the ones no reader can still hold:
        all but the new one and the one that served until now (by what ``CURRENT`` named, never by number:
        a build killed between its renames leaves a complete generation that never served)."""
        serving = self.current_name()
        final = Generation(tmp.path.with_name(tmp.name.removesuffix(".tmp")))
        os.replace(tmp.path, final.path)
        self._write_current(final.name)
        keep = {final.name, serving}
        for old in self.path.glob("gen-*"):
            if old.is_dir() and not old.name.endswith(".tmp") and old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
        return final

    def drop_replaced(self, grace: float) -> bool:
        """Remove every complete generation but the serving one, once ``CURRENT`` has named it for ``grace``
        seconds (a reader that held the one before has finished with it by then). Whether none is left."""
        serving = self.current_name()
        try:
            age = time.time() - (self.path / "CURRENT").stat().st_mtime
        except OSError:
            return serving is None
        if serving is None or age < grace:
            return False
        try:
            with self.lock():  # a build publishing now renames its generation in before CURRENT names it
                for old in self.path.glob("gen-*"):
                    if old.is_dir() and not old.name.endswith(".tmp") and old.name != self.current_name():
                        shutil.rmtree(old)
        except IndexUnusable:  # a build is running: the next call, after it, drops them
            return False
        return True

    def _write_current(self, name: str) -> None:
        tmp = self.path / "CURRENT.tmp"
        with open(tmp, "w") as fh:
            fh.write(name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path / "CURRENT")
