from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select

from storage.crypto import TokenCipher, load_keys, reencrypt_all
from storage.db import Database
from storage.models import OAuthStateRow, ZoomTokenRow
from storage.oauth_states import consume_state, create_state
from storage.tokens import ZoomTokenRepository
from tests.storage.conftest import KEY_A, KEY_B
from tests.storage.factories import ACCESS, REFRESH, make_account, make_tokens


def test_encrypt_decrypt_round_trip_and_ciphertext_differs() -> None:
    cipher = TokenCipher.from_keys([KEY_A])
    token = cipher.encrypt("s3cret")
    assert "s3cret" not in token
    assert token != cipher.encrypt("s3cret")  # random IV
    assert cipher.decrypt(token) == "s3cret"


def test_first_key_encrypts_all_keys_decrypt() -> None:
    old = TokenCipher.from_keys([KEY_A])
    both = TokenCipher.from_keys([KEY_B, KEY_A])
    assert both.decrypt(old.encrypt("x")) == "x"
    rotated = both.rotate(old.encrypt("x"))
    assert TokenCipher.from_keys([KEY_B]).decrypt(rotated) == "x"
    with pytest.raises(InvalidToken):
        old.decrypt(rotated)


def test_load_keys_parses_the_configured_list_newest_first(tmp_path: Path) -> None:
    keys, generated = load_keys(configured=f" {KEY_B} ,{KEY_A},", var_dir=tmp_path)
    assert (keys, generated) == ([KEY_B, KEY_A], False)
    assert not (tmp_path / "encryption.key").exists()


def test_invalid_key_names_the_variable_but_not_the_key(tmp_path: Path) -> None:
    bad = "not-a-fernet-key-but-a-secret-value"
    with pytest.raises(ValueError, match="ZOOMBOT_ENCRYPTION_KEYS") as info:
        load_keys(configured=f"{KEY_A},{bad}", var_dir=tmp_path)
    assert bad not in str(info.value)
    assert "#2" in str(info.value)
    assert info.value.__cause__ is None


def test_dev_key_generated_once_with_mode_0600_and_reused(tmp_path: Path) -> None:
    var_dir = tmp_path / "var"
    keys, generated = load_keys(configured=None, var_dir=var_dir)
    path = var_dir / "encryption.key"
    assert generated is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    Fernet(keys[0])  # a valid key
    again, generated_again = load_keys(configured="", var_dir=var_dir)
    assert again == keys
    assert generated_again is True  # still the dev key: the caller keeps warning
    assert path.read_text().strip() == keys[0]


async def test_reencrypt_all_moves_every_column_to_the_new_key(db: Database, now: datetime) -> None:
    old = TokenCipher.from_keys([KEY_A])
    account = await make_account(db, now=now)
    await ZoomTokenRepository(db=db, cipher=old, clock=lambda: now).save(
        account.id, make_tokens(now=now)
    )
    await create_state(
        db,
        old,
        account_id=account.id,
        code_verifier="verifier-1",
        return_to={},
        now=now,
        ttl=timedelta(minutes=10),
    )
    rotating = TokenCipher.from_keys([KEY_B, KEY_A])
    assert await reencrypt_all(db, rotating) == 2

    new_only = TokenCipher.from_keys([KEY_B])
    loaded = await ZoomTokenRepository(db=db, cipher=new_only, clock=lambda: now).load(account.id)
    assert loaded is not None
    assert (loaded.access_token, loaded.refresh_token) == (ACCESS, REFRESH)
    async with db.session() as session:
        token_row = (await session.execute(select(ZoomTokenRow))).scalar_one()
        state_row = (await session.execute(select(OAuthStateRow))).scalar_one()
    for ciphertext in (token_row.access_token, token_row.refresh_token, state_row.code_verifier):
        assert ciphertext is not None
        with pytest.raises(InvalidToken):
            old.decrypt(ciphertext)
    state = await consume_state(db, new_only, state=state_row.state, now=now)
    assert state is not None and state.code_verifier == "verifier-1"
