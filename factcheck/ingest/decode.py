"""Bytes → str for the text formats: BOMs, UTF-8, legacy Western encodings, binary detection.

Order: a byte-order mark decides (UTF-8/16/32); then anything that looks binary is
refused; then strict UTF-8; then charset-normalizer guesses. When its guess is a
Latin-script encoding, Windows-1252 (or Latin-1) is preferred unless it reads
worse: charset-normalizer often names a Baltic or Central European code page for
short French or English text that is really Windows-1252.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from factcheck.errors import InputFileError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
)

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_SAMPLE = 64 * 1024
_TYPOGRAPHIC = frozenset("“”‘’‚„–—…«»‹›€£¥¢°·•™®©§¶×±½¼¾\xa0\u202f\u2009")
_WESTERN = ("cp1252", "latin-1")


def magic_kind(head: bytes) -> str | None:
    """The kind of binary file `head` starts like ("PNG image"), or None."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    return None


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when `data` starts with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def binary_reason(data: bytes) -> str | None:
    """Why `data` (without a BOM) is not text, or None when it may be text."""
    kind = magic_kind(data)
    if kind:
        return f"binary file ({kind}), not text"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "binary file (NUL bytes), not text"
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    if sample and controls > max(8, len(sample) // 20):
        return "binary file (control characters), not text"
    return None


def _odd(text: str) -> int:
    """Non-ASCII characters that are neither letters nor common typography."""
    return sum(
        1
        for ch in text
        if ord(ch) > 127 and ch not in _TYPOGRAPHIC and not unicodedata.category(ch).startswith("L")
    )


def _latin_script(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin * 2 >= len(letters)


def _western_text(data: bytes, western: str) -> bool:
    """Mostly ASCII with a few Latin letters and nothing odd: a Western European text.

    A short Windows-1252 text ("café Région") can look like another script to a
    statistical guess; a real Cyrillic, Greek or Arabic text is mostly non-ASCII.
    """
    ascii_share = sum(1 for b in data if b < 128) / max(1, len(data))
    return ascii_share >= 0.8 and _odd(western) == 0 and _latin_script(western)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    """Decode legacy (non-UTF) text, or None when no encoding fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guessed = _strict(data, best.encoding) if best is not None else None
    western = next((t for t in (_strict(data, e) for e in _WESTERN) if t is not None), None)
    if guessed is None or western is None:
        text = guessed if western is None else western
    elif not _latin_script(guessed) and not _western_text(data, western):
        text = guessed
    else:
        text = western if _odd(western) <= _odd(guessed) else guessed
    if text is None or _odd(text) * 10 > len(text):
        return None
    return text


def _stray(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", "replace")


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """UTF-8 text with a few invalid bytes (a pasted Windows-1252 character): those
    bytes read as Windows-1252, the rest stays UTF-8. None when the file holds more
    invalid bytes than valid non-ASCII characters (it is then legacy text)."""
    text = data.decode("utf-8", "surrogateescape")
    stray = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 127) - stray
    if valid < max(stray, 1):
        return None
    return re.sub("[\udc80-\udcff]", _stray, text)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a text file's bytes; raise InputFileError for binary or undecodable data."""
    bom = bom_encoding(data)
    if bom:
        encoding, skip = bom
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputFileError(
                path, f"invalid {encoding.upper()} text at byte {exc.start + skip}"
            ) from None
    reason = binary_reason(data)
    if reason:
        raise InputFileError(path, reason)
    text = _strict(data, "utf-8")
    if text is None:
        text = _utf8_with_stray_bytes(data)
    if text is None:
        text = _guess(data)
    if text is None:
        raise InputFileError(path, "cannot decode text: not UTF-8 and no known encoding fits")
    return text
