"""Every claim set of tests/data/verify holds what its README promises: each `source` a verbatim slice of its
document as Quoth loads it today, every field one of its values, every named speaker one of the document's cast,
no held-out claim on a document of an earlier set. A loader change that moves a document's text shows here first,
before the verification floors move for a reason nobody can see."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

VERIFY = Path(__file__).resolve().parents[1] / "data" / "verify"


def _checker():
    spec = importlib.util.spec_from_file_location("claims_check", VERIFY / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(p.parent.name for p in VERIFY.glob("*/set.json")))
def test_a_claim_set_holds_its_promises(name):
    check = _checker()
    assert check.main([name]) == 0


def test_the_checker_finds_a_source_that_is_not_in_the_document(tmp_path):
    check = _checker()
    rows = check.read_claims(VERIFY / "heldout" / "claims.jsonl")[:3]
    rows[1] = {**rows[1], "source": rows[1]["source"] + " and more words nobody wrote"}
    assert [p for p in check.problems(rows, set(), set()) if "not a slice" in p] != []
    assert check.problems(rows, {rows[0]["doc"]}, set())[0].endswith("is a document of an earlier claim set")
