"""`python -m bot`: configuration errors name the variable; migrate and rotate-keys work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    full = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=full,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_bad_setting_stops_start_up_with_its_name(tmp_path: Path) -> None:
    done = _run(["serve"], {"PORT": "http"}, tmp_path)
    assert done.returncode == 2
    assert "PORT" in done.stderr
    assert "Traceback" not in done.stderr


def test_migrate_then_rotate_keys(tmp_path: Path) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/bot.db", "ZOOMBOT_ENCRYPTION_KEYS": old}
    assert _run(["migrate"], env, tmp_path).returncode == 0
    assert (tmp_path / "bot.db").exists()
    rotated = _run(["rotate-keys"], {**env, "ZOOMBOT_ENCRYPTION_KEYS": f"{new},{old}"}, tmp_path)
    assert rotated.returncode == 0, rotated.stderr
    assert "re-encrypted 0 rows" in rotated.stderr
