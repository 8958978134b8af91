"""Fault injection and test controls: a middleware plus HTTP routes under /_sandbox/."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from zoom.sandbox.api_routes import zoom_error
from zoom.sandbox.keys import state_of
from zoom.sandbox.state import Fault, SandboxState

_MESSAGES = {
    "QPS": "You have reached the maximum per-second rate limit for this API. Try again later.",
    "Daily-limit": "You have reached the maximum daily rate limit for this API. "
    "Refer to the response header for details on when you can make another request.",
}


def rate_limit_headers(state: SandboxState, fault: Fault) -> dict[str, str]:
    """Zoom's 429 headers (rate-limits.md): Reset (Unix time) on QPS, Retry-After on daily."""
    now = state.clock()
    headers = {
        "X-RateLimit-Category": "Medium",
        "X-RateLimit-Type": fault.rate_limit_type,
        "X-RateLimit-Limit": "20" if fault.rate_limit_type == "QPS" else "2000",
        "X-RateLimit-Remaining": "0",
    }
    if fault.rate_limit_type == "QPS":
        headers["X-RateLimit-Reset"] = str(int(now.timestamp()) + 1)
    else:
        tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        headers["Retry-After"] = tomorrow.strftime("%Y-%m-%dT%H:%M:%SZ")
    return headers | fault.headers


def fault_response(state: SandboxState, fault: Fault) -> web.Response:
    assert fault.status is not None
    if fault.status == 429:
        message = _MESSAGES.get(fault.rate_limit_type, _MESSAGES["QPS"])
        response = zoom_error(429, 429, message)
        response.headers.update(rate_limit_headers(state, fault))
        return response
    response = zoom_error(fault.status, fault.status, "Sandbox fault injected.")
    response.headers.update(fault.headers)
    return response


@web.middleware
async def fault_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    state = state_of(request)
    if "/_sandbox/" in request.path:
        return await handler(request)
    state.requests.append((request.method, request.path))
    fault = state.take_fault(request.method, request.path)
    if fault is not None and fault.delay_seconds > 0:
        await asyncio.sleep(fault.delay_seconds)
    if fault is not None and fault.status is not None:
        return fault_response(state, fault)
    return await handler(request)


async def add_fault(request: web.Request) -> web.Response:
    data: Any = await request.json()
    if not isinstance(data, dict) or "method" not in data or "path" not in data:
        return web.json_response({"error": "need at least method and path"}, status=400)
    allowed = {"method", "path", "status", "times", "delay_seconds", "headers", "rate_limit_type"}
    fault = state_of(request).add_fault(Fault(**{k: v for k, v in data.items() if k in allowed}))
    return web.json_response(asdict(fault), status=201)


async def clear_faults(request: web.Request) -> web.Response:
    state_of(request).faults.clear()
    return web.Response(status=204)


async def expire(request: web.Request) -> web.Response:
    count = state_of(request).expire_access_tokens(request.match_info["email"])
    return web.json_response({"expired": count})


async def revoke_user(request: web.Request) -> web.Response:
    count = state_of(request).revoke(request.match_info["email"])
    return web.json_response({"revoked": count})


async def stats(request: web.Request) -> web.Response:
    state = state_of(request)
    return web.json_response(
        {
            "token_requests": dict(state.token_requests),
            "requests": len(state.requests),
            "meetings": len(state.meetings),
            "users": len(state.users),
        }
    )


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_post("/_sandbox/faults", add_fault)
    router.add_delete("/_sandbox/faults", clear_faults)
    router.add_post("/_sandbox/users/{email}/expire_access_tokens", expire)
    router.add_post("/_sandbox/users/{email}/revoke", revoke_user)
    router.add_get("/_sandbox/stats", stats)
