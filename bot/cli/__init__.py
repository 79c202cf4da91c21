"""The ``quoth`` command: a thin layer over the retrieval library and the bot.

Results go to stdout; logs, warnings and progress go to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from embeddings.models import ModelNotFound
from retrieval.corpus import CorpusError, read_corpus
from retrieval.evaluate import EvalError
from retrieval.index import IndexUnusable
from retrieval.loaders import LoadReport
from retrieval.manifest import ManifestError
from retrieval.search import ModelMismatch

from .config import Config, ConfigError, corpus_options, load_config
from .discord_app import TokenMissing
from .terminal import render_answer, render_passages

log = logging.getLogger("quoth")


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("sentence_transformers", "httpx", "urllib3", "filelock", "huggingface_hub", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # The ONNX exporter warns about things Quoth handles (it saves the export; dtype names): noise here.
    for noisy in ("transformers", "sentence_transformers.backend", "optimum"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def _corpus_dir(cfg: Config, args: argparse.Namespace):
    from pathlib import Path

    return Path(args.corpus) if getattr(args, "corpus", None) else cfg.corpus_dir()


def cmd_passages(cfg: Config, args: argparse.Namespace) -> int:
    from embeddings import token_counter

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


def _runtime(cfg: Config, args: argparse.Namespace):
    from .runtime import Runtime

    return Runtime(cfg, _corpus_dir(cfg, args))


def cmd_index(cfg: Config, args: argparse.Namespace) -> int:
    rt = _runtime(cfg, args)
    report = rt.build(full=args.full, show_progress=sys.stderr.isatty() or args.progress)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"{'Rebuilt' if report.full else 'Updated'} index for {rt.corpus_dir}: {report.summary()}")
    return 0


def _search_opts(args: argparse.Namespace) -> dict:
    return {"source": args.source, "speaker": args.speaker}


def cmd_search(cfg: Config, args: argparse.Namespace) -> int:
    rt = _runtime(cfg, args)
    rt.ensure_index()
    if args.batch:
        fh = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")  # noqa: SIM115
        with fh:
            queries = [line.rstrip("\n") for line in fh if line.strip()]
    elif args.query:
        queries = [args.query]
    else:
        raise UsageError("give a QUERY or --batch FILE")
    searcher = rt.searcher
    out = sys.stdout
    for q in queries:
        res = searcher.search(q, k=args.k, **_search_opts(args))
        if args.json:
            out.write(json.dumps({"query": q, "results": [h.to_json() for h in res.hits]}, ensure_ascii=False) + "\n")
        else:
            out.write(render_answer(res) + "\n\n")
        out.flush()
    return 0


def cmd_ask(cfg: Config, args: argparse.Namespace) -> int:
    rt = _runtime(cfg, args)
    rt.ensure_index()
    res = rt.searcher.search(args.question, k=args.k, best_sentence=True, **_search_opts(args))
    print(render_answer(res, color=sys.stdout.isatty()))
    return 0


def cmd_sources(cfg: Config, args: argparse.Namespace) -> int:
    rt = _runtime(cfg, args)
    rt.ensure_index()
    idx = rt.live.current()
    docs = idx.store.documents()
    if args.json:
        for d in docs:
            print(json.dumps({**d.source.to_json(), "passages": d.passages}, ensure_ascii=False))
        return 0
    width = max((len(d.source.path) for d in docs), default=4)
    for d in docs:
        print(f"{d.passages:6d}  {d.source.path:<{width}}  {d.source.title}")
    print(f"{sum(d.passages for d in docs):6d}  passages in {len(docs)} documents "
          f"(index {idx.generation}, model {idx.model})")
    return 0


def cmd_eval(cfg: Config, args: argparse.Namespace) -> int:
    from retrieval.evaluate import beir_metrics, beir_run, load_beir, load_questions, score_questions

    from .runtime import beir_runtime

    if bool(args.beir) == bool(args.questions):
        raise UsageError("give exactly one of --beir DIR or --questions FILE")
    if args.questions:
        from pathlib import Path

        questions = load_questions(Path(args.questions))
        rt = _runtime(cfg, args)
        rt.ensure_index()
        scores = score_questions(rt.searcher, questions, k=max(3, cfg.search.k))
        summary = scores.summary()
        if args.json:
            print(json.dumps({"corpus": str(rt.corpus_dir), **summary, "failures": scores.failures}))
        else:
            for f in scores.failures:
                print(f"  {f}")
            print(f"hit@1 {summary['hit@1']}  hit@3 {summary['hit@3']}  speaker {summary['speaker']}  "
                  f"abstain {summary['abstain']}  false abstentions {summary['false_abstentions']}  "
                  f"({summary['questions']} questions on {rt.corpus_dir})")
        return 0
    from pathlib import Path

    data = load_beir(Path(args.beir), args.split)
    rt = beir_runtime(cfg, data)
    report = rt.build(show_progress=sys.stderr.isatty())  # reuses the cached index when nothing changed
    log.info("eval index: %s", report.summary())
    modes = ["dense", "bm25", "hybrid"] + (["rerank"] if cfg.search.rerank_model else [])
    results = {}
    for mode in modes:
        from tqdm import tqdm

        with tqdm(total=len(data.queries), desc=mode, disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
            run = beir_run(rt.searcher, data.queries, mode, depth=100, progress=lambda _: bar.update())
        results[mode] = beir_metrics(data.qrels, run)
    out = {"dataset": data.name, "split": args.split, "queries": len(data.queries), "results": results}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{data.name} ({args.split}, {len(data.queries)} queries, model {rt.encoder.name})")
        print(f"{'mode':8s} {'nDCG@10':>8s} {'recall@100':>11s} {'MRR@10':>8s}")
        for mode, m in results.items():
            print(f"{mode:8s} {m['ndcg@10']:8.4f} {m['recall@100']:11.4f} {m['mrr@10']:8.4f}")
    return 0


def cmd_serve(cfg: Config, args: argparse.Namespace) -> int:
    from .discord_app import serve

    serve(cfg, _runtime(cfg, args), sync=args.sync)
    return 0


def cmd_sync(cfg: Config, args: argparse.Namespace) -> int:
    from .discord_app import sync

    synced = sync(cfg, _runtime(cfg, args), args.guild)
    where = f"guild {args.guild}" if args.guild else "all guilds (global; may take up to an hour to appear)"
    print(f"Synced {len(synced)} command(s) to {where}: {', '.join('/' + c.name for c in synced)}")
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

    p = sub.add_parser("index", help="build or update the index (incremental unless --full)")
    p.add_argument("--corpus", help="corpus folder (default: config, else the bundled sample corpus)")
    p.add_argument("--full", action="store_true", help="rebuild everything from scratch")
    p.add_argument("--progress", action="store_true", help="show progress bars even when not on a terminal")
    p.set_defaults(func=cmd_index)

    def add_search_args(p: argparse.ArgumentParser, k: int) -> None:
        p.add_argument("--corpus", help="corpus folder (default: config, else the bundled sample corpus)")
        p.add_argument("--k", type=int, default=k, help=f"number of quotes (default {k})")
        p.add_argument("--source", help="only this document (path, or part of its path or title)")
        p.add_argument("--speaker", help="only this speaker (name, or part of it)")

    p = sub.add_parser("ask", help="the best quotes for a question, for a person to read")
    p.add_argument("question")
    add_search_args(p, 3)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("search", help="search, for programs: JSON Lines with --json")
    p.add_argument("query", nargs="?")
    p.add_argument("--batch", metavar="FILE", help="one query per line ('-' for stdin); the model loads once")
    p.add_argument("--json", action="store_true", help="one JSON object per query on stdout")
    add_search_args(p, 3)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("sources", help="list the indexed documents with passage counts")
    p.add_argument("--corpus", help="corpus folder (default: config, else the bundled sample corpus)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("eval", help="measure retrieval on a BEIR dataset or a question set")
    p.add_argument("--beir", metavar="DIR", help="a BEIR-layout folder: corpus.jsonl, queries.jsonl, qrels/")
    p.add_argument("--split", default="test", help="qrels split for --beir (default: test)")
    p.add_argument("--questions", metavar="FILE", help="JSON Lines questions (q, gold, speaker, abstain)")
    p.add_argument("--corpus", help="corpus for --questions (default: config, else the bundled sample corpus)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", help="run the Discord bot (token from $DISCORD_TOKEN)")
    p.add_argument("--corpus", help="corpus folder (default: config, else the bundled sample corpus)")
    p.add_argument("--sync", action="store_true",
                   help="publish slash commands at start: to bot.dev_guild_ids if set, else globally")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("sync", help="publish the slash commands to Discord (globally, or to one guild)")
    p.add_argument("--guild", type=int, help="a guild id: commands appear there at once")
    p.set_defaults(func=cmd_sync)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        cfg = load_config(args.config)
        return args.func(cfg, args)
    except (UsageError, ConfigError, CorpusError, ManifestError, IndexUnusable, ModelMismatch, ModelNotFound,
            OSError, TokenMissing, EvalError) as exc:
        print(f"quoth: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quoth: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
