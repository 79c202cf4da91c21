"""Quote verification: is a claimed quote in the corpus, word for word, and whose words are they?"""

from .align import Alignment, Edit, align
from .claims import Claim, extract_claims
from .verdict import Kind, Verdict
from .verifier import Verifier

__all__ = ["Alignment", "Claim", "Edit", "Kind", "Verdict", "Verifier", "align", "extract_claims"]
