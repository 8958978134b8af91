"""Explicit time zones in the text: "3pm CET", "noon Berlin time", "in Europe/Berlin"."""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache

ABBREVIATIONS: dict[str, str] = {
    "utc": "UTC", "gmt": "UTC", "z": "UTC",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "wet": "Europe/Lisbon",
    "eet": "Europe/Athens", "bst": "Europe/London",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "ist": "Asia/Kolkata", "jst": "Asia/Tokyo", "aest": "Australia/Sydney",
    "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong",
}  # fmt: skip
_ABBR_RX = re.compile(r"(?<=\d|m)\s*\b(" + "|".join(ABBREVIATIONS) + r")\b")
_IANA_RX = re.compile(r"\b([A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\b")
_CITY_RX = re.compile(r"\b([a-z]+(?: [a-z]+)?) time\b")


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> IANA zone, from the zone database itself (read once, lazily)."""
    out: dict[str, str] = {}
    for name in _zone_names():
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            out.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return out


def find_zone(text: str, norm: str) -> tuple[str, int, int] | None:
    """An explicit zone and its span in the normalised text, if the text names one."""
    iana = _IANA_RX.search(text)
    if iana and iana.group(1) in _zone_names():
        return iana.group(1), iana.start(), iana.end()
    abbr = _ABBR_RX.search(norm)
    if abbr:
        return ABBREVIATIONS[abbr.group(1)], abbr.start(1), abbr.end(1)
    for m in _CITY_RX.finditer(norm):
        words = m.group(1).split()
        for cand in (" ".join(words), words[-1]):
            if cand in _cities():
                return _cities()[cand], m.end(1) - len(cand), m.end()
    return None
