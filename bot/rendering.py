"""Render by reply type through a registry. An unhandled type is a loud TypeError."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, get_args

from bot import replies

Out = TypeVar("Out")
R = TypeVar("R")

ALL_REPLY_TYPES: tuple[type[Any], ...] = get_args(replies.Reply)


class Renderers(Generic[Out]):
    def __init__(self, platform: str) -> None:
        self._platform = platform
        self._fns: dict[type[Any], Callable[[Any], Out]] = {}

    def register(self, cls: type[R]) -> Callable[[Callable[[R], Out]], Callable[[R], Out]]:
        def add(fn: Callable[[R], Out]) -> Callable[[R], Out]:
            self._fns[cls] = fn
            return fn

        return add

    def render(self, reply: replies.Reply) -> Out:
        fn = self._fns.get(type(reply))
        if fn is None:
            raise TypeError(f"{self._platform} has no renderer for {type(reply).__name__}")
        return fn(reply)

    def missing(self) -> list[str]:
        return [cls.__name__ for cls in ALL_REPLY_TYPES if cls not in self._fns]
