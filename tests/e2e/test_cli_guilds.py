"""``quoth index|ask|sources|speakers --guild ID``: a server's corpus as the bot serves it, from the shell."""

from __future__ import annotations

from quoth.bot.cli import main
from tests.helpers import write_corpus

A, B = 123456789012345678, 223456789012345678
LIGHTHOUSE = {"log.txt": "Lighthouse log\n\nby Marguerite Ollivander\n\nThe annual meeting of the keepers was moved to "
                         "Friday because the foghorn needed repairs before the storm season.\n"}
APIARY = {"apiary.txt": "Apiary notes\n\nby Thaddeus Quimby\n\nThe annual meeting of the beekeepers was moved to "
                        "Friday because the honeybees swarmed from the hive behind the orchard.\n"}


def test_each_command_acts_on_the_servers_own_corpus(tmp_path, capsys):
    write_corpus(tmp_path / "lighthouse", LIGHTHOUSE)
    write_corpus(tmp_path / "apiary", APIARY)
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[data]\ndir = "state"\n[bot]\nunlisted_guilds = "none"\n'
                   f'[guilds.{A}]\ncorpus = "lighthouse"\n[guilds.{B}]\ncorpus = "apiary"\n')
    assert main(["--config", str(cfg), "index", "--guild", str(A)]) == 0
    assert "lighthouse" in capsys.readouterr().out
    assert any((tmp_path / "state" / "guilds" / str(A)).rglob("*.faiss"))
    assert not (tmp_path / "state" / "guilds" / str(B)).exists()  # B's index is not built by A's command

    assert main(["--config", str(cfg), "ask", "--guild", str(B), "Why was the meeting moved to Friday?"]) == 0
    out = capsys.readouterr().out
    assert "honeybees" in out and "Thaddeus Quimby" in out and "foghorn" not in out
    assert main(["--config", str(cfg), "sources", "--guild", str(A)]) == 0
    out = capsys.readouterr().out
    assert "log.txt" in out and "apiary" not in out
    assert main(["--config", str(cfg), "speakers", "--guild", str(B)]) == 0
    out = capsys.readouterr().out
    assert "Thaddeus Quimby" in out and "Ollivander" not in out

    assert main(["--config", str(cfg), "ask", "--guild", "999", "Why was the meeting moved?"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == ('quoth: error: server 999 is not listed under [guilds] and bot.unlisted_guilds is "none": no '
                       'corpus answers there')
    assert main(["--config", str(cfg), "sources", "--guild", str(A), "--corpus", str(tmp_path)]) == 2
    assert "leave out --corpus" in capsys.readouterr().err
