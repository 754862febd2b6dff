"""Run the whole pipeline over every file of a folder and say, per file, how well it was read.

    .venv/bin/python bench/realfiles.py FOLDER [--json] [--names] [--timeout SECONDS] [--glob PATTERN]

For each regular file (sorted by name; hidden files skipped), in a child process of its
own so that a crash or a hang costs one row, not the run: recognized or the refusal code,
how many employees and entries were read, how many totals the file states and how many of
them the reading reproduces, and the seconds the pipeline took. Files are named by their
index only (``--names`` adds the file name, for your own folders); people are never named,
and no cell content is ever printed: real payroll files hold personal data.

Stated / reproduced come from each sheet's ``reconciliation`` ({"stated": n, "reproduced": m})
when the extraction provides it; otherwise stated counts the totals the extraction found
(per employee and per sheet) and reproduced is that minus the TOTAL_MISMATCH issues.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# Run as a script, Python puts bench/ first on sys.path, where sibling benchmarks (bench/queue.py)
# would shadow standard modules that multiprocessing imports. Import from the repo root instead.
_BENCH_DIR = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _BENCH_DIR]
sys.path.insert(0, str(_BENCH_DIR.parent))

DEFAULT_TIMEOUT = 120.0


@dataclass
class FileRow:
    index: int
    name: str | None  # only with --names
    status: str  # "recognized", a refusal code (UNRECOGNIZED_LAYOUT ...), "CRASH <type>" or "TIMEOUT"
    employees: int | None = None
    entries: int | None = None
    stated: int | None = None
    reproduced: int | None = None
    seconds: float | None = None
    reconciliation_source: str | None = None  # "sheets" (the extraction's own count) or "issues"


def reconciliation(outcome: Any) -> tuple[int, int, str]:
    """(stated, reproduced, source) for one processed file."""
    sheets = [getattr(s, "reconciliation", None) for s in outcome.extraction.sheets]
    summaries = [s.get("reconciliation") for s in outcome.result.get("sheets", []) if isinstance(s, dict)]
    counted = [r for r in (sheets if any(sheets) else summaries) if r]
    if counted:
        return (sum(int(r.get("stated", 0)) for r in counted), sum(int(r.get("reproduced", 0)) for r in counted),
                "sheets")
    stated = len(outcome.extraction.stated_totals) + sum(len(t.stated_totals) for t in outcome.extraction.timecards)
    mismatches = sum(1 for issue in outcome.result["issues"] if issue["code"] == "TOTAL_MISMATCH")
    return stated, max(stated - mismatches, 0), "issues"


def measure(path: Path) -> dict[str, Any]:
    """Process one file in this process; only counts and codes leave this function."""
    from core.operational_settings import OperationalSettings
    from processing.errors import InputError
    from processing.pipeline import process_file

    data = path.read_bytes()
    started = time.perf_counter()
    try:
        outcome = process_file(path.name, data, OperationalSettings())
    except InputError as exc:
        return {"status": exc.code, "seconds": time.perf_counter() - started}
    seconds = time.perf_counter() - started
    stated, reproduced, source = reconciliation(outcome)
    cards = outcome.result["timecards"]
    return {"status": "recognized", "employees": len(cards), "entries": sum(len(c["entries"]) for c in cards),
            "stated": stated, "reproduced": reproduced, "seconds": seconds, "reconciliation_source": source}


def _child(path: str, channel: Any) -> None:
    try:
        channel.send(measure(Path(path)))
    except Exception as exc:  # noqa: BLE001 - a pipeline bug: report its type only (messages may quote cells)
        channel.send({"status": f"CRASH {type(exc).__name__}"})
    finally:
        channel.close()


def run_one(path: Path, timeout: float) -> dict[str, Any]:
    """Measure one file in a child process; a hang past ``timeout`` seconds is stopped and reported."""
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(str(path), sender), daemon=True)
    child.start()
    sender.close()
    report: dict[str, Any] | None = None
    if receiver.poll(timeout):
        try:
            report = receiver.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            report = None
    child.join(5 if report is not None else 0)
    if child.is_alive():
        child.terminate()
        child.join()
        return report or {"status": "TIMEOUT", "seconds": timeout}
    if report is None:
        return {"status": f"CRASH exit {child.exitcode}"}
    return report


def folder_files(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("."))


def run(folder: Path, *, names: bool = False, timeout: float = DEFAULT_TIMEOUT, pattern: str = "*") -> list[FileRow]:
    # Imported once here so that every forked child starts with the pipeline loaded.
    import processing.pipeline  # noqa: F401

    rows = []
    for index, path in enumerate(folder_files(folder, pattern), start=1):
        report = run_one(path, timeout)
        if report.get("seconds") is not None:
            report["seconds"] = round(report["seconds"], 3)
        rows.append(FileRow(index=index, name=path.name if names else None, **report))
    return rows


def totals(rows: list[FileRow]) -> dict[str, Any]:
    recognized = [r for r in rows if r.status == "recognized"]
    stated = sum(r.stated or 0 for r in recognized)
    reproduced = sum(r.reproduced or 0 for r in recognized)
    full = sum(1 for r in recognized if r.stated and r.reproduced is not None and r.reproduced >= 0.95 * r.stated)
    return {"files": len(rows), "recognized": len(recognized), "stated": stated, "reproduced": reproduced,
            "reproduced_pct": round(100 * reproduced / stated, 1) if stated else None,
            "files_at_95pct": full, "seconds": round(sum(r.seconds or 0 for r in rows), 3),
            "max_seconds": max((r.seconds or 0 for r in rows), default=0)}


def table(rows: list[FileRow], summary: dict[str, Any], names: bool) -> str:
    def cell(value: Any) -> str:
        return "-" if value is None else str(value)

    headers = ["#", *(["file"] if names else []), "status", "employees", "entries", "stated", "reproduced", "%",
               "seconds"]
    body = []
    for r in rows:
        pct = f"{100 * r.reproduced / r.stated:.0f}" if r.stated and r.reproduced is not None else None
        body.append([str(r.index), *([r.name or ""] if names else []), r.status, cell(r.employees), cell(r.entries),
                     cell(r.stated), cell(r.reproduced), cell(pct), cell(r.seconds)])
    widths = [max(len(h), *(len(line[i]) for line in body)) if body else len(h) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)) for line in body]
    pct = "-" if summary["reproduced_pct"] is None else f"{summary['reproduced_pct']}%"
    lines.append(f"{summary['recognized']}/{summary['files']} recognized; {summary['reproduced']}/{summary['stated']} "
                 f"stated totals reproduced ({pct}); {summary['files_at_95pct']} files at >= 95 %; "
                 f"{summary['seconds']} s in all, slowest {summary['max_seconds']} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object: files and totals")
    parser.add_argument("--names", action="store_true", help="also print file names (never people's names)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per file before it is stopped")
    parser.add_argument("--glob", default="*", help="only the files matching this pattern (e.g. '*.xls*')")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error FOLDER_NOT_FOUND: no folder at {args.folder}", file=sys.stderr)
        return 2
    rows = run(args.folder, names=args.names, timeout=args.timeout, pattern=args.glob)
    summary = totals(rows)
    if args.json:
        files = [{k: v for k, v in asdict(r).items() if k != "name" or args.names} for r in rows]
        print(json.dumps({"files": files, "totals": summary}))
    else:
        print(table(rows, summary, args.names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
