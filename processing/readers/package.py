"""Opening an OOXML (xlsx/xlsm) zip package safely.

The archive is attacker-controlled: its central directory may promise small members that
inflate to gigabytes, and python-calamine (Rust) aborts the whole process, rather than
raising, when an allocation fails. So before any parser sees the package:

* the declared uncompressed sizes are summed and compared with the limit, and members
  with an implausible compression ratio are refused (DECOMPRESSION_LIMIT);
* each part we need is inflated by inflate.py, which counts the output while inflating
  and stops at the declared size or the budget (Python's zipfile does not: it can
  inflate a lying member whole before truncating it), and verifies the CRC;
* calamine then reads a re-packed copy holding only those verified parts, STORED (not
  compressed), so nothing it inflates can exceed what we already checked. Re-packing a
  17 MB sheet costs a memcpy and a CRC, and STORED members are faster for calamine to read.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from processing.errors import CORRUPT_FILE, DECOMPRESSION_LIMIT, ENCRYPTED_FILE, InputError
from processing.readers.inflate import inflate_member
from processing.readers.limits import MIB, ReadLimits

# Deflate tops out near 1032:1 (runs of one byte). Real sheet XML compresses 5-50:1;
# anything past this on a sizeable member is a bomb, whatever the total says.
MAX_COMPRESSION_RATIO = 200
_RATIO_CHECK_MIN_BYTES = 1 * MIB

_CORRUPT_MESSAGE = (
    "The file is damaged or incomplete (the workbook archive cannot be read). "
    "Save it again from Excel and upload the new copy."
)


def corrupt(detail: str = "") -> InputError:
    return InputError(
        CORRUPT_FILE,
        _CORRUPT_MESSAGE if not detail else f"{_CORRUPT_MESSAGE} ({detail})",
    )


@dataclass
class Package:
    """A size-checked zip; parts are inflated (bounded, CRC-checked) at most once.

    Inflation is counted as it happens (inflate.py), against each part's declared size and
    against ``budget``, the bytes all parts together may unpack to.
    """

    data: bytes
    archive: zipfile.ZipFile
    names: frozenset[str]
    budget: int
    _parts: dict[str, bytes] = field(default_factory=dict)
    _inflated: int = 0

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        if name not in self._parts:
            try:
                info = self.archive.getinfo(name)
            except KeyError:
                raise corrupt(f"part {name} is missing") from None
            content = inflate_member(self.data, info, self.budget - self._inflated)
            self._inflated += len(content)
            self._parts[name] = content
        return self._parts[name]

    def read_optional(self, name: str) -> bytes | None:
        return self.read(name) if self.has(name) else None

    def stored_copy(self, names: list[str], rewrite: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
        """A new zip with only ``names`` (already verified by ``read``), uncompressed;
        ``rewrite`` maps a part name to a function applied to its bytes on the way."""
        out = io.BytesIO()
        rewrite = rewrite or {}
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as copy:
            for name in names:
                if self.has(name):
                    content = self.read(name)
                    copy.writestr(name, rewrite[name](content) if name in rewrite else content)
        return out.getvalue()


def open_package(data: bytes, limits: ReadLimits) -> Package:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise corrupt() from None
    declared_total = 0
    for info in infos:
        declared_total += info.file_size
        if info.flag_bits & 0x1:
            raise InputError(
                ENCRYPTED_FILE,
                "A part of the workbook is encrypted with a zip password. Remove the password "
                "(or open the file in Excel and save it again), then upload the new copy.",
            )
        if info.file_size >= _RATIO_CHECK_MIN_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise InputError(
                DECOMPRESSION_LIMIT,
                f"A part of the workbook expands {info.file_size // max(info.compress_size, 1)} times when "
                "unpacked, which real spreadsheets never do. Re-save the file from Excel; if it still "
                "fails, copy the data into a new workbook.",
            )
    if declared_total > limits.max_uncompressed_bytes:
        raise InputError(
            DECOMPRESSION_LIMIT,
            f"The workbook unpacks to {declared_total / MIB:.0f} MB; the limit is "
            f"{limits.max_uncompressed_bytes / MIB:.0f} MB. Remove unused sheets, images or empty "
            "formatted ranges, or split the workbook.",
        )
    return Package(data, archive, frozenset(info.filename for info in infos), limits.max_uncompressed_bytes)


def resolve_target(base_part: str, target: str) -> str:
    """A relationship target made absolute within the package (no leading slash)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def rels_path(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")
