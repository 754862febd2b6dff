"""What an upload is, decided from its bytes before anything is stored: the format (by magic
bytes, the name only as a hint) and the job kind. Cheap: no parsing of the workbook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from processing.errors import EMPTY_FILE, FILE_TOO_LARGE, INVALID_KIND, UNSUPPORTED_FORMAT, InputError

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SPREADSHEET_EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv"}
KINDS = ("timecard", "onboarding")
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Intake:
    format: str  # xlsx | xlsm | xls | csv
    kind: str  # timecard | onboarding


def sniff_format(name: str, head: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if head.startswith(ZIP_MAGIC):
        return "xlsm" if suffix == ".xlsm" else "xlsx"
    if head.startswith(OLE2_MAGIC):
        return "xls"
    from processing.readers.text_encoding import utf16_encoding  # import-free: the sniff stays cheap

    # NUL bytes mean binary, except in UTF-16 text (Excel's "Unicode Text" CSV export),
    # which the CSV reader decodes.
    if b"\x00" in head[:4096] and utf16_encoding(head) is None:
        raise InputError(UNSUPPORTED_FORMAT, "the file is binary but not an Excel workbook; upload xlsx, xlsm, xls or csv")
    if suffix and suffix not in SPREADSHEET_EXTENSIONS:
        raise InputError(UNSUPPORTED_FORMAT, f"'{suffix}' files are not supported; upload xlsx, xlsm, xls or csv")
    return "csv"


def detect_kind(data: bytes, file_format: str, requested: str | None = None) -> str:
    """Onboarding CSVs (customers, projects, HR tables) go to the onboarding job; everything
    else is a timecard file. ``requested`` (from the caller) wins when given."""
    if requested:
        if requested not in KINDS:
            raise InputError(INVALID_KIND, f"kind must be one of {', '.join(KINDS)}, or left out to detect it")
        return requested
    if file_format == "csv":
        from processing.onboarding.detect import looks_like_onboarding

        if looks_like_onboarding(data):
            return "onboarding"
    return "timecard"


def file_too_large(max_bytes: int) -> InputError:
    """The one wording of the size refusal, for every way a file comes in."""
    return InputError(FILE_TOO_LARGE, f"the file is larger than the {max_bytes // MEGABYTE} MB limit; "
                                      "split it or raise upload_size_limit_mb")


def inspect_upload(name: str, data: bytes, *, max_bytes: int, kind: str | None = None) -> Intake:
    if not data:
        raise InputError(EMPTY_FILE, "the file is empty; upload the spreadsheet itself")
    if len(data) > max_bytes:
        raise file_too_large(max_bytes)
    file_format = sniff_format(name, data[:8192])
    return Intake(format=file_format, kind=detect_kind(data, file_format, kind))


__all__ = ["Intake", "KINDS", "MEGABYTE", "detect_kind", "file_too_large", "inspect_upload", "sniff_format"]
