from quoth.records import SourceInfo
from quoth.segment.masthead import Masthead
from quoth.segment.meta import read_meta
from quoth.segment.page import Page


def blocks(page, *indexes):
    return [[page.lines[i]] for i in indexes]


def test_title_is_the_first_heading_and_a_name_under_the_body_signs_it():
    page = Page.of("Plans for the quay\nThe board met on Monday to discuss the quay.\nMaria Lopez")
    meta = read_meta(page, SourceInfo("a.txt", ""), Masthead(), blocks(page, 0, 2), blocks(page, 1))
    assert (meta.title, meta.signature, meta.author) == ("Plans for the quay", "Maria Lopez", "Maria Lopez")


def test_manifest_wins_then_byline_then_account():
    page = Page.of("Heading\nBody words here.")
    head = Masthead(account="@quaynews", byline="Jane Roe", byline_line=5)
    meta = read_meta(page, SourceInfo("a.txt", "Given title", author="Ann"), head, blocks(page, 0), blocks(page, 1))
    assert (meta.title, meta.author) == ("Given title", "Ann")
    meta = read_meta(page, SourceInfo("a.txt", ""), head, blocks(page, 0), blocks(page, 1))
    assert (meta.title, meta.author) == ("Heading", "Jane Roe")  # the heading above the byline
    meta = read_meta(page, SourceInfo("a.txt", ""), Masthead(account="@quaynews"), [], blocks(page, 1))
    assert (meta.title, meta.author) == ("@quaynews", "@quaynews")


def test_without_headings_the_title_is_the_first_line_cut_short():
    page = Page.of("x" * 100 + ". More.")
    meta = read_meta(page, SourceInfo("a.txt", ""), Masthead(), [], blocks(page, 0))
    assert meta.title == "x" * 80 + "…" and meta.author is None


def test_markdown_marks_are_not_part_of_a_title():
    for line in ("# Plans for the quay", "**Plans for the quay**", "## Plans for the quay"):
        page = Page.of(f"{line}\nThe board met on Monday to discuss the quay.")
        meta = read_meta(page, SourceInfo("a.md", ""), Masthead(), blocks(page, 0), blocks(page, 1))
        assert meta.title == "Plans for the quay", line


def test_header_fields_give_title_and_authors():
    from quoth.segment.masthead import read_masthead

    page = Page.of("Title: Tidal power\nAuthor: Ann Lee <ann@example.org>,\n    Bob Roe\nStatus: Draft\n\nBody.")
    head = read_masthead(page)
    meta = read_meta(page, SourceInfo("a.txt", ""), head, [], [[page.lines[5]]])
    assert (meta.title, meta.author) == ("Tidal power", "Ann Lee and Bob Roe")
    assert [ln.text for ln in page.content()] == ["Body."]


def test_a_titles_markdown_escapes_are_written_out():
    """YAML front matter and Markdown headings escape ``_`` and ``#``: ``my\\_project`` is read ``my_project``."""
    from quoth.segment.masthead import read_masthead

    page = Page.of("---\ntitle: my\\_project \\#1 notes\nauthor: Ann Lee\n---\n\nThe board met on Monday.")
    meta = read_meta(page, SourceInfo("a.md", ""), read_masthead(page), [], [[page.lines[5]]])
    assert meta.title == "my_project #1 notes"
    page = Page.of("# Notes on snake\\_case\nThe board met on Monday to discuss the quay.")
    meta = read_meta(page, SourceInfo("a.md", ""), Masthead(), blocks(page, 0), blocks(page, 1))
    assert meta.title == "Notes on snake_case"


def test_lines_no_reader_sees_are_no_title():
    page = Page.of("[#]: collector: (someone)\n[#]: via: (https://example.org)\n\nDesigning audio kits\n======\n"
                   "Did you know you can build your own speakers?")
    meta = read_meta(page, SourceInfo("a.md", ""), Masthead(), blocks(page, 0, 1, 3), blocks(page, 5))
    assert meta.title == "Designing audio kits"
