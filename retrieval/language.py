"""The languages Quoth reads: for each, the Snowball stemmer and the stop words its BM25 uses, and which one a
corpus is written in when the settings say ``language = "auto"``.

Detection counts stop words: the share of a sample's words that are each language's stop words picks the
language. It only needs to choose among the languages Quoth can stem, and a whole corpus gives it thousands
of words, where a general detector (langdetect, fastText's lid.176 — a model download) would add a dependency
to tell apart a hundred languages that would all get the same treatment here. Scripts that need no stop
words to recognise (Chinese, Japanese, Korean, Greek, Arabic…) are told by their characters first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from bm25s import stopwords as bm25s_stopwords

AUTO = "auto"
NONE = "none"  # no stemming, no stop words: code, identifiers, mixed corpora


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as the settings spell it
    name: str  # English name, for messages
    stemmer: str | None  # PyStemmer's algorithm; None: words are matched as written
    stopwords: frozenset[str] = field(default=frozenset(), repr=False)
    # Stop words that only recognise the language (a longer list than BM25 drops); empty: ``stopwords``.
    markers: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def detectable(self) -> bool:
        return bool(self.markers or self.stopwords)


def _words(name: str) -> frozenset[str]:
    return frozenset(getattr(bm25s_stopwords, name))


# English keeps bm25s's short list for BM25 (SciFact was tuned with it) and recognises text by the long one.
_WITH_STOPWORDS = [
    Language("en", "English", "english", _words("STOPWORDS_EN"), _words("STOPWORDS_EN_PLUS")),
    Language("fr", "French", "french", _words("STOPWORDS_FRENCH")),
    Language("de", "German", "german", _words("STOPWORDS_GERMAN")),
    Language("es", "Spanish", "spanish", _words("STOPWORDS_SPANISH")),
    Language("it", "Italian", "italian", _words("STOPWORDS_ITALIAN")),
    Language("pt", "Portuguese", "portuguese", _words("STOPWORDS_PORTUGUESE")),
    Language("nl", "Dutch", "dutch", _words("STOPWORDS_DUTCH")),
    Language("sv", "Swedish", "swedish", _words("STOPWORDS_SWEDISH")),
    Language("no", "Norwegian", "norwegian", _words("STOPWORDS_NORWEGIAN")),
    Language("da", "Danish", "danish", _words("STOPWORDS_DANISH")),
    Language("ru", "Russian", "russian", _words("STOPWORDS_RUSSIAN")),
    Language("tr", "Turkish", "turkish", _words("STOPWORDS_TURKISH")),
]
# Stemmed, but without a stop-word list (BM25's idf already discounts their commonest words).
_STEM_ONLY = {
    "ar": ("Arabic", "arabic"), "ca": ("Catalan", "catalan"), "cs": ("Czech", "czech"),
    "el": ("Greek", "greek"), "et": ("Estonian", "estonian"), "eu": ("Basque", "basque"),
    "fi": ("Finnish", "finnish"), "ga": ("Irish", "irish"), "hi": ("Hindi", "hindi"),
    "hu": ("Hungarian", "hungarian"), "hy": ("Armenian", "armenian"), "id": ("Indonesian", "indonesian"),
    "lt": ("Lithuanian", "lithuanian"), "ne": ("Nepali", "nepali"), "pl": ("Polish", "polish"),
    "ro": ("Romanian", "romanian"), "sr": ("Serbian", "serbian"), "ta": ("Tamil", "tamil"),
    "yi": ("Yiddish", "yiddish"), "fa": ("Persian", "persian"), "eo": ("Esperanto", "esperanto"),
}
# Written without spaces between words: BM25 reads them as overlapping character pairs (bm25.py).
_UNSTEMMED = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean", NONE: "no language"}

LANGUAGES: dict[str, Language] = {
    **{lang.code: lang for lang in _WITH_STOPWORDS},
    **{code: Language(code, name, algo) for code, (name, algo) in _STEM_ONLY.items()},
    **{code: Language(code, name, None) for code, name in _UNSTEMMED.items()},
}
DEFAULT = "en"
CHOICES = (AUTO, *LANGUAGES)

SAMPLE_WORDS = 200_000  # enough to tell any two languages apart; reading more would only cost time
WORDS_PER_DOCUMENT = 2_000  # so that one long document does not decide for a corpus of many
MIN_WORDS = 20  # fewer words than this say nothing: the default stands
MIN_SHARE = 0.08  # running text is 20-50 % stop words; less than this is no known language's prose
_WORD = re.compile(r"(?u)\b\w+\b")


@cache
def get(code: str) -> Language:
    """The language for a settings value; ``ValueError`` naming the choices for an unknown one."""
    lang = LANGUAGES.get(code.strip().lower())
    if lang is None:
        raise ValueError(f"unknown language {code!r}: use \"auto\" or one of {', '.join(sorted(LANGUAGES))}")
    return lang


def _script(text: str) -> str | None:
    """The language a script alone names (kana: Japanese, hangul: Korean, else Han: Chinese; Greek, Arabic,
    Armenian…), when most of the letters are in it."""
    counts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        for script, code in (("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"), ("CJK", "zh"),
                             ("GREEK", "el"), ("ARABIC", "ar"), ("ARMENIAN", "hy"), ("DEVANAGARI", "hi"),
                             ("TAMIL", "ta")):
            if name.startswith(script):
                counts[code] += 1
                break
    if not letters:
        return None
    if counts["ja"] and counts["ja"] + counts["zh"] > letters / 3:  # Japanese mixes kana with Han
        return "ja"
    code, n = counts.most_common(1)[0] if counts else (None, 0)
    return code if n > letters / 3 else None


def detect(texts: Iterable[str]) -> str | None:
    """The language most of ``texts`` is written in, or None when they are too short or in no language Quoth
    knows by its stop words."""
    sample: list[str] = []
    chars: list[str] = []
    for text in texts:
        chars.append(text[:WORDS_PER_DOCUMENT * 6])
        sample.extend(w.lower() for w in _WORD.findall(text[:WORDS_PER_DOCUMENT * 12])[:WORDS_PER_DOCUMENT])
        if len(sample) >= SAMPLE_WORDS:
            break
    script = _script("".join(chars)[:SAMPLE_WORDS])
    if script:
        return script
    if len(sample) < MIN_WORDS:
        return None
    counts = Counter(sample)
    shares = {lang.code: sum(n for w, n in counts.items() if w in (lang.markers or lang.stopwords)) / len(sample)
              for lang in LANGUAGES.values() if lang.detectable}
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= MIN_SHARE else None


def resolve(setting: str, texts: Iterable[str]) -> tuple[Language, bool]:
    """The language a corpus is indexed in, and whether it was detected: the setting itself, or for "auto" the
    detected language (English when nothing can be told)."""
    if setting.strip().lower() != AUTO:
        return get(setting), False
    return get(detect(texts) or DEFAULT), True
