"""Typed application keys shared by the sandbox's route modules."""

from __future__ import annotations

from aiohttp import web

from zoom.sandbox.state import SandboxState

STATE_KEY = web.AppKey("zoom_sandbox_state", SandboxState)


def state_of(request: web.Request) -> SandboxState:
    return request.app[STATE_KEY]


def absolute(request: web.Request, route: str, **parts: str) -> str:
    """An absolute URL for a named route, prefix included when mounted as a sub-app."""
    return str(request.url.join(request.app.router[route].url_for(**parts)))
