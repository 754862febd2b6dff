"""Zip members that lie about their size are refused while inflating, in bounded memory."""

from __future__ import annotations

import io
import resource
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest

from processing import errors
from processing.errors import InputError
from processing.readers import ReadLimits, read_workbook
from processing.readers.inflate import inflate_member
from tests.processing.readers.builders import xlsx_bytes

MIB = 1 << 20


def lying_zip(members: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    """A zip written byte by byte: (name, payload, method, crc, compressed size, declared size)."""
    out, central = bytearray(), bytearray()
    for name, payload, method, crc, compressed, declared in members:
        offset, encoded = len(out), name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, compressed, declared, len(encoded), 0)
        out += encoded + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, compressed, declared,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    directory = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), directory, 0)
    return bytes(out)


def _deflate(content: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(content) + packer.flush()


def lying_workbook(real_sheet_size: int, declared_sheet_size: int) -> bytes:
    """A real workbook whose sheet part inflates to ``real_sheet_size`` bytes of XML but
    declares ``declared_sheet_size``."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(lambda wb: wb.active.append(["a", 1]))))
    head = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1"><v>1</v></c></row>')
    tail = b"</sheetData></worksheet>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload, crc = packer.compress(head), zlib.crc32(head)
    padding = b" " * MIB
    for _ in range((real_sheet_size - len(head) - len(tail)) // MIB):
        payload += packer.compress(padding)
        crc = zlib.crc32(padding, crc)
    payload += packer.compress(tail) + packer.flush()
    crc = zlib.crc32(tail, crc)
    members = []
    for info in source.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            members.append((info.filename, payload, 8, crc, len(payload), declared_sheet_size))
        else:
            content = source.read(info.filename)
            packed = _deflate(content)
            members.append((info.filename, packed, 8, zlib.crc32(content), len(packed), len(content)))
    return lying_zip(members)


def test_an_honest_member_inflates_and_is_checked():
    content = b"<x>" + b"payroll " * 10_000 + b"</x>"
    data = lying_zip([("a.xml", _deflate(content), 8, zlib.crc32(content), len(_deflate(content)), len(content))])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    assert inflate_member(data, info, 10 * MIB) == content


def test_a_member_inflating_past_its_declared_size_stops_there():
    content = b" " * (8 * MIB)
    packed = _deflate(content)
    data = lying_zip([("a.xml", packed, 8, zlib.crc32(content), len(packed), 50_000)])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    with pytest.raises(InputError) as caught:
        inflate_member(data, info, 100 * MIB)
    assert caught.value.code == errors.DECOMPRESSION_LIMIT


def test_the_budget_binds_even_when_the_declared_size_is_honest():
    content = b" " * (4 * MIB)
    packed = _deflate(content)
    data = lying_zip([("a.xml", packed, 8, zlib.crc32(content), len(packed), len(content))])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    with pytest.raises(InputError) as caught:
        inflate_member(data, info, MIB)
    assert caught.value.code == errors.DECOMPRESSION_LIMIT


def test_a_bad_checksum_and_a_cut_stream_are_corrupt():
    content = b"hello " * 1000
    packed = _deflate(content)
    bad_crc = lying_zip([("a.xml", packed, 8, zlib.crc32(content) ^ 1, len(packed), len(content))])
    cut = lying_zip([("a.xml", packed[:20], 8, zlib.crc32(content), 20, len(content))])
    for data in (bad_crc, cut):
        info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
        with pytest.raises(InputError) as caught:
            inflate_member(data, info, MIB)
        assert caught.value.code == errors.CORRUPT_FILE


def test_a_lying_workbook_is_refused_quickly():
    data = lying_workbook(real_sheet_size=64 * MIB, declared_sheet_size=50_000)
    with pytest.raises(InputError) as caught:
        read_workbook("week.xlsx", data, ReadLimits())
    assert caught.value.code == errors.DECOMPRESSION_LIMIT


def test_a_lying_gigabyte_workbook_is_refused_in_bounded_memory(tmp_path):
    # Through zipfile this took 14 s and 2.1 GB RSS to be refused for its CRC. Measured in a
    # child process (its own peak RSS), not in the test runner.
    path = tmp_path / "lying.xlsx"
    path.write_bytes(lying_workbook(real_sheet_size=1024 * MIB, declared_sheet_size=50_000))
    child = (
        "import sys, resource\n"
        "from processing.errors import InputError\n"
        "from processing.readers import read_workbook\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        f"    read_workbook('lying.xlsx', open({str(path)!r}, 'rb').read())\n"
        "    print('accepted')\n"
        "except InputError as error:\n"
        "    print(error.code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120, check=True)
    code, grown_kb = result.stdout.split()
    assert code == errors.DECOMPRESSION_LIMIT
    assert int(grown_kb) < 100 * 1024, f"reading grew RSS by {int(grown_kb) // 1024} MB"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 500 * 1024
