import json

from quoth.records import Hit, Passage, Role, SourceInfo


def test_who_said_it_is_worded_in_one_place():
    assert Role.QUOTE.label("Ann") == "Ann (quoted)"
    assert Role.COMMENT.label("Bo") == "Bo (comment)"
    assert Role.REPLY.label("Bo", "Ann") == "Bo, replying to Ann"
    assert Role.REPLY.label("Bo") == "Bo (comment)"
    assert Role.NARRATION.label(None) == "Unknown speaker"
    assert Role.POST.search_label("Ann") == "Post by Ann" and Role.BODY.search_label(None) == ""


def test_one_json_shape_for_passages_and_hits():
    src = SourceInfo("a.txt", "Title", author="Ann")
    p = Passage("a.txt", 3, 8, "words", "Bo", Role.REPLY, "Reply by Bo\nwords", reply_to="Ann", id=7)
    hit = Hit(p, src, 0.5, best_sentence=(0, 5))
    got = json.loads(json.dumps(hit.to_json()))
    assert got == {**json.loads(json.dumps(p.to_json(src))), "score": 0.5, "best_sentence": [0, 5]}
    assert got["label"] == "Bo, replying to Ann" and got["role"] == "reply" and got["passage_id"] == 7
    assert got["source"] == {"title": "Title", "path": "a.txt", "url": None, "site": None, "date": None,
                             "author": "Ann", "kind": None}
    assert (hit.text, hit.speaker, hit.start, hit.end, hit.role) == ("words", "Bo", 3, 8, Role.REPLY)
