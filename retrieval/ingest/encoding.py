"""Which encoding a text file's bytes are in: UTF-8 (or a byte-order mark's), else Windows-1252 when the result
reads as Western text, else what charset-normalizer finds.

charset-normalizer alone is not enough: measured on short Western texts it picks cp1250 or cp1257 for French,
decoding "café à l’église" with the wrong letters, because those code pages share cp1252's bytes for most
letters and the detector has too little text to tell them apart. So the detector is asked only when cp1252
fails or yields what Cyrillic, Greek or CJK bytes look like in cp1252: mostly accented capitals and symbols
("Ïðèâåò" for "Привет"), where Western text is mostly plain ASCII letters.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (  # longest first: a UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN = "cp1252"
WESTERN_MAX_ACCENTED = 0.3  # of letters; French runs ~4 %, mojibake of other scripts ~100 %
# Among equally plausible decodings, the code pages files are really saved in, before rarer ones (cp1125,
# mac_iceland) that decode the same bytes without complaint.
COMMON = ("cp1251", "koi8_r", "cp1253", "cp1250", "cp932", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
          "cp1255", "cp1256", "cp1254", "cp874", "cp1257", "iso8859_2", "iso8859_5", "iso8859_7")
TIE = 0.01  # chaos (charset-normalizer's mess ratio) this close to the best is a tie


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _western(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    accented = sum(1 for c in letters if not c.isascii())
    return accented / len(letters) <= WESTERN_MAX_ACCENTED


def _detected(data: bytes) -> tuple[str, str] | None:
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best + TIE]
    tied.sort(key=lambda m: COMMON.index(m.encoding) if m.encoding in COMMON else len(COMMON))
    return str(tied[0]), tied[0].encoding


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and, when it was neither UTF-8 nor announced by a byte-order mark, the name of the
    encoding it was read in (a guess worth a warning)."""
    bom = bom_encoding(data)
    if bom and bom != "utf-8-sig":
        return data.decode(bom, "replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode(WESTERN)
        if _western(text):
            return text, WESTERN
    except UnicodeDecodeError:
        pass
    found = _detected(data)
    if found is not None:
        return found
    return data.decode("latin-1"), "latin-1"  # latin-1 decodes any bytes
