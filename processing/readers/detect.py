"""Which reader a file needs, decided from its bytes; the file name is only a hint.

People rename files (an HTML export saved as .xls, an xlsx mailed as .csv), so the
extension can never be trusted to pick a parser.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from xlrd.compdoc import CompDoc

from processing.errors import (
    CORRUPT_FILE,
    EMPTY_FILE,
    ENCRYPTED_FILE,
    UNSUPPORTED_FORMAT,
    InputError,
)
from processing.readers.inflate import inflate_member

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names in an OLE2 directory are UTF-16LE; an encrypted xlsx is an OLE2 container
# holding these two streams instead of a Workbook stream.
_ENCRYPTED_OOXML_STREAMS = (
    "EncryptedPackage".encode("utf-16-le"),
    "EncryptionInfo".encode("utf-16-le"),
)

# [Content_Types].xml and an ODS mimetype are a few hundred bytes; no more is ever inflated.
_SMALL_PART_BYTES = 1024 * 1024
# General-purpose bit 0 of a zip entry: the member is encrypted (ZipCrypto or AES).
_ZIP_ENCRYPTED_FLAG = 0x1

XLSM_CONTENT_TYPE = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_SAVE_AS_HINT = "Open it in Excel and save it as .xlsx (Excel Workbook) or .csv, then upload that."

# Markup that spreadsheet tools export under .xls names; they are text but not CSV.
_MARKUP_PREFIXES = (
    b"<?xml",
    b"<html",
    b"<!doctype html",
    b"<table",
    b"<head",
    b"<body",
    b"<workbook",
)


def extension_hint(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def detect_format(name: str, data: bytes) -> str:
    """Return "xlsx", "xlsm", "xls" or "csv", or raise InputError."""
    if not data:
        raise InputError(
            EMPTY_FILE,
            "The file is empty (0 bytes). Upload the saved spreadsheet again.",
        )
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return _detect_zip_format(data)
    if data.startswith(OLE2_MAGIC):
        return _detect_ole2_format(data)
    if data.startswith(b"PK"):
        raise InputError(
            CORRUPT_FILE,
            "The file looks like a damaged Excel workbook. " + _SAVE_AS_HINT,
        )
    return _detect_text_format(name, data)


def _detect_zip_format(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if any(info.flag_bits & _ZIP_ENCRYPTED_FLAG for info in archive.infolist()):
            # zipfile refuses to read such members with a RuntimeError; Excel never writes
            # them, but a zip tool's "encrypt" option does: the password is the problem.
            raise _encrypted()
        names = set(archive.namelist())
        content_types = (
            inflate_member(data, archive.getinfo("[Content_Types].xml"), _SMALL_PART_BYTES)
            if "[Content_Types].xml" in names and archive.getinfo("[Content_Types].xml").file_size < _SMALL_PART_BYTES
            else b""
        )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        RuntimeError,  # zipfile's "password required" for a member flagged encrypted
    ):
        raise InputError(
            CORRUPT_FILE,
            "The file is damaged or incomplete (the workbook archive cannot be opened). "
            "Save it again from Excel and upload the new copy.",
        ) from None
    if "xl/workbook.xml" in names or b"spreadsheetml.sheet.main" in content_types or XLSM_CONTENT_TYPE in content_types:
        if XLSM_CONTENT_TYPE in content_types or "xl/vbaProject.bin" in names:
            return "xlsm"
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise InputError(
            UNSUPPORTED_FORMAT,
            "Binary Excel workbooks (.xlsb) are not supported. " + _SAVE_AS_HINT,
        )
    if "mimetype" in names and b"opendocument.spreadsheet" in _read_small(data, archive, "mimetype"):
        raise InputError(
            UNSUPPORTED_FORMAT,
            "OpenDocument spreadsheets (.ods) are not supported. " + _SAVE_AS_HINT,
        )
    raise InputError(
        UNSUPPORTED_FORMAT,
        "The file is a zip archive but not an Excel workbook. Upload an .xlsx, .xlsm, .xls or .csv file.",
    )


def _read_small(data: bytes, archive: zipfile.ZipFile, member: str) -> bytes:
    try:
        return inflate_member(data, archive.getinfo(member), _SMALL_PART_BYTES)[:200]
    except InputError:
        return b""


def _detect_ole2_format(data: bytes) -> str:
    stream_names = _ole2_stream_names(data)
    if stream_names is None:
        # The container itself is unreadable (typically a truncated upload). Its stream
        # names may still be visible in the bytes, which is enough to name the problem.
        if any(stream in data for stream in _ENCRYPTED_OOXML_STREAMS):
            raise _encrypted()
        raise InputError(
            CORRUPT_FILE,
            "The file is damaged or incomplete (the Office container cannot be read). "
            "Save it again from Excel and upload the new copy.",
        )
    if {"EncryptedPackage", "EncryptionInfo"} & stream_names:
        raise _encrypted()
    if {"Workbook", "Book"} & stream_names:
        return "xls"
    raise InputError(
        UNSUPPORTED_FORMAT,
        "The file is an Office document but not an Excel workbook. Upload an .xlsx, .xlsm, .xls or .csv file.",
    )


def _ole2_stream_names(data: bytes) -> set[str] | None:
    try:
        container = CompDoc(data, logfile=io.StringIO())
        return {entry.name for entry in container.dirlist}
    except Exception:  # noqa: BLE001 - any failure to parse the container means "damaged"
        return None


def _encrypted() -> InputError:
    return InputError(
        ENCRYPTED_FILE,
        "The workbook is password-protected. Remove the password in Excel "
        "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and upload again.",
    )


def _detect_text_format(name: str, data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_MARKUP_PREFIXES):
        kind = "an XML or HTML page" if extension_hint(name) != "xls" else "a web page saved with an .xls name"
        raise InputError(
            UNSUPPORTED_FORMAT,
            f"The file is {kind}, not a spreadsheet. " + _SAVE_AS_HINT,
        )
    # Whether the text really is text (encoding, NUL bytes) is the CSV reader's call: it
    # has to decode it anyway and reports UNSUPPORTED_FORMAT for binary content.
    return "csv"
