"""Bytes -> text: binary detection and encoding detection."""

from __future__ import annotations

import codecs

from dateline.errors import BINARY_INPUT, EMPTY_INPUT, UNDECODABLE_INPUT

# Only the start of a document is inspected for NUL bytes and control characters.
SNIFF_BYTES = 8192
# Text has few control characters; more than this share of the sniffed bytes means binary.
MAX_CONTROL_SHARE = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
# Up to this many NUL bytes in the sniffed head are stray ones in a text (a broken export),
# dropped; more, without a byte-order mark, is a binary file or a wide encoding.
MAX_STRAY_NULS = 8
# Encodings whose text is full of NUL bytes (ASCII letters in two or four bytes each).
_WIDE_ENCODINGS = frozenset(
    {"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}
)


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode the bytes that are not UTF-8 as Windows-1252 (the usual culprit in mixed files)."""
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bytes(bad).decode("cp1252", errors="replace"), err.end


codecs.register_error("dateline-cp1252", _cp1252_fallback)


class DecodeFailure(Exception):
    """Raised with one of the catalogue messages from dateline.errors."""


def is_binary(head: bytes) -> bool:
    sample = head[:SNIFF_BYTES]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: BOM, then strict UTF-8, then the declared charset, then detection.

    Files mixing UTF-8 with Windows-1252 / Latin-1 bytes (a common result of concatenating
    sources) decode the UTF-8 parts as UTF-8 and the rest as Windows-1252.
    """
    if not data.strip():
        raise DecodeFailure(EMPTY_INPUT)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                break
    if is_binary(data):
        text = _sniffed_text(data, declared)
        if text is None:
            raise DecodeFailure(BINARY_INPUT)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codecs.lookup(declared)
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(data)


def _sniffed_text(data: bytes, declared: str | None) -> str | None:
    """The text of ``data`` that looks binary at first sight (NUL bytes) but is text: UTF-16
    or UTF-32 without a byte-order mark (as charset-normalizer recognises it), or text with
    a few stray NUL bytes (dropped). None for a binary file."""
    sample = data[:SNIFF_BYTES]
    nuls = sample.count(0)
    if 0 < nuls <= MAX_STRAY_NULS:
        rest = data.replace(b"\x00", b"")
        return None if is_binary(rest) else decode_bytes(rest, declared)
    from charset_normalizer import from_bytes

    best = from_bytes(sample[: len(sample) - len(sample) % 4]).best()
    encoding = best.encoding if best is not None else None
    if encoding not in _WIDE_ENCODINGS:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    head = text[:SNIFF_BYTES]
    controls = sum(1 for c in head if ord(c) in _CONTROL)
    return text if head and controls / len(head) <= MAX_CONTROL_SHARE else None


def _looks_like_some_utf8(data: bytes) -> bool:
    """Whether ``data`` holds valid multi-byte UTF-8 sequences (is at least partly UTF-8)."""
    text = data.decode("utf-8", errors="ignore")
    return any(ord(c) > 0x7F for c in text)


# Below this share of non-ASCII bytes, a non-UTF-8 text is read as Windows-1252: English news
# with a few accented names ("São Tomé", "Müller") is far likelier Western European than
# anything else, and statistical detection is unreliable on so few distinctive bytes.
WESTERN_MAX_NON_ASCII = 0.10
# Bytes that Windows-1252 leaves undefined; text containing them is not Windows-1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _detect(data: bytes) -> str:
    if _looks_like_some_utf8(data):
        return data.decode("utf-8", errors="dateline-cp1252")
    non_ascii = sum(1 for b in data if b > 0x7F)
    if non_ascii <= WESTERN_MAX_NON_ASCII * len(data) and not _CP1252_UNDEFINED & set(data):
        return data.decode("cp1252")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeFailure(UNDECODABLE_INPUT)
    encoding = best.encoding
    if encoding in {"ascii", "latin_1", "iso8859_15", "cp1252", "windows_1252"}:
        # Windows-1252 is a superset of Latin-1 for printable text (curly quotes, dashes).
        encoding = "cp1252"
    try:
        return data.decode(encoding, errors="replace" if encoding == "cp1252" else "strict")
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeFailure(UNDECODABLE_INPUT) from exc
