"""The aiohttp application: every adapter, the OAuth callback, health, and (in sandbox mode)
the local Zoom. Lifecycles live in one place (cleanup_ctx)."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import httpx
from aiohttp import web

import nlu
from adapters.web import routes as web_routes
from bot import health, housekeeping, oauth_routes, zoom_webhook_routes
from bot.appkeys import CONFIG, DISPATCHER, SERVICES, STARTED_AT, WEB_AUTH
from bot.config import SANDBOX_PREFIX, Config
from bot.dispatcher import Dispatcher
from bot.local_secrets import load_or_create
from bot.services import Clock, ParseFn, Services
from bot.web_auth import WebAuth
from storage import accounts
from storage.crypto import TokenCipher, load_keys
from storage.db import Database
from storage.tokens import ZoomTokenRepository
from zoom.client import ZoomClient
from zoom.oauth import OAuthApp, ZoomOAuth
from zoom.sandbox import build_sandbox_app
from zoom.tokens import TokenManager

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024


def utc_now() -> datetime:
    return datetime.now(UTC)


def _web_auth(config: Config) -> WebAuth:
    session = config.session_secret
    if session is None:
        session, _ = load_or_create(config.var_dir / "session.key")
    token = config.api_token
    if token is None and config.sandbox:
        path = config.var_dir / "api-token"
        token, created = load_or_create(path)
        log.info("sandbox REST API token %s %s", "written to" if created else "is in", path)
    return WebAuth(session_secret=session, api_token=token)


def _services(
    config: Config, *, db: Database, http: httpx.AsyncClient, parse: ParseFn, clock: Clock
) -> Services:
    keys, generated = load_keys(configured=config.encryption_keys, var_dir=config.var_dir)
    if generated:
        log.warning(
            "ZOOMBOT_ENCRYPTION_KEYS is not set: using a generated development key in "
            "%s. Set ZOOMBOT_ENCRYPTION_KEYS in production.",
            config.var_dir,
        )
    cipher = TokenCipher.from_keys(keys)
    z = config.zoom
    oauth = ZoomOAuth(
        http=http,
        clock=clock,
        app=OAuthApp(
            client_id=z.client_id,
            client_secret=z.client_secret,
            oauth_base=z.oauth_base,
            redirect_uri=z.redirect_uri,
            account_id=z.account_id,
        ),
    )
    tokens = ZoomTokenRepository(db=db, cipher=cipher, clock=clock)

    async def email_of(account_id: str) -> str | None:
        return await accounts.email_for(db, account_id)

    manager = TokenManager(oauth=oauth, store=tokens, clock=clock, s2s_user_lookup=email_of)
    zoom = ZoomClient(http=http, api_base=z.api_base, tokens=manager, clock=clock)
    return Services(
        db=db,
        cipher=cipher,
        tokens=tokens,
        zoom=zoom,
        oauth=oauth,
        parse=parse,
        clock=clock,
        default_timezone=config.default_timezone,
    )


def _lifecycle(parse: ParseFn, clock: Clock) -> Callable[[web.Application], AsyncIterator[None]]:
    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        config = app[CONFIG]
        db = Database.from_url(config.database_url)
        http = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0))
        services = _services(config, db=db, http=http, parse=parse, clock=clock)
        app[SERVICES] = services
        app[DISPATCHER] = Dispatcher(services=services)
        app[WEB_AUTH] = _web_auth(config)
        app[STARTED_AT] = time.monotonic()
        try:
            async with housekeeping.running(services):
                yield
        finally:
            await http.aclose()
            await db.dispose()

    return lifecycle


def build_app(
    config: Config,
    *,
    parse: ParseFn = nlu.parse,
    clock: Clock = utc_now,
    sandbox: web.Application | None = None,
) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app[CONFIG] = config
    app.cleanup_ctx.append(_lifecycle(parse, clock))
    web_routes.setup(app)
    oauth_routes.setup(app)
    health.setup(app)
    zoom_webhook_routes.setup(app)
    if config.slack is not None:  # Slack (issue 4): routes + its own cleanup_ctx lifecycle
        from adapters.slack import mount as slack_mount  # bolt is loaded only when enabled

        slack_mount.setup(app)
    if (
        config.sandbox
        and sandbox is None
        and config.zoom.api_base.startswith(f"{config.public_base_url}{SANDBOX_PREFIX}")
    ):
        sandbox = build_sandbox_app()
    if sandbox is not None:
        app.add_subapp(SANDBOX_PREFIX, sandbox)
    return app
