"""JSON round trip for our frozen dataclasses (events, replies), by their type hints.

Used to keep a pending command, an idempotent result or an outbox message in storage.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from bot import replies

T = TypeVar("T")
Json = Any

REPLY_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in get_args(replies.Reply)
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
}


def to_json(value: Any) -> Json:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def from_json(cls: type[T], data: Json) -> T:
    return typing.cast(T, _decode(cls, data))


def _decode(tp: Any, data: Json) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in get_args(tp) if a is not type(None)]
        return _decode(options[0], data)
    if origin is tuple:
        return tuple(_decode(get_args(tp)[0], item) for item in data)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = get_type_hints(tp)
        kwargs = {f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(tp)}
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp is datetime:
        return datetime.fromisoformat(data)
    if tp is date:
        return date.fromisoformat(data)
    if tp is timedelta:
        return timedelta(seconds=data)
    return data


def reply_to_json(reply: replies.Reply) -> dict[str, Json]:
    return {"type": type(reply).__name__, "data": to_json(reply)}


def reply_from_json(data: dict[str, Json]) -> replies.Reply:
    cls = REPLY_TYPES.get(data.get("type", ""))
    if cls is None:
        raise TypeError(f"unknown reply type {data.get('type')!r}")
    return typing.cast(replies.Reply, from_json(cls, data["data"]))
