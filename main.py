"""Punchline's command line: wiring only; each command group lives in cli/."""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES = ("serve", "store", "jobs", "review", "settings", "process", "onboard", "backup", "apikey", "ask")

app = typer.Typer(
    name="punchline",
    help="Turn payroll spreadsheets into verified records.",
    no_args_is_help=True,
    add_completion=False,
    # Tracebacks must not print local variables: they can hold cell contents (personal data).
    pretty_exceptions_show_locals=False,
)

for module_name in COMMAND_MODULES:
    importlib.import_module(f"cli.{module_name}").register(app)

if __name__ == "__main__":
    app()
