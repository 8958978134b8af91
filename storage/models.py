"""Tables. Encrypted columns hold Fernet tokens (text); plaintext secrets never reach them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from storage.columns import UTCDateTime


def _at(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def _json(*, nullable: bool = True) -> Any:
    return Field(sa_column=Column(JSON(), nullable=nullable))


def _account_fk(*, nullable: bool = False, primary_key: bool = False) -> Any:
    fk = ForeignKey("accounts.id", ondelete="CASCADE")
    return Field(
        sa_column=Column(
            String(36), fk, nullable=nullable, primary_key=primary_key, index=not primary_key
        )
    )


class AccountRow(SQLModel, table=True):
    __tablename__ = "accounts"

    id: str = Field(sa_column=Column(String(36), primary_key=True))
    timezone: str | None = Field(default=None, sa_column=Column(String(64), nullable=True))
    zoom_timezone: str | None = Field(
        default=None, sa_column=Column(String(64), nullable=True)
    )  # the Zoom profile's zone: a default when neither the user nor the platform names one
    created_at: datetime = _at()


class IdentityRow(SQLModel, table=True):
    __tablename__ = "identities"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "platform_user_id", name="uq_identities_user"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    platform: str = Field(sa_column=Column(String(32), nullable=False))
    tenant_id: str = Field(sa_column=Column(String(255), nullable=False))
    platform_user_id: str = Field(sa_column=Column(String(255), nullable=False))
    account_id: str = _account_fk()
    display_name: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    email: str | None = Field(default=None, sa_column=Column(String(320), nullable=True))
    created_at: datetime = _at()
    updated_at: datetime = _at()


class ZoomTokenRow(SQLModel, table=True):
    __tablename__ = "zoom_tokens"

    user_id: str = _account_fk(primary_key=True)
    access_token: str = Field(sa_column=Column(Text, nullable=False))  # encrypted
    refresh_token: str | None = Field(default=None, sa_column=Column(Text))  # encrypted
    expires_at: datetime = _at()
    scope: str = Field(sa_column=Column(Text, nullable=False))
    account_id: str | None = Field(default=None, sa_column=Column(String(64)))  # Zoom's
    zoom_user_id: str | None = Field(default=None, sa_column=Column(String(64)))
    workspace_info: dict[str, Any] | None = _json()
    status: str = Field(sa_column=Column(String(16), nullable=False, index=True))
    broken_reason: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = _at()
    updated_at: datetime = _at()


class AuditRow(SQLModel, table=True):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_account_at", "account_id", "at"),)

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    account_id: str | None = Field(default=None, sa_column=Column(String(36)))
    action: str = Field(sa_column=Column(String(64), nullable=False))
    target: str | None = Field(default=None, sa_column=Column(Text))
    result: str = Field(sa_column=Column(String(32), nullable=False))
    detail: str | None = Field(default=None, sa_column=Column(Text))
    at: datetime = _at()


class ConversationRow(SQLModel, table=True):
    __tablename__ = "conversation_state"

    account_id: str = _account_fk(primary_key=True)
    channel_key: str = Field(sa_column=Column(String(255), primary_key=True))
    last_meeting_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    pending: dict[str, Any] | None = _json()
    updated_at: datetime = _at()


class OAuthStateRow(SQLModel, table=True):
    __tablename__ = "oauth_states"

    state: str = Field(sa_column=Column(String(128), primary_key=True))
    account_id: str = _account_fk()
    code_verifier: str = Field(sa_column=Column(Text, nullable=False))  # encrypted
    return_to: dict[str, Any] = _json(nullable=False)
    created_at: datetime = _at()
    expires_at: datetime = _at(index=True)
    used_at: datetime | None = _at(nullable=True)


class IdempotencyRow(SQLModel, table=True):
    __tablename__ = "idempotency_keys"

    key: str = Field(sa_column=Column(String(255), primary_key=True))
    created_at: datetime = _at(index=True)
    result: dict[str, Any] | None = _json()


class OutboxRow(SQLModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_channel", "platform", "account_id", "channel_id", "claimed_at"),
        Index("ix_outbox_due", "platform", "claimed_at", "not_before"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    platform: str = Field(sa_column=Column(String(32), nullable=False))
    tenant_id: str | None = Field(default=None, sa_column=Column(String(255)))
    channel_id: str = Field(sa_column=Column(String(255), nullable=False))
    account_id: str | None = Field(default=None, sa_column=Column(String(36)))
    payload: dict[str, Any] = _json(nullable=False)
    created_at: datetime = _at()
    not_before: datetime | None = _at(nullable=True)
    claimed_at: datetime | None = _at(nullable=True)
    claimed_by: str | None = Field(default=None, sa_column=Column(String(255)))


TABLES = (
    AccountRow,
    IdentityRow,
    ZoomTokenRow,
    AuditRow,
    ConversationRow,
    OAuthStateRow,
    IdempotencyRow,
    OutboxRow,
)
