"""Damaged index files, a garbled pointer, interrupted builds and empty folders: real files, real damage."""

from __future__ import annotations

import logging
import random
import shutil
from pathlib import Path

import pytest

import quoth
from quoth.errors import CorpusError, IndexDamaged
from quoth.index.generation import IndexFolder
from quoth.index.live import LiveIndex
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

QUESTIONS = ("What was the harbour wall rebuilt with?", "What ate the lettuces?")


def answers(q: quoth.Quoth) -> list[list[tuple[str, int, int]]]:
    return [[(h.source.path, h.start, h.end) for h in q.ask(question, k=3)] for question in QUESTIONS]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A corpus, its index and the answers it gives, built once; each test works on a copy."""
    root = tmp_path_factory.mktemp("built")
    corpus = write_corpus(root / "corpus", HARBOUR_AND_GARDEN)
    q = quoth.Quoth.open(corpus=corpus, data_dir=root / "data")
    q.index()
    return root, answers(q)


def fresh(built, tmp_path: Path) -> tuple[quoth.Quoth, Path]:
    root, _ = built
    shutil.copytree(root, tmp_path / "copy")
    q = quoth.Quoth.open(corpus=tmp_path / "copy" / "corpus", data_dir=tmp_path / "copy" / "data")
    [copied] = (tmp_path / "copy" / "data" / "indexes").iterdir()
    copied.rename(q.folder.path)  # an index belongs to its corpus folder's path
    return q, q.folder.current().path


def generation_files(gen: Path) -> list[str]:
    return sorted(p.relative_to(gen).as_posix() for p in gen.rglob("*") if p.is_file())


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def garble(path: Path) -> None:
    """Random bytes over the second half: headers survive, contents do not."""
    data = bytearray(path.read_bytes())
    rng = random.Random(path.name)
    half = len(data) // 2
    data[half:] = bytes(rng.randrange(256) for _ in range(len(data) - half))
    path.write_bytes(bytes(data))


def test_every_file_of_a_generation_is_checked(built, tmp_path):
    _, gen = fresh(built, tmp_path)
    assert {"meta.json", "store.sqlite", "dense.faiss", "ids.npy", "vectors.npy"} <= set(generation_files(gen))
    assert any(f.startswith("bm25/") for f in generation_files(gen))


@pytest.mark.parametrize("damage", [truncate, garble])
def test_a_damaged_file_is_named_and_the_next_build_repairs_it(built, tmp_path, damage):
    _, good = built
    names = generation_files(fresh(built, tmp_path / "probe")[1])
    for name in names:
        q, gen = fresh(built, tmp_path / f"{damage.__name__}-{name.replace('/', '-')}")
        damage(gen / name)
        try:
            got = answers(q)
        except IndexDamaged as exc:
            assert str(gen) in str(exc) and "quoth index --full" in str(exc), name
        else:  # damage the serving path never reads (a copy only builds use): answers must still be right
            assert got == good, name
        report = q.index()  # an update: must not carry the damage forward, nor fail on it
        assert answers(quoth.Quoth.open(corpus=q.corpus_dir, data_dir=q.settings.data_dir())) == good, name
        if name != "meta.json" and damage is garble and name.endswith((".npy", ".sqlite")):
            assert report.full and report.embedded == report.passages, name


def test_a_garbled_current_pointer_is_no_pointer(built, tmp_path):
    q, gen = fresh(built, tmp_path)
    (gen.parent / "CURRENT").write_bytes(b"\xff\xfe\x00gen-\x9c\n")
    assert q.folder.current() is None
    assert answers(q) == built[1]  # built afresh on first use
    assert IndexFolder(gen.parent).current() is not None


def test_pruning_keeps_what_served_not_the_newest_names(built, tmp_path):
    q, serving = fresh(built, tmp_path)
    folder = serving.parent
    # A build killed between its two renames: complete, newer, never served.
    orphan = folder / "gen-000009"
    shutil.copytree(serving, orphan)
    (q.corpus_dir / "harbour.txt").write_text(HARBOUR_AND_GARDEN["harbour.txt"] + "\nA new pontoon opens in May.\n")
    report = q.index()
    left = sorted(p.name for p in folder.glob("gen-*"))
    assert left == sorted({serving.name, report.generation}) and orphan.name not in left


def test_nothing_changed_means_nothing_written(built, tmp_path):
    q, serving = fresh(built, tmp_path)
    before = sorted(p.name for p in serving.parent.iterdir())
    report = q.index()
    assert report.generation == serving.name and report.embedded == 0 and report.unchanged == 2
    assert sorted(p.name for p in serving.parent.iterdir()) == before


def test_a_damaged_new_generation_leaves_the_served_one_serving(built, tmp_path, caplog):
    q, serving = fresh(built, tmp_path)
    live = LiveIndex(serving.parent, check_every=0)
    first = live.current()
    (q.corpus_dir / "garden.txt").write_text(HARBOUR_AND_GARDEN["garden.txt"] + "\nBeans climbed the fence.\n")
    new = q.index().generation
    truncate(serving.parent / new / "dense.faiss")
    assert live.current() is first
    assert any("still answering from generation" in r.message for r in caplog.records)


@pytest.mark.parametrize("files", [{}, {"a.xyz": "\x00?", "b.bin": "\x00\x01"}])
def test_a_folder_with_nothing_readable_says_so(tmp_path, files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text)
    q = quoth.Quoth.open(corpus=corpus, data_dir=tmp_path / "data")
    with pytest.raises(CorpusError, match="no readable documents in") as err:
        q.index()
    assert ("2 files skipped" in str(err.value)) if files else ("has no files" in str(err.value))
    assert not list((tmp_path / "data").rglob("gen-*"))


def test_a_passage_whose_text_changed_in_the_store_is_never_shown(built, tmp_path, caplog):
    """Damage that still parses: a passage's text changed in store.sqlite. It is not quoted as "verbatim"
    (its checksum fails), one ERROR names the file and the repair, and the next `quoth index` rebuilds."""
    import sqlite3

    q, gen = fresh(built, tmp_path)
    con = sqlite3.connect(gen / "store.sqlite")
    with con:
        changed = con.execute("UPDATE passages SET text = replace(text, 'granite', 'marble') "
                              "WHERE text LIKE '%granite%'").rowcount
    con.close()
    assert changed == 1
    with caplog.at_level(logging.ERROR, logger="quoth"):
        for _ in range(2):
            hits = list(q.ask(QUESTIONS[0], k=3)) + list(q.ask("marble harbour wall", k=3))
            assert hits and not any("marble" in h.passage.text for h in hits)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and str(gen / "store.sqlite") in errors[0] and "quoth index --full" in errors[0], errors
    q.index()
    assert answers(quoth.Quoth.open(corpus=q.corpus_dir, data_dir=q.settings.data_dir())) == built[1]


def test_permuted_passage_ids_are_refused_not_served(built, tmp_path):
    """ids.npy permuted: every row would show another passage than the one it scored. The index is refused,
    naming the file, and the next `quoth index` rebuilds it."""
    import numpy as np

    q, gen = fresh(built, tmp_path)
    ids = np.load(gen / "ids.npy")
    np.save(gen / "ids.npy", ids[::-1].copy())
    with pytest.raises(IndexDamaged, match=r"ids\.npy.*quoth index --full"):
        answers(q)
    q.index()
    assert answers(quoth.Quoth.open(corpus=q.corpus_dir, data_dir=q.settings.data_dir())) == built[1]


def test_a_document_whose_text_changed_in_the_store_is_never_quoted(built, tmp_path, caplog):
    """`quoth verify` quotes the document's stored text: edited in store.sqlite, it fails its content hash and
    is not quoted as the document's words; one ERROR names the file."""
    import sqlite3

    q, gen = fresh(built, tmp_path)
    con = sqlite3.connect(gen / "store.sqlite")
    with con:
        con.execute("UPDATE documents SET text = replace(text, 'granite', 'marble')")
    con.close()
    with caplog.at_level(logging.ERROR, logger="quoth"):
        for _ in range(2):
            verdicts = q.verify("The harbour wall was rebuilt with marble from the local quarry")
            assert not any(v.quote and "marble" in v.quote for v in verdicts)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and str(gen / "store.sqlite") in errors[0] and "quoth index --full" in errors[0], errors
