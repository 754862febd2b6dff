"""Zip members that lie about their size are refused while inflating, in bounded memory."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
import zlib

import pytest

from processing import errors
from processing.errors import InputError
from processing.readers import ReadLimits, read_workbook
from processing.readers.inflate import inflate_member
from tests.processing.readers.builders import deflate, lying_workbook, lying_zip

MIB = 1 << 20


def test_an_honest_member_inflates_and_is_checked():
    content = b"<x>" + b"payroll " * 10_000 + b"</x>"
    data = lying_zip([("a.xml", deflate(content), 8, zlib.crc32(content), len(deflate(content)), len(content))])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    assert inflate_member(data, info, 10 * MIB) == content


def test_a_member_inflating_past_its_declared_size_stops_there():
    content = b" " * (8 * MIB)
    packed = deflate(content)
    data = lying_zip([("a.xml", packed, 8, zlib.crc32(content), len(packed), 50_000)])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    with pytest.raises(InputError) as caught:
        inflate_member(data, info, 100 * MIB)
    assert caught.value.code == errors.DECOMPRESSION_LIMIT


def test_the_budget_binds_even_when_the_declared_size_is_honest():
    content = b" " * (4 * MIB)
    packed = deflate(content)
    data = lying_zip([("a.xml", packed, 8, zlib.crc32(content), len(packed), len(content))])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    with pytest.raises(InputError) as caught:
        inflate_member(data, info, MIB)
    assert caught.value.code == errors.DECOMPRESSION_LIMIT


def test_a_bad_checksum_and_a_cut_stream_are_corrupt():
    content = b"hello " * 1000
    packed = deflate(content)
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
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(error.code, peak - before, peak)\n"
    )
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120, check=True)
    code, grown_kb, peak_kb = result.stdout.split()
    assert code == errors.DECOMPRESSION_LIMIT
    # What the reading itself costs: the child's peak over its own start (its baseline after the imports
    # varies with the machine and the environment the suite runs in, so it is not the measure).
    assert int(grown_kb) < 100 * 1024, f"reading grew RSS by {int(grown_kb) // 1024} MB (peak {int(peak_kb) // 1024} MB)"
