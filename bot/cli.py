"""The ``quoth`` command: a thin layer over the retrieval library and the bot.

Results go to stdout; logs, warnings and progress go to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from retrieval.corpus import CorpusError, read_corpus
from retrieval.loaders import LoadReport
from retrieval.manifest import ManifestError

from .config import Config, ConfigError, corpus_options, load_config
from .terminal import render_passages

log = logging.getLogger("quoth")


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("sentence_transformers", "httpx", "urllib3", "filelock", "transformers", "huggingface_hub"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _corpus_dir(cfg: Config, args: argparse.Namespace):
    from pathlib import Path

    return Path(args.corpus) if getattr(args, "corpus", None) else cfg.corpus_dir()


def cmd_passages(cfg: Config, args: argparse.Namespace) -> int:
    from embeddings import token_counter
    from embeddings.models import ModelNotFound

    try:
        count = token_counter(cfg.model.name)
    except (ModelNotFound, OSError) as exc:
        raise UsageError(f"model.name: {exc}") from exc
    max_tokens = 256 if cfg.model.name in ("default", "") else 512
    opts = corpus_options(cfg, max_tokens)
    report = LoadReport([])
    rows = []
    doc_q = (args.doc or "").lower()
    spk_q = (args.speaker or "").lower()
    for doc, seg in read_corpus(_corpus_dir(cfg, args), opts, count, report):
        if doc_q and doc_q not in doc.path.lower() and doc_q not in seg.source.title.lower():
            continue
        for p in seg.passages:
            if spk_q and spk_q not in (p.speaker or "").lower():
                continue
            rows.append((p, seg.source))
    if args.json:
        out = sys.stdout
        for p, src in rows:
            out.write(json.dumps({
                "text": p.text, "speaker": p.speaker, "role": p.role, "reply_to": p.reply_to,
                "source": src.to_json(), "start": p.start, "end": p.end, "search_text": p.search_text,
            }, ensure_ascii=False) + "\n")
    else:
        print(render_passages(rows))
        print(f"\n{len(rows)} passages", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quoth", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="config file (default: $QUOTH_CONFIG, then ./config.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("passages", help="print the attributed passages of a corpus folder")
    p.add_argument("--corpus", help="corpus folder (default: config, else the bundled sample corpus)")
    p.add_argument("--doc", help="only documents whose path or title contains this")
    p.add_argument("--speaker", help="only passages whose speaker contains this")
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout, one passage per line")
    p.set_defaults(func=cmd_passages)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        cfg = load_config(args.config)
        return args.func(cfg, args)
    except (UsageError, ConfigError, CorpusError, ManifestError) as exc:
        print(f"quoth: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quoth: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
