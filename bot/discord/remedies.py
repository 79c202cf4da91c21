"""Library errors in the bot's words: what went wrong (the error's ``problem``) and what a member can do about it
in Discord. The library words its ``Remedy`` as ``quoth`` commands, which nobody in Discord can run; here each
one becomes a Discord command or "an admin can …", translated like every other sentence the bot writes."""

from __future__ import annotations

from quoth.errors import QuothError, Remedy

from .translator import _

# Ways out of a question's mistake: said inside the sentence that names the mistake, in brackets.
QUESTION_HINTS = {
    Remedy.LIST_SPEAKERS: "type part of a name in the `speaker` option of `/ask` to see the people quoted",
    Remedy.LIST_SOURCES: "see `/sources`",
    Remedy.ASK_SOMETHING: "ask something, e.g. `/ask question: who objected to the plan?`",
}
# Ways out of an index that cannot serve or be built: a sentence of their own.
INDEX_STEPS = {
    Remedy.BUILD_INDEX: "An admin can build it with `/reindex`.",
    Remedy.REBUILD_INDEX: "An admin can rebuild it with `/reindex full:True`.",
    Remedy.FREE_SPACE_AND_REBUILD: "The disk is full where the bot runs: whoever runs it must free some space, then "
                                   "an admin can run `/reindex` again.",
}
ANY_INDEX_STEP = "An admin can run `/reindex full:True`."  # an unusable index that names no remedy


def reason(exc: QuothError) -> str:
    """What is wrong, with a question's way out in Discord's terms; an index's way out is ``next_step``'s."""
    hint = QUESTION_HINTS.get(exc.remedy)
    return f"{exc.problem} ({_(hint)})" if hint else exc.problem


def next_step(exc: QuothError, default: str | None = ANY_INDEX_STEP) -> str:
    """The sentence that says what to do about an index error in Discord ("" when there is none to say)."""
    step = INDEX_STEPS.get(exc.remedy, default)
    return _(step) if step else ""
