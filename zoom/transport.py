"""One HTTP exchange with Zoom's REST API: bounded retries and error translation.

This is the single place where httpx errors and HTTP statuses become ZoomError.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from zoom.errors import (
    ZoomNotFound,
    ZoomOutcomeUnknown,
    ZoomRateLimited,
    ZoomRejected,
    ZoomUnavailable,
)
from zoom.retry import backoff_seconds, rate_limit_wait

IDEMPOTENT = frozenset({"GET", "PATCH", "PUT", "DELETE"})


@dataclass(frozen=True, slots=True)
class Call:
    method: str
    url: str
    params: Mapping[str, str | int] | None = None
    json: Any = None

    @property
    def idempotent(self) -> bool:
        return self.method in IDEMPOTENT


class Transport:
    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        sleep: Callable[[float], Awaitable[None]],
        clock: Callable[[], datetime],
        max_attempts: int,
        max_backoff_seconds: float,
    ) -> None:
        self._http = http
        self._sleep = sleep
        self._clock = clock
        self._max_attempts = max(1, max_attempts)
        self._budget = max_backoff_seconds

    async def send(self, call: Call, *, token: str) -> httpx.Response:
        """The response (2xx or 401, which the caller handles); anything else raises."""
        slept = 0.0
        for attempt in range(1, self._max_attempts + 1):
            last = attempt == self._max_attempts
            response = await self._attempt(call, token=token, retryable=not last)
            if response is None:  # a retryable connection failure
                wait = self._fit(backoff_seconds(attempt), slept)
            elif response.status_code == 429:
                wait = self._rate_limit_wait(response, slept, last=last)
            elif response.status_code >= 500 and call.idempotent and not last:
                wait = self._fit(backoff_seconds(attempt), slept)
            else:
                return _checked(response, call)
            if wait is None:
                raise self._final_error(response, call)
            await self._sleep(wait)
            slept += wait
        raise AssertionError("unreachable: the last attempt always returns or raises")

    async def _attempt(self, call: Call, *, token: str, retryable: bool) -> httpx.Response | None:
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            return await self._http.request(
                call.method, call.url, params=call.params, json=call.json, headers=headers
            )
        except httpx.ConnectError as exc:  # nothing reached Zoom: safe to retry, even a POST
            if retryable:
                return None
            raise ZoomUnavailable(f"cannot connect to Zoom ({call.method})") from exc
        except httpx.TransportError as exc:
            if not call.idempotent:
                raise ZoomOutcomeUnknown(
                    f"Zoom {call.method} may or may not have happened (no answer)"
                ) from exc
            if retryable:
                return None
            raise ZoomUnavailable(f"Zoom did not answer ({call.method})") from exc

    def _fit(self, wait: float, slept: float) -> float | None:
        return wait if slept + wait <= self._budget else None

    def _rate_limit_wait(
        self, response: httpx.Response, slept: float, *, last: bool
    ) -> float | None:
        wait = rate_limit_wait(response.headers, now=self._clock())
        if last or wait is None:
            return None
        return self._fit(wait, slept)

    def _final_error(self, response: httpx.Response | None, call: Call) -> Exception:
        if response is None:
            return ZoomUnavailable(f"cannot reach Zoom ({call.method}), retries exhausted")
        if response.status_code == 429:
            hint = rate_limit_wait(response.headers, now=self._clock())
            return ZoomRateLimited(_message(response), retry_after_seconds=hint)
        return ZoomUnavailable(f"Zoom answered {response.status_code} ({call.method})")


def _checked(response: httpx.Response, call: Call) -> httpx.Response:
    status = response.status_code
    if status < 400 or status == 401:
        return response
    message = _message(response)
    if status == 404:
        raise ZoomNotFound(message)
    if status >= 500:
        if not call.idempotent:
            raise ZoomOutcomeUnknown(f"Zoom answered {status} to {call.method}: {message}")
        raise ZoomUnavailable(f"Zoom answered {status}: {message}")
    raise ZoomRejected(message, status=status, code=_code(response))


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _message(response: httpx.Response) -> str:
    message = _body(response).get("message")
    return message if isinstance(message, str) and message else response.reason_phrase


def _code(response: httpx.Response) -> int | None:
    code = _body(response).get("code")
    return code if isinstance(code, int) else None
