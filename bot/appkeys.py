"""Typed keys for what the aiohttp application holds."""

from __future__ import annotations

from aiohttp import web

from bot.config import Config
from bot.dispatcher import Dispatcher
from bot.services import Services
from bot.web_auth import WebAuth

CONFIG = web.AppKey("config", Config)
SERVICES = web.AppKey("services", Services)
DISPATCHER = web.AppKey("dispatcher", Dispatcher)
WEB_AUTH = web.AppKey("web_auth", WebAuth)
STARTED_AT = web.AppKey("started_at", float)
