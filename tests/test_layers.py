"""The layer contracts in pyproject.toml hold, and a wrong import breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "processing", "store", "services", "api", "resolvers", "cli")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=where, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(where)}, check=False)


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_contracts_hold():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(("module", "wrong_import", "contract"), [
    ("processing/values.py", "import store.models", "processing is pure"),
    ("store/records.py", "import services.intake", "store (models, repositories, blobs) imports core only"),
    ("services/intake.py", "import resolvers.uploads", "services (intake, jobs, worker, drop folder, onboarding)"),
    ("resolvers/jobs.py", "import store.uploads", "reach the store only"),
])
def test_a_wrong_import_breaks_the_build(tree_copy: Path, module: str, wrong_import: str, contract: str):
    path = tree_copy / module
    path.write_text(path.read_text() + f"\n{wrong_import}  # the mistake under test\n")
    done = lint_imports(tree_copy)
    assert done.returncode != 0
    broken = done.stdout.replace("\n", " ")
    assert contract in broken and "BROKEN" in broken


def test_job_status_strings_come_only_from_job_states():
    """A status written as a literal drifts from store/job_states.py; only that module spells them."""
    import ast

    statuses = {"PENDING", "PROCESSING", "REVIEW", "COMPLETED", "FAILED", "CANCELLED"}
    offenders = []
    for package in ("services", "store", "cli", "resolvers", "core"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == ROOT / "store" / "job_states.py":
                continue
            tree = ast.parse(path.read_text())
            exported = {id(item) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                        and any(getattr(t, "id", None) == "__all__" for t in node.targets)
                        for item in ast.walk(node.value)}  # names a module exports, not values
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and node.value in statuses and id(node) not in exported:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value}")
    assert offenders == []
