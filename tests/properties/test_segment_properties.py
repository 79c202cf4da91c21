"""Whatever the input, every passage is an exact, ordered, non-overlapping slice of its document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoth.segment import segment
from quoth.settings import SegmentSettings
from tests.helpers import make_doc

pieces = st.sampled_from([
    "Hello world.", "  • Jane Doe says:", "    • Bob replies:", "  1. First comment here is long enough.",
    "  2. Second one.", "  3. Third!", "“Quoted words,” Ann Lee said.", "Tom Baker said, “Yes", "tweet picture",
    "Leave a Reply", "by Ann Lee", "1234 followers  •  3 follow", "He said, “no.”", "\t", "", "Mr. Smith went home.",
    "A very long sentence " * 20, "émoji 🙏 text", "”", "“", "Comments (2)",
    # conversations and header fields
    "MARA QUILL: Hello there.", "OWEN (00:01:02): Yes.", "**Ann:** words", "Q: Why?", "A: Because.", "[MUSIC]",
    "Host: Mara Quill", "Title: A report", "Author: Ann Lee", "  continued author line",
    "[12/05/2023, 18:04:11] Mina: hi", "03/02/2024, 21:15 - Dev Rao: yes", "03/02/2024, 21:15 - Dev joined",
    "[14/03/2024 09:02] ferryfan", "{Attachments}", "https://example.org/x.png",
    "Post by reelgood » Tue Jan 09", "old_salt wrote:", "u/ridgerunner · 6h", "#2", "Junior Member", "=====",
])
documents = st.lists(st.one_of(pieces, st.text(max_size=40)), max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents, kind=st.sampled_from([None, "post_list", "article", "blog_post", "transcript", "chat",
                                            "forum"]),
       max_tokens=st.integers(24, 300))
def test_passages_are_exact_slices(text, kind, max_tokens):
    doc = make_doc(text, kind=kind, author="Author")
    seg = segment(doc, SegmentSettings(max_tokens=max_tokens))
    last_end = 0
    for p in seg.passages:
        assert doc.text[p.start:p.end] == p.text
        assert p.text.strip() == p.text and p.text
        assert p.start >= last_end
        last_end = p.end
        assert p.text in p.search_text
