"""The only module that reads the environment. Validated at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ZoomMode = Literal["sandbox", "oauth", "s2s"]

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/zoombot.db"
SANDBOX_PREFIX = "/zoom-sandbox"
SANDBOX_CLIENT_ID = "sandbox-client-id"
SANDBOX_CLIENT_SECRET = "sandbox-client-secret"


class ConfigError(ValueError):
    """A setting is missing or invalid. The message names the variable."""


@dataclass(frozen=True, slots=True)
class ZoomSettings:
    mode: ZoomMode
    client_id: str
    client_secret: str
    redirect_uri: str
    account_id: str | None
    api_base: str
    oauth_base: str
    webhook_secret: str | None


# --- Slack (issue 4) -------------------------------------------------------------------
SLACK_API_DEFAULT = "https://slack.com/api/"
SLACK_DEFAULT_SCOPES = (
    "commands,chat:write,app_mentions:read,im:history,users:read,users:read.email"
)


@dataclass(frozen=True, slots=True)
class SlackSettings:
    """Slack is on when SLACK_SIGNING_SECRET is set: one workspace with SLACK_BOT_TOKEN, or
    many through OAuth with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET."""

    signing_secret: str
    bot_token: str | None
    client_id: str | None
    client_secret: str | None
    api_url: str  # Web API base, ends with "/"
    scopes: tuple[str, ...]

    @property
    def oauth(self) -> bool:
        return self.client_id is not None


def _slack(env: Mapping[str, str]) -> SlackSettings | None:
    secret = _opt(env, "SLACK_SIGNING_SECRET")
    token, client_id = _opt(env, "SLACK_BOT_TOKEN"), _opt(env, "SLACK_CLIENT_ID")
    client_secret = _opt(env, "SLACK_CLIENT_SECRET")
    if secret is None:
        for name in ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID"):
            if _opt(env, name):
                raise ConfigError(f"SLACK_SIGNING_SECRET is required when {name} is set")
        return None
    if token is None and client_id is None:
        raise ConfigError(
            "SLACK_SIGNING_SECRET is set, so set SLACK_BOT_TOKEN (one workspace) or "
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth install)"
        )
    if client_id is not None and client_secret is None:
        raise ConfigError("SLACK_CLIENT_SECRET is required when SLACK_CLIENT_ID is set")
    api_url = _opt(env, "SLACK_API_URL") or SLACK_API_DEFAULT
    if not api_url.startswith(("http://", "https://")):
        raise ConfigError("SLACK_API_URL must start with http:// or https://")
    scopes = _opt(env, "SLACK_SCOPES") or SLACK_DEFAULT_SCOPES
    return SlackSettings(
        signing_secret=secret,
        bot_token=token,
        client_id=client_id,
        client_secret=client_secret,
        api_url=api_url.rstrip("/") + "/",
        scopes=tuple(s.strip() for s in scopes.split(",") if s.strip()),
    )


# --- end Slack ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Config:
    host: str
    port: int
    public_base_url: str
    database_url: str
    var_dir: Path
    encryption_keys: str | None
    session_secret: str | None
    api_token: str | None
    default_timezone: str
    log_level: str
    zoom: ZoomSettings
    slack: SlackSettings | None = None  # Slack (issue 4)

    @property
    def sandbox(self) -> bool:
        return self.zoom.mode == "sandbox"


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not 0 <= value <= 65535:
        raise ConfigError(f"{name} must be between 0 and 65535")
    return value


def _opt(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _timezone(env: Mapping[str, str], name: str, default: str) -> str:
    value = _opt(env, name) or default
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{name} must be an IANA time zone such as Europe/Berlin") from None
    return value


def _zoom(env: Mapping[str, str], public_base_url: str) -> ZoomSettings:
    client_id = _opt(env, "ZOOM_CLIENT_ID")
    account_id = _opt(env, "ZOOM_ACCOUNT_ID")
    webhook_secret = _opt(env, "ZOOM_WEBHOOK_SECRET_TOKEN")
    redirect = _opt(env, "ZOOM_REDIRECT_URI") or f"{public_base_url}/api/auth/zoom/callback"
    if client_id is None and account_id is None:
        sandbox = f"{public_base_url}{SANDBOX_PREFIX}"
        return ZoomSettings(
            mode="sandbox",
            client_id=SANDBOX_CLIENT_ID,
            client_secret=SANDBOX_CLIENT_SECRET,
            redirect_uri=redirect,
            account_id=None,
            api_base=_opt(env, "ZOOM_API_BASE") or f"{sandbox}/v2",
            oauth_base=_opt(env, "ZOOM_OAUTH_BASE") or f"{sandbox}/oauth",
            webhook_secret=webhook_secret,
        )
    if client_id is None:
        raise ConfigError("ZOOM_CLIENT_ID is required when ZOOM_ACCOUNT_ID is set")
    secret = _opt(env, "ZOOM_CLIENT_SECRET")
    if secret is None:
        raise ConfigError("ZOOM_CLIENT_SECRET is required when ZOOM_CLIENT_ID is set")
    return ZoomSettings(
        mode="s2s" if account_id else "oauth",
        client_id=client_id,
        client_secret=secret,
        redirect_uri=redirect,
        account_id=account_id,
        api_base=_opt(env, "ZOOM_API_BASE") or "https://api.zoom.us/v2",
        oauth_base=_opt(env, "ZOOM_OAUTH_BASE") or "https://zoom.us/oauth",
        webhook_secret=webhook_secret,
    )


def load_config(env: Mapping[str, str]) -> Config:
    port = _int(env, "PORT", 8000)
    public = (_opt(env, "PUBLIC_BASE_URL") or f"http://localhost:{port}").rstrip("/")
    if not public.startswith(("http://", "https://")):
        raise ConfigError("PUBLIC_BASE_URL must start with http:// or https://")
    return Config(
        host=_opt(env, "HOST") or "127.0.0.1",
        port=port,
        public_base_url=public,
        database_url=_opt(env, "DATABASE_URL") or DEFAULT_DATABASE_URL,
        var_dir=Path(_opt(env, "ZOOMBOT_VAR_DIR") or "var"),
        encryption_keys=_opt(env, "ZOOMBOT_ENCRYPTION_KEYS"),
        session_secret=_opt(env, "ZOOMBOT_SESSION_SECRET"),
        api_token=_opt(env, "ZOOMBOT_API_TOKEN"),
        default_timezone=_timezone(env, "ZOOMBOT_DEFAULT_TIMEZONE", "UTC"),
        log_level=(_opt(env, "LOG_LEVEL") or "INFO").upper(),
        zoom=_zoom(env, public),
        slack=_slack(env),  # Slack (issue 4)
    )
