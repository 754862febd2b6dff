"""Column roles and the header texts that name them.

Matching goes: the role's own name (``exact``), then the alias table (``alias``), then
fuzzy matching over every alias with rapidfuzz (``fuzzy``). Sensitive columns (SSN, EIN,
tax ids, bank accounts) are recognised first, by substring, so that they are never used
or copied anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

SENSITIVE = "ssn"

# role -> header texts (normalized: lower case, punctuation as spaces, single spaces)
ALIASES: dict[str, tuple[str, ...]] = {
    "employee": ("employee", "employee name", "name", "emp name", "worker", "worker name", "crew member",
                 "crew", "staff", "staff name", "person", "full name", "team member", "associate",
                 "employee full name", "name last first", "last first", "crew name", "legal name",
                 "employee legal name", "talent name", "payee", "payee name"),
    "first_name": ("first name", "first", "given name", "fname", "first nm"),
    "last_name": ("last name", "last", "surname", "family name", "lname", "last nm"),
    "employee_id": ("employee id", "emp id", "id", "emp", "employee number", "emp no", "emp",
                    "employee no", "badge", "badge id", "badge number", "clock id", "worker id", "payroll id",
                    "file number", "file", "emp number", "ee id", "staff id", "emp #", "employee #", "id #",
                    "badge #", "emp num", "ee #", "clock #"),
    "date": ("date", "work date", "day date", "shift date", "punch date", "date worked", "work day",
             "workday", "dos", "service date", "entry date"),
    "weekday": ("day", "weekday", "day of week", "dow"),
    "time_in": ("time in", "in", "clock in", "start", "start time", "punch in", "in time", "begin",
                "shift start", "time started", "arrive", "call time", "in punch"),
    "time_out": ("time out", "out", "clock out", "end", "end time", "punch out", "out time", "finish",
                 "shift end", "stop", "time ended", "wrap", "depart", "out punch", "wrap time"),
    "break": ("break", "lunch", "meal", "meal break", "unpaid break", "break min", "break minutes",
              "lunch break", "break hrs", "break hours", "lunch min", "lunch minutes", "meal minutes",
              "unpaid meal", "break mins", "lunch hrs"),
    "hours": ("hours", "hrs", "total hours", "hours worked", "worked hours", "total hrs", "daily hours",
              "hours total", "paid hours", "work hours", "total time", "duration", "time worked", "net hours"),
    "straight_hours": ("st", "straight", "straight time", "st hours", "st hrs", "reg", "regular",
                       "regular hours", "reg hours", "reg hrs", "straight hours", "regular time", "rt"),
    "overtime_hours": ("ot", "overtime", "ot hours", "ot hrs", "overtime hours", "1 5x", "ot 1 5",
                       "time and a half", "overtime hrs"),
    "double_time_hours": ("dt", "double time", "doubletime", "dt hours", "dt hrs", "2x", "double time hours",
                          "double"),
    "hourly_rate": ("rate", "hourly rate", "pay rate", "hourly", "rate hr", "rate per hour", "hr rate",
                    "base rate", "wage rate", "hourly wage", "st rate", "reg rate"),
    "day_rate": ("day rate", "daily rate", "rate day", "rate per day", "daily", "day", "per day rate"),
    "weekly_rate": ("weekly rate", "weekly", "weekly salary", "rate week", "per week", "salary weekly",
                    "week rate"),
    "salary": ("salary", "annual salary", "annual", "yearly salary", "annual rate"),
    "wage_amount": ("wages", "wage", "gross", "gross pay", "gross wages", "pay", "amount", "earnings",
                    "wage subtotal", "subtotal", "labor", "labor cost", "total wages", "wage total",
                    "daily pay", "day pay", "total pay", "pay amount", "wages due"),
    "per_diem": ("per diem", "perdiem", "per diems", "pd", "meal allowance", "diem"),
    "reimbursement": ("reimbursement", "reimbursements", "reimb", "expenses", "expense", "mileage",
                      "travel reimbursement", "reimbursable"),
    "deduction": ("deduction", "deductions", "401k", "401 k", "advance", "advances", "less advances",
                  "draw", "garnishment", "withholding", "tax", "taxes", "benefits"),
    "bonus": ("bonus", "bonuses", "tip", "tips", "incentive", "commission"),
    "total_due": ("total due", "amount due", "net pay", "net", "total owed", "balance due", "due"),
    "work_state": ("state", "work state", "st code", "location state", "wk state"),
    "city": ("city", "location", "venue", "site", "zip", "zip code"),
    "position": ("position", "role", "title", "job", "job title", "department", "dept", "craft",
                 "classification", "class", "occupation", "division"),
    "exempt": ("exempt", "flsa", "flsa status", "exempt status", "exempt y n", "classification flsa"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "memo"),
    "day_type": ("day type", "type", "show travel", "activity"),
    # Clock event logs: one row per IN or OUT event.
    "punch_time": ("time", "punch time", "clock time", "event time", "timestamp", "punch", "time stamp"),
    "punch_direction": ("direction", "in out", "inout", "punch type", "event type", "clock type", "in or out",
                        "punch direction", "event"),
    # A count of worked days the file states per person ("# of Days", "Days Worked"): checked, never read as pay.
    "days_worked": ("days worked", "days present", "present days", "# of days", "# days", "of days", "number of days", "no of days", "total days", "days", "worked days",
                    "days work", "num days"),
}

# Header texts that alone decide a role (so "Total Hours" is hours, not a total column).
_SENSITIVE_RE = re.compile(
    r"\b(ssn|ss#|ss no|social security|soc sec|sin|ein|fein|tin|tax id|taxpayer|itin|bank|account|routing|"
    r"acct|dob|birth|driver|license|passport)\b"
)
_FUZZY_CUTOFF = 88.0


@dataclass(frozen=True)
class RoleMatch:
    role: str | None
    confidence: float
    method: str


NO_MATCH = RoleMatch(None, 0.0, "none")


def normalize_header(text: object) -> str:
    """Lower case, punctuation as spaces, single-spaced: 'Total Hrs.' -> 'total hrs'."""
    if text is None:
        return ""
    # "O/T", "D/T", "S/T": one letter each side of a slash is an abbreviation, not two words.
    value = re.sub(r"\b([a-z])\s*/\s*([a-z])\b", r"\1\2", str(text).lower())
    value = value.replace("#", " # ").replace("/", " ")
    value = value.replace("1.5", "1 5").replace("ss #", "ss#")
    value = re.sub(r"[^a-z0-9#]+", " ", value)
    return " ".join(value.split())


_ALIAS_TO_ROLE: dict[str, str] = {}
for _role, _aliases in ALIASES.items():
    for _alias in _aliases:
        _ALIAS_TO_ROLE.setdefault(_alias, _role)
_ALL_ALIASES = list(_ALIAS_TO_ROLE)


def is_sensitive_header(text: object) -> bool:
    normalized = normalize_header(text).replace("ss#", "ssn")
    return bool(_SENSITIVE_RE.search(normalized))


def match_role(header: object, *, fuzzy: bool = True) -> RoleMatch:
    """The role a header text names, with how sure we are and how we know. ``fuzzy=False`` asks only
    whether the text is a header word (is this row's "name" a label?): cheap enough for every data row."""
    if isinstance(header, str) and len(header) <= 200:
        return _match_text(header, fuzzy)
    return _match_text(str(header) if header is not None else "", fuzzy)


@lru_cache(maxsize=8192)
def _match_text(header: str, fuzzy: bool) -> RoleMatch:
    normalized = normalize_header(header)
    if not normalized:
        return NO_MATCH
    if is_sensitive_header(header):
        return RoleMatch(SENSITIVE, 1.0, "exact")
    if normalized.replace(" ", "_") in ALIASES:
        return RoleMatch(normalized.replace(" ", "_"), 1.0, "exact")
    if normalized in _ALIAS_TO_ROLE:
        return RoleMatch(_ALIAS_TO_ROLE[normalized], 0.95, "alias")
    stripped = _strip_noise(normalized)
    if stripped and stripped in _ALIAS_TO_ROLE:
        return RoleMatch(_ALIAS_TO_ROLE[stripped], 0.9, "alias")
    if len(normalized) < 4 or not fuzzy:
        return NO_MATCH  # two-letter fuzzy matches are noise
    best = process.extractOne(normalized, _ALL_ALIASES, scorer=fuzz.token_sort_ratio, score_cutoff=_FUZZY_CUTOFF)
    if best is None:
        return _name_cue(normalized)
    alias, score, _ = best
    return RoleMatch(_ALIAS_TO_ROLE[alias], round(score / 100 * 0.9, 3), "fuzzy")


# A header that speaks of a name ("NAME OR COMPANY NAME", "Crew Member Name") names the person, unless the
# name is of something else. A weak cue: the column's content still has to look like people.
_NOT_A_PERSON = {"company", "corp", "corporation", "business", "entity", "vendor", "loan", "project", "account",
                 "file", "sheet", "client", "venue", "city", "job", "show",
                 "event", "tour", "first", "last", "middle", "user", "login", "display"}


def _name_cue(normalized: str) -> RoleMatch:
    words = set(normalized.split())
    if "name" in words and not words & (_NOT_A_PERSON - {"company"}) and normalized.split()[0] != "company":
        return RoleMatch("employee", 0.6, "token")
    return NO_MATCH


_NOISE_WORDS = {"the", "of", "s", "usd", "in", "hrs", "total", "amt", "amount", "per", "a", "no"}


def _strip_noise(normalized: str) -> str:
    """'Per Diem ($)' -> 'per diem'; 'Rate (USD/hr)' -> 'rate hr'. Keeps meaning words only."""
    words = [w for w in normalized.split() if w not in {"usd", "the", "s"}]
    return " ".join(words)


# Roles that carry wages for a date (never per diem, reimbursements, deductions, bonuses).
NON_WAGE_ROLES = frozenset({"per_diem", "reimbursement", "deduction", "bonus", "total_due"})
IDENTITY_ROLES = frozenset({"employee", "first_name", "last_name", "employee_id"})

__all__ = [
    "ALIASES",
    "IDENTITY_ROLES",
    "NON_WAGE_ROLES",
    "NO_MATCH",
    "RoleMatch",
    "SENSITIVE",
    "is_sensitive_header",
    "match_role",
    "normalize_header",
]
