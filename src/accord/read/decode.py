"""Decode the bytes of a text file: the byte-level part of the READ stage.

:func:`decode_bytes` reads UTF-8 (BOM stripped), UTF-16/32 with a BOM or UTF-16 without one,
UTF-8 with a few invalid bytes (replaced by U+FFFD), else a confident charset-normalizer guess
(a Latin-script guess is read as CP1252); signatures of binary formats, NUL bytes and control
characters mean binary, a :class:`~accord.errors.ReadError`. :mod:`accord.read` uses it (and its
private helpers) for files, JSONL lines and standard input.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from accord.errors import ReadError

__all__ = ["decode_bytes"]

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # below " ", not \t\n\v\f\r or ESC
_MAGIC = (  # file signatures of binary formats people feed to text tools
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive: .docx, .odt, .epub or .zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode the bytes of a text file; raise :class:`ReadError` for binary or unknown bytes.

    A byte-order mark says UTF-8, UTF-16 or UTF-32; UTF-16 without one is recognised by its
    NUL bytes in every other position (mostly Latin text). UTF-8 with a few invalid sequences
    (more valid non-ASCII characters than invalid sequences) is read as UTF-8 with U+FFFD in
    their place; other bytes get charset-normalizer's guess. Known binary formats (PDF, images,
    archives, office files), NUL bytes and control characters are a :class:`ReadError`
    "binary file, not text".
    """
    return _decode(data, path)[0]


def _decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """:func:`decode_bytes`, with a warning when invalid UTF-8 sequences were replaced."""
    if not data:
        raise ReadError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), ()
            except UnicodeDecodeError as exc:
                if encoding == "utf-32-le":  # FF FE 00 00 is also UTF-16 starting with NUL
                    continue
                raise ReadError(path, f"invalid {encoding} after its byte-order mark") from exc
    kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    if kind is not None:
        raise ReadError(path, f"binary file, not text ({kind})")
    warnings: tuple[str, ...] = ()
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ReadError(path, "binary file, not text (NUL bytes)")
        text = utf16
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd") - data.count("\ufffd".encode())
            valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
            if valid > bad:
                plural = "s" * (bad > 1)
                warnings = (f"invalid UTF-8: {bad} byte sequence{plural} replaced by U+FFFD "
                            f"(the first at byte {exc.start})"),
            else:
                text = _guess_decode(data, path)
    controls = len(_CONTROLS.findall(text))
    if controls > max(1, len(text) // 100):
        raise ReadError(path, "binary file, not text (control characters)")
    return text, warnings


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: NUL high bytes in one parity of mostly Latin
    text (at least 30% of the characters), none in the other, four characters or more; else
    None."""
    if len(data) % 2 or len(data) < 8:
        return None
    even, odd, half = data[0::2].count(0), data[1::2].count(0), len(data) // 2
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.3 * half and others <= 0.01 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _guess_decode(data: bytes, path: str) -> str:
    """Decode non-UTF-8 bytes with charset-normalizer's least chaotic guess.

    Short texts do not tell the Latin code pages apart (``Hanoï`` reads as ``Hanoď`` in
    CP1250): a guess whose letters are all Latin is replaced by CP1252, the Western default.
    """
    matches = list(from_bytes(data))
    if not matches:
        raise ReadError(path, "undecodable bytes (not UTF-8, no confident encoding guess)")
    least_chaos = min(match.chaos for match in matches)
    guess = str(next(match for match in matches if match.chaos <= least_chaos))
    if all(unicodedata.name(ch, "").startswith("LATIN") for ch in guess if ch.isalpha()):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return guess


def _plain_utf8(head: bytes) -> bool:
    """Whether the first bytes of a file are text that can be read line by line: no UTF-16/32
    byte-order mark, no known binary signature, NUL and control bytes under 1% (a corrupted
    line is then that line's error; invalid UTF-8 is fine: such lines are decoded alone)."""
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff", *(m for m, _ in _MAGIC))):
        return False
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(head, final=False)
    return len(_CONTROLS.findall(text)) <= max(1, len(text) // 100)
