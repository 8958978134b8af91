"""Text normalisation with an offset map back to the original text.

The rule components work on a normalised copy of the message: lower case, number words
turned into digits ("twenty fourth" -> "24th", "five-thirty" -> "5-30"), meridiem
spellings folded ("p . m .", "a.m.", "p m" -> "pm") and a few abbreviations expanded.
Every character of the copy keeps the index of the original character it came from, so
spans found on the copy map back onto the user's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_ORD_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = {"twentieth": 20, "thirtieth": 30}

CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | _TENS
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORD_UNITS)} | _ORD_TENS

_UNIT_ALT = "|".join(sorted(_UNITS[1:] + _ORD_UNITS[1:], key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
# "second" is a number only when it reads as a date ("second of aug", "the second").
_NUMBER_RX = re.compile(
    rf"\b(?:(?P<tens>{_TENS_ALT})(?:[- ](?P<unit>{_UNIT_ALT}))?"
    rf"|(?P<ordtens>twentieth|thirtieth)|(?P<single>{_UNIT_ALT}))\b"
)
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}

_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[\d\s])(a|p)\s*\.?\s*m\b(?:\s*\.)?"), r"\1m"),
    (re.compile(r"(?<=\d)(a|p)\b\.?"), r"\1m"),
    (re.compile(r"\b(tmrw|tmrow|tmr|tomorow|tommorow|tomorrows)\b"), "tomorrow"),
    (re.compile(r"\bo'?\s?clock\b"), "oclock"),
    (re.compile(r"\bmid[- ]night\b"), "midnight"),
    (re.compile(r"\bmid[- ]day\b"), "midday"),
    (re.compile(r"\bampm\b"), "pm"),
    (re.compile(r"\b1:1s?\b|\b1-on-1s?\b|\bone[- ]on[- ]ones?\b"), "oneonone"),
    (re.compile(r"[’‘]"), "'"),
    (re.compile(r"\s'\s?(s|m|re|ll|d|ve|t)\b"), r"'\1"),
)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# Spoken years, after the number words became digits: "19 hundred 93", "2 thousand and 32",
# and "19 86" right after a day and month ("january 25 19 86").
_YEAR_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(1[0-9]|20) hundred (?:and )?([1-9])\b"), r"\g<1>0\2"),
    (re.compile(r"\b(1[0-9]|20) hundred (?:and )?([1-9]\d)\b"), r"\1\2"),
    (re.compile(r"\b2 thousand (?:and )?([1-9])\b"), r"200\1"),
    (re.compile(r"\b2 thousand (?:and )?([1-9]\d)\b"), r"20\1"),
    (re.compile(r"\b2 thousand\b"), "2000"),
    (
        re.compile(
            rf"((?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}),? )"
            r"(1[5-9]|20) ([1-9]\d)\b"
        ),
        r"\1\2\3",
    ),
)


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in the original of text[i]; one extra at end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map [start, end) on the normalised text back onto the original text."""
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[
            start
        ]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"


def _number_word(m: re.Match[str]) -> str | None:
    word = m.group(0)
    if m.group("ordtens"):
        return _ordinal(ORDINALS[m.group("ordtens")])
    if m.group("tens"):
        base = _TENS[m.group("tens")]
        unit = m.group("unit")
        if unit is None:
            return str(base)
        if unit in ORDINALS:
            return _ordinal(base + ORDINALS[unit])
        if CARDINALS[unit] >= 10:
            return None  # "thirty twelve" is not a number
        return str(base + CARDINALS[unit])
    if word in ORDINALS:
        return _ordinal(ORDINALS[word])
    return str(CARDINALS[word])


def _sub(text: str, offsets: list[int], rx: re.Pattern[str], repl: str | None) -> str:
    """Apply one substitution while keeping the offset map in step."""
    out: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for m in rx.finditer(text):
        if repl is None:
            if m.group(0) == "second" and not _second_is_date(text, m):
                continue
            rep = _number_word(m)
        else:
            rep = m.expand(repl)
        if rep is None:
            continue
        out.append(text[pos : m.start()])
        new_offsets.extend(offsets[pos : m.start()])
        out.append(rep)
        span = offsets[m.start() : m.end()] or [offsets[m.start()]]
        last = len(rep) - 1
        new_offsets.extend(
            span[-1] if i == last else span[min(i, len(span) - 1)] for i in range(len(rep))
        )
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    offsets[:] = new_offsets
    return "".join(out)


def _second_is_date(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 4]
    before = text[max(0, m.start() - 4) : m.start()]
    return after.startswith(" of") or before.endswith("the ") or bool(_MONTH_BEFORE.search(before))


_MONTH_BEFORE = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? $")


@lru_cache(maxsize=4096)
def normalize(text: str) -> Normalized:
    low = text.lower()
    offsets = [*range(len(low)), len(low)]
    body = offsets[:-1]
    for rx, repl in _REWRITES:
        low = _sub(low, body, rx, repl)
    low = _sub(low, body, _NUMBER_RX, None)
    for rx, repl in _YEAR_WORDS:
        low = _sub(low, body, rx, repl)
    # "5-30", "7 27" after a number word are clock times; the grammar reads them.
    return Normalized(low, (*body, len(text)))
