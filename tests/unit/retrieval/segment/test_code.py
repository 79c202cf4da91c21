"""Code blocks are dropped; prose set in a literal block (a poem, a letter, the Zen of Python) is kept."""

import pytest

from quoth.segment.code import LiteralBlock, drop_code, is_prose, prose_line
from quoth.segment.page import Page, split_lines

POEM = ["Beautiful is better than ugly.", "Explicit is better than implicit.", "Readability counts."]


def kept(text: str) -> list[str]:
    page = Page.of(text)
    drop_code(page)
    return [ln.text for ln in page.content()]


def test_a_text_code_block_of_sentences_is_kept_without_its_directive():
    text = "The Zen\n\n.. code-block:: text\n\n    " + "\n    ".join(POEM) + "\n\nAfter.\n"
    assert kept(text) == ["The Zen", *POEM, "After."]


def test_a_code_block_in_a_programming_language_is_dropped_whatever_it_says():
    text = "Easter egg\n\n.. code-block:: pycon\n\n  Beautiful is better than ugly said the egg today.\n\nAfter.\n"
    assert kept(text) == ["Easter egg", "After."]


def test_a_literal_block_after_double_colon_is_judged_by_its_lines():
    code = "Some examples are::\n\n  >>> import datetime\n  >>> name = 'Fred'\n\nNext paragraph.\n"
    letter = "She wrote::\n\n    Dear Sir, I write to tell you the harbour is closed.\n    Yours truly, Ann.\n\nEnd.\n"
    assert kept(code) == ["Some examples are::", "Next paragraph."]
    assert kept(letter) == ["She wrote::", "Dear Sir, I write to tell you the harbour is closed.",
                            "Yours truly, Ann.", "End."]


def test_fences_with_and_without_a_language():
    python = "```python\nx = compute(a, b)\nprint(x)\n```\nDone.\n"
    verse = "```\nThe woods are lovely, dark and deep,\nBut I have promises to keep.\n```\nDone.\n"
    assert kept(python) == ["Done."]
    assert kept(verse) == ["The woods are lovely, dark and deep,", "But I have promises to keep.", "Done."]


def test_a_heading_underlined_with_tildes_is_no_fence():
    text = ("Names to Avoid\n~~~~~~~~~~~~~~\n\nNever use the characters 'l' as names.\n\n"
            "ASCII Compatibility\n~~~~~~~~~~~~~~~~~~~\n\nIdentifiers must be ASCII.\n")
    assert "Never use the characters 'l' as names." in kept(text)
    assert "ASCII Compatibility" in kept(text)
    fenced = "Run this:\n\n~~~\nx = compute(a, b)\n~~~\nDone.\n"  # a fence after a blank line still is one
    assert kept(fenced) == ["Run this:", "Done."]
    short = "Go\n~~~\nx = compute(a, b)\n~~~\nDone.\n"  # code right under the line: a fence, not an underline
    assert kept(short) == ["Go", "Done."]


def test_admonitions_keep_their_prose_and_other_directives_drop_their_body():
    text = (".. note::\n\n   The harbour opens at dawn every day.\n\n.. image:: quay.png\n   :alt: The quay\n\n"
            ".. code-block::\n   :linenos:\n\n   foo = long_function_name(var_one, var_two)\n\nEnd.\n")
    assert kept(text) == ["The harbour opens at dawn every day.", "End."]


@pytest.mark.parametrize("line", ["Although practicality beats purity.", "Yours truly, the harbour master",
                                  "There should be one-- and preferably only one --obvious way to do it."])
def test_prose_lines(line):
    assert prose_line(line)


@pytest.mark.parametrize("line", [">>> import this", "x = compute(a, b)", "def outer(x):", "# Correct:",
                                  "f ' <text> { <expression> } <text> ... '", "return result", "ok", "print(x)"])
def test_code_lines(line):
    assert not prose_line(line)


def test_a_block_is_prose_only_when_most_of_its_lines_are():
    lines = split_lines("\n".join([*POEM, "x = 1", "y = 2"]))
    assert is_prose(LiteralBlock(lines, "text"))
    assert not is_prose(LiteralBlock(split_lines("x = 1\ny = 2\nSee the notes below for more."), None))
