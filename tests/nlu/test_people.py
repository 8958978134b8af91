from __future__ import annotations

from nlu.people import find_people
from nlu.types import Person


def test_mentions_of_each_platform() -> None:
    text = 'sync with <@U024BE7LH|amy>, <@!80351110224678912> and <at id="29:1">Bo Li</at>'
    people, spans = find_people(text, directory=(), taken=[])
    assert people == (
        Person(name="amy", mention_id="U024BE7LH"),
        Person(mention_id="80351110224678912"),
        Person(name="Bo Li", mention_id="29:1"),
    )
    assert len(spans) == 3


def test_names_after_with_and_invite() -> None:
    people, _ = find_people("meet with dave and Priya tomorrow", directory=(), taken=[])
    assert [p.name for p in people] == ["dave", "Priya"]
    people, _ = find_people("invite maría", directory=(), taken=[])
    assert [p.name for p in people] == ["maría"]


def test_pronouns_and_time_words_are_not_people() -> None:
    people, _ = find_people("meet with the team next friday", directory=(), taken=[])
    assert people == ()


def test_directory_lookup_by_first_name() -> None:
    known = (Person(name="Dave Smith", email="dave@example.com"),)
    people, _ = find_people("zoom with Dave for an hour", directory=known, taken=[])
    assert people == known
