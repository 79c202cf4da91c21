from quoth.records import LayoutHints
from quoth.segment.page import Page
from quoth.segment.threads.chat import ChatMessages


def messages(text):
    page = Page.of(text)
    thread = ChatMessages().find(page, LayoutHints())
    return None if thread is None else [(u.speaker, page.text[u.start:u.end]) for u in thread.units]


def test_whatsapp_system_lines_are_boundaries_and_nobodys():
    text = ("1/2/24, 9:15 AM - Ann: Hello all\n1/2/24, 9:16 AM - Bob joined using this group's invite link\n"
            "1/2/24, 9:17 AM - Bob: Hi Ann, glad to be here.\nSecond line of Bob's message.\n"
            "1/2/24, 9:18 AM - Ann: <Media omitted>\n1/2/24, 9:19 AM - Cy: Welcome Bob")
    assert messages(text) == [("Ann", "Hello all"), ("Bob", "Hi Ann, glad to be here.\nSecond line of Bob's message."),
                              ("Cy", "Welcome Bob")]


def test_exporter_messages_run_to_the_next_header():
    text = "[1/2/2024 9:15 AM] ann\nHello\nall\n\n[1/2/2024 9:16 AM] Bob Roe\nHi\n\n[1/2/2024 9:17 AM] ann\nBye"
    assert messages(text) == [("ann", "Hello\nall"), ("Bob Roe", "Hi"), ("ann", "Bye")]


def test_two_messages_are_not_a_chat():
    assert messages("[1/2/2024 9:15 AM] ann\nHello\n[1/2/2024 9:16 AM] bob\nHi") is None


def test_a_messages_quote_lines_are_never_its_writers_and_are_named_when_found_earlier():
    text = ("[1/2/2024 9:15 AM] ann\nThe slipway is closed until Friday for resurfacing.\n\n"
            "[1/2/2024 9:16 AM] Bob Roe\n> The slipway is closed until Friday\nThen the race is off.\n"
            "> somebody told me the fuel pontoon is shut\nIs that true?\n\n[1/2/2024 9:17 AM] ann\n> true?\nNo.")
    assert messages(text) == [("ann", "The slipway is closed until Friday for resurfacing."),
                              ("ann", "The slipway is closed until Friday"), ("Bob Roe", "Then the race is off."),
                              (None, "somebody told me the fuel pontoon is shut"), ("Bob Roe", "Is that true?"),
                              (None, "true?"), ("ann", "No.")]


def test_a_reply_line_carrying_words_gives_them_to_the_writer_it_names():
    text = ("[2024-06-01 10:01] cal\nMorning.\n\n[2024-06-01 10:05] rosa\nAnyone out today?\n\n"
            "[2024-06-01 10:09] Ola Berg\n↳ replying to Jo Lind: The slipway is closed.\nSo the race is on.\n\n"
            "[2024-06-01 10:10] Ann\n↳ quoting: A notice from the harbour office.\nSeen this?")
    assert messages(text)[2:] == [("Jo Lind", "The slipway is closed."), ("Ola Berg", "So the race is on."),
                                  (None, "A notice from the harbour office."), ("Ann", "Seen this?")]
