"""What a question may not ask, checked before any parsing or translating, and what a role
may see, checked on the plan.

- Write intent: ``ask`` only reads. A question that tells the system to change something
  is refused, whatever else it says (a plan cannot express a write either: this is the
  clear message, not the only fence).
- Protected data: SSNs, tax ids, bank details, birth dates and contact details are never
  answered; the stored models hold none of the first three, and the question is refused
  rather than answered with "no data", so nobody learns what is or is not stored.
- Role: pay (compensation) and the review audit trail need the reviewer role; everything
  else ``ask`` answers is open to any role that may read records (viewer and up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.ask.plan import QueryPlan

ROLES = ("viewer", "uploader", "reviewer", "admin")

# Verbs that only ever ask for a change, wherever they stand in the question.
ALWAYS_WRITE = ("delete", "deletes", "deleting", "remove", "removing", "erase", "drop", "truncate", "purge",
                "wipe", "overwrite", "insert", "update", "updating", "modify", "edit", "alter")
# Verbs that ask for a change when they are the command ("approve job 12", "please set ..."),
# but also appear in reads ("who did alice approve?").
IMPERATIVE_WRITE = ("approve", "reject", "cancel", "retry", "rerun", "set", "change", "create", "add", "mark",
                    "reset", "rename", "upload", "reprioritize", "reprioritise", "restore", "move", "fix",
                    "correct", "replace", "give", "raise", "lower", "increase", "decrease")
_COMMAND_START = r"(?:^|[;.!?]\s*|\band\s+(?:then\s+)?|\bthen\s+)"
_POLITE = r"(?:(?:please|pls|kindly|now|just|go\s+ahead\s+and|can\s+you|could\s+you|would\s+you|will\s+you|" \
          r"i\s+want\s+(?:you\s+)?to|i'd\s+like\s+(?:you\s+)?to|i\s+need\s+(?:you\s+)?to|let's)\s+)*"
ALWAYS_WRITE_WORDS = re.compile(r"\b(?:" + "|".join(ALWAYS_WRITE) + r")\b")
IMPERATIVE = re.compile(_COMMAND_START + _POLITE + r"(?P<verb>" + "|".join(IMPERATIVE_WRITE) + r")\b")

PROTECTED = {
    "social security numbers": r"\bssns?\b|social\s+security|\bsocial\s+sec\b",
    "tax ids": r"\btax\s*(?:payer\s*)?(?:id|ids|identification|number|numbers)\b|\btins?\b|\beins?\b|\bitins?\b"
               r"|\btaxpayer",
    "bank details": r"\bbank|\brouting\b|\biban\b|\bswift\b|account\s+numbers?|\bdirect\s+deposit",
    "birth dates": r"\bdate\s+of\s+birth\b|\bdobs?\b|\bbirth\s*days?\b|\bbirth\s*dates?\b",
    "contact details": r"\be-?mails?\b|\bphone|\btelephone|\bhome\s+address|\baddresses\b|\bstreet\b",
    "passwords and keys": r"\bpasswords?\b|\bapi\s+keys?\b|\bsecrets?\b|\btokens?\b|\bcredentials?\b",
}
_PROTECTED = [(label, re.compile(pattern)) for label, pattern in PROTECTED.items()]


@dataclass(frozen=True)
class Refusal:
    code: str  # WRITE_INTENT | PROTECTED_DATA | OUTSIDE_ROLE | UNSUPPORTED | BAD_PERIOD | TOO_BROAD | EMPTY
    reason: str


def check_question(question: str) -> Refusal | None:
    text = question.lower()
    word = ALWAYS_WRITE_WORDS.search(text)
    command = IMPERATIVE.search(text)
    if word or command:
        verb = word.group(0) if word else command.group("verb")
        return Refusal("WRITE_INTENT", f"ask only reads records; it cannot {verb} anything. "
                                       "Use the matching mutation or CLI command instead")
    for label, pattern in _PROTECTED:
        if pattern.search(text):
            return Refusal("PROTECTED_DATA", f"ask never answers questions about {label}")
    return None


def required_role(plan: QueryPlan) -> str:
    if plan.entity == "reviews":
        return "reviewer"
    if plan.entity == "timecard_entries" and plan.measure == "pay":
        return "reviewer"
    return "viewer"


def check_role(plan: QueryPlan, role: str) -> Refusal | None:
    needed = required_role(plan)
    if role not in ROLES or ROLES.index(role) < ROLES.index(needed):
        what = "pay" if plan.measure == "pay" else plan.entity.replace("_", " ")
        return Refusal("OUTSIDE_ROLE", f"questions about {what} need the {needed} role; the caller is a {role}")
    return None


__all__ = ["PROTECTED", "ROLES", "Refusal", "check_question", "check_role", "required_role"]
