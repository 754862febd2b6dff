"""One file through every stage: read -> extract (detect + extract) -> validate -> result.

The worker, the CLI and tests all call ``process_file``. Stage implementations are
parameters so tests can inject fakes; the defaults are imported only when needed, which
keeps this module importable on its own and the CLI's start-up small.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from core.operational_settings import OperationalSettings
from processing.errors import InputError
from processing.model import Extraction, Issue
from processing.result import build_result, build_stored_result
from processing.workbook import Workbook

if TYPE_CHECKING:
    from processing.llm.bedrock import LlmExtractor

# (stage, progress percent reported once the stage is over)
STAGES: tuple[tuple[str, int], ...] = (("read", 20), ("extract", 60), ("validate", 85), ("done", 100))
_PROGRESS = dict(STAGES)

StageCallback = Callable[[str, int], None]
Reader = Callable[[str, bytes, OperationalSettings], Workbook]
Extractor = Callable[[Workbook, OperationalSettings, "dict | None"], Extraction]


class ComplianceReport(Protocol):
    issues: list[Issue]
    findings: list[dict[str, Any]]
    decision: str


Evaluator = Callable[[Extraction, OperationalSettings], ComplianceReport]


@dataclass(frozen=True)
class WorkbookSummary:
    name: str
    format: str
    sha256: str
    size: int
    sheets: tuple[dict[str, Any], ...]  # {"name", "rows", "columns", "hidden"} per sheet

    @classmethod
    def of(cls, workbook: Workbook) -> WorkbookSummary:
        sheets = tuple({"name": s.name, "rows": s.n_rows, "columns": s.n_columns, "hidden": s.hidden}
                       for s in workbook.sheets)
        return cls(workbook.name, workbook.format, workbook.sha256, workbook.size, sheets)


@dataclass
class ProcessOutcome:
    result: dict[str, Any]  # the contract dict, as `process --json` prints it
    extraction: Extraction
    workbook: WorkbookSummary
    report: ComplianceReport
    stage_ms: dict[str, float] = field(default_factory=dict)  # per-stage processing history

    @property
    def decision(self) -> str:
        return self.result["decision"]

    @property
    def stored_result(self) -> dict[str, Any]:
        """The result plus full sheet schemas, markdown and history: what a stored job keeps."""
        return build_stored_result(self.result, self.extraction, self.stage_ms)


class _StageClock:
    """Times each stage and reports progress once it is over."""

    def __init__(self, on_stage: StageCallback | None):
        self._on_stage = on_stage
        self.ms: dict[str, float] = {}
        self._started = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.ms[name] = round((now - self._started) * 1000, 1)
        self._started = now

    def report(self, stage: str) -> None:
        if self._on_stage is not None:
            self._on_stage(stage, _PROGRESS[stage])
            # The callback (a progress write, for a worker) is not processing time.
            self._started = time.perf_counter()

    def finish(self, stage: str) -> None:
        self.lap(stage)
        self.report(stage)


def process_file(name: str, data: bytes, settings: OperationalSettings, *,
                 on_stage: StageCallback | None = None, mappings: dict | None = None,
                 llm: LlmExtractor | None = None, reader: Reader | None = None,
                 extractor: Extractor | None = None, evaluator: Evaluator | None = None) -> ProcessOutcome:
    """Process one uploaded file. Raises ``processing.errors.InputError`` when it cannot be read.

    ``llm`` (an ``LlmExtractor``) is used only when ``settings.llm_extraction_enabled``;
    when enabled and not given, the process-wide Bedrock extractor is used.
    """
    read, extract, evaluate = reader or default_reader, extractor or default_extractor, evaluator or default_evaluator
    clock = _StageClock(on_stage)

    workbook = read(name, data, settings)
    clock.finish("read")

    try:
        extraction = extract(workbook, settings, mappings)
    except InputError as exc:
        # The rules could not read the file: with the LLM extractor enabled it is the reader of last resort
        # (its timecards always go to a person); without it, the file is refused as before.
        if not settings.llm_extraction_enabled or exc.code not in LLM_FALLBACK_CODES:
            raise
        extraction = describe_unread_workbook(workbook, mappings)
    clock.lap("extract")
    extra_issues: list[Issue] = []
    if settings.llm_extraction_enabled:
        extraction, extra_issues = run_llm_cross_check(extraction, settings, llm)
        clock.lap("llm_cross_check")  # timed on its own, counted as extraction in progress
    clock.report("extract")

    report = evaluate(extraction, settings)
    clock.finish("validate")

    result = build_result(workbook, extraction, report, extra_issues)
    clock.finish("done")
    return ProcessOutcome(result=result, extraction=extraction, workbook=WorkbookSummary.of(workbook),
                          report=report, stage_ms=clock.ms)


LLM_FALLBACK_CODES = frozenset({"UNRECOGNIZED_LAYOUT", "NO_DATA"})


def describe_unread_workbook(workbook: Workbook, mappings: dict | None) -> Extraction:
    from processing.extraction import describe_unread

    return describe_unread(workbook, mappings)


def run_llm_cross_check(extraction: Extraction, settings: OperationalSettings,
                        llm: LlmExtractor | None) -> tuple[Extraction, list[Issue]]:
    from processing.llm import LlmUnavailable, cross_check
    from processing.llm import default_extractor as default_llm

    if llm is None:
        try:
            llm = default_llm(settings)
        except Exception as exc:  # noqa: BLE001 - boto3 missing or misconfigured: the job still completes
            llm = _Unavailable(f"the AI extractor could not be set up ({type(exc).__name__})", LlmUnavailable)
    checked = cross_check(extraction, llm)
    return checked.extraction, checked.issues


class _Unavailable:
    def __init__(self, reason: str, error: type[Exception]):
        self._reason, self._error = reason, error

    def extract_timecards(self, markdown: dict[str, str]) -> list:
        raise self._error(self._reason)


def default_reader(name: str, data: bytes, settings: OperationalSettings) -> Workbook:
    from processing.readers import ReadLimits, read_workbook

    return read_workbook(name, data, ReadLimits.from_settings(settings))


def default_extractor(workbook: Workbook, settings: OperationalSettings, mappings: dict | None) -> Extraction:
    from processing.extraction import extract

    return extract(workbook, settings, mappings=mappings)


def default_evaluator(extraction: Extraction, settings: OperationalSettings) -> ComplianceReport:
    from processing.compliance import evaluate

    return evaluate(extraction, settings)


__all__ = ["STAGES", "ProcessOutcome", "WorkbookSummary", "process_file"]
