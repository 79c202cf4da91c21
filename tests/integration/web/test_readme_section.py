"""README's "Quoth on the web" agrees with the app: its API table names exactly the app's routes, and its curl
examples, run as written (curl, bash) against a real uvicorn on loopback, answer what the section says."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import HARBOUR_AND_GARDEN, indexed_corpus
from tests.web import serving

README = (Path(__file__).resolve().parents[3] / "README.md").read_text()
SECTION = README.split("\n## Quoth on the web\n", 1)[1].split("\n## ", 1)[0]
WRITTEN_FOR = "http://127.0.0.1:8000"  # where the examples expect `quoth web` (its default host and port)

needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="the examples are curl commands")


def bash_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", SECTION, re.S)


def curl_lines(block: str) -> list[str]:
    """The block's curl commands, each on one line (continuations joined)."""
    return [line for line in block.replace("\\\n", " ").splitlines() if line.startswith("curl ")]


def run(command: str, url: str, env: dict[str, str] | None = None) -> dict:
    assert WRITTEN_FOR in command, command
    res = subprocess.run(["bash", "-c", command.replace(WRITTEN_FOR, url) + " --fail-with-body --max-time 60"],
                         capture_output=True, text=True, timeout=90, env={**os.environ, **(env or {})})
    assert res.returncode == 0, (command, res.stdout[-2000:], res.stderr[-2000:])
    return json.loads(res.stdout)


def test_the_api_table_names_every_route_of_the_api_and_no_other(client):
    table = [line for line in SECTION.splitlines() if line.startswith("| `")]
    documented = {(m, "/api/v1" + p) for line in table for m, p in re.findall(r"`(GET|POST) (/[\w.]+)", line)}
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200 and ("GET", "/api/v1/openapi.json") in documented
    served = {(m.upper(), p) for p, ops in spec.json()["paths"].items() for m in ops}
    assert documented - {("GET", "/api/v1/openapi.json")} == served


@needs_curl
def test_the_curl_examples_answer_as_the_section_says(web_quoth):
    from quoth.bot.web import WebService

    [ask, verify] = curl_lines(next(b for b in bash_blocks() if "/api/v1/ask" in b))
    service = WebService(web_quoth, admin_token="")
    try:
        with serving(service) as url:
            answer = run(ask, url)
            verdicts = run(verify, url)["verdicts"]
    finally:
        service.close()
    assert len(answer["results"]) == 2 and answer["message"] is None, answer  # k=2 in the example
    assert any("right to strike" in hit["text"] for hit in answer["results"]), answer
    # The example alters Corbyn's words ("override" → "ban"): the verdict says so and names the real speaker.
    [verdict] = verdicts
    assert verdict["verdict"] == "altered" and verdict["speaker"] == "Jeremy Corbyn", verdict
    assert "override their right to strike" in verdict["quote"], verdict


@needs_curl
def test_the_reindex_example_starts_a_job_and_follows_it_with_the_token(tmp_path, encoder):
    """The reindex block's curl lines with the token its first line exports (a tiny corpus of its own: the
    session's sample index is shared by other tests)."""
    from quoth.bot.config import WEB_ADMIN_TOKEN_ENV
    from quoth.bot.web import WebService

    [block] = [b for b in bash_blocks() if "/api/v1/reindex" in b]
    assert block.startswith(f"export {WEB_ADMIN_TOKEN_ENV}=") and "quoth web" in block
    start, follow = curl_lines(block)
    token = "readme-example-token"
    service = WebService(indexed_corpus(tmp_path, HARBOUR_AND_GARDEN, encoder), admin_token=token)
    try:
        with serving(service) as url:
            started = run(start, url, {WEB_ADMIN_TOKEN_ENV: token})["job"]
            assert service.reindexer.wait(120)
            followed = run(follow, url, {WEB_ADMIN_TOKEN_ENV: token})["job"]
    finally:
        service.close()
    assert started["state"] == "running" and started["full"] is False, started
    assert followed["id"] == started["id"] and followed["state"] == "done" and followed["summary"], followed
