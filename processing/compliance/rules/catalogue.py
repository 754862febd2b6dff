"""Every issue code the engine emits: its rule id (shared with the finding) and severity.

The rules' codes come from the registry (``processing.compliance.rulebook``): each rule
module declares its own. Only the engine's own code is listed here.

Severity policy: a violation of law or of the file's own arithmetic is an ``error``;
something a person must look at is a ``warning`` (it sends the file to review);
``info`` is reported and never blocks approval.
"""

from __future__ import annotations

from functools import cache

from processing.compliance.registry import CodeSpec, code_specs

ENGINE_CODES = (
    CodeSpec("VERIFICATION_DISAGREEMENT", "ENGINE.AGREEMENT", "warning",
             "the formal verification agrees with the rule computation"),
)


@cache
def specs() -> dict[str, CodeSpec]:
    # Imported here: the rule modules build their issues through this catalogue.
    from processing.compliance.rulebook import RULES

    return code_specs(RULES, ENGINE_CODES)


__all__ = ["ENGINE_CODES", "specs"]
