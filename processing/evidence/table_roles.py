"""Content evidence applied to a table header's roles, before the sheet is classified.

A header word proposes a role; the column's cells confirm or overrule it: "Name" over two-letter state
codes is the work state, an identity header over ids or money is not the person, and a table whose header
names no person gets its identity from the column that holds distinct person-like names ("LEGAL NAME").
A reviewer's stored mapping is never overruled.
"""

from __future__ import annotations

from processing.evidence.content import profile
from processing.evidence.identity import IDENTITY_ROLES, choose_identity
from processing.layout.roles import RoleMatch
from processing.workbook import Sheet

STATE_SHARE = 0.6


def apply_content_evidence(sheet: Sheet, roles: dict[int, RoleMatch], first_data_row: int) -> list[str]:
    """Adjust ``roles`` in place; returns what was changed, in words (for the sheet's notes)."""
    rows = range(first_data_row, sheet.n_rows)
    notes: list[str] = []
    for col, match in list(roles.items()):
        if match.method == "stored_mapping" or match.role not in (*IDENTITY_ROLES, "first_name"):
            continue
        content = profile(sheet, col, rows)
        if content.filled and content.share("state") >= STATE_SHARE:
            roles[col] = RoleMatch("work_state", match.confidence, "content")
            notes.append(f"column {col + 1}: headed as a name but holds state codes; read as the work state")
        elif content.filled and content.person_like < 0.2 and content.share("name") < 0.2:
            del roles[col]
            notes.append(f"column {col + 1}: headed as a name but holds no names; not used as the person")
    if any(m.role in IDENTITY_ROLES for m in roles.values()):
        return notes
    choice = choose_identity(sheet, {c: m.role for c, m in roles.items()}, list(rows))
    if choice is not None and choice.column not in roles:
        roles[choice.column] = RoleMatch("employee", min(0.9, choice.score), "content")
        notes.append(f"column {choice.column + 1}: {choice.evidence}; read as the person")
    return notes


__all__ = ["apply_content_evidence"]
