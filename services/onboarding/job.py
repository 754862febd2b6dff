"""The ``onboarding`` job: read the uploaded file, detect its model, validate every row and
write the valid ones under the submit policy, reporting progress as it goes.

Outcome: REVIEW when the policy is all_or_nothing and the file was held back (nothing was
created), else COMPLETED. A stopped or failed job deletes what it created (record ids follow
from the job id and row, so a retry writes the same ids and never duplicates).
"""

from __future__ import annotations

from processing.errors import InputError
from processing.onboarding.detect import DetectionError
from processing.onboarding.parse import parse_file
from processing.onboarding.registry import UnknownModel
from processing.onboarding.validation import validate_rows
from processing.readers import ReadLimits
from services.jobs import JobContext, JobOutcome
from services.onboarding.submit import ALL_OR_NOTHING, submit, undo_submission
from store.job_states import COMPLETED, REVIEW

VALIDATED_AT = 15
STORE_FROM, STORE_TO = 20, 95
REPORT_EVERY = 5  # percent: each report is a stored job event


def run_onboarding_job(ctx: JobContext) -> JobOutcome:
    ctx.report("read", 5)
    data = ctx.load_file()
    try:
        parsed = parse_file(ctx.file_name or "upload.csv", data, model=ctx.metadata.get("model"),
                            limits=ReadLimits.from_settings(ctx.settings))
    except DetectionError as exc:
        raise InputError(exc.code, exc.message) from None
    except UnknownModel as exc:
        raise InputError("UNKNOWN_MODEL", str(exc)) from None
    spec = parsed.detection.model
    outcomes = validate_rows(spec, parsed.rows)
    ctx.report("validate", VALIDATED_AT)
    policy = ctx.metadata.get("submit_policy") or ctx.settings.onboarding_submit_policy
    ctx.on_rollback(lambda: undo_submission(spec, outcomes, origin_prefix=ctx.job_id))
    summary = submit(spec, outcomes, policy=policy, origin_prefix=ctx.job_id, on_progress=_store_progress(ctx))
    result = summary.to_dict()
    result.update(kind="onboarding", policy=policy, detected_by=parsed.detection.reason,
                  file={"name": ctx.file_name, "sha256": parsed.sha256, "format": parsed.format},
                  issues=row_issues(result["errors"]))
    held = summary.held_back and policy == ALL_OR_NOTHING
    message = (f"{spec.name}: {result['rows']} row(s), {result['created']} created, {result['invalid']} invalid"
               + ("; held back for review (all_or_nothing)" if held else ""))
    return JobOutcome(status=REVIEW if held else COMPLETED, result=result, message=message)


def row_issues(errors: list[dict]) -> list[dict]:
    """The row errors as the job's issues (result contract shape), so every reader of a job's
    issues (GraphQL ``Job.issues``, ``jobs show``) sees why rows were not created. Each keeps
    its row and field; the message names them, since an issue has no row or field of its own."""
    return [{"code": error["code"], "severity": "error", "employee": None, "date": None, "rule_id": None,
             "row": error["row"], "field": error["field"],
             "message": f"row {error['row']}" + (f", {error['field']}" if error["field"] else "")
                        + f": {error['message']}"}
            for error in errors]


def _store_progress(ctx: JobContext):
    last = {"percent": STORE_FROM}
    ctx_report = ctx.report

    def on_progress(done: int, total: int) -> None:
        percent = STORE_FROM + (STORE_TO - STORE_FROM) * done // max(total, 1)
        if percent - last["percent"] >= REPORT_EVERY or done == total:
            last["percent"] = percent
            ctx_report("store", percent)

    ctx_report("store", STORE_FROM)
    return on_progress


__all__ = ["row_issues", "run_onboarding_job"]
