from quoth.ingest import LoadReport
from quoth.ingest.email import EmailReader
from quoth.records import Kind
from quoth.settings import CorpusSettings

MESSAGE = (b"From: Ann Lee <ann@example.org>\nSubject: Tides\nDate: Tue, 05 Mar 2024 10:02:11 +0000\n\n"
           b"High water is at noon.\n")


def read(data, rel):
    report = LoadReport()
    return list(EmailReader(CorpusSettings()).read(data, rel, report)), report.warnings


def test_a_message_is_its_body_with_the_headers_as_metadata():
    [got], _ = read(MESSAGE, "t.eml")
    assert got.text == "High water is at noon."
    assert got.found == {"title": "Tides", "author": "Ann Lee", "date": "2024-03-05"}
    assert got.hints.kind is Kind.EMAIL


def test_a_mailbox_is_one_document_per_message_and_from_lines_in_bodies_survive():
    box = (b"From ann@example.org Tue Mar  5 10:02:11 2024\n" + MESSAGE +
           b"\nFrom bob@example.org Tue Mar  5 11:00:00 2024\nFrom: bob@example.org\nSubject: Re: Tides\n\n"
           b">From the harbour it looked earlier.\n")
    got, _ = read(box, "list.mbox")
    assert [g.rel for g in got] == ["list.mbox#1", "list.mbox#2"]
    assert got[1].found["author"] == "bob@example.org" and got[1].text == "From the harbour it looked earlier."


def test_undated_and_unnamed_messages_invent_nothing():
    [got], _ = read(b"Subject: Hello\n\nJust words.\n", "x.eml")
    assert (got.found["author"], got.found["date"]) == (None, None)


def test_an_html_bodys_blockquotes_are_written_as_quoted_mail_each_paragraph_once():
    html = (b"From: Ann Lee <ann@example.org>\nSubject: Re: Tides\nContent-Type: text/html; charset=utf-8\n\n"
            b"<div dir='ltr'>Noon suits me.<br>Ann<div>See you there.</div></div><div class='gmail_quote'>"
            b"<div class='gmail_attr'>On Mon, 4 Mar 2024, Cal Dunn &lt;cal@example.org&gt; wrote:</div>"
            b"<blockquote class='gmail_quote'><div>When is high water?</div><blockquote>At noon.</blockquote>"
            b"</blockquote></div>")
    [got], _ = read(html, "t.eml")
    assert got.text == ("Noon suits me. Ann\n\nSee you there.\n\nOn Mon, 4 Mar 2024, Cal Dunn <cal@example.org> wrote:"
                        "\n\n> When is high water?\n\n> > At noon.")
