from __future__ import annotations

import pytest

from nlu.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty Fourth of May", "24th of may"),
        ("at five-thirty p . m .", "at 5-30 pm"),
        ("seven a.m. tmrw", "7 am tomorrow"),
        ("at 9a", "at 9am"),
        ("the second of aug", "the 2nd of aug"),
        ("a 30 second clip", "a 30 second clip"),
        ("what ' s on", "what's on"),
        ("my 1:1 with dave", "my oneonone with dave"),
    ],
)
def test_normalized_text(text: str, expected: str) -> None:
    assert normalize(text).text == expected


def test_offsets_map_back_to_the_original() -> None:
    text = "Meet Twenty Fourth of May at 9a"
    norm = normalize(text)
    start = norm.text.index("24th")
    s, e = norm.original_span(start, start + len("24th of may"))
    assert text[s:e] == "Twenty Fourth of May"
