"""Encryption at rest for tokens and PKCE verifiers (Fernet, with key rotation)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import select, update
from sqlmodel import col

from storage.db import Database
from storage.models import OAuthStateRow, ZoomTokenRow

KEYS_VARIABLE = "ZOOMBOT_ENCRYPTION_KEYS"
DEV_KEY_FILE = "encryption.key"

__all__ = ["DEV_KEY_FILE", "KEYS_VARIABLE", "InvalidToken", "TokenCipher", "load_keys"]


class TokenCipher:
    """MultiFernet: the first key encrypts, every key decrypts."""

    def __init__(self, fernet: MultiFernet) -> None:
        self._fernet = fernet

    @classmethod
    def from_keys(cls, keys: Sequence[str]) -> TokenCipher:
        if not keys:
            raise ValueError(f"{KEYS_VARIABLE} holds no key")
        return cls(MultiFernet([_fernet(key, position=i) for i, key in enumerate(keys, 1)]))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode("ascii")

    def decrypt(self, token: str) -> str:
        """Raises cryptography.fernet.InvalidToken when no key decrypts it."""
        return self._fernet.decrypt(token.encode("ascii")).decode()

    def rotate(self, token: str) -> str:
        """The same plaintext, re-encrypted with the newest key."""
        return self._fernet.rotate(token.encode("ascii")).decode("ascii")


def _fernet(key: str, *, position: int) -> Fernet:
    try:
        return Fernet(key.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        # `from None`: the original error must not drag the key into a traceback.
        raise ValueError(
            f"{KEYS_VARIABLE}: key #{position} is not a valid Fernet key "
            "(32 url-safe base64-encoded bytes; make one with Fernet.generate_key())"
        ) from None


def load_keys(*, configured: str | None, var_dir: Path) -> tuple[list[str], bool]:
    """The keys, newest first, and whether a development key was generated/reused from disk.

    `configured` is the raw ZOOMBOT_ENCRYPTION_KEYS value (comma-separated, newest first).
    """
    keys = [k.strip() for k in (configured or "").split(",") if k.strip()]
    if keys:
        for position, key in enumerate(keys, 1):
            _fernet(key, position=position)
        return keys, False
    return [_dev_key(var_dir / DEV_KEY_FILE)], True


def _dev_key(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_dev_key(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key.decode("ascii")


def _read_dev_key(path: Path) -> str:
    # Another process may have created the file an instant ago and not written it yet.
    for _ in range(50):
        key = path.read_text(encoding="ascii").strip()
        if key:
            _fernet(key, position=1)
            return key
        time.sleep(0.02)
    raise ValueError(f"{path} is empty; delete it or set {KEYS_VARIABLE}")


async def reencrypt_all(db: Database, cipher: TokenCipher) -> int:
    """Re-encrypt every encrypted column with the newest key; returns the rows rewritten."""
    async with db.session() as session:
        tokens = (await session.execute(select(ZoomTokenRow))).scalars().all()
        for row in tokens:
            refresh = cipher.rotate(row.refresh_token) if row.refresh_token else None
            await session.execute(
                update(ZoomTokenRow)
                .where(col(ZoomTokenRow.user_id) == row.user_id)
                .values(access_token=cipher.rotate(row.access_token), refresh_token=refresh)
            )
        states = (await session.execute(select(OAuthStateRow))).scalars().all()
        for state in states:
            await session.execute(
                update(OAuthStateRow)
                .where(col(OAuthStateRow.state) == state.state)
                .values(code_verifier=cipher.rotate(state.code_verifier))
            )
    return len(tokens) + len(states)
