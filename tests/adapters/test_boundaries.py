"""Adapters only translate: they never call Zoom, the NLU or the database themselves."""

from __future__ import annotations

from tests.fixtures.source_imports import ROOT, imported_modules

FORBIDDEN = ("nlu", "zoom", "storage")
ALLOWED = {
    "zoom.types",  # plain values inside replies
    "storage.slack_installations",  # the Slack InstallationStore's own table (issue 4)
}


def test_adapters_reach_the_core_only_through_the_dispatcher() -> None:
    files = sorted((ROOT / "adapters").rglob("*.py"))
    assert len(files) > 5
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN and name not in ALLOWED
    }
    assert offenders == set()
