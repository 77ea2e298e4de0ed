"""Dates as intervals: `2013` is any day of 2013, not 1 January 2013.

Every date cell denotes the interval of days it may be, [earliest, latest]:

    2013-03-16          that day                      (precision day)
    2013-03 / 2013      any day of that month / year  (precision month / year)
    2018-03..2018-05-15 between the two, inclusive    (precision range)
    ..2018-05-15        no later than                 (precision range, no earliest)
    2013..              no earlier than               (precision range, no latest)
    unknown             unbounded                     (precision unknown)

Each side of `..` is itself a day, month or year: `2018..2019` runs from 2018-01-01 to
2019-12-31.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

UNKNOWN = "unknown"
RANGE = ".."
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, a range A..B, ..B, A.. or unknown"


@dataclass(frozen=True, slots=True)
class DateBounds:
    """The days a date cell may denote: `earliest` and `latest`, None where unbounded."""

    text: str
    precision: str  # day | month | year | range | unknown
    earliest: dt.date | None
    latest: dt.date | None

    @property
    def known(self) -> bool:
        """True when at least one bound is known."""
        return self.earliest is not None or self.latest is not None


@lru_cache(maxsize=1 << 16)  # extracts repeat dates; DateBounds is immutable
def parse_date(text: str) -> DateBounds:
    """Parse any of the FORMS; ValueError says what is wrong."""
    text = text.strip()
    if text.lower() == UNKNOWN:
        return DateBounds(UNKNOWN, UNKNOWN, None, None)
    if RANGE in text:
        first, _, last = text.partition(RANGE)
        if not first and not last:
            raise ValueError(f"{text!r}: a range needs at least one side (write unknown)")
        earliest = _single(first).earliest if first else None
        latest = _single(last).latest if last else None
        if earliest and latest and latest < earliest:
            raise ValueError(f"{text!r}: the earliest day comes after the latest")
        return DateBounds(text, "range", earliest, latest)
    return _single(text)


def _single(text: str) -> DateBounds:
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date: write {FORMS}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if year < 1800 or year > 2200:
        raise ValueError(f"{text!r}: year {year} is out of range")
    if month is None:
        return DateBounds(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return DateBounds(text, "month", dt.date(year, month, 1), dt.date(year, month, last))
    if not 1 <= day <= last:
        raise ValueError(f"{text!r}: {year}-{month:02d} has no day {day}")
    return DateBounds(text, "day", dt.date(year, month, day), dt.date(year, month, day))


def parse_as_of(value: str | dt.date) -> dt.date:
    """A full day for "as of" questions; a partial date is refused rather than guessed."""
    if isinstance(value, dt.date):
        return value
    parsed = parse_date(str(value))
    if parsed.precision != "day":
        raise ValueError(f"{value!r}: give a full date YYYY-MM-DD for 'as of'")
    return parsed.earliest  # type: ignore[return-value]


def from_stored(earliest: dt.date | None, latest: dt.date | None, precision: str) -> DateBounds:
    """The bounds a date cell had, rebuilt from what the graph stores of it."""
    if precision == "day" and earliest:
        return DateBounds(earliest.isoformat(), precision, earliest, latest)
    if precision == "month" and earliest:
        return DateBounds(earliest.isoformat()[:7], precision, earliest, latest)
    if precision == "year" and earliest:
        return DateBounds(str(earliest.year), precision, earliest, latest)
    if precision == "range":
        text = f"{earliest.isoformat() if earliest else ''}..{latest.isoformat() if latest else ''}"
        return DateBounds(text, precision, earliest, latest)
    return DateBounds(UNKNOWN, UNKNOWN, None, None)
