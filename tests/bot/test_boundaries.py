"""The core never imports a platform SDK (DESIGN.md): bot/, nlu/, zoom/, storage/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.source_imports import ROOT, imported_modules

CORE = ("bot", "nlu", "zoom", "storage")
SDKS = ("slack_bolt", "slack_sdk", "discord", "botbuilder", "botframework")


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_no_platform_sdk(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in imported_modules(path)
        if name.split(".")[0] in SDKS
    }
    assert offenders == set()


def test_the_scan_would_see_an_sdk_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from slack_bolt.async_app import AsyncApp\nimport discord\n")
    assert {"slack_bolt.async_app", "discord"} <= imported_modules(sample)
