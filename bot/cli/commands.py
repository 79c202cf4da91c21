"""One function per ``quoth`` command: each reads its arguments, calls the library and prints.

Results go to stdout; logs, warnings and progress go to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from quoth import Quoth
from quoth.app import REPLACED_GRACE
from quoth.errors import BadQuery, QuothError
from quoth.evaluate import beir as beir_eval
from quoth.evaluate import questions as question_eval
from quoth.ingest import LoadReport
from quoth.settings import MAX_K

from ..config import AppConfig
from .batch import BatchLine, Claim, claims, read_lines
from .render import explain_line, render_answer, render_passages, render_verdict, safe, shown, warning_lines

log = logging.getLogger("quoth")
C1_RE = re.compile(r"[\x7f-\x9f]")


class UsageError(QuothError):
    """Arguments that do not fit together."""


def _app(cfg: AppConfig, args: argparse.Namespace) -> Quoth:
    guild = getattr(args, "guild", None)
    if guild is None:
        return Quoth.open(corpus=getattr(args, "corpus", None), settings=cfg)
    if getattr(args, "corpus", None):
        raise UsageError("--guild acts on that server's corpus as the config lists it: leave out --corpus")
    served = cfg.served_by(guild)  # as the bot decides where it answers
    if served == "none":
        raise UsageError(f"server {guild} is not listed under [guilds] and bot.unlisted_guilds is \"none\": no "
                         "corpus answers there")
    if served == "default":
        log.info("server %s is not listed under [guilds]: it is answered from the default corpus", guild)
        return Quoth(cfg)
    # The model from where the config's top level keeps it (`quoth serve` shares that one encoder with every
    # server): a server's own data directory would otherwise get a model export of its own.
    return Quoth(cfg.for_guild(guild), encoder=Quoth(cfg).encoder)


def _out(line: str) -> None:
    """One result on stdout. JSON (ensure_ascii=False) escapes C0 controls but writes DEL and C1 (``\\x9b``, a
    terminal's one-byte CSI) raw: they become \\u escapes here, the same string to any JSON reader. Text for people
    has been through render.safe already, so this changes nothing there."""
    sys.stdout.write(C1_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", line) + "\n")


def cmd_passages(cfg: AppConfig, args: argparse.Namespace) -> int:
    q = _app(cfg, args)
    doc_q, spk_q = (args.doc or "").lower(), (args.speaker or "").lower()
    count = 0
    rows = []
    report = LoadReport()
    for doc, seg in q.passages(report=report):
        if doc_q and doc_q not in doc.path.lower() and doc_q not in seg.source.title.lower():
            continue
        if args.explain and not args.json:
            rows.append(explain_line(seg))
        for p in seg.passages:
            if spk_q and spk_q not in (p.speaker or "").lower():
                continue
            count += 1
            if args.json:
                _out(json.dumps({**p.to_json(seg.source), "search_text": p.search_text, "layout": seg.explain()},
                                ensure_ascii=False))
            else:
                rows.append((p, seg.source))
    # The files not read are named as `quoth index` names them: in the explanation itself with --explain (it is
    # what was asked: what became of each file), on stderr otherwise, away from the passages.
    skipped = warning_lines(report.warnings, set())
    if not args.json:
        _out(render_passages(rows, explain=args.explain))
        if args.explain and skipped:
            _out("\n" + "\n".join(skipped))
            skipped = []
        print(f"\n{count} passages", file=sys.stderr)
    for line in skipped:
        print(line, file=sys.stderr)
    return 0


def shard_arg(text: str) -> tuple[int, int]:
    """``I/N`` as (I, N), checked."""
    try:
        i, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise UsageError(f"--shard takes I/N, like 0/3 (got {text!r})") from None
    if not (n >= 1 and 0 <= i < n):
        raise UsageError(f"--shard {text}: I must be at least 0 and less than N")
    return i, n


def cmd_index(cfg: AppConfig, args: argparse.Namespace) -> int:
    if args.publish and (args.shard or args.full or args.watch):
        raise UsageError("--publish runs on its own, after every `quoth index --shard I/N` has finished")
    if args.watch and args.shard:
        raise UsageError("--watch keeps a whole index current; a shard worker builds once (--shard)")
    shard = shard_arg(args.shard) if args.shard else (0, 1)
    q = _app(cfg, args)
    if args.publish:
        report = q.publish()
        _out(f"Published generation {report.generation} ({q.backend.where()}): {report.summary()}")
        return 0
    report = q.index(full=args.full, show_progress=sys.stderr.isatty() or args.progress, shard=shard)
    for line in warning_lines(report.warnings, report.known):
        print(line, file=sys.stderr)
    if shard[1] > 1:
        _out(f"Wrote shard {shard[0]}/{shard[1]} of {q.corpus_dir} into generation {report.generation}: "
             f"{report.summary()}; publish with `quoth index --publish` once every shard has finished")
        return 0
    _out(f"{'Rebuilt' if report.full else 'Updated'} index for {q.corpus_dir}: {report.summary()}")
    if args.watch:
        _watch(q)
    return 0


def _watch(q) -> None:
    """Until interrupted: an incremental build after each quiet group of changes, one line each."""
    print(f"watching {q.corpus_dir} for changes (Ctrl-C to stop)", file=sys.stderr)
    for changes, report in q.watch():
        for line in warning_lines(report.warnings, report.known):
            print(line, file=sys.stderr)
        _out(f"{len(changes)} change(s): {report.summary()}")
        sys.stdout.flush()


def _queries(args: argparse.Namespace) -> Iterator[BatchLine]:
    """Each query as its line arrives (see batch.read_lines). The file is opened here, at once."""
    if args.k is not None and not 1 <= args.k <= MAX_K:
        raise UsageError(f"--k must be between 1 and {MAX_K} (got {args.k})")
    if args.batch:
        fh = sys.stdin.buffer if args.batch == "-" else open(args.batch, "rb")  # noqa: SIM115
        return read_lines(fh)
    if args.query:
        return iter([BatchLine(1, args.query)])
    raise UsageError("give a QUERY or --batch FILE")


def cmd_search(cfg: AppConfig, args: argparse.Namespace) -> int:
    """One answer per query, flushed at once; a line that cannot be searched gets its error (an object with
    ``error`` in JSON) and the batch goes on."""
    queries = _queries(args)
    q = _app(cfg, args)
    failed = 0
    for n, query, unreadable in ((b.number, b.text, b.error) for b in queries):
        try:
            if query is None:
                raise BadQuery(unreadable)
            res = q.search(query, k=args.k, source=args.source, speaker=args.speaker)
            line = json.dumps(res.to_json(), ensure_ascii=False) if args.json else render_answer(res) + "\n"
        except BadQuery as exc:
            if not args.batch:
                raise
            failed += 1
            print(f"quoth: line {n}: {exc}", file=sys.stderr)
            line = json.dumps({"line": n, "error": str(exc)}) if args.json else f"(line {n}: {exc})\n"
        _out(line)
        sys.stdout.flush()
    return 1 if failed else 0


def cmd_ask(cfg: AppConfig, args: argparse.Namespace) -> int:
    q = _app(cfg, args)
    res = q.ask(args.question, k=args.k, source=args.source, speaker=args.speaker)
    _out(render_answer(res, color=sys.stdout.isatty(), citations=args.cite))
    return 0


def cmd_sources(cfg: AppConfig, args: argparse.Namespace) -> int:
    q = _app(cfg, args)
    idx = q.current()
    docs = idx.documents()
    if args.json:
        for d in docs:
            _out(json.dumps({**d.source.to_json(), "passages": d.passages}, ensure_ascii=False))
        return 0
    width = max((len(d.source.path) for d in docs), default=4)
    for d in docs:
        _out(f"{d.passages:6d}  {shown(d.source.path):<{width}}  {shown(d.source.title)}")
    _out(f"{sum(d.passages for d in docs):6d}  passages in {len(docs)} documents "
         f"(index {idx.generation}, model {idx.model})")
    return 0


def cmd_speakers(cfg: AppConfig, args: argparse.Namespace) -> int:
    q = _app(cfg, args)
    people = q.people(args.name)
    if args.name and not people:
        raise BadQuery(f"no speaker matches {args.name!r} (run `quoth speakers` for them all)")
    if args.json:
        for p in people:
            _out(json.dumps(p.to_json(), ensure_ascii=False))
        return 0
    for p in people:
        also = [a for a in p.aliases if a != p.name]
        said = f"{p.passages:6d}  {shown(p.name)}" + (f"  (also {', '.join(shown(a) for a in also)})" if also else "")
        _out(said + f"  in {len(p.documents)} document{'s' if len(p.documents) != 1 else ''}")
    _out(f"{sum(p.passages for p in people):6d}  attributed passages, {len(people)} speakers")
    return 0


def cmd_eval(cfg: AppConfig, args: argparse.Namespace) -> int:
    if bool(args.beir) == bool(args.questions):
        raise UsageError("give exactly one of --beir DIR or --questions FILE")
    return _eval_questions(cfg, args) if args.questions else _eval_beir(cfg, args)


def _eval_questions(cfg: AppConfig, args: argparse.Namespace) -> int:
    questions = question_eval.load_questions(Path(args.questions))
    q = _app(cfg, args)
    q.ensure_index()
    scores = question_eval.score_questions(q.searcher, questions, k=max(3, cfg.search.k))
    summary = scores.summary()
    if args.json:
        _out(json.dumps({"corpus": str(q.corpus_dir), **summary, "failures": scores.failures}))
        return 0
    for f in scores.failures:
        _out(f"  {f}")
    _out(f"hit@1 {summary['hit@1']}  hit@3 {summary['hit@3']}  speaker {summary['speaker']}  "
         f"abstain {summary['abstain']}  false abstentions {summary['false_abstentions']}  "
         f"({summary['questions']} questions on {q.corpus_dir})")
    return 0


def _eval_beir(cfg: AppConfig, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    data = beir_eval.load_beir(Path(args.beir), args.split)
    q = Quoth.for_beir(data, cfg)
    log.info("eval index: %s", q.index(show_progress=sys.stderr.isatty()).summary())  # reused when unchanged
    modes = ["dense", "bm25", "hybrid"] + (["rerank"] if cfg.search.rerank_model else [])
    bars = []

    def progress(mode: str):
        bars.append(tqdm(total=len(data.queries), desc=mode, disable=not sys.stderr.isatty(), file=sys.stderr))
        return lambda _: bars[-1].update()

    results = beir_eval.evaluate(q.searcher, data, modes, progress)
    for bar in bars:
        bar.close()
    if args.json:
        _out(json.dumps({"dataset": data.name, "split": args.split, "queries": len(data.queries),
                         "results": results}))
        return 0
    _out(f"{data.name} ({args.split}, {len(data.queries)} queries, model {q.encoder.name})")
    _out(f"{'mode':8s} {'nDCG@10':>8s} {'recall@100':>11s} {'MRR@10':>8s}")
    for mode, m in results.items():
        _out(f"{mode:8s} {m['ndcg@10']:8.4f} {m['recall@100']:11.4f} {m['mrr@10']:8.4f}")
    return 0


def cmd_serve(cfg: AppConfig, args: argparse.Namespace) -> int:
    from ..discord.app import serve

    serve(cfg, _app(cfg, args), sync=args.sync)
    return 0


def cmd_sync(cfg: AppConfig, args: argparse.Namespace) -> int:
    from ..discord.app import sync

    synced = sync(cfg, _app(cfg, args), args.guild)
    where = f"guild {args.guild}" if args.guild else "all guilds (global; may take up to an hour to appear)"
    _out(f"Synced {len(synced)} command(s) to {where}: {', '.join('/' + c.name for c in synced)}")
    return 0


def cmd_forget(cfg: AppConfig, args: argparse.Namespace) -> int:
    """One person's questions, votes and indexed messages (--user), or whatever has outlived its retention
    (--expired), in the journal and every server's message store; then each touched server's index is rebuilt,
    so that no passage or vector of a removed message stays (the bot, if it runs, withholds them meanwhile)."""
    from ..discord.tenants import Tenants
    from ..privacy import every_store, forget_user, prune_expired

    journal = _journal(cfg)
    stores = every_store(cfg, Tenants(cfg, _app(cfg, args)).all())
    if args.expired:
        questions = journal.prune() if journal is not None else 0
        removed = prune_expired(stores, cfg.bot.live_retention_days)
        kept = (f"older than {cfg.bot.live_retention_days} day(s)" if cfg.bot.live_retention_days
                else "none: bot.live_retention_days is 0, they are kept while their channel is indexed")
        _out(f"Deleted {questions} question(s) older than bot.journal_days and {removed.message_count} live "
             f"message(s) ({kept}).")
    else:
        removed = forget_user(journal, stores, args.user)
        _out(f"Deleted {removed.questions} question(s) and {removed.votes} vote(s) of user {args.user}, and "
             f"{removed.message_count} indexed message(s) in {len(removed.touched())} server(s).")
    return _rebuild_touched(stores, removed, args)


def _rebuild_touched(stores, removed, args: argparse.Namespace) -> int:
    """Rebuild each store's tenant that lost messages, one after the other, with progress; 1 if any failed."""
    from ..privacy import drop_emptied_index

    failed, rebuilt = 0, []
    for store in (s for s in stores if removed.messages.get(s.key)):
        if store.tenant is None:
            print(f"{store.key} is no longer in the config: its messages are deleted from its store, but its "
                  f"index in {store.messages.path.parent.parent} was not rebuilt; delete that folder, or list the "
                  "server again and run `quoth index`", file=sys.stderr)
            failed += 1
            continue
        print(f"rebuilding the index of {store.key} without the {removed.messages[store.key]} deleted "
              "message(s)", file=sys.stderr)
        try:
            report = store.tenant.quoth.index(show_progress=sys.stderr.isatty() or args.progress)
        except QuothError as exc:
            if drop_emptied_index(store.tenant):
                _out(f"Removed the index of {store.key}: nothing is left to index there")
                continue
            print(f"quoth: error: {store.key}: {exc}; its deleted messages stay withheld from answers until a "
                  "build succeeds", file=sys.stderr)
            failed += 1
            continue
        _out(f"Rebuilt index for {store.key}: {report.summary()}")
        rebuilt.append(store.tenant.quoth)
    return 1 if failed or not _drop_replaced(rebuilt) else 0


def _drop_replaced(rebuilt: list[Quoth]) -> bool:
    """The generations the rebuilds replaced still hold the deleted words: each goes once its successor has
    served REPLACED_GRACE seconds (a bot that is running may have a question under way on it)."""
    if not rebuilt:
        return True
    print(f"dropping the replaced index generations in {REPLACED_GRACE:g} s (a running bot may still be reading "
          "them)", file=sys.stderr)
    deadline = time.monotonic() + 4 * REPLACED_GRACE
    left = list(rebuilt)
    while left and time.monotonic() < deadline:
        left = [q for q in left if not q.purge_old()]
        if left:
            time.sleep(0.25)
    for q in left:
        print(f"quoth: error: the index generation replaced in {q.folder.path} could not be dropped yet; the next "
              "build drops it", file=sys.stderr)
    return not left


def _journal(cfg: AppConfig):
    """The bot's journal, or None before the bot has written one (nobody has asked yet: nothing to list)."""
    from ..discord.app import journal_path
    from ..discord.journal import Journal

    path = journal_path(cfg)
    if not path.exists():
        print(f"no bot journal at {path} yet: `quoth serve` writes it as people ask", file=sys.stderr)
        return None
    return Journal(path, cfg.bot.journal_days)


def _since(text: str | None) -> float:
    if not text:
        return 0.0
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=dt.UTC).timestamp()
    except ValueError:
        raise UsageError(f"--since takes a day as YYYY-MM-DD (got {text!r})") from None


def cmd_unanswered(cfg: AppConfig, args: argparse.Namespace) -> int:
    journal, since = _journal(cfg), _since(args.since)
    rows = journal.unanswered(since, limit=10_000) if journal is not None else []
    tests = [{"id": f"unanswered-{i}", "q": r["question"], "abstain": True, "asked": r["asked"],
              "note": 'Quoth found nothing: if the corpus answers it, replace "abstain" with "gold": '
                      '["a phrase of the answer"]'} for i, r in enumerate(rows, 1)]
    return _journal_out(args, rows, tests, lambda r: f"{r['asked']:>4} × {shown(r['question'])}",
                        "unanswered questions")


def cmd_feedback(cfg: AppConfig, args: argparse.Namespace) -> int:
    journal, since = _journal(cfg), _since(args.since)
    rows = journal.downvoted(since, limit=10_000) if journal is not None else []
    tests = [{"id": f"downvoted-{i}", "q": r["question"], "gold": [], "down": r["down"], "up": r["up"],
              "shown": [f"{h['path']}[{h['start']}:{h['end']}]" for h in r["hits"]],
              "note": "the quotes shown were voted down: put a phrase of the right answer in gold"}
             for i, r in enumerate(rows, 1)]

    def line(r: dict) -> str:
        quotes = "; ".join(f"{safe(h.get('speaker') or 'unattributed')} in {shown(h['path'])}" for h in r["hits"][:3])
        return f"👎 {r['down']} 👍 {r['up']}  {shown(r['question'])}\n        quoted: {quotes or '(nothing)'}"
    return _journal_out(args, rows, tests, line, "downvoted answers")


def _journal_out(args: argparse.Namespace, rows: list[dict], tests: list[dict], line, what: str) -> int:
    if args.export:
        write_private(Path(args.export), "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tests))
        print(f"wrote {len(tests)} question(s) to {args.export}", file=sys.stderr)
    for r in rows:
        _out(json.dumps(r, ensure_ascii=False) if args.json else line(r))
    if not rows and not args.json:
        print(f"no {what} in the journal", file=sys.stderr)
    return 0


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by its owner alone (0600, whatever the umask), as the journal it comes
    from is. An existing file is replaced, not written through: it becomes a new 0600 file, whatever its mode
    was (the questions are people's words), and a reader never sees it half written. A device or pipe
    (``/dev/stdout``) is not a file at rest: written as it is."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as fh:
            fh.write(text)
        return
    # mkstemp creates the file with os.open(…, 0o600) and O_EXCL: private from its first byte, umask or not.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), 0o600)
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _claims(args: argparse.Namespace) -> Iterator[Claim]:
    """The argument, or the claim on each line of --batch (JSON Lines or plain text)."""
    if args.batch:
        fh = sys.stdin.buffer if args.batch == "-" else open(args.batch, "rb")  # noqa: SIM115
        return claims(read_lines(fh), args.speaker)
    if not args.text:
        raise UsageError("give a quote to check, or --batch FILE")
    return iter([Claim(1, args.text, args.speaker)])


def cmd_verify(cfg: AppConfig, args: argparse.Namespace) -> int:
    """A batch gets one JSON object per claim, in order; a claim that cannot be checked gets its error."""
    q = _app(cfg, args)
    failed = 0
    for n, text, speaker, unreadable in ((c.number, c.text, c.speaker, c.error) for c in _claims(args)):
        try:
            if text is None:
                raise BadQuery(unreadable)
            # A batch line is read exactly as the same words on the command line: quoted stretches, "— Speaker".
            verdicts = q.verify(text, speaker)
        except BadQuery as exc:
            if not args.batch:
                raise
            failed += 1
            _out(json.dumps({"line": n, "error": str(exc)}) if args.json else f"(line {n}: {exc})")
            sys.stdout.flush()
            continue
        for v in verdicts:
            _out(json.dumps(v.to_json(), ensure_ascii=False) if args.json else render_verdict(v, args.cite))
        sys.stdout.flush()
    return 1 if failed else 0


WEB_EXTRA_MISSING = "quoth web needs the web extra: pip install 'quoth[web]'"


def cmd_web(cfg: AppConfig, args: argparse.Namespace) -> int:
    """Serve the page and the API (``bot/web``) from the default corpus until SIGINT or SIGTERM."""
    try:  # the [web] extra: without it, one line and exit 2, before any index or model work
        from ..web import WebService, create_app
        from ..web.server import HostedServer, run_until_stopped, uvicorn_config
    except ImportError:
        print(WEB_EXTRA_MISSING, file=sys.stderr)
        return 2
    host = args.host or cfg.web.host
    port = cfg.web.port if args.port is None else args.port
    q = _app(cfg, args)
    q.ensure_index()  # with progress on a terminal; then the model, so the first visitor does not wait for it
    q.warm()
    service = WebService(q, cfg.web)
    server = HostedServer(uvicorn_config(create_app(service), host, port,
                                         log_level="debug" if getattr(args, "verbose", False) else "warning"))
    try:
        asyncio.run(run_until_stopped(server, host, port, stop_on_signals=True))
    finally:
        service.close()
    return 0

