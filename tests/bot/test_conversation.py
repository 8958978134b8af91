from __future__ import annotations

from typing import Any

import pytest

from bot.conversation import choice_for_answer

CONFIRM: dict[str, Any] = {
    "kind": "confirm",
    "choices": [["Yes, cancel it", "cancel_meeting:1"], ["No, keep it", "keep:1"]],
}
CHOOSE: dict[str, Any] = {
    "kind": "choose",
    "choices": [["A — Fri", "pick:1"], ["B — Sat", "pick:2"]],
}


@pytest.mark.parametrize("text", ["yes", "Yes!", "y", "sure", "yes please", "Yes, cancel it", "1"])
def test_yes_answers_pick_the_first_choice(text: str) -> None:
    assert choice_for_answer(CONFIRM, text) == "cancel_meeting:1"


@pytest.mark.parametrize("text", ["no", "nope", "No, keep it", "keep it", "2"])
def test_no_answers_pick_the_second(text: str) -> None:
    assert choice_for_answer(CONFIRM, text) == "keep:1"


def test_choices_by_number_or_label() -> None:
    assert choice_for_answer(CHOOSE, "2") == "pick:2"
    assert choice_for_answer(CHOOSE, "a — fri") == "pick:1"


@pytest.mark.parametrize("text", ["list my meetings", "3", "yes", "maybe later"])
def test_other_text_is_not_an_answer_to_a_choice(text: str) -> None:
    assert choice_for_answer(CHOOSE, text) is None
