import tomllib

import pytest

from quoth.errors import ConfigError
from quoth.settings import SAMPLE_CORPUS, Settings


def test_defaults_are_quoth_with_no_config(monkeypatch, tmp_path):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path))
    s = Settings()
    assert s.corpus_dir() == SAMPLE_CORPUS and s.data_dir() == tmp_path
    assert (s.model.backend, s.search.k, s.index.bm25_k1) == ("onnx-int8", 3, 0.9)


def test_with_changes_keys_and_validates():
    s = Settings().with_(search={"k": 5}, corpus={"path": "/docs"})
    assert (s.search.k, s.search.fusion, s.corpus.path) == (5, "linear", "/docs")
    with pytest.raises(ConfigError, match=r"search\.k"):
        Settings().with_(search={"k": 0})


def test_file_sections_validated_and_front_end_sections_left_to_them(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('[corpus]\npath = "docs"\nboilerplate = ["^ad:"]\n[bot]\ncooldown_seconds = 5\n')
    s = Settings.load(f)
    assert s.corpus_dir() == tmp_path / "docs" and s.corpus.boilerplate == ["^ad:"]
    f.write_text('[corpus]\nboilerplate = ["(unclosed"]\n[serach]\nk = 3\n')
    with pytest.raises(ConfigError) as exc:
        Settings.load(f)
    assert "corpus.boilerplate" in str(exc.value) and "serach" in str(exc.value)
    with pytest.raises(ConfigError, match="does not exist"):
        Settings.load(tmp_path / "missing.toml")
    f.write_text("[corpus\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Settings.load(f)


def test_every_key_can_come_from_the_environment_and_wins_over_the_file(tmp_path):
    from quoth.bot.config import AppConfig

    cfg = tmp_path / "config.toml"
    cfg.write_text('[search]\nk = 3\n[corpus]\npath = "docs"\n')
    env = {"QUOTH_SEARCH__K": "5", "QUOTH_CORPUS__PATH": "2024", "QUOTH_BOT__SHARD_IDS": "[0, 1]",
           "QUOTH_BOT__SHARD_COUNT": "4", "QUOTH_INDEX__MILVUS_GRACE": "30", "QUOTH_DATA_DIR": "/elsewhere",
           "QUOTH_SEARCH__RERANK_MODEL": "cross-encoder/ms-marco-MiniLM-L-6-v2"}
    s = AppConfig.from_environment(tomllib.loads(cfg.read_text()), cfg, env)
    assert s.search.k == 5 and s.corpus.path == "2024"  # a text key keeps the text, digits and all
    assert (s.bot.shard_count, s.bot.shard_ids, s.index.milvus_grace) == (4, [0, 1], 30.0)
    assert s.search.rerank_model == "cross-encoder/ms-marco-MiniLM-L-6-v2"
    assert AppConfig.from_environment({}, None, {}).search.k == 3


def test_a_bad_variable_is_named():
    with pytest.raises(ConfigError, match=r"QUOTH_SEARCH__K \(search\.k\)"):
        Settings.from_environment({}, None, {"QUOTH_SEARCH__K": "many"})
    with pytest.raises(ConfigError, match=r"QUOTH_SEARCH__KAY \(search\.kay\)"):
        Settings.from_environment({}, None, {"QUOTH_SEARCH__KAY": "5"})


def test_a_retired_key_is_ignored_with_a_warning_not_a_failed_load(caplog):
    from quoth.settings import Settings
    s = Settings.from_dict({"verify": {"paraphrase_min": 1.45, "accuse_min": 0.9}})
    assert s.verify.accuse_min == 0.9
    assert "paraphrase_min is retired" in caplog.text
