"""README's "The HTTP API" examples, run as written (bash and curl) against a real server over the sample corpus:
each answers 200 with JSON, and what the comments say they show, they show."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quoth.bot.config import WebSettings
from quoth.bot.web import WebService
from tests.web import serving

README = Path(__file__).resolve().parents[3] / "README.md"


def http_api_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("### The HTTP API\n", 1)[1]
    return re.search(r"```bash\n(.*?)```", section, re.S).group(1)


def commands(block: str) -> list[str]:
    """The block's curl commands, each with its continuation lines joined."""
    return [c for c in re.sub(r"\\\n\s*", " ", block).splitlines() if c.startswith("curl ")]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_every_endpoint_example_answers_json(web_quoth):
    block = http_api_block()
    api = re.search(r"^API=(\S+)$", block, re.M).group(1)
    assert api == "http://127.0.0.1:8000/api/v1"
    found = commands(block)
    service = WebService(web_quoth, WebSettings(rate_per_minute=10_000, rate_burst=10_000))
    with serving(service) as base:
        answers = []
        for command in found:
            status_too = command.replace("curl -s ", "curl -s -w '\\n%{http_code}' ", 1)  # before a comment
            run = subprocess.run(["bash", "-c", f"API={base}/api/v1\n{status_too}"],
                                 capture_output=True, text=True, timeout=60)
            body, _, status = run.stdout.rpartition("\n")
            assert run.returncode == 0 and status == "200", (command, status, body[:300])
            answers.append(json.loads(body))
    service.close()
    endpoints = {re.search(r"\$API/([a-z.]+)", c).group(1) for c in found}
    assert endpoints == {"ask", "search", "verify", "sources", "speakers", "context", "document", "random",
                         "health", "openapi.json"}
    ask, fr = answers[0], answers[1]
    assert len(ask["results"]) == 2 and ask["results"][0]["speaker"] == "Jeremy Corbyn"
    assert fr["results"] == [] and fr["message"] == "Rien de pertinent trouvé."
    verdicts = [a for a in answers if "verdicts" in a]
    assert [v["verdicts"][0]["verdict"] for v in verdicts] == ["altered", "close"]
    context = next(a for a in answers if "passage_id" in a and "passages" in a)
    assert context["passage_id"] is not None and len(context["passages"]) == 2
