"""The ``quoth`` command: argument parsing, one logging setup for the process, one error handler.

Results go to stdout; logs, warnings and progress go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from quoth.errors import QuothError

from ..config import load_config
from . import commands
from .render import safe

DESCRIPTION = ("Answer questions about a folder of documents by quoting the passages that answer them, word for "
               "word, with who said each one and where. With no config, Quoth answers from its bundled sample "
               "corpus.")
EPILOG = """examples:
  quoth ask "What does Corbyn say about the right to strike?"
  quoth index --corpus ~/my-docs && quoth ask --corpus ~/my-docs "Who objected to the plan?"
  quoth passages --corpus ~/my-docs --doc minutes     check how documents are split and attributed
  quoth search --batch questions.txt --json           JSON Lines for programs
  quoth verify 'Did he say "we will not raise fees"?'  is a quote real? its source and how it differs
  quoth web --port 8000                               the page and the HTTP API on http://127.0.0.1:8000/
  quoth serve                                         run the Discord bot (token in $DISCORD_TOKEN)

config: --config FILE, else $QUOTH_CONFIG, else ./config.toml (see config.example.toml)."""
CORPUS_HELP = "corpus folder (default: the config's corpus.path, else the bundled sample corpus)"
GUILD_HELP = ("a Discord server's id: act on the corpus the bot answers that server from (its [guilds.<id>] one, "
              "indexed in <data dir>/guilds/<id>)")
QUIET_LOGGERS = {
    logging.WARNING: ("sentence_transformers", "httpx", "urllib3", "filelock", "huggingface_hub", "bm25s"),
    # The ONNX exporter warns about things Quoth handles (it saves the export; dtype names): noise here.
    logging.ERROR: ("transformers", "sentence_transformers.backend", "optimum"),
}


class TerminalFormatter(logging.Formatter):
    """Log lines name documents and quote their words: control characters in them are written as escapes, as on
    stdout (render.safe), so that a document cannot drive the terminal through a log line either."""

    def format(self, record: logging.LogRecord) -> str:
        return safe(super().format(record))


def setup_logging(verbose: bool) -> None:
    """The process's one logging setup: plain lines on stderr, no colour codes. The Discord bot adds none of
    its own (it would print every line twice)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(TerminalFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler])
    for level, names in QUIET_LOGGERS.items():
        for name in names:
            logging.getLogger(name).setLevel(level)


def _common() -> argparse.ArgumentParser:
    # SUPPRESS: an option given before the command is not reset by the command's own default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS,
                        help="config file (default: $QUOTH_CONFIG, then ./config.toml)")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="debug logging on stderr")
    return common


def _search_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--guild", type=int, metavar="ID", help=GUILD_HELP)
    p.add_argument("--k", type=int, default=None, help="number of quotes (default: search.k, 3)")
    p.add_argument("--source", help="only this document (its path, or part of its path or title)")
    p.add_argument("--speaker", help="only this speaker: any of their names (see `quoth speakers`), or part of one")


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(prog="quoth", description=DESCRIPTION, epilog=EPILOG, parents=[common],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, func, description: str | None = None) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=description or help, parents=[common])
        p.set_defaults(func=func)
        return p

    p = command("ask", "quote the passages that best answer a question, for a person to read", commands.cmd_ask)
    p.add_argument("question", help="the question, in quotes")
    p.add_argument("--cite", action="store_true", help="a citation ready to paste under each quote")
    _search_args(p)

    p = command("search", "search for programs: one JSON object per query with --json", commands.cmd_search)
    p.add_argument("query", nargs="?", help="the query (or use --batch)")
    p.add_argument("--batch", metavar="FILE", help="one query per line ('-' for stdin); the model loads once")
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout: {query, results: [...]}")
    _search_args(p)

    p = command("index", "build the index, or update it for changed documents", commands.cmd_index,
                "Build the index of the corpus folder, or update it: only new and changed documents are "
                "segmented and embedded. The previous index keeps serving until the new one is complete.")
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--guild", type=int, metavar="ID", help=GUILD_HELP)
    p.add_argument("--full", action="store_true", help="rebuild everything from scratch")
    p.add_argument("--progress", action="store_true", help="show progress bars even when not on a terminal")
    p.add_argument("--shard", metavar="I/N", help="Milvus only: index shard I of N (0 ≤ I < N) of the corpus "
                   "into the pending generation, for a build split across workers")
    p.add_argument("--publish", action="store_true", help="Milvus only: switch every server to the generation "
                   "the shards wrote, once all N have finished")
    p.add_argument("--watch", action="store_true", help="stay running: update the index after each group of "
                   "changes in the corpus folder (once it has been quiet for corpus.watch_quiet seconds)")

    _listing_commands(command)

    p = command("passages", "show how a folder's documents are split into attributed passages (no index)",
                commands.cmd_passages)
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--doc", help="only documents whose path or title contains this")
    p.add_argument("--speaker", help="only passages whose speaker contains this")
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout, one passage per line")
    p.add_argument("--explain", action="store_true",
                   help="say which layout reader read each document (every reader's detection score) and why "
                        "each passage has its speaker: the confidence and the evidence")

    p = command("eval", "measure retrieval on a BEIR dataset or on your own question set", commands.cmd_eval)
    p.add_argument("--beir", metavar="DIR", help="a BEIR-layout folder: corpus.jsonl, queries.jsonl, qrels/")
    p.add_argument("--split", default="test", help="qrels split for --beir (default: test)")
    p.add_argument("--questions", metavar="FILE", help="JSON Lines questions: q, gold, speaker, abstain")
    p.add_argument("--corpus", metavar="DIR", help="corpus for --questions; " + CORPUS_HELP)
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")

    _verify_command(command)
    _web_command(command)
    _bot_commands(command)
    return parser


def _listing_commands(command) -> None:
    p = command("sources", "list the indexed documents with their passage counts", commands.cmd_sources)
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--guild", type=int, metavar="ID", help=GUILD_HELP)
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout, one document per line")

    p = command("speakers", "list the speakers: each person once, with every name the corpus uses for them, "
                "their passage count and documents", commands.cmd_speakers)
    p.add_argument("name", nargs="?", help="only the speakers this names (any of their names, or part of one)")
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--guild", type=int, metavar="ID", help=GUILD_HELP)
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout, one speaker per line: speaker, "
                   "aliases, passages, documents")


def _verify_command(command) -> None:
    p = command("verify", "is a quote real? find its source, say how it differs and whose words they are",
                commands.cmd_verify)
    p.add_argument("text", nargs="?", help="the quote, or a message holding quotes in quotation marks")
    p.add_argument("--speaker", help="who the quote is said to be by (else: whom the message names)")
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--json", action="store_true", help="one JSON object per claim")
    p.add_argument("--cite", action="store_true", help="a citation ready to paste under each verdict's source")
    p.add_argument("--batch", metavar="FILE",
                   help="JSON Lines {\"text\": …, \"speaker\": …} or plain lines, one claim each ('-' for stdin)")


def _web_command(command) -> None:
    p = command("web", "serve the page and the HTTP API (/api/v1) from the default corpus (pip install "
                "'quoth[web]')", commands.cmd_web,
                "Serve the page (ask, check a quote, read in place, browse) and the JSON API under /api/v1 from the "
                "default corpus, until Ctrl-C or SIGTERM. Builds the index first if needed. Put a reverse proxy "
                "with TLS in front to publish it; settings under [web] in the config.")
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--host", help="address to listen on (default: web.host, 127.0.0.1)")
    p.add_argument("--port", type=_port, help="port to listen on (default: web.port, 8000; 0: any free one)")


def _port(text: str) -> int:
    """A TCP port, checked as the command line is read: out of range, bind() would fail with a traceback only after
    the index was built and the model loaded."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid port: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port: give 0 to 65535")
    return port


def _bot_commands(command) -> None:
    p = command("serve", "run the Discord bot (its token in $DISCORD_TOKEN): every server, each listed one from "
                "its own corpus", commands.cmd_serve)
    p.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--sync", action="store_true",
                   help="publish slash commands at start: to bot.dev_guild_ids if set, else globally")

    p = command("sync", "publish the Discord slash commands (globally, or to one guild at once)", commands.cmd_sync)
    p.add_argument("--guild", type=int, metavar="ID", help="a guild id: the commands appear there at once")

    p = command("forget", "delete one Discord user's questions, votes and indexed messages, or what has expired",
                commands.cmd_forget,
                "Delete one Discord user's questions and votes from the bot's journal and their messages from "
                "every server's live channels (--user), or the questions and live messages older than "
                "bot.journal_days and bot.live_retention_days (--expired); then rebuild the index of each server "
                "that lost messages, so that none of their words or vectors stays on disk.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--user", type=int, metavar="ID", help="the user's Discord id")
    what.add_argument("--expired", action="store_true",
                      help="what has outlived bot.journal_days and bot.live_retention_days (the bot does this itself "
                           "at start and daily)")
    p.add_argument("--progress", action="store_true", help="show the rebuilds' progress bars even when not on a "
                   "terminal")
    for name, func, help in (
            ("feedback", commands.cmd_feedback, "the bot's answers people voted down, most downvoted first"),
            ("unanswered", commands.cmd_unanswered, "questions the bot found nothing for, most asked first")):
        p = command(name, help, func, help + ", from the bot's journal (bot.sqlite in the data directory).")
        p.add_argument("--json", action="store_true", help="one JSON object per line")
        p.add_argument("--since", metavar="DATE", help="only from this day on (YYYY-MM-DD, UTC)")
        p.add_argument("--export", metavar="FILE", help="write them as a question file for "
                       "`quoth eval --questions FILE`, to turn gaps into a test set")


def _quiet_broken_pipe() -> int:
    """stdout's reader left (``quoth … | head``): stop quietly, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush finds nowhere to fail
    return 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(getattr(args, "verbose", False))
    try:
        return args.func(load_config(getattr(args, "config", None)), args)
    except QuothError as exc:
        print(f"quoth: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            return _quiet_broken_pipe()
        print(f"quoth: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quoth: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
