"""Long passages and the model's window: how many passages pass ``--window`` word pieces, how many answers lie
past it, and what the real questions score when a long passage is matched by its windows as well.

The index now stores such windows itself (``segment.window_tokens``, index/windows.py: ``max`` below); this
measures the choices around them. It reads an index ``real_questions.py`` built (``--work``), encodes each long
passage's windows at ``--window`` (its search-text head plus whole sentences, ``chunking.split_long``) and scores
the questions with the index's dense scoring swapped in this process only: ``none`` (each passage's own vector,
as with ``window_tokens = 0``), ``mean`` (one vector, the mean of the
passage's and its windows' mean), ``mean_all`` (the mean of all of them) and ``max`` (a passage's best of its
own and its windows' cosines: several vectors per passage).

    python benchmarks/real_questions.py --sets dev heldout && python benchmarks/long_passages.py [--window 128]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_questions as rq

from quoth import Quoth, Settings
from quoth.embeddings.models import resolve_model
from quoth.embeddings.tokens import token_counter
from quoth.evaluate.questions import _norm
from quoth.segment.chunking import split_long


def windows(ps: list, rows: np.ndarray, window: int, count) -> tuple[list[str], np.ndarray]:
    texts, owner = [], []
    for r in rows:
        p = ps[r]
        head = p.search_text[: len(p.search_text) - len(p.text)] if p.search_text.endswith(p.text) else ""
        for a, b in split_long(p.text, 0, max(window - count(head) + 2, 16), count):
            texts.append(head + p.text[a:b])
            owner.append(r)
    return texts, np.array(owner)


def answers_past(ps: list, sizes: np.ndarray, sets: list, window: int, tok) -> str:
    """How many gold passages are longer than the window, and how many golds start past it."""
    long = past = found = 0
    for s in sets:
        for q in (q for q in s.questions if "gold" in q):
            golds = [_norm(g) for g in q["gold"]]
            hit = next(((i, g) for i, p in enumerate(ps) for g in golds if g in _norm(p.text)), None)
            if hit is None:
                continue
            found += 1
            i, g = hit
            text = _norm(ps[i].search_text)
            long += sizes[i] > window
            past += text.find(g) >= 0 and len(tok.encode(text[:text.find(g)]).ids) > window
    return f"gold in a passage {found}, of them longer than the window {long}, gold starting past it {past}"


def scorer(vectors: np.ndarray, extra: np.ndarray, owner: np.ndarray, mode: str):
    def sims(qvec: np.ndarray, rows: np.ndarray) -> np.ndarray:
        s = vectors[rows] @ qvec
        if mode == "max" and len(extra):
            best = np.full(len(vectors), -np.inf, dtype=np.float32)
            np.maximum.at(best, owner, extra @ qvec)
            s = np.maximum(s, best[rows])
        return s.astype(np.float32)
    return sims


def main(argv: list[str] | None = None, encoder=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=rq.ROOT / ".data" / "bench-questions")
    ap.add_argument("--window", type=int, default=128, help="word pieces (all-MiniLM-L6-v2 was trained on 128)")
    ap.add_argument("--only", nargs="*", help="these slugs' questions only")
    args = ap.parse_args(argv)
    q = Quoth(Settings().with_(corpus={"path": str(args.work / "corpus")}, data={"dir": str(args.work / "data")}),
              encoder=encoder)
    idx = q.current()
    ps = [p for p, _ in idx.passages(np.arange(len(idx)))]
    count = token_counter("default")
    sizes = np.array(count.batch([p.search_text for p in ps]))
    tok = _tokenizer()
    print(f"passages {len(ps)}; word pieces p50 {np.median(sizes):.0f} p90 {np.percentile(sizes, 90):.0f} "
          f"max {sizes.max()}; over {args.window}: {(sizes > args.window).mean():.3f}")
    sets = {name: rq.find_sets(list(rq.NAMED[name]), args.only) for name in ("dev", "heldout")}
    sets = {name: s for name, s in sets.items() if s}
    if tok is not None:
        for name, s in sets.items():
            print(name, answers_past(ps, sizes, s, args.window, tok))
    long_rows = np.flatnonzero(sizes > args.window)
    texts, owner = windows(ps, long_rows, args.window, count)
    extra = q.encoder.encode_passages(texts) if texts else np.zeros((0, idx.vectors.shape[1]), np.float32)
    base = np.array(idx.vectors, dtype=np.float32)
    for mode in ("none", "mean", "mean_all", "max"):
        vectors = base.copy()
        for r in long_rows if mode.startswith("mean") else ():
            own = extra[owner == r]
            m = (base[r] + own.mean(0)) / 2 if mode == "mean" else np.vstack([base[r][None], own]).mean(0)
            vectors[r] = m / np.linalg.norm(m)
        sims = scorer(vectors, extra, owner, mode)
        idx.similarities = sims
        idx.dense_top = lambda qvec, k, sims=sims: _top(sims(qvec, np.arange(len(base))), k)
        idx.vectors_of = lambda rows, vectors=vectors: vectors[rows]
        line = [f"{mode:<8}"] + [f"{name} hit@1/hit@3 {r['all']['hit@1']:.3f}/{r['all']['hit@3']:.3f}"
                                 for name, r in ((n, rq.measure(q, s)) for n, s in sets.items())]
        print(" | ".join(line), flush=True)
    return 0


def _tokenizer():
    """The bundled model's tokenizer, neither truncating nor padding (its file pads and cuts at 128)."""
    from tokenizers import Tokenizer

    found = Path(resolve_model("default").location) / "tokenizer.json"
    if not found.is_file():
        return None
    tok = Tokenizer.from_file(str(found))
    tok.no_truncation()
    tok.no_padding()
    return tok


def _top(s: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    top = np.argsort(-s, kind="stable")[:k]
    return top, s[top]


if __name__ == "__main__":
    sys.exit(main())
