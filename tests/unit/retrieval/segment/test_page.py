from quoth.segment.page import Page, split_lines


def test_lines_know_their_offsets_and_indent():
    text = "Title\n\n  \tIndented words  \nlast"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["Title", "", "Indented words", "last"]
    third = lines[2]
    assert text[third.start:third.end] == "Indented words" and third.words == 2
    assert third.indent == 4  # tab stops every 4 columns
    assert lines[1].blank


def test_blocks_and_spans_skip_dropped_lines():
    page = Page.of("one\ntwo\n\nthree\nfurniture\nfour\n")
    page.drop(page.lines[4])
    assert [[ln.text for ln in b] for b in page.blocks(len(page.lines))] == [["one", "two"], ["three"], ["four"]]
    assert [[ln.text for ln in b] for b in page.blocks(3)] == [["one", "two"]]
    a, b = page.span(3, 6)
    assert page.text[a:b] == "three\nfurniture\nfour"  # a span covers what lies between kept lines
    assert page.span(4, 5) is None
    assert page.span(0, 2, first_start=1) == (1, 7)
