"""Walking a hostile corpus folder: names that are not UTF-8, folders nested past what recursion and PATH_MAX
allow, files swapped for links while the folder is read, a manifest that is a link out. Real files, real links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quoth.errors import ManifestError
from quoth.ingest import FolderLoader, LoadReport, load_folder
from quoth.ingest.manifest import load_manifest
from quoth.settings import CorpusSettings

CANARY = "CANARY-7d1f outside words nobody may quote"


def load(root: Path) -> tuple[dict, list[str]]:
    report = LoadReport()
    docs = {d.path: d for d in load_folder(root, CorpusSettings(), report)}
    return docs, report.warnings


def test_a_name_that_is_not_utf8_is_indexed_under_its_escaped_name(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("The harbour opens at dawn.")
    with open(os.path.join(os.fsencode(root), b"badname_\xff.txt"), "wb") as fh:
        fh.write(b"The mill grinds oats on Tuesdays.")
    docs, warnings = load(root)
    assert sorted(docs) == ["badname_\\xff.txt", "good.txt"]
    assert docs["badname_\\xff.txt"].text == "The mill grinds oats on Tuesdays."
    for name in [*docs, *warnings]:
        name.encode("utf-8")  # every name is text any store and terminal takes
    assert warnings == ["badname_\\xff.txt: indexed under an escaped name: its name is not valid UTF-8 (each bad "
                        "byte written as \\xNN)"]


def test_an_escaped_name_never_takes_the_place_of_a_real_file(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "caf\\xe9.txt").write_text("The real file with a backslash in its name.")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"A Latin-1 name.")
    docs, warnings = load(root)
    assert docs["caf\\xe9.txt"].text == "The real file with a backslash in its name."
    assert len(docs) == 1
    assert any("its name is not valid UTF-8" in w and "skipped" in w for w in warnings), warnings


def deep_folder(root: Path, depth: int, name: str = "d") -> Path:
    """``depth`` nested folders under ``root``, made relative to each one in turn (no path grows past PATH_MAX
    on the way down); the deepest one's path as a string would be too long for the kernel when it is."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            nxt = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, b"Words at the bottom of a very deep folder.")
        os.close(out)
    finally:
        os.close(fd)
    return root


def flatten(root: Path, name: str) -> None:
    """Remove a deep chain of ``name`` folders one level at a time: shutil.rmtree (and so pytest's clean-up of
    tmp_path) recurses once per level, and would fail on it."""
    import shutil

    top, spare = root / name, root / "spare"
    while (top / name).is_dir():
        os.rename(top / name, spare)
        os.rmdir(top)
        os.rename(spare, top)
    shutil.rmtree(top)


@pytest.fixture
def deep_root():
    """A corpus folder outside pytest's tmp_path: were a run killed before ``flatten``, pytest's own clean-up
    of a chain 1,200 deep would fail every later session; a stray folder in the system's tmp harms nobody."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="quoth-deep-"))
    root = base / "corpus"
    root.mkdir()
    try:
        yield root
    finally:
        flatten(root, "d")
        shutil.rmtree(base)


def test_a_folder_nested_1200_deep_is_walked_without_recursion(deep_root):
    root = deep_root
    (root / "top.txt").write_text("Words at the top.")
    deep_folder(root, 1200)
    docs, warnings = load(root)
    assert "top.txt" in docs
    deep = [p for p in docs if p.endswith("/deep.txt")]
    assert len(deep) == 1 and deep[0].count("/") == 1200
    assert warnings == []


def test_a_path_longer_than_path_max_loses_nothing_else(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "top.txt").write_text("Words at the top.")
    deep_folder(root, 40, name="n" * 200)  # 8,000 characters: twice Linux's PATH_MAX
    docs, warnings = load(root)
    assert "top.txt" in docs
    assert all(len(w.splitlines()) == 1 for w in warnings)
    # Read by folder descriptors, a path the kernel would refuse whole is no obstacle.
    assert [p for p in docs if p.endswith("/deep.txt")], warnings


def loader_after_listing(root: Path):
    """The loader's generator, run to its first document (a.txt): the folder is listed, nothing else read yet."""
    report = LoadReport()
    gen = FolderLoader(CorpusSettings()).load(root, report)
    assert next(gen).path == "a.txt"
    return gen, report


def swap_corpus(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "secret.txt").write_text(CANARY)
    (outside / "sub" / "inner.txt").write_text(CANARY)
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("The first file is read before anything is swapped.")
    (root / "b.txt").write_text("An honest file.")
    (root / "c.txt").symlink_to(root / "sub" / "inner.txt")  # a link inside the folder: read
    (root / "sub" / "inner.txt").write_text("Inner words.")
    return root, outside


def test_a_file_swapped_for_a_link_after_the_check_is_never_read(tmp_path):
    root, outside = swap_corpus(tmp_path)
    gen, report = loader_after_listing(root)
    os.unlink(root / "b.txt")
    (root / "b.txt").symlink_to(outside / "secret.txt")  # swapped between the check and the open
    os.unlink(root / "sub" / "inner.txt")
    (root / "sub" / "inner.txt").symlink_to(outside / "secret.txt")  # the inside link's target, too
    docs = list(gen)
    assert not any(CANARY in d.text for d in docs)
    assert {w.split(":")[0] for w in report.warnings} >= {"b.txt", "c.txt"}
    assert all("skipped" in w for w in report.warnings)


def test_a_folder_swapped_for_a_link_after_the_check_is_never_read(tmp_path):
    root, outside = swap_corpus(tmp_path)
    gen, report = loader_after_listing(root)
    os.rename(root / "sub", tmp_path / "moved-away")
    (root / "sub").symlink_to(outside / "sub")  # sub/inner.txt now leads out of the folder
    docs = list(gen)
    assert not any(CANARY in d.text for d in docs)
    assert "b.txt" in {d.path for d in docs}
    assert any(w.startswith("sub/inner.txt: skipped") for w in report.warnings)


def test_a_file_swapped_for_a_pipe_is_skipped_without_blocking(tmp_path):
    root, _ = swap_corpus(tmp_path)
    gen, report = loader_after_listing(root)
    os.unlink(root / "b.txt")
    os.mkfifo(root / "b.txt")  # opening a pipe for reading blocks until a writer comes: none will
    docs = list(gen)
    assert "b.txt" not in {d.path for d in docs}
    assert any(w.startswith("b.txt: skipped") for w in report.warnings)


def test_an_editor_saving_a_file_during_the_build_is_still_read(tmp_path):
    root, _ = swap_corpus(tmp_path)
    gen, report = loader_after_listing(root)
    (root / "b.tmp").write_text("An honest file, edited.")
    os.replace(root / "b.tmp", root / "b.txt")  # a new inode inside the folder: no link, nothing outside
    docs = {d.path: d for d in gen}
    assert docs["b.txt"].text == "An honest file, edited."
    assert report.warnings == []


def test_a_manifest_that_is_a_link_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.toml"
    outside.write_text(f'[[document]]\nfile = "a.txt"\ntitle = "{CANARY}"\n')
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("Some words.")
    (root / "sources.toml").symlink_to(outside)
    with pytest.raises(ManifestError, match="a link to a file outside the corpus folder"):
        load_manifest(root)


def test_a_manifest_linked_inside_the_folder_is_read(tmp_path):
    root = tmp_path / "corpus"
    (root / "meta").mkdir(parents=True)
    (root / "a.txt").write_text("Some words.")
    (root / "meta" / "sources.toml").write_text('[[document]]\nfile = "a.txt"\ntitle = "Inside"\n')
    (root / "sources.toml").symlink_to(root / "meta" / "sources.toml")
    assert load_manifest(root).entry_for("a.txt").title == "Inside"
