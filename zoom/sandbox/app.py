"""build_sandbox_app: a faithful local Zoom (OAuth + REST v2) as an aiohttp application."""

from __future__ import annotations

from collections.abc import Sequence

from aiohttp import web
from aiohttp.typedefs import Middleware

from zoom.sandbox import api_routes, control, oauth_routes
from zoom.sandbox.keys import STATE_KEY
from zoom.sandbox.state import SandboxState


def build_sandbox_app(
    *, state: SandboxState | None = None, middlewares: Sequence[Middleware] = ()
) -> web.Application:
    """`middlewares` run outermost (before fault injection), e.g. a contract validator.

    Works standalone and mounted: `app.add_subapp("/zoom-sandbox", build_sandbox_app())`.
    """
    app = web.Application(middlewares=[*middlewares, control.fault_middleware])
    app[STATE_KEY] = state if state is not None else SandboxState()
    oauth_routes.add_routes(app.router)
    api_routes.add_routes(app.router)
    control.add_routes(app.router)
    return app
