"""Adapters only translate: they never call Zoom, the NLU or the database themselves."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("nlu", "zoom", "storage")
ALLOWED = {
    "zoom.types",  # plain values inside replies
    "storage.slack_installations",  # the Slack InstallationStore's own table (issue 4)
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_adapters_reach_the_core_only_through_the_dispatcher() -> None:
    files = sorted((ROOT / "adapters").rglob("*.py"))
    assert len(files) > 5
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN and name not in ALLOWED
    }
    assert offenders == set()
