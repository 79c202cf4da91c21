"""Whatever the speeches say, a speech-markup record's passages are exact slices of its text, each named passage
holds one speech's words, and its speaker is the one the markup gives that speech: a speech line shaped like a
header (``Tom Hale:``) or a label never starts a turn."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoth.ingest import LoadReport
from quoth.ingest.speech_xml import SpeechXmlReader
from quoth.records import Document, SourceInfo
from quoth.segment import Segmenter
from quoth.settings import CorpusSettings, SegmentSettings

NAMES = ["Ann Quarry", "Tom Hale", "Mr. Speaker", "The Minister for Ports (Tom Hale)", None]
lines = st.one_of(st.sampled_from([
    "Tom Hale:", "Ann Quarry (The Minister):", "MARA QUILL: Hello there.", "[Interruption.]", "2.34 pm", "Q: Why?",
    "“Quoted,” said Ann Lee.", "The harbour dues rose by forty pounds this spring, and the fleet noticed it.",
    "rose—", "Hansard, column 12", "A very long sentence about the ferries " * 12]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(str.strip))
speeches = st.lists(st.tuples(st.sampled_from(NAMES), st.lists(lines, min_size=1, max_size=4)), max_size=12)


def _record(items: list[tuple[str | None, list[str]]]) -> bytes:
    parts = ['<publicwhip><major-heading id="uk.org.publicwhip/debate/2021-01-01a.1.0">Harbours</major-heading>']
    for n, (who, paras) in enumerate(items):
        speaker = f"speakername={quoteattr(who)}" if who else 'nospeaker="true"'
        body = "".join(f"<p>{escape(p)}</p>" for p in paras)
        parts.append(f'<speech id="uk.org.publicwhip/debate/2021-01-01a.1.{n + 1}" {speaker}>{body}</speech>')
    return ("".join(parts) + "</publicwhip>").encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=speeches, max_tokens=st.integers(24, 300))
def test_speech_xml_passages_are_slices_with_the_markups_speakers(items, max_tokens):
    [got] = SpeechXmlReader(CorpusSettings()).read(_record(items), "debate.xml", LoadReport())
    if got.hints is None:  # nobody speaks: the text is read like any other
        return
    doc = Document(SourceInfo(path="debate.xml", title="Harbours"), got.text, "h", got.hints)
    turns = got.hints.turns
    for p in Segmenter(SegmentSettings(max_tokens=max_tokens))(doc).passages:
        assert doc.text[p.start:p.end] == p.text
        owner = [t for t in turns if t.offset <= p.start][-1]  # the turn the passage starts in
        nxt = [t.offset for t in turns if t.offset > owner.offset]
        assert not nxt or p.end <= nxt[0], "a passage runs into the next speech"
        if p.speaker is not None:
            assert p.speaker == owner.speaker
