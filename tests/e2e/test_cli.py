"""The ``quoth`` command end to end: arguments, output formats, errors, pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from quoth.bot.cli import main
from tests.helpers import DEBATE, HARBOUR_AND_GARDEN, write_corpus

DOCS = HARBOUR_AND_GARDEN


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", DOCS)


def test_cli_search_json_batch_and_sources(tmp_path, corpus, capsys, monkeypatch):
    data = tmp_path / "cli-data"
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[corpus]\npath = "{corpus}"\n[data]\ndir = "{data}"\n')
    queries = tmp_path / "q.txt"
    queries.write_text("Who rebuilt the harbour wall?\nHow do I reset my router password?\n")
    assert main(["--config", str(cfg), "search", "--batch", str(queries), "--json", "--k", "2"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["query"] for o in out] == ["Who rebuilt the harbour wall?", "How do I reset my router password?"]
    first = out[0]["results"][0]
    assert set(first) >= {"text", "score", "speaker", "source", "start", "end"}
    assert set(first["source"]) >= {"title", "path", "url"}
    assert first["speaker"] == "Ann Lee" and "granite" in first["text"]
    doc = (corpus / first["source"]["path"]).read_text()
    assert doc[first["start"]:first["end"]] == first["text"]
    assert out[1]["results"] == []
    assert main(["--config", str(cfg), "sources"]) == 0
    listing = capsys.readouterr().out
    assert "harbour.txt" in listing and "garden.txt" in listing
    assert main(["--config", str(cfg), "ask", "Who rebuilt the harbour wall?"]) == 0
    answer = capsys.readouterr().out
    assert "Ann Lee" in answer and "Harbour news" in answer


def test_invalid_config_names_key(tmp_path, capsys):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[search]\nk = "many"\nfusion = "magic"\n')
    assert main(["--config", str(cfg), "sources"]) == 2
    err = capsys.readouterr().err
    assert "search.k" in err and "search.fusion" in err


def test_cli_passages_json(capsys):
    assert main(["passages", "--json", "--speaker", "benny"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 1
    row = lines[0]
    assert row["speaker"] == "Benny Ross"
    assert set(row) >= {"text", "speaker", "source", "start", "end"}
    assert set(row["source"]) >= {"title", "path", "url"}
    assert row["source"]["path"] == "004_d3361c065031fb09.txt"


def test_cli_missing_corpus_is_a_clear_error(capsys, tmp_path):
    assert main(["passages", "--corpus", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_config_is_accepted_before_and_after_the_command(tmp_path, corpus, capsys):
    cfg = tmp_path / "config.toml"
    data = tmp_path / "data"
    cfg.write_text(f'[corpus]\npath = "{corpus}"\n[data]\ndir = "{data}"\n')
    for argv in (["--config", str(cfg), "passages", "--json"], ["passages", "--json", "--config", str(cfg)]):
        assert main(argv) == 0
        paths = {json.loads(x)["source"]["path"] for x in capsys.readouterr().out.splitlines()}
        assert paths == {"harbour.txt", "garden.txt"}, argv


def test_help_speaks_to_users(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "word for word" in text and "examples:" in text and "Turn a" not in text
    for command in ("ask", "search", "index", "sources", "passages", "eval", "serve", "sync"):
        assert command in text
    with pytest.raises(SystemExit):
        main(["index", "--help"])
    assert "only new and changed documents" in " ".join(capsys.readouterr().out.split())


def test_a_closed_pipe_ends_quietly(tmp_path):
    env = {**os.environ, "QUOTH_DATA_DIR": str(tmp_path)}
    cmd = f"{sys.executable} -m quoth.bot.cli passages --json | head -1"
    res = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, env=env, timeout=300)
    assert json.loads(res.stdout)["text"] and "Broken pipe" not in res.stderr and "Traceback" not in res.stderr


def test_passages_explain_which_reader_read_each_document(tmp_path, capsys):
    talk = "ANN: Hello there, everyone.\nBOB: Hi Ann.\nANN: Shall we start?\n"
    root = write_corpus(tmp_path / "c", {"talk.txt": talk})
    assert main(["passages", "--corpus", str(root), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "layout transcript, chosen by detection (detection: transcript 0.85" in out
    assert main(["passages", "--corpus", str(root), "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {r["layout"]["reader"] for r in rows} == {"transcript"}
    assert [r["speaker"] for r in rows] == ["Ann", "Bob", "Ann"]


def test_passages_explain_names_the_files_it_skipped_as_index_does(tmp_path, capsys):
    talk = "ANN: Hello there, everyone.\nBOB: Hi Ann.\nANN: Shall we start?\n"
    root = write_corpus(tmp_path / "c", {"talk.txt": talk})
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "secret.txt").write_text("Nobody may quote this.")
    (root / "leak.txt").symlink_to(tmp_path / "secret.txt")
    assert main(["passages", "--corpus", str(root), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "talk.txt" in out
    assert "photo.jpg: skipped: unsupported file type '.jpg'" in out
    assert "leak.txt: skipped: a link to a file outside the corpus folder" in out
    assert "2 file problems (2 skipped)" in out
    assert main(["passages", "--corpus", str(root), "--json"]) == 0
    got = capsys.readouterr()
    assert all(json.loads(x) for x in got.out.splitlines())  # JSON lines only on stdout; the skips on stderr
    assert "photo.jpg: skipped" in got.err


def test_passages_explain_coverage_and_search_context(tmp_path, capsys):
    doc = ("Rationale\n=========\n\nThe harbour wall was rebuilt with granite after the storms.\n\n"
           "Originally Posted to the Harbour List\nUnder the Thread Called the Wall\n")
    root = write_corpus(tmp_path / "c", {"wall.rst": doc})
    assert main(["passages", "--corpus", str(root), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "coverage 50.0%: 1 of 2 sentences in passages  — LOSES WORDS, first lost: Originally Posted" in out
    assert "searched with: Rationale" in out
    assert main(["passages", "--corpus", str(root), "--json"]) == 0
    [row] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert row["layout"]["coverage"]["share"] == 0.5 and row["layout"]["coverage"]["loses_words"]
    assert row["search_text"].startswith("Rationale\n")


def test_mistakes_exit_non_zero_with_a_message(tmp_path, corpus, capsys, monkeypatch):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    base = ["--corpus", str(corpus)]
    for args, said in [(["ask", *base, ""], "the question is empty"),
                       (["ask", *base, "--k", "0", "tomatoes?"], "k must be between 1 and 50"),
                       (["ask", *base, "--speaker", "Bob Gren", "tomatoes?"], "did you mean 'Bob Green'"),
                       (["search", *base, "--source", "kitchen", "tomatoes?"], "no source matches 'kitchen'")]:
        assert main(args) == 2, args
        out = capsys.readouterr()
        assert said in out.err and "Nothing relevant found" not in out.out and "Traceback" not in out.err


def test_an_empty_corpus_folder_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "empty").mkdir()
    assert main(["index", "--corpus", str(tmp_path / "empty")]) == 2
    assert "no readable documents in" in capsys.readouterr().err


def test_index_tells_each_problem_once_and_not_again_when_nothing_changed(tmp_path, corpus, capsys, monkeypatch):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (corpus / "odd\nname.txt").write_text("A file whose name holds a newline, written by a careless script.")
    assert main(["index", "--corpus", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert err.count("photo.jpg") == 1 and "warning: photo.jpg: skipped: unsupported file type" in err
    assert "1 file problem (1 skipped)" in err
    assert main(["index", "--corpus", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "warning:" not in err and "1 already reported by the last build" in err
    assert main(["sources", "--corpus", str(corpus)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any("odd\\nname.txt" in r for r in rows) and len(rows) == 4


def test_batch_answers_each_line_as_it_arrives_and_survives_a_bad_line(tmp_path, corpus, monkeypatch, capsys):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    env = {**os.environ}
    assert main(["index", "--corpus", str(corpus)]) == 0  # built first: the answers below come at once
    proc = subprocess.Popen([sys.executable, "-m", "quoth.bot.cli", "search", "--corpus", str(corpus), "--batch", "-",
                             "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    proc.stdin.write(b"What was the harbour wall rebuilt with?\n")
    proc.stdin.flush()
    first = json.loads(proc.stdout.readline())  # answered while stdin is still open
    assert "granite" in first["results"][0]["text"]
    proc.stdin.write(b"caf\xe9 \xff broken\nWhat ate the lettuces?\n")
    proc.stdin.close()
    rest = [json.loads(line) for line in proc.stdout]
    assert rest[0] == {"line": 2, "error": "not valid UTF-8"} and "Slugs" in rest[1]["results"][0]["text"]
    assert proc.wait(60) == 1 and "line 2: not valid UTF-8" in proc.stderr.read().decode()


def test_hostile_questions_on_the_command_line(tmp_path, corpus, capsys, monkeypatch):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    for question in ["harbour " * 1250, "\x00\x07\x1b[31m harbour \x7f", "🦀🦀🦀🌊", "\u202edrow lanac\u202c",
                     "@everyone <@&456> [click](https://evil.example) ||x|| ```rm -rf /```"]:
        assert main(["ask", "--corpus", str(corpus), question]) == 0, question[:40]
        out = capsys.readouterr()
        assert out.out.strip() and "Traceback" not in out.err


def test_a_corpus_with_no_text_to_quote_says_so(tmp_path, capsys, monkeypatch):
    """A folder whose one document holds no passage ("Hello there.") once ended in a bm25s traceback."""
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "hi.txt").write_text("Hello there.\n", encoding="utf-8")
    assert main(["index", "--corpus", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "no passages in" in err and "no text to quote" in err and "Traceback" not in err


def test_an_argument_that_is_not_utf8_is_a_clear_error(tmp_path, corpus):
    """A terminal in another encoding hands Python a byte it keeps as a lone surrogate: once a tokenizer's
    TypeError with a traceback, for a question and for a claim."""
    env = {**os.environ, "QUOTH_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    for args in ([b"ask", b"harbour caf\xe9?"], [b"verify", b'"the harbour caf\xe9 opens at noon"']):
        res = subprocess.run([sys.executable.encode(), b"-m", b"quoth.bot.cli", *args, b"--corpus", bytes(corpus)],
                             capture_output=True, env=env, timeout=300)
        err = res.stderr.decode()
        assert res.returncode == 2 and "not valid text" in err and "Traceback" not in err, err[-400:]


def test_verify_a_batch_of_claims_as_json_lines(tmp_path, corpus, monkeypatch, capsys):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    batch = tmp_path / "claims.jsonl"
    batch.write_text("\n".join([
        json.dumps({"text": "Slugs ate every lettuce I planted this year", "speaker": "Bob Green"}),
        json.dumps({"text": "Slugs ate every lettuce I planted this year", "speaker": "Ann Lee"}),
        "The harbour wall was rebuilt with concrete from the local quarry",
        json.dumps({"text": "hi"}),
        "Penguins prefer cold water and dislike the summer heat",
        "Slugs ate every lettuce I planted this year — Ann Lee"]) + "\n")
    assert main(["verify", "--corpus", str(corpus), "--batch", str(batch), "--json"]) == 1  # one line failed
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # One changed word is "altered" whatever the word (issue 22 §1).
    assert [r.get("verdict") for r in rows] == ["exact", "exact", "altered", None, "not_found", "exact"]
    # A plain line is read as the command line reads it: the speaker it names is the claimed one.
    assert (rows[5]["claimed_speaker"], rows[5]["misattributed"]) == ("Ann Lee", True)
    first, second = rows[0], rows[1]
    assert (first["speaker"], first["misattributed"], second["misattributed"]) == ("Bob Green", False, True)
    assert {"verdict", "speaker", "claimed_speaker", "misattributed", "source", "start", "end", "edits"} <= set(first)
    assert (corpus / first["source"]["path"]).read_text()[first["start"]:first["end"]] == first["quote"]
    assert rows[2]["edits"] == [{"op": "changed", "claim": "concrete", "source": "granite"}]
    assert "error" in rows[3] and rows[4]["misattributed"] is None and rows[4]["speaker"] is None
    assert rows[4]["source"] is None or rows[4]["closest_not_a_match"]
    message = 'did Ann Lee say "the harbour wall was rebuilt with granite"?'
    assert main(["verify", "--corpus", str(corpus), message]) == 0
    out = capsys.readouterr().out
    assert out.startswith("EXACT: Real: these are the words of Ann Lee.") and "harbour.txt" in out


def test_cli_speakers_lists_each_person_once_with_their_names(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "debate", DEBATE)
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[corpus]\npath = "{corpus}"\n[data]\ndir = "{tmp_path / "data"}"\n')
    assert main(["--config", str(cfg), "index"]) == 0
    capsys.readouterr()
    assert main(["--config", str(cfg), "speakers", "--json"]) == 0
    people = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(p["speaker"], sorted(p["aliases"]), p["passages"], p["documents"]) for p in people] == [
        ("Hillary Clinton", ["Hillary Clinton"], 4, ["debate.txt", "speech.txt"]),
        ("Lester Holt", ["Lester Holt"], 4, ["column.txt", "debate.txt"]),
        ("Donald Trump", ["Donald Trump"], 1, ["debate.txt"])]
    assert main(["--config", str(cfg), "speakers", "HOLT"]) == 0
    out = capsys.readouterr().out
    assert "Lester Holt  in 2 documents" in out and "Clinton" not in out
    assert main(["--config", str(cfg), "search", "manufacturing", "--json", "--speaker", "Clinton"]) == 0
    [found] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {r["speaker"] for r in found["results"]} == {"Hillary Clinton"}
    assert main(["--config", str(cfg), "search", "manufacturing", "--speaker", "Wallace"]) == 2
    assert "quoth speakers" in capsys.readouterr().err


# A document may hold terminal control sequences: retitle the window (OSC), clear the screen (CSI), the one-byte C1
# CSI, a bell. Printed raw, the document would drive the reader's terminal.
CONTROLS = ("\x1b", "\x07", "\x9b", "\x90")
HOSTILE_NAME = "evil\x1b[2J.txt"
HOSTILE = {
    "sources.toml": '[[document]]\nfile = "evil\\u001b[2J.txt"\ntitle = "Harbour \\u001b]0;pwned\\u0007news"\n'
                    'author = "Ann Lee\\u009b31m"\n',
    "notes\x1b]0;pwned\x07.xyz": "\x00\x01 Binary by its content, so skipped: its name is in a warning and a log line.",
    HOSTILE_NAME: "Harbour news\n\nby Ann Lee\n\nThe harbour wall was rebuilt with granite \x1b]0;pwned\x07from the "
                  "local quarry after the winter storms destroyed the old stone pier.\x1b[2J\n\nFishing boats returned "
                  "at dawn and the fish market reopened \x9b31mon the quay for the first time in months.\x90\n",
}


def _cli(*args: str, env: dict) -> str:
    res = subprocess.run([sys.executable, "-m", "quoth.bot.cli", *args], capture_output=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr.decode(errors="replace")[-2000:]
    return res.stdout.decode("utf-8")


def test_terminal_control_sequences_in_documents_are_escaped_for_people_and_kept_in_json(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HOSTILE)
    env = {**os.environ, "QUOTH_DATA_DIR": str(tmp_path / "data")}
    built = subprocess.run([sys.executable, "-m", "quoth.bot.cli", "-v", "index", "--corpus", str(corpus)],
                           capture_output=True, env=env, timeout=300)
    log = built.stderr.decode("utf-8")
    assert built.returncode == 0 and "notes\\x1b]0;pwned\\x07.xyz: skipped" in log, log[-3000:]
    assert not [c for c in CONTROLS if c in log], log[-3000:]  # the debug log names the file too
    shown = {
        "ask": _cli("ask", "--corpus", str(corpus), "--cite", "What was the harbour wall rebuilt with?", env=env),
        "search": _cli("search", "--corpus", str(corpus), "What was the harbour wall rebuilt with?", env=env),
        "passages": _cli("passages", "--corpus", str(corpus), "--explain", env=env),
        "verify": _cli("verify", "--corpus", str(corpus), "--cite",
                       "The harbour wall was rebuilt with granite from the old quarry", env=env),
        "sources": _cli("sources", "--corpus", str(corpus), env=env),
        "speakers": _cli("speakers", "--corpus", str(corpus), env=env),
    }
    for command, out in shown.items():
        assert not [c for c in CONTROLS if c in out], (command, out)
    # Escaped, not dropped: the reader sees that the document holds them.
    for command in ("ask", "search", "passages", "verify"):
        assert "granite \\x1b]0;pwned\\x07from" in shown[command], (command, shown[command])
    assert "evil\\x1b[2J.txt" in shown["sources"] and "Ann Lee\\x9b31m" in shown["speakers"]
    assert "\\x1b]0;pwned\\x07" in shown["ask"] + shown["passages"]  # the title
    # JSON escapes them its own way and keeps the words exact.
    raw = _cli("search", "--corpus", str(corpus), "--json", "What was the harbour wall rebuilt with?", env=env)
    assert not [c for c in CONTROLS if c in raw], raw  # C1 too: ensure_ascii=False writes it raw
    hit = json.loads(raw)["results"][0]
    assert "\x1b]0;pwned\x07" in hit["text"] and hit["source"]["path"] == HOSTILE_NAME
    assert hit["speaker"] == "Ann Lee\x9b31m"


def test_a_batch_line_python_cannot_hold_gets_its_error_and_the_batch_goes_on(tmp_path, corpus, monkeypatch):
    """JSON nested deeper than Python recurses, a number past Python's digit bound, a line past the length
    bound: one error object each, naming its line, and the claims around them are checked."""
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    good = json.dumps({"text": "Slugs ate every lettuce I planted this year", "speaker": "Bob Green"})
    batch = tmp_path / "claims.jsonl"
    batch.write_text("\n".join([
        good,
        '{"text": ' + "[" * 30_000 + "]" * 30_000 + "}",  # 60 kB: under the length bound, far past the recursion limit
        '{"text": "Slugs ate every lettuce", "n": ' + "7" * 5_000 + "}",
        '{"a": ' * 100_000 + "1" + "}" * 100_000,  # 100,000 deep: past the length bound too
        good]) + "\n")
    proc = subprocess.run([sys.executable, "-m", "quoth.bot.cli", "verify", "--corpus", str(corpus), "--batch",
                           str(batch), "--json"], capture_output=True, timeout=240)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()[-2000:]
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [r.get("verdict") or r.get("line") for r in rows] == ["exact", 2, 3, 4, "exact"]
    assert "nested" in rows[1]["error"] and "number" in rows[2]["error"] and "longer than" in rows[3]["error"]
    assert proc.returncode == 1


def _peak_rss_mb(command: list[str], feed) -> tuple[int, list[dict], str]:
    """(peak resident memory of the child in MB, its JSON lines, its stderr), ``feed(stdin)`` writing its input
    from a thread while the output is read."""
    import threading

    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def write() -> None:
        try:
            feed(proc.stdin)
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=write)
    writer.start()
    out = proc.stdout.read()
    err = proc.stderr.read().decode()
    writer.join(120)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the test process's other children
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss // 1024, [json.loads(x) for x in out.splitlines()], err


def test_a_batch_line_that_never_ends_is_skipped_in_bounded_memory(tmp_path, corpus, monkeypatch):
    """200 MB on one line, through a pipe: read past in bounded memory, one error object, the batch goes on."""
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    assert main(["index", "--corpus", str(corpus)]) == 0
    command = [sys.executable, "-m", "quoth.bot.cli", "search", "--corpus", str(corpus), "--batch", "-", "--json"]
    question = b"What ate the lettuces?\n"

    def short(stdin) -> None:
        stdin.write(question * 2)

    def endless(stdin) -> None:
        stdin.write(question)
        chunk = b"harbour " * (1 << 17)  # 1 MiB
        for _ in range(200):
            stdin.write(chunk)
        stdin.write(b"\n" + question)

    base, _, _ = _peak_rss_mb(command, short)
    peak, rows, err = _peak_rss_mb(command, endless)
    assert "Traceback" not in err, err[-2000:]
    assert "Slugs" in rows[0]["results"][0]["text"] and "Slugs" in rows[2]["results"][0]["text"]
    assert rows[1]["line"] == 2 and "longer than" in rows[1]["error"]
    assert peak < base + 50, (base, peak)  # the 200 MB never held


def test_a_damaged_model_cache_is_named_and_the_command_answers(tmp_path, corpus, encoder):
    """A garbled modules.json in the model cache: the command says which file, exports the model again and
    answers, instead of a traceback on every command."""
    import shutil
    from pathlib import Path

    encoder.encode_queries(["make sure the export exists"])
    [folder] = [p for p in encoder.cache_dir.iterdir() if p.is_dir() and p.name.endswith("-onnx")]
    cache = tmp_path / "models"
    shutil.copytree(folder, cache / folder.name)
    damaged = cache / folder.name / "modules.json"
    damaged.write_bytes(b"\x00garbled" + damaged.read_bytes()[8:])
    env = {**os.environ, "QUOTH_MODEL_CACHE": str(cache), "QUOTH_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "quoth.bot.cli", "search", "--corpus", str(corpus), "--json",
                           "What ate the lettuces?"], capture_output=True, env=env, timeout=240)
    err = proc.stderr.decode()
    assert proc.returncode == 0 and "Traceback" not in err, err[-2000:]
    assert "Slugs" in json.loads(proc.stdout)["results"][0]["text"]
    assert err.count(f"{Path(damaged)} is damaged") == 1, err[-2000:]
