"""Inflating one zip member with the output counted while it is produced.

Python's zipfile trusts the member's headers in a way an attacker can use: once the
compressed input is used up it calls ``decompressor.flush()``, which inflates everything
left in one go, however large, before truncating it to the declared size. A 1 MB member
declaring 50 KB but inflating to 1 GB took 14 s and 2.1 GB of memory just to be refused
for a bad CRC. Here the output is produced in bounded chunks and the inflation stops as
soon as it passes what the member declared or what the caller allows.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from processing.errors import CORRUPT_FILE, DECOMPRESSION_LIMIT, InputError

_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_LOCAL_SIGNATURE = 0x04034B50
_CHUNK = 1 << 20  # output produced per step: the most held beyond the budget at any time


class MemberTooLarge(InputError):
    """The member inflates past its declared size or the caller's budget."""

    def __init__(self, message: str):
        super().__init__(DECOMPRESSION_LIMIT, message)


def _damaged(detail: str) -> InputError:
    return InputError(
        CORRUPT_FILE,
        "The file is damaged or incomplete (the workbook archive cannot be read). "
        f"Save it again from Excel and upload the new copy. ({detail})",
    )


def _payload(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The member's compressed bytes, located from its local header."""
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise _damaged("a part is cut off")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _LOCAL_SIGNATURE:
        raise _damaged("a part header is missing")
    name_length, extra_length = fields[9], fields[10]
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    # The central directory's compressed size may lie too: never read past the file.
    return memoryview(data)[begin : min(len(data), begin + info.compress_size)]


def inflate_member(data: bytes, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The member's bytes, CRC-checked; never more than its declared size is built, and
    a declared size over ``budget`` is refused before inflating.

    Raises MemberTooLarge (DECOMPRESSION_LIMIT) when the content is larger than declared
    or the declared size than ``budget``, and CORRUPT_FILE for anything damaged.
    """
    if info.file_size > max(budget, 0):
        raise _too_large(max(budget, 0))
    payload = _payload(data, info)
    if info.compress_type == zipfile.ZIP_STORED:
        if len(payload) < info.file_size:
            raise _damaged("a part is cut off")
        content = bytes(payload[: info.file_size])
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        content = _inflate(payload, info.file_size)
    else:
        # Excel and every spreadsheet writer use deflate or no compression.
        raise _damaged("a part uses an unsupported compression method")
    if zlib.crc32(content) != info.CRC:
        raise _damaged("a part fails its checksum")
    return content


def _inflate(payload: memoryview, declared: int) -> bytes:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pieces: list[bytes] = []
    produced = 0
    pending: bytes | memoryview = payload
    try:
        while not inflater.eof:
            # max_length bounds each step's output; the rest of the input waits in
            # unconsumed_tail. One byte more than allowed is enough to know it is too much.
            piece = inflater.decompress(pending, min(_CHUNK, declared - produced + 1))
            pending = inflater.unconsumed_tail
            produced += len(piece)
            if produced > declared:
                raise MemberTooLarge(
                    "A part of the workbook unpacks to more than its header declares, which only "
                    "damaged or crafted files do. Save the workbook again from Excel and upload that copy."
                )
            pieces.append(piece)
            if not piece and not pending:
                break  # input used up before the end of the stream
    except zlib.error:
        raise _damaged("a part cannot be unpacked") from None
    if not inflater.eof or produced != declared:
        raise _damaged("a part is cut off")
    return b"".join(pieces)


def _too_large(budget: int) -> MemberTooLarge:
    return MemberTooLarge(
        f"The workbook unpacks to more than the {budget / (1 << 20):.0f} MB limit. Remove unused "
        "sheets, images or empty formatted ranges, or split the workbook."
    )
