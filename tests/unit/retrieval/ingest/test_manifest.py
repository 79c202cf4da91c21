import pytest

from quoth.errors import ManifestError, QuothError
from quoth.ingest.manifest import load_manifest
from quoth.records import Kind, LayoutHints


def test_entries_by_path_or_name_and_hints(tmp_path):
    (tmp_path / "sources.toml").write_text(
        '[[document]]\nfile = "sub/a.txt"\nkind = "blog_post"\ncomments = true\nauthor = ""\n')
    m = load_manifest(tmp_path)
    entry = m.entry_for("sub/a.txt")
    assert entry is m.entry_for("a.txt") and entry.author is None
    assert entry.hints == LayoutHints(Kind.BLOG_POST, True)
    assert m.entry_for("b.txt") is None


def test_no_manifest_is_an_empty_one(tmp_path):
    assert load_manifest(tmp_path).document == []


@pytest.mark.parametrize("text, where", [('[[document]]\nfile = "a"\nkind = "novel"\n', "document.0.kind"),
                                         ('[[document]]\nfiel = "a"\n', "document.0"),
                                         ("[[document]\n", "cannot read")])
def test_bad_manifest_names_the_problem(tmp_path, text, where):
    (tmp_path / "sources.toml").write_text(text)
    with pytest.raises(ManifestError, match=where) as exc:
        load_manifest(tmp_path)
    assert isinstance(exc.value, QuothError)


def test_a_speaker_pattern_makes_a_transcript_and_needs_a_name_group(tmp_path):
    (tmp_path / "sources.toml").write_text('[[document]]\nfile = "t.txt"\nspeaker_pattern = \'^(?P<name>\\w+) >\'\n')
    assert load_manifest(tmp_path).entry_for("t.txt").hints.kind is Kind.TRANSCRIPT
    (tmp_path / "sources.toml").write_text('[[document]]\nfile = "t.txt"\nspeaker_pattern = \'^(\\w+) >\'\n')
    with pytest.raises(ManifestError, match="group named 'name'"):
        load_manifest(tmp_path)
