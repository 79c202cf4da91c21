"""The README's screenshots script takes its pictures: 1200 px wide desktop views and a phone view, each small."""

from __future__ import annotations

import struct

from tests.browser.screenshots import SHOTS, take


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return struct.unpack(">II", data[16:24])


def test_the_readme_screenshots_are_taken(chromium, server_url, tmp_path):
    saved = take(chromium, server_url, tmp_path)
    assert [p.name for p in saved] == ["ask.png", "check.png", "phone.png"] == [s.name for s in SHOTS]
    sizes = {p.name: png_size(p.read_bytes()) for p in saved}
    assert sizes["ask.png"][0] == sizes["check.png"][0] == 1200, sizes
    assert sizes["phone.png"] == (720, 1480), sizes  # 360 x 740 CSS pixels at a phone's 2x
    assert all(p.stat().st_size <= 150_000 for p in saved), {p.name: p.stat().st_size for p in saved}
