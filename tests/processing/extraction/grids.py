"""Building small Workbook objects in tests, the way the readers would produce them."""

from __future__ import annotations

from processing.workbook import Cell, CellError, Sheet, Workbook


def cell(value: object) -> Cell:
    if isinstance(value, Cell):
        return value
    if isinstance(value, str) and value.startswith("=") and len(value) > 1:
        return Cell(value=None, formula=value)  # saved by a tool that kept no cached value
    if isinstance(value, str) and value in ("#REF!", "#VALUE!", "#DIV/0!", "#N/A"):
        return Cell(value=CellError(value))
    return Cell(value=value)


def sheet(name: str, rows: list[list[object]], **kwargs) -> Sheet:
    return Sheet(name=name, index=kwargs.pop("index", 0), rows=[[cell(v) for v in row] for row in rows], **kwargs)


def workbook(*sheets: Sheet, name: str = "test.xlsx", date1904: bool = False) -> Workbook:
    for index, item in enumerate(sheets):
        item.index = index
    return Workbook(name=name, format=name.rsplit(".", 1)[-1], sha256="0" * 64, size=1, sheets=list(sheets),
                    date1904=date1904)
