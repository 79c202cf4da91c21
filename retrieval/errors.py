"""Everything Quoth raises on bad input or state derives from ``QuothError``; its message says what to do.

Front ends catch ``QuothError`` alone and print the message. Anything else escaping the library is a bug.

An error whose way out is a command carries it as data: ``problem`` (what is wrong) and ``remedy`` (a
``Remedy``). Its message words the remedy as the ``quoth`` command line does; a front end with other commands
(the Discord bot) words ``problem`` and ``remedy`` itself, so that nobody is told to run what they cannot.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class Remedy(StrEnum):
    """What the user can do about an error, for each front end to word in its own commands."""

    BUILD_INDEX = "build the index"
    REBUILD_INDEX = "rebuild the index from scratch"
    FREE_SPACE_AND_REBUILD = "free disk space, then build the index again"
    LIST_SPEAKERS = "list the speakers"
    LIST_SOURCES = "list the sources"
    ASK_SOMETHING = "ask a question"


# The remedies in the words of the ``quoth`` command line, each with the punctuation that joins it to the problem.
SHELL_WORDS = {
    Remedy.BUILD_INDEX: ": run `quoth index`",
    Remedy.REBUILD_INDEX: ": run `quoth index --full` to rebuild the index",
    Remedy.FREE_SPACE_AND_REBUILD: ". Free some space and run `quoth index` again.",
    Remedy.LIST_SPEAKERS: " (see `quoth speakers`)",
    Remedy.LIST_SOURCES: " (see `quoth sources`)",
    Remedy.ASK_SOMETHING: ': ask something, e.g. quoth ask "who objected to the plan?"',
}


class QuothError(Exception):
    """A problem the user can fix: bad config, missing folder, unusable index, unknown model…"""

    def __init__(self, problem: str = "", remedy: Remedy | None = None) -> None:
        super().__init__(problem + SHELL_WORDS[remedy] if remedy is not None else problem)
        self.problem = problem
        self.remedy = remedy


class ConfigError(QuothError):
    """The config cannot be used; the message names the file, the key and the problem."""


class CorpusError(QuothError):
    """The corpus folder itself cannot be used (missing, not a folder)."""


class ManifestError(QuothError):
    """The manifest exists but cannot be used; the message names the file and the problem."""


class IndexUnusable(QuothError):
    """The index cannot be used or built as it is; the message says what to run."""


class IndexDamaged(IndexUnusable):
    """A file of the index cannot be read as it should; the message names it and says how to repair it."""

    def __init__(self, path, reason: str | BaseException) -> None:
        if isinstance(reason, BaseException):  # the first line of what the reader raised, and its type
            text = str(reason).splitlines()[0][:160] if str(reason) else ""
            reason = f"{type(reason).__name__}: {text}" if text else type(reason).__name__
        super().__init__(f"the index file {path} is damaged ({reason})", Remedy.REBUILD_INDEX)
        self.path = path


class IndexUnavailable(IndexUnusable):
    """The index server cannot be reached (or refuses Quoth) right now; it may come back by itself."""


class IndexMissing(IndexUnusable):
    """No complete index exists yet in the folder."""


class ModelMismatch(IndexUnusable):
    """The index was built with another model than the one configured."""


class BadQuery(QuothError):
    """A question or its options that cannot be searched as given (empty, k out of range, an unknown source or
    speaker); the message says what was wrong and, for names, the closest ones that exist (also as data, in
    ``suggestions``, for a front end that offers them apart from the message)."""

    def __init__(self, problem: str = "", remedy: Remedy | None = None, suggestions: Sequence[str] = ()) -> None:
        super().__init__(problem, remedy)
        self.suggestions = list(suggestions)


class ModelUnavailable(QuothError):
    """The configured model cannot be found or loaded."""


class EvalError(QuothError):
    """The dataset or question file cannot be used; the message says why."""
