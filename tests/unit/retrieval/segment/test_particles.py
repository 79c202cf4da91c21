"""Name particles (``van``, ``ibn``, ``del``): one list (segment/speech.py) for every reader of names."""

from quoth.records import LayoutHints
from quoth.segment.attribution.names import NAME_RE
from quoth.segment.page import Page
from quoth.segment.threads.labels import LabelledTurns
from quoth.segment.threads.labels.quotes import author
from quoth.segment.threads.labels.shapes import Family


def test_the_fiction_sieve_reads_every_particle_inside_a_name():
    """It knew ``van`` and ``del`` but not ``ibn``, ``di`` or ``al``, which the label readers knew: ``Omar``."""
    for name in ("Omar ibn Said", "Vincent van Gogh", "Paolo di Canio", "Ahmed al Rashid", "Guillermo del Toro"):
        assert NAME_RE.search(f"{name} came in.").group() == name


def test_speaker_labels_and_mail_attributions_read_the_same_particles():
    text = ("Guillermo del Toro: We shot the whole film at night.\nOmar ibn Said: And the sound?\n"
            "Guillermo del Toro: Recorded on set, every word.\nOmar ibn Said: Thank you for coming.\n")
    thread = LabelledTurns(Family.SPEECH).find(Page.of(text), LayoutHints())
    assert thread is not None
    assert [u.speaker for u in thread.units] == ["Guillermo del Toro", "Omar ibn Said"] * 2
    assert author("On Mon, Jan 1, 2024, Guillermo del Toro <g@example.org> wrote:") == "Guillermo del Toro"
