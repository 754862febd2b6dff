"""Reader throughput against the raw libraries underneath, on timecard-shaped files.

    .venv/bin/python bench/read.py

Generates, in a temp dir, a 100k-row punch-export CSV and a 50k-row xlsx (openpyxl
write_only), then times, median of 3 runs in this one process:
  * read_workbook on the CSV  vs  pyarrow.csv.read_csv on the same bytes;
  * read_workbook on the xlsx vs  python_calamine raw to_python() on the same bytes.
Also times a few refusals (error paths), which must stay well under a second, and the
hostile shapes the readers used to die on (far-apart cells, a lying zip), each with the
peak RSS of a child process that reads only that file.
Prints only counts and timings, never cell contents.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

# Run as a script, Python puts bench/ first on sys.path, where sibling benchmarks (e.g.
# bench/queue.py) would shadow standard modules that pyarrow imports. Import from the repo
# root instead.
_BENCH_DIR = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _BENCH_DIR]
sys.path.insert(0, str(_BENCH_DIR.parent))

import openpyxl  # noqa: E402 - after the sys.path fix above
import pyarrow.csv  # noqa: E402
import python_calamine  # noqa: E402

from processing.errors import InputError  # noqa: E402
from processing.isolation import ChildLimits, ChildReport, run_isolated  # noqa: E402
from processing.readers import ReadLimits, read_workbook  # noqa: E402
from tests.processing.readers.builders import lying_workbook, single_sheet_xlsx  # noqa: E402

CSV_ROWS = 100_000
XLSX_ROWS = 50_000
RUNS = 3
HEADER = ["id", "name", "date", "in", "out", "break", "rate"]


def punch_rows(n: int, seed: int = 7):
    rnd = random.Random(seed)
    start = dt.date(2026, 1, 5)
    for i in range(n):
        person = i % 700
        day = start + dt.timedelta(days=(i // 700) % 28)
        clock_in = dt.time(rnd.randrange(5, 11), rnd.randrange(60))
        clock_out = dt.time(rnd.randrange(13, 23), rnd.randrange(60))
        yield [
            f"E{person:04d}",
            f"Employee {person}",
            day,
            clock_in,
            clock_out,
            rnd.choice((0, 30, 45, 60)),
            round(15 + rnd.random() * 25, 2),
        ]


def write_csv(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in punch_rows(CSV_ROWS):
            writer.writerow(
                [
                    row[0],
                    row[1],
                    row[2].strftime("%m/%d/%Y"),
                    row[3].strftime("%H:%M"),
                    row[4].strftime("%H:%M"),
                    row[5],
                    f"{row[6]:.2f}",
                ]
            )


def write_xlsx(path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Punches")
    sheet.append(HEADER)
    for row in punch_rows(XLSX_ROWS):
        sheet.append(row)
    workbook.save(path)


def median_seconds(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bomb_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(bytes(1 << 20))
    return out.getvalue()


def refusal_seconds(name: str, data: bytes, limits: ReadLimits | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        read_workbook(name, data, limits)
    except InputError as error:
        return time.perf_counter() - started, error.code
    return time.perf_counter() - started, "(accepted)"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="punchline-bench-") as folder:
        csv_path, xlsx_path = (
            Path(folder) / "punches.csv",
            Path(folder) / "punches.xlsx",
        )
        started = time.perf_counter()
        write_csv(csv_path)
        write_xlsx(xlsx_path)
        print(
            f"generated fixtures in {time.perf_counter() - started:.1f}s "
            f"(csv {csv_path.stat().st_size / 1e6:.1f} MB, xlsx {xlsx_path.stat().st_size / 1e6:.1f} MB)"
        )
        csv_data, xlsx_data = csv_path.read_bytes(), xlsx_path.read_bytes()

    csv_rows = CSV_ROWS + 1
    xlsx_rows = XLSX_ROWS + 1
    assert read_workbook("punches.csv", csv_data).sheets[0].n_rows == csv_rows
    assert read_workbook("punches.xlsx", xlsx_data).sheets[0].n_rows == xlsx_rows

    def calamine_raw() -> list:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(xlsx_data))
        return workbook.get_sheet_by_index(0).to_python()

    measurements = [
        (
            "csv 100k",
            "read_workbook",
            median_seconds(lambda: read_workbook("punches.csv", csv_data)),
            "pyarrow.csv.read_csv",
            median_seconds(lambda: pyarrow.csv.read_csv(io.BytesIO(csv_data))),
            csv_rows,
        ),
        (
            "xlsx 50k",
            "read_workbook",
            median_seconds(lambda: read_workbook("punches.xlsx", xlsx_data)),
            "calamine to_python",
            median_seconds(calamine_raw),
            xlsx_rows,
        ),
    ]
    print(f"\nthroughput, median of {RUNS} runs")
    print(
        f"{'file':10} {'ours s':>8} {'ours rows/s':>12} {'baseline':>22} {'base s':>8} {'base rows/s':>12} {'ours/base':>9}"
    )
    for label, _ours, ours_s, baseline, base_s, rows in measurements:
        ours_rate, base_rate = rows / ours_s, rows / base_s
        print(
            f"{label:10} {ours_s:8.3f} {ours_rate:12,.0f} {baseline:>22} {base_s:8.3f} {base_rate:12,.0f} "
            f"{ours_rate / base_rate:9.2f}"
        )

    half = xlsx_data[: len(xlsx_data) // 2]
    junk = bytes((i * 37 + 11) % 256 for i in range(1 << 20))
    refusals = [
        ("empty file", "a.xlsx", b"", None),
        ("over max_bytes (16 MB cap)", "a.csv", b"x" * (17 << 20), None),
        ("binary junk named .csv", "a.csv", junk, None),
        ("truncated 50k xlsx", "a.xlsx", half, None),
        ("zip bomb, 300 MB zeros", "a.xlsx", bomb_bytes(), None),
        ("50k xlsx, max_rows=1000", "a.xlsx", xlsx_data, ReadLimits(max_rows=1000)),
        ("100k csv, max_rows=1000", "a.csv", csv_data, ReadLimits(max_rows=1000)),
    ]
    print("\nrefusals (single run)")
    for label, name, data, limits in refusals:
        seconds, code = refusal_seconds(name, data, limits)
        print(f"{label:28} {code:20} {seconds * 1000:8.1f} ms")

    far = single_sheet_xlsx(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="200000"><c r="ALL200000"><v>2</v></c></row>',
        head='<dimension ref="A1:XFD200000"/>',
    )
    hostile = [
        ("far cells A1 + ALL200000", "far.xlsx", far),
        ("50k xlsx + one cell at ALL199000", "stray.xlsx", with_stray_cell(xlsx_data)),
        ("lying zip: 50 KB said, 1 GB real", "lying.xlsx", lying_workbook(1024 << 20, 50_000)),
    ]
    print("\nhostile shapes, each read in its own child process (single run)")
    print(f"{'file':34} {'outcome':20} {'seconds':>8} {'peak RSS':>10}")
    for label, name, data in hostile:
        report: list[ChildReport] = []
        started = time.perf_counter()
        try:
            outcome = f"{run_isolated(count_cells, name, data, limits=ChildLimits(), report=report):,} cells"
        except InputError as error:
            outcome = error.code
        seconds = time.perf_counter() - started
        rss = f"{report[0].peak_rss_kb / 1024:,.0f} MB" if report and report[0].peak_rss_kb else "?"
        print(f"{label:34} {outcome:20} {seconds:8.2f} {rss:>10}")


def count_cells(name: str, data: bytes) -> int:
    """Read in the child; only a count comes back (no cell contents cross the pipe)."""
    return sum(len(row) for sheet in read_workbook(name, data).sheets for row in sheet.rows)


def with_stray_cell(data: bytes) -> bytes:
    """The same workbook with one value typed far to the right and below the table."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(
                    b"</sheetData>", b'<row r="199000"><c r="ALL199000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
                )
            target.writestr(info.filename, content)
    return out.getvalue()


if __name__ == "__main__":
    main()
