"""bot/web/views.py: what the templates are given — read-in-place pieces and safe source links."""

from __future__ import annotations

from quoth.bot.web.diff import Op
from quoth.bot.web.views import Card, VerdictView, best_span, read_pieces, source_href, web_url, words_mark
from quoth.records import Passage, Role, SourceInfo
from quoth.verify.verdict import Kind, Verdict

TEXT = "Title line\n\nFirst passage here.\n\nSecond passage, the quoted one.\n\nFooter chrome"


def passage(start: int, end: int, speaker: str | None = "Ann Lee", role: Role = Role.BODY,
            reply_to: str | None = None) -> Passage:
    return Passage("doc.txt", start, end, TEXT[start:end], speaker, role, TEXT[start:end], reply_to=reply_to)


def spans() -> list[Passage]:
    a = TEXT.index("First")
    b = TEXT.index("Second")
    return [passage(a, a + len("First passage here.")), passage(b, b + len("Second passage, the quoted one."))]


def test_every_character_is_in_exactly_one_piece_in_order():
    pieces = read_pieces(TEXT, spans(), None, None)
    assert "".join(p.before + p.quoted + p.after for p in pieces) == TEXT
    assert [p.passage for p in pieces] == [False, True, False, True, False]
    assert not any(p.current for p in pieces)


def test_the_quoted_span_is_marked_in_its_passage_only():
    b = TEXT.index("the quoted")
    pieces = read_pieces(TEXT, spans(), b, b + len("the quoted one"))
    assert [p.quoted for p in pieces if p.current] == ["the quoted one"]
    assert "".join(p.before + p.quoted + p.after for p in pieces) == TEXT


def test_overlapping_or_out_of_order_passages_never_repeat_text():
    first, second = spans()
    overlapping = passage(first.start + 6, second.end)  # overlaps both
    pieces = read_pieces(TEXT, [second, overlapping, first], None, None)
    assert "".join(p.before + p.quoted + p.after for p in pieces) == TEXT


def test_only_http_and_https_urls_become_links():
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//evil"):
        src = SourceInfo("doc.txt", "T", url=bad)
        assert web_url(src) is None
        assert source_href(src, "words", 1, 5) == "/read?doc=doc.txt&start=1&end=5#quoted"
    web = SourceInfo("doc.txt", "T", url="https://example.org/a")
    assert source_href(web, "the words here", 1, 5) == "https://example.org/a#:~:text=the%20words%20here"


def test_a_commenter_is_shown_as_the_commenter_and_nobody_as_unattributed():
    src = SourceInfo("doc.txt", "T", author="The Author")
    reply = Card.of(passage(0, 10, "Bob", Role.REPLY, reply_to="Ann Lee"), src)
    assert reply.speaker == "Bob, replying to Ann Lee"
    assert "Bob, replying to Ann Lee" in reply.cite and "The Author" not in reply.cite
    nobody = Card.of(passage(0, 10, None), src)
    assert nobody.speaker == "unattributed"
    assert nobody.before + nobody.best + nobody.after == TEXT[0:10]


def test_a_verdict_s_view_draws_the_claim_against_its_source_span():
    src = SourceInfo("doc.txt", "T")
    v = Verdict("I never said that", Kind.ALTERED, speaker="Ann Lee", role=Role.BODY, label="Ann Lee", source=src,
                start=3, end=14, quote="I said that")
    view = VerdictView.of(v)
    assert (view.kind, view.words, view.speaker, view.role) == ("altered", "Altered", "Ann Lee", "body")
    assert [(r.op, r.text) for r in view.diff] == [(Op.EQUAL, "I"), (Op.DELETE, "never"), (Op.EQUAL, "said that")]
    assert view.context_href == "/read?doc=doc.txt&start=3&end=14#quoted"


def test_the_closest_wording_to_a_claim_not_found_is_never_credited_as_its_speaker():
    src = SourceInfo("doc.txt", "T")
    closest = Verdict("words nobody said", Kind.NOT_FOUND, speaker="Ann Lee", label="Ann Lee", role=Role.BODY,
                      closest=True, source=src, start=0, end=9, quote="some words")
    assert VerdictView.of(closest).speaker == "not a match" and VerdictView.of(closest).role is None
    nothing = VerdictView.of(Verdict("words nobody said", Kind.NOT_FOUND))
    assert (nothing.words, nothing.speaker, nothing.diff, nothing.source_href) == ("Not found", "unattributed", [],
                                                                                 None)


def test_text_between_passages_is_trimmed_for_show_and_kept_whole():
    pieces = read_pieces(TEXT, spans(), None, None)
    between = [p for p in pieces if not p.passage]
    assert [p.trimmed for p in between] == [("", "Title line", "\n\n"), ("\n\n", "", ""), ("\n\n", "Footer chrome", "")]
    assert all("".join(p.trimmed) == p.before for p in between)


def test_a_permalink_carries_the_marked_sentence_and_a_bad_one_marks_nothing():
    card = Card.of(passage(0, 10), SourceInfo("doc.txt", "T"), (2, 6))
    mark = words_mark(card.before + card.best + card.after)
    assert card.permalink_href == f"/quote?doc=doc.txt&start=0&end=10&best=2-6&h={mark}"
    assert words_mark("the same words") != words_mark("the same wordz")
    assert best_span("2-6", 10) == (2, 6)
    for bad in (None, "", "6-2", "2-11", "-1-3", "a-b", "3", "2-2", "1e3-5"):
        assert best_span(bad, 10) is None, bad
