"""Partial dates: `2013` is a year, not 1 January 2013.

A partial date is the interval it may denote: `earliest` (first day) to `latest` (last day),
with the precision it was written with. `unknown` is a date nobody knows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

UNKNOWN = "unknown"
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day; or unknown (`earliest` is None)."""

    text: str
    precision: str  # year | month | day | unknown
    earliest: dt.date | None
    latest: dt.date | None

    @property
    def known(self) -> bool:
        return self.earliest is not None


def parse_partial_date(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `unknown`; ValueError says what is wrong."""
    text = text.strip()
    if text.lower() == UNKNOWN:
        return PartialDate(UNKNOWN, UNKNOWN, None, None)
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or unknown")
    year, month, day = (int(g) if g else None for g in match.groups())
    if year < 1800 or year > 2200:
        raise ValueError(f"{text!r}: year {year} is out of range")
    if month is None:
        return PartialDate(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return PartialDate(text, "month", dt.date(year, month, 1), dt.date(year, month, last))
    if not 1 <= day <= last:
        raise ValueError(f"{text!r}: {year}-{month:02d} has no day {day}")
    return PartialDate(text, "day", dt.date(year, month, day), dt.date(year, month, day))


def parse_as_of(value: str | dt.date) -> dt.date:
    """A full day for "as of" questions; a partial date is refused rather than guessed."""
    if isinstance(value, dt.date):
        return value
    parsed = parse_partial_date(str(value))
    if parsed.precision != "day":
        raise ValueError(f"{value!r}: give a full date YYYY-MM-DD for 'as of'")
    return parsed.earliest  # type: ignore[return-value]
