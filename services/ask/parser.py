"""The deterministic parser: a question in words -> a ``QueryPlan``, or a refusal.

It recognises pieces (an entity, a measure, groupings, a threshold, an order, filters, a
period) by patterns, and marks the words each piece used. A question with a word left
over that is neither recognised nor in ``FILLER`` is refused, naming the word: a parser
that skipped "not" or "average" would answer a different question, and a wrong answer is
worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import ValidationError

from services.ask.dates import DateNotUnderstood, resolve_period
from services.ask.guardrails import Refusal
from services.ask.plan import Filters, Having, PlanRejected, QueryPlan, validate_plan
from store import job_states


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that carry no meaning of their own in these questions.
FILLER = _word_set("""
a an the of in on at for to by from with and or is are was were be been being do does did done have has had
what what's whats which who whom whose how many much me us our we i you your show list tell give get find
see display there any all total totals sum amount number count overall so far please it its this that these
those they them their than as up went go going got over during per each every across recorded logged stored
altogether combined together between since until till through within inside about some put ever yet still
kindly can could would will shall should let let's need want like know
""")

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "twenty": 20}
_NUMBER = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"

# Capitalised words that start a sentence or name a date, never a person.
NOT_NAMES = _word_set("""
who whom how what which when where total top show list give tell find is are was were did does do hours hour
pay overtime january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday q1 q2 q3 q4 i
the in for by of on last this next since between from and please files file jobs reviews hires departments
""")
# Two to four capitalised words; an apostrophe inside a name only before a capital (O'Brien, not Smith's).
NAME = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z]?[a-z]+|'[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+|'[A-Z][a-z]+)?){1,3})")


class _Text:
    """The lower-cased question and which of its characters a piece has used."""

    def __init__(self, question: str):
        self.original = re.sub(r"\s+", " ", question.strip())
        self.lower = self.original.lower()
        self.used = [False] * len(self.lower)

    def take(self, pattern: str) -> re.Match | None:
        """Find ``pattern`` in words not used yet; mark it used."""
        for match in re.finditer(pattern, self.lower):
            if not any(self.used[match.start():match.end()]):
                self.mark(match.span())
                return match
        return None

    def has(self, pattern: str) -> bool:
        return re.search(pattern, self.lower) is not None

    def mark(self, span: tuple[int, int]) -> None:
        for i in range(*span):
            self.used[i] = True

    def leftovers(self) -> list[str]:
        words = []
        for match in re.finditer(r"[a-z0-9$'][a-z0-9$'.:@-]*", self.lower):
            if any(self.used[match.start():match.end()]):
                continue
            word = match.group(0).strip(".'")
            if word.endswith("'s"):
                word = word[:-2]
            if word and word not in FILLER:
                words.append(word)
        return words


@dataclass
class _Pieces:
    entity: str | None = None
    measure: str | None = None
    groups: list[str] = field(default_factory=list)
    report: str | None = None
    filters: dict = field(default_factory=dict)
    having: Having | None = None
    order: str = "group"
    limit: int | None = None
    wants_single: bool = False  # "who worked the most": one row unless a number is given


def _number(word: str) -> int:
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


GROUP_ORDER = ("employee", "department", "job", "reviewer", "decision", "status", "kind", "quarter", "month",
               "week", "day")
_BY = r"\b(?:by|per|for\s+each|for\s+every|in\s+each|each|every|broken\s+down\s+by|grouped\s+by|split\s+by)\s+"
GROUP_PATTERNS = {
    "employee": _BY + r"(?:employee|person|worker|people|name)s?\b",
    "week": _BY + r"(?:work)?weeks?\b|\bweekly\b|\bweek\s+by\s+week\b",
    "month": _BY + r"months?\b|\bmonthly\b|\bmonth\s+by\s+month\b",
    "day": _BY + r"(?:day|date)s?\b|\bdaily\b|\bday\s+by\s+day\b",
    "quarter": _BY + r"quarters?\b|\bquarterly\b",
    "department": _BY + r"departments?\b",
    "job": _BY + r"(?:job(?:\s+title)?|title|position)s?\b",
    "reviewer": _BY + r"reviewers?\b",
    "decision": _BY + r"decisions?\b|\bapproved\s+(?:vs\.?|versus)\s+rejected\b",
    "status": _BY + r"status(?:es)?\b",
    "kind": _BY + r"(?:kind|type)s?\b",
}

JOB_STATUS_PATTERNS = {
    job_states.REVIEW: r"\bflagged\b|\b(?:waiting|awaiting|waiting\s+for|pending|needing|needs?|in|for|to|under|held\s+for)"
              r"\s+(?:a\s+)?(?:human\s+)?review\b|\breview\s+queue\b|\bto\s+be\s+reviewed\b",
    job_states.PENDING: r"\bpending\b|\bqueued\b|\bin\s+the\s+queue\b|\bwaiting\s+to\s+be\s+processed\b|\bnot\s+started\b",
    job_states.PROCESSING: r"\b(?:processing|running|in\s+progress|being\s+processed)\b",
    job_states.FAILED: r"\bfail(?:ed|ing|ures?)?\b|\berrored\b",
    job_states.COMPLETED: r"\b(?:completed|complete|finished|succeeded|successful|auto-approved|done)\b",
    job_states.CANCELLED: r"\bcancell?ed\b",
}

UNSUPPORTED = (
    (r"\bstates?\b|\bcalifornia\b|\btexas\b|\bnew\s+york\b", "timecard entries are stored without the work state, "
     "so questions by state cannot be answered yet"),
    (r"\bcustomers?\b|\bprojects?\b|\bclients?\b", "ask does not answer questions about customers or projects yet: "
     "use the customers and projects queries"),
    (r"\baverage\b|\bmean\b|\bmedian\b", "ask sums and counts; it does not compute averages (except the HR report "
     "of departments hiring above the mean)"),
    (r"\bsettings?\b|\bthresholds?\b|\bminimum\s+wage\b", "ask answers about records, not settings: use the "
     "settings query"),
)


def parse(question: str, today: dt.date, *, week_start: str = "monday") -> QueryPlan | Refusal:
    text = _Text(question)
    if not text.lower.strip(" ?.!"):
        return Refusal("EMPTY", "ask a question about hours, pay, overtime, files, reviews or hires")
    try:
        resolved = resolve_period(text.lower, today, week_start)
    except DateNotUnderstood as exc:
        return Refusal("BAD_PERIOD", str(exc))
    period = None
    if resolved is not None:
        period, span = resolved
        text.mark(span)

    threshold = _threshold(text)
    pieces = _Pieces()
    _report_or_entity(text, pieces)
    if pieces.entity is None:
        for pattern, reason in UNSUPPORTED:
            if text.has(pattern):
                return Refusal("UNSUPPORTED", reason)
        return Refusal("UNSUPPORTED", "ask answers questions about hours, pay and overtime, uploaded files, "
                                      "review decisions and hires; this question is about none of them")
    for pattern, reason in UNSUPPORTED:
        if text.has(pattern) and not (pieces.report == "departments_above_mean" and "mean" in pattern):
            return Refusal("UNSUPPORTED", reason)

    _order_and_limit(text, pieces)
    {"timecard_entries": _entries, "jobs": _jobs, "reviews": _reviews, "hires": _hires,
     "hr_report": lambda t, p: None}[pieces.entity](text, pieces)
    for grouping, pattern in GROUP_PATTERNS.items():
        while text.take(pattern):
            if grouping not in pieces.groups:
                pieces.groups.append(grouping)
    refusal = _having(threshold, pieces)
    if refusal:
        return refusal
    left = text.leftovers()
    if left:
        return Refusal("UNSUPPORTED", f"I do not know how to use {', '.join(repr(w) for w in left[:3])} in this "
                                      "question; try one of the examples")
    if pieces.wants_single and pieces.limit is None:
        pieces.limit = 1
    if pieces.order != "group" and not pieces.groups and pieces.entity != "hr_report":
        pieces.order = "group"  # "the most hours in total" is one number: nothing to order
        pieces.limit = None
    groups = sorted(pieces.groups, key=GROUP_ORDER.index)
    try:
        plan = QueryPlan(entity=pieces.entity, measure=pieces.measure or "count", period=period,
                         filters=Filters(**pieces.filters), group_by=groups, having=pieces.having,
                         order=pieces.order, limit=pieces.limit, report=pieces.report)
        return validate_plan(plan)
    except PlanRejected as exc:
        return Refusal("UNSUPPORTED", exc.reason)
    except ValidationError as exc:
        return Refusal("UNSUPPORTED", "the question does not make a valid plan: "
                       + "; ".join(err["msg"] for err in exc.errors()[:2]))


# ------------------------------------------------------------------ entity


HIRE_WORDS = r"\b(?:new\s+)?hire[sd]?\b|\bhiring\b|\bnew\s+employees\b|\bonboarded\s+employees\b"
REVIEW_WORDS = r"\breview\s+decisions?\b|\bdecisions?\b|\breviewers?\b|\bapprov(?:e|ed|als?)\b|\breject(?:ed|ions?)?\b"
ENTRY_WORDS = r"\bover\s*time\b|\bhours?\b|\bpa(?:y|id)\b|\bwages?\b|\bearn(?:ed|ings|s)?\b|\bpayroll\b|" \
              r"\bworked\b|\bwork\b|\bshifts?\b|\btimecard\s+entries\b|\bentries\b"
JOB_WORDS = r"\bfiles?\b|\bjobs?\b|\buploads?\b|\bspreadsheets?\b|\bflagged\b|\bqueue\b|\bpending\b|\bqueued\b"


def _report_or_entity(text: _Text, pieces: _Pieces) -> None:
    if text.has(HIRE_WORDS) or text.has(r"\bhired\b"):
        if text.has(r"\b(?:above|over|more\s+than|higher\s+than)\s+(?:the\s+)?(?:mean|average)\b"):
            text.take(r"\b(?:hired|hiring|hires)?\s*(?:above|over|more\s+than|higher\s+than)\s+(?:the\s+)?"
                      r"(?:mean|average)(?:\s+(?:number\s+of\s+)?hires)?\b")
            text.take(r"\b(?:which\s+)?departments?\b")
            text.take(HIRE_WORDS)
            pieces.entity, pieces.report, pieces.measure = "hr_report", "departments_above_mean", "count"
            return
        if text.has(r"\bquarter") and text.has(r"\bdepartments?\b") and text.has(r"\bjobs?\b|\btitles?\b"):
            text.take(r"\b(?:report\s+of\s+)?(?:quarterly\s+)?hires\b|\bhired\b|\bhiring\b")
            for pattern in (r"\b(?:per|by|each|every|for\s+each)\s+quarters?\b|\bquarterly\b",
                            r"\b(?:per|by|each|every|for\s+each)\s+departments?\b|\bdepartments?\b",
                            r"\b(?:and|by|per|each)?\s*(?:jobs?(?:\s+titles?)?|titles?)\b"):
                if not text.take(pattern):
                    return _hire_entity(text, pieces)
            text.take(r"\breport\b")
            pieces.entity, pieces.report, pieces.measure = "hr_report", "hires_by_quarter", "count"
            return
        return _hire_entity(text, pieces)
    if text.has(REVIEW_WORDS) and not text.has(ENTRY_WORDS):
        pieces.entity = "reviews"
    elif text.has(ENTRY_WORDS):
        pieces.entity = "timecard_entries"
    elif text.has(JOB_WORDS) or any(text.has(p) for p in JOB_STATUS_PATTERNS.values()):
        pieces.entity = "jobs"


def _hire_entity(text: _Text, pieces: _Pieces) -> None:
    pieces.entity, pieces.measure = "hires", "count"
    text.take(r"\bhow\s+many\s+(?:new\s+)?(?:people|employees|persons|staff|workers)\b")
    while text.take(HIRE_WORDS + r"|\bhired\b|\bwere\s+brought\s+on\b|\bjoined\b"):
        pass
    department = text.take(r"\b(?:in|into|for|to)\s+(?:the\s+)?([a-z][a-z &-]*?)\s+department\b")
    if department:
        pieces.filters["department"] = department.group(1).strip()
    job = text.take(r"\bas\s+(?:an?\s+)?([a-z][a-z -]*?)s?(?=\s+(?:in|during|for|by|per|on|last|this|q[1-4])\b|$|[?.,])")
    if job:
        pieces.filters["job"] = job.group(1).strip()
    if text.take(r"\bwhich\s+departments?\b|\bwhat\s+departments?\b"):
        pieces.groups.append("department")


# ------------------------------------------------------------------ order and limit


def _order_and_limit(text: _Text, pieces: _Pieces) -> None:
    top = text.take(rf"\b(top|bottom)\s+{_NUMBER}\b") or text.take(r"\b(top|bottom)\b")
    if top:
        pieces.order = "measure_desc" if top.group(1) == "top" else "measure_asc"
        pieces.limit = _number(top.group(2)) if top.lastindex and top.lastindex >= 2 else 1
        return
    most = text.take(r"\b(?:the\s+)?(?:most|highest|largest|biggest|longest|greatest)\b")
    least = None if most else text.take(r"\b(?:the\s+)?(?:least|fewest|lowest|smallest|shortest)\b")
    if most or least:
        pieces.order = "measure_desc" if most else "measure_asc"
        counted = text.take(rf"\b(?:which|what)\s+{_NUMBER}\b|\b{_NUMBER}\s+(?=(?:employees|people|workers|"
                            rf"reviewers|departments|jobs|weeks|months|days)\b)")
        if counted:
            pieces.limit = _number(next(g for g in counted.groups() if g))
        else:
            pieces.wants_single = True


# ------------------------------------------------------------------ per entity


def _name_filter(text: _Text) -> str | None:
    for match in NAME.finditer(text.original):
        words = match.group(1).split(" ")
        while words and words[0].lower() in NOT_NAMES:
            words = words[1:]
        while words and words[-1].lower() in NOT_NAMES:
            words = words[:-1]
        if len(words) >= 2:
            name = " ".join(words)
            start = text.original.find(name, match.start())
            end = start + len(name)
            if text.original[end:end + 2] == "'s":
                end += 2
            text.mark((start, end))
            return name
    return None


def _entries(text: _Text, pieces: _Pieces) -> None:
    employee = _name_filter(text)
    if employee:
        pieces.filters["employee"] = employee
    if text.take(r"\bover\s*time(?:\s+hours)?\b|\bot\s+hours\b"):
        pieces.measure = "overtime_hours"
        text.take(r"\bworked\b|\bwork\b|\bdid\b|\bhad\b|\bhave\b|\bget\b|\bgot\b")
    elif text.take(r"\b(?:gross\s+)?(?:pay|paid|wages?|earn(?:ed|ings|s)?|payroll|compensation)\b"):
        pieces.measure = "pay"
        text.take(r"\b(?:gross\s+)?(?:pay|paid|wages?|earn(?:ed|ings|s)?|payroll)\b")
    elif text.take(r"\bhow\s+many\s+(?:days|shifts|entries|timecard\s+entries|workdays)\b"
                   r"|\bnumber\s+of\s+(?:days|shifts|entries|timecard\s+entries)\b"):
        pieces.measure = "entries"
        text.take(r"\bworked\b|\bwork\b|\bon\s+record\b")
    elif text.take(r"\bhow\s+many\s+(?:different\s+|distinct\s+)?(?:employees|people|workers|persons|staff)\b"
                   r"|\bnumber\s+of\s+(?:employees|people|workers)\b"):
        pieces.measure = "employees"
        text.take(r"\bworked\b|\bwork\b|\bhad\s+hours\b|\blogged\s+hours\b|\bon\s+(?:the\s+)?timecards?\b")
    else:
        pieces.measure = "hours"
    while text.take(r"\bhours?\b|\bworked\b|\bwork\b|\btimecards?\b|\bentries\b|\bshifts?\b"):
        pass
    if text.take(r"\bwho\b|\bwhich\s+(?:employees?|people|workers|person)\b|\b(?:employees?|people|workers)\s+"
                 r"(?:who|that|with)\b|\b(?:employees?|people|workers)\b(?=.*\b(?:most|least|top|bottom)\b)"):
        if "employee" not in pieces.groups:
            pieces.groups.append("employee")
        if pieces.measure == "overtime_hours" and pieces.having is None and not text.has(r"\bhow\s+much\b"):
            pieces.having = Having(comparison="gt", value=Decimal(0))  # "who worked overtime"
    elif pieces.order != "group" and "employee" not in pieces.groups and not text.has(GROUP_PATTERNS["week"]
                                                                                          + "|" + GROUP_PATTERNS["month"]
                                                                                          + "|" + GROUP_PATTERNS["day"]):
        text.take(r"\b(?:employees?|people|workers)\b")
        pieces.groups.append("employee")  # "top 3 by pay": ranked people


def _jobs(text: _Text, pieces: _Pieces) -> None:
    statuses = []
    for status, pattern in JOB_STATUS_PATTERNS.items():
        while text.take(pattern):
            if status not in statuses:
                statuses.append(status)
    pieces.filters["statuses"] = statuses
    while text.take(r"\b(?:timecard\s+|onboarding\s+)?(?:files?|jobs?|uploads?|spreadsheets?)\b|\buploaded\b|"
                    r"\bcreated\b|\breceived\b|\bsubmitted\b|\bcame\s+in\b|\bright\s+now\b|\bnow\b|"
                    r"\bcurrently\b|\bstill\b|\bwaiting\b"):
        pass
    if text.take(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b"):
        pieces.measure = "count"
    else:
        text.take(r"\bwhich\b|\blist\b|\bshow\b|\bwhat\b")
        pieces.measure = "list" if not any(text.has(p) for p in GROUP_PATTERNS.values()) else "count"


def _reviews(text: _Text, pieces: _Pieces) -> None:
    approved = text.take(r"\bapprov(?:e|ed|als?)\b")
    rejected = text.take(r"\breject(?:ed|ions?)?\b")
    if approved and rejected:
        if text.take(r"\b(?:vs\.?|versus)\b") and "decision" not in pieces.groups:
            pieces.groups.append("decision")
    elif approved:
        pieces.filters["decision"] = "approved"
    elif rejected:
        pieces.filters["decision"] = "rejected"
    reviewer = _reviewer(text)
    if reviewer:
        pieces.filters["reviewer"] = reviewer
    while text.take(r"\breview(?:s|ed|ing)?\b|\bdecisions?\b|\bdecided\b|\bmade\b|\bmake\b|\bfiles?\b|\bjobs?\b|"
                    r"\bapprove\b|\breject\b|\bdecide\b|\bon\s+record\b|\baudit\s+trail\b"):
        pass
    if text.take(r"\bwho\b|\bwhich\s+reviewers?\b|\breviewers?\b") and "reviewer" not in pieces.groups:
        pieces.groups.append("reviewer")
    counted = text.take(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b")
    if counted or pieces.groups or pieces.order != "group" or text.has(GROUP_PATTERNS["reviewer"]):
        pieces.measure = "count"
    else:
        text.take(r"\bwhich\b|\blist\b|\bshow\b|\bwhat\b")
        pieces.measure = "list"


REVIEW_VOCABULARY = FILLER | frozenset({"made", "make", "decision", "decisions", "approved", "rejected", "approve",
                                        "reject", "review", "reviewed", "reviews", "reviewer", "reviewers", "month", "status", "day", "week",
                                        "most", "least", "files", "jobs", "decide", "decided"})


def _reviewer(text: _Text) -> str | None:
    """A reviewer named in the question: "did alice approve", "reviewer bob", "approved by alice"."""
    for pattern in (r"\b(?:did|has|had)\s+([a-z][\w.@:-]*)\s+(?:approve|reject|review|make|decide)\b",
                    r"\breviewer\s+([a-z][\w.@:-]*)",
                    r"\b(?:approved|rejected|reviewed|made|decided)\s+by\s+([a-z][\w.@:-]*)",
                    r"\bdecisions?\s+by\s+([a-z][\w.@:-]*)"):
        for match in re.finditer(pattern, text.lower):
            name = match.group(1)
            if name not in REVIEW_VOCABULARY and not any(text.used[match.start(1):match.end(1)]):
                text.mark(match.span(1))
                return name
    return None


def _hires(text: _Text, pieces: _Pieces) -> None:  # filled in by _hire_entity
    text.take(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b")


# ------------------------------------------------------------------ threshold


_PREFIX_COMPARISONS = (
    (r"at\s+least|no\s+less\s+than|>=", "gte"),
    (r"at\s+most|no\s+more\s+than|<=", "lte"),
    (r"more\s+than|over|above|greater\s+than|exceeding|in\s+excess\s+of|>", "gt"),
    (r"less\s+than|under|below|fewer\s+than|<", "lt"),
)
_SUFFIX_COMPARISONS = ((r"or\s+more", "gte"), (r"or\s+(?:less|fewer)", "lte"))
_AMOUNT = r"(\$\s?)?(\d[\d,]*(?:\.\d+)?)\s*(hours?|hrs?|h|dollars?|usd|decisions?|hires?|files?)?(?!\w)"


@dataclass(frozen=True)
class _Threshold:
    comparison: str
    amount: Decimal
    unit: str  # hours | money | other | ""


def _threshold(text: _Text) -> _Threshold | None:
    """Taken before the entity's own words, so "over 40 hours" keeps its unit."""
    for words, comparison in _PREFIX_COMPARISONS:
        match = text.take(rf"(?:(?<=\s)|^)(?:{words})\s+{_AMOUNT}")
        if match:
            return _threshold_of(match, comparison)
    for words, comparison in _SUFFIX_COMPARISONS:
        match = text.take(rf"(?<![\w$]){_AMOUNT}\s+(?:{words})\b")
        if match:
            return _threshold_of(match, comparison)
    return None


def _threshold_of(match: re.Match, comparison: str) -> _Threshold:
    unit = (match.group(3) or "").lower()
    kind = "money" if match.group(1) or unit.startswith(("dollar", "usd")) else "hours" if unit.startswith("h") \
        else "other" if unit else ""
    return _Threshold(comparison, Decimal(match.group(2).replace(",", "")), kind)


def _having(threshold: _Threshold | None, pieces: _Pieces) -> Refusal | None:
    if threshold is None:
        return None
    if threshold.unit == "money" and pieces.measure != "pay":
        return Refusal("UNSUPPORTED", "a money threshold needs a question about pay")
    if threshold.unit == "hours" and pieces.measure not in ("hours", "overtime_hours"):
        return Refusal("UNSUPPORTED", "an hours threshold needs a question about hours")
    pieces.having = Having(comparison=threshold.comparison, value=threshold.amount)
    if not pieces.groups and pieces.entity == "timecard_entries":
        pieces.groups.append("employee")  # "worked more than 40 hours": per person
    return None


__all__ = ["FILLER", "parse"]
