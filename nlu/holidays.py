"""Fixed and computed holidays that people name as dates ("2 weeks before christmas")."""

from __future__ import annotations

from datetime import date, timedelta

_FIXED: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas": (12, 25), "xmas": (12, 25), "boxing day": (12, 26),
    "new year eve": (12, 31), "new year": (1, 1), "halloween": (10, 31), "valentine": (2, 14),
    "saint patrick": (3, 17), "earth day": (4, 22), "independence day": (7, 4),
    "workers day": (5, 1), "may day": (5, 1),
}  # fmt: skip


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _canonical(name: str) -> str:
    name = (
        name.replace("'s", "").replace("'", "").replace("st. ", "saint ").replace("st ", "saint ")
    )
    name = name.replace("international ", "").replace(" day", " day")
    for key in ("new year eve", "new years eve"):
        if name.startswith(key):
            return "new year eve"
    if name.startswith("new year"):
        return "new year"
    if name.startswith(("valentine", "saint patrick")):
        return "valentine" if name.startswith("valentine") else "saint patrick"
    return name.replace("workers day", "workers day")


def on_year(name: str, year: int) -> date:
    key = _canonical(name)
    if key in _FIXED:
        month, day = _FIXED[key]
        return date(year, month, day)
    if key.startswith("easter"):
        return easter(year) + timedelta(days=1 if key.endswith("monday") else 0)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    if key == "thanksgiving":
        return _thanksgiving(year)
    if key == "black friday":
        return _thanksgiving(year) + timedelta(days=1)
    raise ValueError(f"unknown holiday {name!r}")


def holiday_date(name: str, *, today: date, year: int | None, mod: str | None) -> date:
    """The holiday in `year`, else the next one on/after today ("last": the one before)."""
    if year is not None:
        return on_year(name, year)
    this = on_year(name, today.year)
    if mod in ("last", "previous"):
        return this if this < today else on_year(name, today.year - 1)
    upcoming = this if this >= today else on_year(name, today.year + 1)
    if mod == "following" and this >= today:
        return on_year(name, today.year + 1)
    return upcoming
