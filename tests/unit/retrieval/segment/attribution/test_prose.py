"""The prose sieve on news paragraphs: who each quotation is attributed to, and the narrator's words around it.

These are the cases the paragraph attributor it replaced was held to (tests/unit/…/test_quotes.py, removed with
that module); each paragraph's quotation unit must still go to the same person."""

from quoth.records import Clue, Role
from quoth.segment.attribution import Cast, Decision, ProseReader
from quoth.segment.attribution.quotations import find_quotations
from tests.helpers import paragraph_spans


def attribute(paragraphs, narrator="Reporter", known=(), publisher=None):
    """(speaker, role) per paragraph: its quotation's unit, else its only unit."""
    text, spans = paragraph_spans(paragraphs)
    voice = Decision.of(narrator, Clue.BYLINE, "test") if narrator else Decision(None)
    site = Decision.of(publisher, Clue.BYLINE, "test") if publisher else Decision(None)
    cast = Cast.learn(text, list(known))
    units = ProseReader(text, voice, Role.NARRATION, cast, news=True, publisher=site).read(spans)
    out = []
    for a, b in spans:
        mine = [u for u in units if a <= u.start < b]
        quote = next((u for u in mine if u.role is Role.QUOTE), mine[0])
        out.append((quote.speaker, quote.role))
    return out


def test_lead_trail_and_inverted_attributions():
    assert attribute([
        "Priya Shah, who chairs the harbour trust, said, “We will reopen the slipway in spring.”",
        "“The repairs are long overdue,” said Tom Reed.",
        "“It is a fair price,” the treasurer Ann Holt told members.",
    ]) == [("Priya Shah", Role.QUOTE), ("Tom Reed", Role.QUOTE), ("Ann Holt", Role.QUOTE)]


def test_short_names_titles_and_pronouns_resolve_to_the_person_named_before():
    assert attribute([
        "Maria Lopez said, “The library taught my children to read.”",
        "Ms Lopez added, “Closing it would be a disgrace.”",
        "She said, “We will keep campaigning.”",
    ]) == [("Maria Lopez", Role.QUOTE)] * 3


def test_a_quotation_continues_across_paragraphs_and_then_ends():
    assert attribute([
        "Sam Okafor said, “The first phase is done.",
        "“The second starts in May, weather permitting.”",
        "The council has not yet published the costs.",
    ]) == [("Sam Okafor", Role.QUOTE), ("Sam Okafor", Role.QUOTE), ("Reporter", Role.NARRATION)]


def test_statement_introduction_is_the_publishers_and_the_statement_the_speakers():
    assert attribute(["Jane Smith issued the following statement:", "“I am stepping down at the end of the year.”"],
                     narrator=None, publisher="Quay News") == [("Quay News", Role.NARRATION),
                                                               ("Jane Smith", Role.QUOTE)]


def test_words_that_open_sentences_are_not_speakers():
    # "The council" is no person: its words are neither a person's nor the journalist's (the old attributor gave
    # them to the narrator)
    assert attribute(["The council said, “No comment at this stage.”"]) == [(None, Role.QUOTE)]


def test_a_quotation_ends_where_its_marks_end_whatever_follows():
    got = attribute([
        'Ada Byron wrote, “The engine weaves algebraic patterns.”',
        'Use spaces around operators: x = "a" + b"',  # an odd straight quote, as code has
        "Name variables for what they hold.",
        "Keep functions short [3]_.",
    ], narrator="Style Guide")
    assert got[0] == ("Ada Byron", Role.QUOTE)
    assert got[1:] == [("Style Guide", Role.NARRATION)] * 3


def test_descriptive_inverted_colon_partial_and_according_to_forms():
    assert attribute([
        "“Nobody is against nights,” said shop steward Dana Whitfield.",
        "Club captain Finn Albright added: “We will row from the old slipway.”",
        "The port’s director, Graham Lyle, backed the rotas, saying they would “keep the port open”.",
        "Whitfield was blunt: “If the rotas stay, the cranes stop.”",
        "According to Ann Lee, the repairs will take a year.",
        "“The door is still open,” said Lyle.",
    ]) == [("Dana Whitfield", Role.QUOTE), ("Finn Albright", Role.QUOTE), ("Graham Lyle", Role.QUOTE),
           ("Dana Whitfield", Role.QUOTE), ("Ann Lee", Role.QUOTE), ("Graham Lyle", Role.QUOTE)]


def test_quotation_marks_open_close_and_run_on():
    [q] = find_quotations("He said “ab” here")
    assert (q.start, q.end, q.closed) == (8, 12, True)
    [q] = find_quotations("“unclosed to the end")
    assert not q.closed and q.end == len("“unclosed to the end")
    assert [x.closed for x in find_quotations("He said, “It goes on")] == [False]
