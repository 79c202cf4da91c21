"""Who said it, with evidence: a document's cast, quotations and their tags, and the sieve that decides."""

from .cast import Cast, Character
from .evidence import NOBODY, PRECISION, Decision
from .prose import ProseReader

__all__ = ["NOBODY", "PRECISION", "Cast", "Character", "Decision", "ProseReader"]
