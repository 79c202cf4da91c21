from quoth.segment.masthead import read_masthead
from quoth.segment.page import Page


def test_profile_header_names_the_account_and_clears_the_chrome_above():
    page = Page.of("Rosa Tern\nRosa Tern\n@rosatern\n1,204 followers • 88 following\nFirst post here.\n")
    head = read_masthead(page)
    assert head.account == "Rosa Tern" and head.profile.index == 3
    assert [ln.text for ln in page.content()] == ["First post here."]


def test_byline_forms_and_non_bylines():
    for line, name in [("by Jane Roe", "Jane Roe"), ("Posted by Sam Cook | 3 May", "Sam Cook"),
                       ("Written by Ann O'Neil", "Ann O'Neil"), ("By the sea", None), ("by the way, thanks", None),
                       ("Posted on 3 March 2023 by Ingrid Solberg", "Ingrid Solberg"),
                       ("Published 2023-03-03 by Li Wei", "Li Wei"), ("Posted on the board by the door", None)]:
        page = Page.of(f"A headline\n\n{line}\n\nBody text of the page goes here.")
        head = read_masthead(page)
        assert head.byline == name, line
        assert (head.byline_line == 2) is (name is not None)
        assert any(ln.text == line for ln in page.content()) is (name is None)  # a byline is dropped


def test_byline_far_down_the_page_is_not_a_byline():
    lines = [f"Paragraph {i} of the story, with enough words." for i in range(20)]
    page = Page.of("\n".join([*lines, "by Jane Roe"]))
    assert read_masthead(page).byline is None


def test_front_matter_values_are_read_as_yaml_writes_them():
    from quoth.segment.masthead import read_header_fields
    page = Page.of('---\ndate: \'2021-01-22\'\ntitle: "Press Briefing by Press Secretary Jen\\_Psaki and National\\\n'
                   '  \\ Economic Director Brian\\_Deese"\nauthor: \'O\'\'Brien\'\n---\n\nMS. PSAKI: Hi, everyone.\n')
    fields = read_header_fields(page)
    assert fields["title"] == "Press Briefing by Press Secretary Jen Psaki and National Economic Director Brian Deese"
    assert fields["date"] == "2021-01-22" and fields["author"] == "O'Brien"
