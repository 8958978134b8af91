"""Secrets generated once into var/ (mode 0600) when none is configured, for local use."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def load_or_create(path: Path) -> tuple[str, bool]:
    """The secret in `path`, creating it atomically first if needed. Returns (secret, created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip(), False
    value = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value, True
