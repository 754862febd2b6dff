"""Which column names the person: header evidence and content evidence, scored together.

One identity per sheet. A header that says "Name" over state codes, ids or money is not the
identity; an unlabeled column of distinct person-like names is a candidate; a column far to the right
of the work columns (a helper table's "Name") loses to one before them.
"""

from __future__ import annotations

from dataclasses import dataclass

from processing.evidence.content import profile
from processing.workbook import Sheet

IDENTITY_ROLES = ("employee", "last_name")
# Roles whose cells are words too: a column of titles or cities is never the person. Any other header
# role (a "Date" over names, a "Rate" over names) is outweighed by what the column holds.
TEXT_ROLES = frozenset({"position", "notes", "city", "day_type", "work_state", "weekday", "first_name", "ssn",
                        "exempt"})
MIN_PERSON_LIKE = 0.3


@dataclass(frozen=True)
class IdentityChoice:
    column: int
    score: float
    evidence: str


def choose_identity(sheet: Sheet, roles: dict[int, str | None], rows: list[int], *,
                    work_start: int | None = None, exclude: set[int] = frozenset()) -> IdentityChoice | None:
    """The best identity column. ``roles``: column -> header role; ``work_start``: the first work
    (day/hours) column — identity columns sit before it; columns after it are penalised."""
    columns = set(roles) | set(range(work_start if work_start is not None else min(12, sheet.n_columns)))
    best: IdentityChoice | None = None
    for col in sorted(columns - set(exclude)):
        role = roles.get(col)
        if role in TEXT_ROLES:
            continue
        content = profile(sheet, col, rows)
        person = content.person_like
        if person < MIN_PERSON_LIKE:
            continue
        score = person + (0.6 if role in IDENTITY_ROLES else 0.0)
        if work_start is not None and col > work_start:
            score -= 0.8
        if best is None or score > best.score + 1e-9:
            evidence = f"header role {role}" if role else "unlabeled column of names"
            best = IdentityChoice(col, score, f"{evidence}; {content.share('name'):.0%} name-like values")
    return best


__all__ = ["IDENTITY_ROLES", "IdentityChoice", "choose_identity"]
