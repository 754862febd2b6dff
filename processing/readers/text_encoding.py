"""Recognising UTF-16 text from its first bytes, with or without a byte-order mark.

Excel's "Unicode Text" export and many Windows tools write UTF-16: every ASCII character is
followed (little-endian) or preceded (big-endian) by a NUL byte. NUL bytes are otherwise the
mark of a binary file, so both the upload's format sniff and the CSV reader ask here first.
Cheap and import-free: the upload path calls it before anything is parsed.
"""

from __future__ import annotations

_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SAMPLE_BYTES = 4096
# Share of the high (or low) bytes that must be NUL for BOM-less text to count as UTF-16.
# Western text in UTF-16 has ~100% there; random binary has ~0.4%.
_NUL_SHARE = 0.9


def utf16_encoding(head: bytes) -> str | None:
    """"utf-16-le", "utf-16-be" or None, from the first bytes of a file."""
    for bom, encoding in _BOMS:
        if head.startswith(bom) and not head.startswith(b"\xff\xfe\x00\x00"):  # not UTF-32-LE
            return encoding
    sample = head[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < 8:
        return None
    low, high = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((high, low, "utf-16-le"), (low, high, "utf-16-be")):
        if zeros.count(0) >= _NUL_SHARE * len(zeros) and other.count(0) == 0:
            return encoding
    return None


__all__ = ["utf16_encoding"]
