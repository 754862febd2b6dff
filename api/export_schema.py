"""Write the SDL the code builds to schema.graphql (the committed copy CI checks):
``python -m api.export_schema [PATH]``. Same output as
``strawberry export-schema api.schema:schema`` (that command needs strawberry's cli extra)."""

from __future__ import annotations

import sys
from pathlib import Path

from api.schema import build_schema

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


def export_schema(path: Path = DEFAULT_PATH) -> Path:
    path.write_text(build_schema().as_str() + "\n")
    return path


if __name__ == "__main__":
    print(export_schema(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
