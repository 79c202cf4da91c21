from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.numbered import NumberedThread

LONG = "is a comment long enough to read as a sentence someone wrote under the post"
COMMENTS = f"""The post itself.

  1. This {LONG}.
  2. Another one that {LONG}.
      • A reply inside the second {LONG}.
  3. The last {LONG}.
"""


def test_numbered_comments_with_bullet_replies():
    page = Page.of(COMMENTS)
    thread = NumberedThread().find(page, LayoutHints())
    assert thread.first_line == 2
    got = [(u.speaker, u.role, u.reply_to, page.text[u.start:u.end].split()[0]) for u in thread.units]
    assert got == [("Anonymous commenter (#1)", Role.COMMENT, None, "This"),
                   ("Anonymous commenter (#2)", Role.COMMENT, None, "Another"),
                   ("Anonymous commenter (reply to #2)", Role.REPLY, "Anonymous commenter (#2)", "A"),
                   ("Anonymous commenter (#3)", Role.COMMENT, None, "The")]


def test_short_unindented_list_is_not_a_thread_unless_the_manifest_says_so():
    page = Page.of("Steps:\n1. Mix flour\n2. Add water\n3. Bake it\n")
    assert NumberedThread().find(page, LayoutHints()) is None
    assert len(NumberedThread().find(page, LayoutHints(comments=True)).units) == 3
    assert NumberedThread().find(Page.of(COMMENTS), LayoutHints(comments=False)) is None


def test_items_must_run_to_the_end():
    page = Page.of(COMMENTS + "A closing paragraph of the article, not indented.\n")
    assert NumberedThread().find(page, LayoutHints()) is None
