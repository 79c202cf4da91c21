"""Speech-markup XML: ParlParse, Akoma Ntoso and TEI samples written from the public schemas, read into text whose
turns the markup names, and segmented into passages with those speakers."""

from pathlib import Path

import pytest

from quoth.ingest import FolderLoader, LoadReport
from quoth.ingest.html import HtmlReader
from quoth.ingest.manifest import Manifest
from quoth.ingest.speech_markup import Markup
from quoth.ingest.speech_xml import SpeechXmlReader, speech_markup
from quoth.records import Document, Kind, SourceInfo
from quoth.segment import Segmenter
from quoth.settings import CorpusSettings

PARLPARSE = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE publicwhip
[
<!ENTITY mdash   "&#8212;">
<!ENTITY pound  "&#163;" >
]>
<publicwhip scrapeversion="a" latest="yes">
<major-heading id="uk.org.publicwhip/debate/2021-01-01a.1.0" nospeaker="true">
\tHarbour Dues
</major-heading>
<speech id="uk.org.publicwhip/debate/2021-01-01a.1.1" nospeaker="true">
\t<p class="italic">Motion made, and Question proposed, That this House do now adjourn.&mdash;(Ms Reed.)</p>
</speech>
<speech id="uk.org.publicwhip/debate/2021-01-01a.1.2" speakerid="uk.org.publicwhip/member/1" speakername="Ann Quarry">
\t<p pid="a.1.2/1">The harbour dues rose by &pound;40 this spring, and the fleet has noticed it.</p>
\t<p pid="a.1.2/2">Will the Minister say why the rise came without notice?</p>
</speech>
<speech id="uk.org.publicwhip/debate/2021-01-01a.1.3" speakerid="uk.org.publicwhip/member/2"
  speakername="Tom Hale" speakeroffice="The Minister for Ports">
\t<p pid="a.1.3/1">The rise was set out in the spring notice, which every harbour master received in March.</p>
</speech>
<minor-heading id="uk.org.publicwhip/debate/2021-01-01a.2.0" nospeaker="true">Ferry Timetables</minor-heading>
<speech id="uk.org.publicwhip/debate/2021-01-01a.2.1" speakerid="uk.org.publicwhip/member/1" speakername="Ann Quarry">
\t<p pid="a.2.1/1">Tom Hale:</p>
\t<p pid="a.2.1/2">That is what the notice said, and the ferries still ran late all summer.</p>
</speech>
</publicwhip>
"""

AKOMA_NTOSO = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <debate name="hansard">
    <meta>
      <references source="#source">
        <TLCPerson eId="mwangi" href="/ontology/person/mwangi" showAs="Grace Mwangi"/>
        <TLCPerson eId="otieno" href="/ontology/person/otieno" showAs="Peter Otieno"/>
        <TLCRole eId="speaker" href="/ontology/role/speaker" showAs="The Speaker"/>
      </references>
    </meta>
    <preface><docTitle>Hansard of the National Assembly, 3 March 2020</docTitle></preface>
    <debateBody>
      <debateSection name="prayers" eId="dbsect_1"><heading>PRAYERS</heading></debateSection>
      <debateSection name="questions" eId="dbsect_2">
        <heading>Water Supply in Kisumu</heading>
        <question by="#mwangi" eId="q_1"><from>Hon. (Ms.) Mwangi</from>
          <p>When will the pipeline to the eastern wards be finished, and who pays for the delay?</p></question>
        <answer by="#otieno" eId="a_1"><from>Hon. Otieno</from>
          <p>The pipeline will be finished in June; the contractor bears the cost of the delay.</p>
          <p>The contract says so in clause nine.</p></answer>
        <narrative>(Applause)</narrative>
        <speech by="#otieno" as="#speaker" eId="sp_1"><from>The Speaker</from>
          <p>Order, honourable members, let us move to the next question.</p></speech>
      </debateSection>
    </debateBody>
  </debate>
</akomaNtoso>
"""

TEI_DRAMA = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>The Lighthouse Keepers</title></titleStmt></fileDesc></teiHeader>
  <text>
    <front><castList><castItem><role xml:id="nell">Nell</role>, <roleDesc>a keeper</roleDesc></castItem>
      <castItem><role xml:id="bram">Bram</role>, <roleDesc>her brother</roleDesc></castItem></castList></front>
    <body>
      <div type="act"><head>Act One</head>
        <stage>A lamp room at dusk.</stage>
        <sp who="#nell"><speaker>NELL.</speaker>
          <l>The glass is cracked again, the wind is up,</l>
          <l>and no boat comes tonight.</l>
          <stage>She trims the wick.</stage>
          <l>Bring up the oil <stage>(calling down)</stage> before the light goes out.</l></sp>
        <sp who="#bram"><speaker>BRAM.</speaker><p>I carried the oil up twice already today.</p></sp>
      </div>
    </body>
  </text>
</TEI>
"""

TEI_SPOKEN = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><profileDesc><particDesc><listPerson>
    <person xml:id="A"><persName>Ruth Ames</persName></person>
    <person xml:id="B"><persName>Kofi Boateng</persName></person>
  </listPerson></particDesc></profileDesc></teiHeader>
  <text><body>
    <u who="#A">so the market moved to the square <pause/> last week</u>
    <u who="#B">and the stalls by the river were left empty</u>
  </body></text>
</TEI>
"""


def read(data: bytes, rel: str = "debate.xml", reader=SpeechXmlReader):
    report = LoadReport()
    return list(reader(CorpusSettings()).read(data, rel, report)), report.warnings


def spoken(got) -> list[tuple[str | None, str]]:
    """Each marked turn's speaker and the first line of its words."""
    return [(t.speaker, got.text[t.words:].split("\n", 1)[0]) for t in got.hints.turns]


def speaker_of(got, phrase: str) -> str | None:
    [p] = [p for p in passages(got) if phrase in p.text]
    return p.speaker


def passages(got):
    doc = Document(SourceInfo(path=got.rel, title=got.found.get("title") or ""), got.text, "h", got.hints)
    out = Segmenter()(doc).passages
    assert all(got.text[p.start:p.end] == p.text for p in out)
    return out


def test_parlparse_speeches_are_rendered_with_their_speakers_and_procedure_is_nobodys():
    [got], warnings = read(PARLPARSE)
    assert warnings == []
    assert got.hints.kind is Kind.PROCEEDINGS and got.found == {"title": "Harbour Dues", "date": "2021-01-01"}
    assert "Tom Hale (The Minister for Ports):\nThe rise was set out" in got.text
    assert "adjourn.—(Ms Reed.)" in got.text and "rose by £40" in got.text  # the internal subset's entities
    assert spoken(got) == [
        (None, "Harbour Dues"),  # the procedure under the heading in the same nobody's stretch
        ("Ann Quarry", "The harbour dues rose by £40 this spring, and the fleet has noticed it."),
        ("Tom Hale", "The rise was set out in the spring notice, which every harbour master received in March."),
        (None, "Ferry Timetables"), ("Ann Quarry", "Tom Hale:")]


def test_parlparse_passages_carry_the_markups_speaker_never_a_header_lookalike():
    [got], _ = read(PARLPARSE)
    by_words = {p.text.split("\n")[0][:30]: p.speaker for p in passages(got)}
    assert by_words["The harbour dues rose by £40 t"] == "Ann Quarry"
    assert by_words["The rise was set out in the sp"] == "Tom Hale"
    # "Tom Hale:" is a line of Ann Quarry's speech, not a turn of Tom Hale's.
    assert by_words["Tom Hale:"] == "Ann Quarry"
    assert speaker_of(got, "Motion made, and Question proposed") is None
    assert "Ann Quarry:" not in by_words and "Harbour Dues" not in [p.speaker for p in passages(got)]


def test_akoma_ntoso_speakers_come_from_the_references_and_roles():
    [got], warnings = read(AKOMA_NTOSO)
    assert warnings == [] and got.hints.kind is Kind.PROCEEDINGS
    assert got.found["title"] == "Hansard of the National Assembly, 3 March 2020"
    assert "Peter Otieno (The Speaker):\nOrder, honourable members" in got.text
    assert "Hon. Otieno" not in got.text  # the <from> label is the header's, not the speech's words
    assert spoken(got) == [
        (None, "Hansard of the National Assembly, 3 March 2020"),  # and the two headings below it
        ("Grace Mwangi", "When will the pipeline to the eastern wards be finished, and who pays for the delay?"),
        ("Peter Otieno", "The pipeline will be finished in June; the contractor bears the cost of the delay."),
        (None, "(Applause)"), ("Peter Otieno", "Order, honourable members, let us move to the next question.")]
    said = {p.text[:20]: p.speaker for p in passages(got)}
    assert said["When will the pipeli"] == "Grace Mwangi" and said["The pipeline will be"] == "Peter Otieno"


def test_tei_drama_names_the_cast_and_a_stage_direction_inside_a_speech_is_nobodys():
    [got], warnings = read(TEI_DRAMA, "play.xml")
    assert warnings == [] and got.hints.kind is Kind.TRANSCRIPT
    assert got.found["title"] == "The Lighthouse Keepers"
    assert "Nell:\nThe glass is cracked again, the wind is up,\nand no boat comes tonight." in got.text
    assert ("Nell", "Bring up the oil before the light goes out.") in spoken(got)
    assert (None, "She trims the wick.") in spoken(got) and speaker_of(got, "A lamp room at dusk.") is None
    assert "calling down" not in got.text
    said = {p.text[:16]: p.speaker for p in passages(got)}
    assert said["The glass is cra"] == "Nell" and said["Bring up the oil"] == "Nell"
    assert said["I carried the oi"] == "Bram" and said["She trims the wi"] is None


def test_tei_spoken_utterances_are_each_speakers_turn():
    [got], _ = read(TEI_SPOKEN, "talk.xml")
    assert spoken(got) == [("Ruth Ames", "so the market moved to the square last week"),
                           ("Kofi Boateng", "and the stalls by the river were left empty")]


def test_a_debate_saved_as_html_is_read_as_speech_markup():
    [got], warnings = read(PARLPARSE, "debate.html", HtmlReader)
    assert warnings == [] and got.hints.kind is Kind.PROCEEDINGS and "Ann Quarry:" in got.text
    assert speech_markup(b"<!DOCTYPE html><html><body><p>publicwhip</p></body></html>") is None
    assert speech_markup(b"\xef\xbb\xbf<!-- x --><akn:akomaNtoso xmlns:akn='x'/>") is not None


def test_a_malformed_file_is_skipped_with_the_parsers_reason():
    got, warnings = read(b"<publicwhip><speech speakername='A'><p>one</speech></publicwhip>")
    assert got == [] and len(warnings) == 1 and warnings[0].startswith("debate.xml: skipped: not well-formed XML")


def test_a_file_cut_off_before_its_end_is_read_as_far_as_it_goes():
    [got], warnings = read(PARLPARSE[:PARLPARSE.index(b"<minor-heading")])
    assert warnings == ["debate.xml: the XML ends early (cut off?): read as far as it goes"]
    assert got.text.rstrip().endswith("every harbour master received in March.")


def test_xml_that_is_not_speech_markup_is_skipped_with_a_reason():
    got, warnings = read(b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "books.xml")
    assert got == [] and warnings == ["books.xml: skipped: an XML file that is not speech markup (ParlParse, "
                                      "Akoma Ntoso, TEI)"]


def test_an_external_entity_is_never_read(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET PAYLOAD")
    data = (f'<?xml version="1.0"?><!DOCTYPE publicwhip [<!ENTITY leak SYSTEM "file://{secret}">'
            f'<!ENTITY remote SYSTEM "http://127.0.0.1:9/x.txt"><!ENTITY mdash "&#8212;">]>'
            '<publicwhip><speech speakername="Ann Quarry"><p>Before &leak;&remote; after &mdash; end.</p></speech>'
            '</publicwhip>').encode()
    [got], _ = read(data)
    assert "SECRET" not in got.text and "Ann Quarry:\nBefore after — end." in got.text


def test_an_entity_bomb_does_not_expand():
    depth = 10
    decls = '<!ENTITY e0 "lol">' + "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, depth))
    data = (f"<!DOCTYPE publicwhip [{decls}]><publicwhip><speech speakername='A B'><p>x &e{depth - 1}; y</p>"
            "</speech></publicwhip>").encode()
    got, _ = read(data)
    assert all(len(g.text) < 1000 for g in got)


def test_the_loader_reads_a_speech_xml_file_in_a_corpus_folder(tmp_path: Path):
    (tmp_path / "debate.xml").write_bytes(PARLPARSE)
    report = LoadReport()
    [doc] = FolderLoader(CorpusSettings()).load_file(tmp_path / "debate.xml", tmp_path, Manifest(), report)
    assert doc.hints.kind is Kind.PROCEEDINGS and len(doc.hints.turns) == 5 and report.warnings == []


def test_a_member_who_rose_said_nothing_and_a_spaced_reference_still_resolves():
    rose = b'<p pid="x">rose&mdash;</p></speech><speech speakername="Ann Quarry"><p pid="a.1.2/1">'
    data = PARLPARSE.replace(b'<p pid="a.1.2/1">', rose)
    [got], _ = read(data)
    assert speaker_of(got, "rose—") is None and "Ann Quarry:\nrose—" not in got.text
    [got], _ = read(AKOMA_NTOSO.replace(b'as="#speaker"', b'as=" #speaker"'))
    assert "Peter Otieno (The Speaker):" in got.text


def test_an_office_holder_written_office_first_is_the_person_in_brackets():
    data = PARLPARSE.replace(b'speakername="Tom Hale" speakeroffice="The Minister for Ports"',
                             b'speakername="The Minister for Ports (Tom Hale)"')
    [got], _ = read(data)
    assert "The Minister for Ports (Tom Hale):\nThe rise" in got.text  # the header as the markup writes it
    assert [who for who, _ in spoken(got)] == [None, "Ann Quarry", "Tom Hale", None, "Ann Quarry"]


def test_seat_and_party_are_not_the_name_and_an_office_alone_is_the_person_its_id_was_named_as():
    data = (b'<publicwhip><speech id="a" speakerid="m/1" speakername="The Presiding Officer (Alex Fergusson)">'
            b"<p>Order. We move to the next item of business.</p></speech>"
            b'<speech id="b" speakerid="m/2" speakername="Claire Baker (Mid Scotland and Fife) (Lab)">'
            b"<p>I welcome the statement on school meals.</p></speech>"
            b'<speech id="c" speakerid="m/1" speakername="The Presiding Officer"><p>Thank you, Ms Baker.</p></speech>'
            b'<speech id="d" speakerid="m/3" speakername="The Deputy Presiding Officer"><p>Order.</p></speech>'
            b'<speech id="e" speakerid="m/4" speakername="Mr. Deputy Speaker (Sir Alan Haselhurst)"><p>Order.</p>'
            b"</speech></publicwhip>")
    [got], _ = read(data)
    assert [who for who, _ in spoken(got)] == ["Alex Fergusson", "Claire Baker", "Alex Fergusson",
                                               "The Deputy Presiding Officer", "Sir Alan Haselhurst"]
    assert "Claire Baker (Mid Scotland and Fife) (Lab):\nI welcome" in got.text


@pytest.mark.timeout(60)
def test_a_page_of_comments_before_no_root_is_sniffed_in_linear_time():
    """Every HTML file is sniffed: sixty comments then text took 2^60 steps while the prolog could be re-split
    (a comment's lazy body stretching over the next ones); read once, it is instant, and still no markup."""
    assert speech_markup(b"<!-- a -->" * 60 + b"<!x") is None
    assert speech_markup(b"<?pi x?>" * 60 + b"plain text") is None
    assert speech_markup(b"<!-- a -->" * 60 + b"<publicwhip>") is Markup.PARLPARSE
