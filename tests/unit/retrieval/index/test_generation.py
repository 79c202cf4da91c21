import json

import pytest

from quoth.errors import IndexUnusable
from quoth.index.generation import FORMAT_VERSION, IndexFolder, Meta


def test_generations_switch_atomically_and_old_ones_are_pruned(tmp_path):
    folder = IndexFolder(tmp_path / "idx")
    assert folder.current() is None and folder.stamp() is None
    names = []
    for n in range(4):
        with folder.lock():
            gen = folder.start()
            assert (gen.name.endswith(".tmp") and folder.current() is None) or folder.current().name == names[-1]
            gen.write_meta(Meta(passages=n))
            names.append(folder.publish(gen).name)
    assert names == ["gen-000001", "gen-000002", "gen-000003", "gen-000004"]
    assert folder.current().name == "gen-000004" and folder.current().meta().passages == 3
    assert sorted(p.name for p in folder.path.glob("gen-*")) == ["gen-000003", "gen-000004"]
    assert (folder.path / "CURRENT").read_text() == "gen-000004\n"


def test_an_unfinished_generation_is_never_current_and_is_cleared_by_the_next_build(tmp_path):
    folder = IndexFolder(tmp_path)
    with folder.lock():
        folder.start()  # a build that died here
    assert folder.current() is None
    with folder.lock():
        gen = folder.start()
        assert [p.name for p in tmp_path.glob("gen-*")] == [gen.name] == ["gen-000001.tmp"]


def test_one_build_at_a_time(tmp_path):
    folder = IndexFolder(tmp_path)
    with folder.lock(), pytest.raises(IndexUnusable, match="another build"), folder.lock():
        pass


def test_meta_reads_old_and_unknown_keys(tmp_path):
    old = Meta.from_json({"format": FORMAT_VERSION, "model": "m", "passages": 3, "from_the_future": True})
    assert (old.model, old.passages, old.bm25_analyzer) == ("m", 3, 1)
    folder = IndexFolder(tmp_path)
    with folder.lock():
        gen = folder.start()
        gen.write_meta(Meta(model="m"))
        gen = folder.publish(gen)
    assert folder.outdated() and "another version" in folder.outdated()
    meta = json.loads(gen.meta_file.read_text())
    meta["bm25_analyzer"] = Meta().bm25_analyzer + 99
    gen.meta_file.write_text(json.dumps(meta))
    assert folder.outdated() is not None
    meta["bm25_analyzer"], meta["format"] = Meta().bm25_analyzer, FORMAT_VERSION - 1
    gen.meta_file.write_text(json.dumps(meta))
    assert "format" in folder.outdated()
