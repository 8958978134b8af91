from __future__ import annotations

import pytest

from adapters.web.render import renderers as web_renderers
from bot import replies
from bot.rendering import Renderers


def test_web_renders_every_reply_type() -> None:
    assert web_renderers.missing() == []


def test_an_unregistered_reply_type_fails_loudly() -> None:
    empty: Renderers[str] = Renderers("test")
    with pytest.raises(TypeError, match="no renderer for Notice"):
        empty.render(replies.Notice(text="hi"))
