"""Wage-and-hour compliance: every rule computed, and proved or refuted with z3.

``evaluate(extraction, settings) -> ComplianceReport(issues, findings, decision)``.
"""

from processing.compliance.engine import ComplianceReport, compute_issues, evaluate

__all__ = ["ComplianceReport", "compute_issues", "evaluate"]
