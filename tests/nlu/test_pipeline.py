from __future__ import annotations

from nlu.pipeline import analyse, get_nlp


def test_the_pipeline_is_blank_english_plus_rules() -> None:
    nlp = get_nlp()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["entity_ruler", "nlu_times"]
    assert get_nlp() is nlp  # built once


def test_entities_and_time_spans() -> None:
    doc = analyse(
        "sync with bob@example.com and <@U1ABC> for 45 minutes tomorrow at 3pm, id 987654321"
    )
    ents = {(e.label_, e.text) for e in doc.ents}
    assert ("EMAIL", "bob@example.com") in ents
    assert ("MENTION", "<@U1ABC>") in ents
    assert ("DURATION", "45 minutes") in ents
    assert ("MEETING_NUMBER", "987654321") in ents
    assert [s.text for s in doc.spans["time"]] == ["tomorrow at 3pm"]


def test_a_duration_is_not_a_time_span() -> None:
    doc = analyse("a 30 minute sync")
    assert list(doc.spans["time"]) == []
    assert [(e.label_, e.text) for e in doc.ents] == [("DURATION", "30 minute")]
