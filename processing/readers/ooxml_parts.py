"""The small workbook-level parts of an OOXML package: sheet list, date system, styles.

These parts are a few KB, so ElementTree is fine here; tags are matched by local name
so that prefixed XML and the "strict" OOXML namespaces read the same.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from processing.readers.number_formats import GENERAL, builtin_format
from processing.readers.package import Package, corrupt, rels_path, resolve_target

_OFFICE_DOCUMENT_SUFFIX = "/officeDocument"
_WORKSHEET_SUFFIX = "/worksheet"


@dataclass(frozen=True)
class SheetEntry:
    name: str
    index: int
    state: str  # "visible" | "hidden" | "veryHidden"
    part: str | None  # the sheet XML part; None for chart sheets and dangling ids
    is_worksheet: bool

    @property
    def hidden(self) -> bool:
        return self.state in ("hidden", "veryHidden")


@dataclass(frozen=True)
class WorkbookParts:
    workbook_part: str
    sheets: list[SheetEntry]
    date1904: bool
    # Number format code per cellXfs index (the cell's s attribute); General stays None
    # so that "has a format worth reporting" is a cheap truth test.
    style_formats: list[str | None]
    shared_strings_part: str | None
    styles_part: str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(xml: bytes, part: str) -> ET.Element:
    try:
        return ET.fromstring(xml)
    except ET.ParseError:
        raise corrupt(f"{part} is not valid XML") from None


def _attr_by_local_name(element: ET.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name and key != name:
            return value
    return None


def _relationships(package: Package, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, absolute target) for ``part``."""
    xml = package.read_optional(rels_path(part))
    if xml is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in _parse(xml, rels_path(part)):
        if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        rel_id, target = rel.get("Id"), rel.get("Target")
        if rel_id and target:
            out[rel_id] = (rel.get("Type", ""), resolve_target(part, target))
    return out


def _workbook_part(package: Package) -> str:
    for rel_type, target in _relationships(package, "").values():
        if rel_type.endswith(_OFFICE_DOCUMENT_SUFFIX) and package.has(target):
            return target
    if package.has("xl/workbook.xml"):
        return "xl/workbook.xml"
    raise corrupt("the workbook part is missing")


def read_workbook_parts(package: Package) -> WorkbookParts:
    workbook_part = _workbook_part(package)
    root = _parse(package.read(workbook_part), workbook_part)
    rels = _relationships(package, workbook_part)

    date1904 = False
    sheets: list[SheetEntry] = []
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
        elif tag == "sheet":
            rel_id = _attr_by_local_name(element, "id")
            rel_type, target = rels.get(rel_id or "", ("", ""))
            is_worksheet = rel_type.endswith(_WORKSHEET_SUFFIX)
            sheets.append(
                SheetEntry(
                    name=element.get("name", f"Sheet{len(sheets) + 1}"),
                    index=len(sheets),
                    state=element.get("state", "visible"),
                    part=target if is_worksheet and package.has(target) else None,
                    is_worksheet=is_worksheet,
                )
            )

    shared_strings_part = styles_part = None
    for rel_type, target in rels.values():
        if rel_type.endswith("/sharedStrings") and package.has(target):
            shared_strings_part = target
        elif rel_type.endswith("/styles") and package.has(target):
            styles_part = target

    style_formats = _style_formats(package, styles_part) if styles_part else []
    return WorkbookParts(workbook_part, sheets, date1904, style_formats, shared_strings_part, styles_part)


def _style_formats(package: Package, styles_part: str) -> list[str | None]:
    root = _parse(package.read(styles_part), styles_part)
    custom: dict[int, str] = {}
    formats: list[str | None] = []
    for element in root:
        tag = _local(element.tag)
        if tag == "numFmts":
            for fmt in element:
                try:
                    custom[int(fmt.get("numFmtId", ""))] = fmt.get("formatCode", "")
                except ValueError:
                    continue
        elif tag == "cellXfs":
            for xf in element:
                try:
                    format_id = int(xf.get("numFmtId", "0"))
                except ValueError:
                    format_id = 0
                code = custom.get(format_id) or builtin_format(format_id)
                formats.append(code if code and code != GENERAL else None)
    return formats
