"""Mount the Slack adapter in our aiohttp app: POST /slack/events (events, slash commands,
interactivity), and for multi-workspace installs GET /slack/install + /slack/oauth_redirect.
The bolt app, its HTTP session and the delivery task live in one cleanup_ctx lifecycle."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import Bridge
from adapters.slack.delivery import deliver_forever
from adapters.slack.directory import Directory, sdk_log
from adapters.slack.installations import SignedStateStore, SlackInstallationStore
from adapters.slack.listeners import register
from adapters.slack.sender import Sender
from bot.appkeys import CONFIG, DISPATCHER, SERVICES
from bot.config import Config, SlackSettings
from bot.services import Services
from storage.slack_installations import SlackInstallationRepository

EVENTS_PATH = "/slack/events"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
DRAIN_SECONDS = 5.0


@dataclass
class SlackRuntime:
    bolt: AsyncApp
    bridge: Bridge
    settings: SlackSettings
    session: aiohttp.ClientSession
    store: SlackInstallationStore | None

    def client(self, token: str | None) -> AsyncWebClient:
        return web_client(token, self.settings, self.session)

    async def client_for(self, team_id: str) -> AsyncWebClient | None:
        if self.store is None:
            return self.client(self.settings.bot_token)
        bot = await self.store.async_find_bot(enterprise_id=None, team_id=team_id)
        return None if bot is None else self.client(bot.bot_token)


SLACK = web.AppKey("slack", SlackRuntime)


def web_client(
    token: str | None, settings: SlackSettings, session: aiohttp.ClientSession
) -> AsyncWebClient:
    return AsyncWebClient(token=token, base_url=settings.api_url, session=session, logger=sdk_log)


def _bolt(config: Config, settings: SlackSettings, client: AsyncWebClient,
          store: SlackInstallationStore | None) -> AsyncApp:  # fmt: skip
    """process_before_response: our listeners only ack and hand the work to a background
    task, so bolt may answer as soon as they return instead of polling for the ack every 10 ms
    while the listener runs on."""
    if store is None:
        return AsyncApp(
            signing_secret=settings.signing_secret, client=client, process_before_response=True
        )
    assert settings.client_id is not None and settings.client_secret is not None
    oauth = AsyncOAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=list(settings.scopes),
        redirect_uri=f"{config.public_base_url}{REDIRECT_PATH}",
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=store,
        installation_store_bot_only=True,
        state_store=SignedStateStore(secret=settings.client_secret + settings.signing_secret),
    )
    return AsyncApp(
        signing_secret=settings.signing_secret,
        client=client,
        process_before_response=True,  # see _bolt's docstring
        installation_store=store,
        installation_store_bot_only=True,
        oauth_settings=oauth,
    )


def _runtime(app: web.Application, session: aiohttp.ClientSession) -> SlackRuntime:
    config, services = app[CONFIG], app[SERVICES]
    settings = config.slack
    assert settings is not None
    store = None
    if settings.oauth:
        repo = SlackInstallationRepository(
            db=services.db, cipher=services.cipher, clock=services.clock
        )
        store = SlackInstallationStore(repo)
    token = None if settings.oauth else settings.bot_token
    client = web_client(token, settings, session)
    bolt = _bolt(config, settings, client, store)
    bridge = Bridge(
        dispatcher=app[DISPATCHER],
        directory=Directory(),
        sender=Sender(session=session),
        clock=services.clock,
    )
    register(bolt, bridge, oauth=settings.oauth)
    return SlackRuntime(bolt, bridge, settings, session, store)


async def _lifecycle(app: web.Application) -> AsyncIterator[None]:
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
    runtime = _runtime(app, session)
    app[SLACK] = runtime
    delivery = asyncio.create_task(_deliver(app[SERVICES], runtime))
    try:
        yield
    finally:
        delivery.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await delivery
        await runtime.bridge.drain(DRAIN_SECONDS)
        await session.close()


async def _deliver(services: Services, runtime: SlackRuntime) -> None:
    sender = Sender(session=runtime.session)
    worker = f"slack-{uuid.uuid4().hex[:8]}"
    await deliver_forever(services, sender=sender, client_for=runtime.client_for, worker=worker)


async def events(request: web.Request) -> web.Response:
    bolt_response = await request.app[SLACK].bolt.async_dispatch(await to_bolt_request(request))
    return await to_aiohttp_response(bolt_response)


async def install(request: web.Request) -> web.Response:
    flow = request.app[SLACK].bolt.oauth_flow
    assert flow is not None
    return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))


async def oauth_redirect(request: web.Request) -> web.Response:
    flow = request.app[SLACK].bolt.oauth_flow
    assert flow is not None
    return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))


def setup(app: web.Application) -> None:
    """Call from build_app when config.slack is set, after the core lifecycle is added."""
    settings = app[CONFIG].slack
    if settings is None:
        return
    app.router.add_post(EVENTS_PATH, events)
    if settings.oauth:
        app.router.add_get(INSTALL_PATH, install)
        app.router.add_get(REDIRECT_PATH, oauth_redirect)
    app.cleanup_ctx.append(_lifecycle)
