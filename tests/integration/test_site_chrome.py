"""Site chrome learnt across a folder of one site's pages, through the library as a user runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import quoth

SITES = Path(__file__).resolve().parents[1] / "data" / "sites"
CHROME = ("Skip to content", "Growing together", "Kestrel Valley Allotments\n", "Menu", "Search for:",
          "Recent Posts", "Archives", "Proudly powered", "©", "Waiting list")


def passages(folder: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for doc, seg in quoth.Quoth.open(corpus=folder).passages():
        assert all(doc.text[p.start:p.end] == p.text for p in seg.passages)
        out[doc.path] = [seg, *seg.passages]
    return out


def test_a_sites_chrome_is_left_out_and_its_people_stay():
    got = passages(SITES / "allotments")
    for path, (seg, *ps) in got.items():
        assert seg.chrome_lines >= 8, path
        leaks = [c for c in CHROME for p in ps if c in p.text + "\n"]
        assert leaks == [], path
        assert not seg.source.title.startswith("Kestrel"), path
    who = {p.text[:20]: (p.speaker, p.role) for _, *ps in got.values() for p in ps}
    assert who["The three old compos"] == ("Ingrid Solberg", "narration")
    assert who["Several plot holders"] == ("Tobias Wren", "narration")
    assert who["At last! My onions w"] == ("Dora Finch", "comment")
    assert who["Seconded, Tobias, an"] == ("Dora Finch", "comment")
    assert who["Agreed, Dora. The pi"] == ("Ingrid Solberg", "comment")


def test_a_hosts_recurring_lines_never_take_her_name_off_her_words():
    got = passages(SITES / "podcast")
    said = {p.text[:20]: p.speaker for _, *ps in got.values() for p in ps}
    assert said["My guest is coxswain"] == "Mara Quill"
    assert said["Today, the ornitholo"] == "Mara Quill"
    assert said["They follow the food"] == "Pilar Segura"
    assert said["Water got into the j"] == "Femi Adebayo"
    assert said["A torn net tells you"] == "Ines Carvalho"


def test_what_is_learnt_re_segments_only_the_documents_it_touches(tmp_path):
    corpus = shutil.copytree(SITES / "allotments", tmp_path / "site")
    q = quoth.Quoth.open(corpus=corpus, data_dir=tmp_path / "data")
    first = q.index()
    assert (first.added, first.documents) == (4, 4)
    assert not [h for h in q.search("Recent Posts Archives Search for", k=5) if "Archives" in h.text]
    assert q.index().unchanged == 4
    (corpus / "compost-bays.txt").unlink()
    (corpus / "hedge-cutting.txt").unlink()
    # Two pages are too few to learn from: the chrome the other two hold is theirs again, so both are redone.
    after = q.index()
    assert (after.removed, after.changed, after.unchanged) == (2, 2, 0)
    assert any("Archives" in h.text for h in q.search("Recent Posts Archives Search for", k=5))
