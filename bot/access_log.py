"""An access log without query strings: OAuth codes and states travel there."""

from __future__ import annotations

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger


class PathOnlyAccessLogger(AbstractAccessLogger):
    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            '%s "%s %s" %d %.1fms',
            request.remote,
            request.method,
            request.path,
            response.status,
            time * 1000,
        )
