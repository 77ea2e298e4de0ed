"""Synthetic extracts of any size with a realistic shape, for benchmarks and load tests.

`write_synthetic(folder, positions=N, seed=S)` writes a valid lsg-csv extract: persons with a
heavy-tailed number of posts (the same shape at every size), bodies in a reporting tree,
bodies renamed, upgraded, merged and abolished over time (`REPLACED_BY` chains), dates at
every precision and in bounded forms, deaths, disputes with two claims, attestations and
sources. The same seed gives the same files; rows are written as they are made, so memory
stays flat at any size.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from collections.abc import Iterator
from contextlib import ExitStack
from itertools import accumulate
from pathlib import Path

from .schema import BODY_KINDS, ROLES, TABLES

PORTFOLIOS = ("economy", "security", "foreign affairs", "propaganda", "party affairs", "taiwan")
CHANGES = ("renamed", "upgraded", "merged", "abolished")
FIRST, LAST = dt.date(1980, 1, 1), dt.date(2025, 12, 31)
CAREER_TAIL = (1.2, 40.0)  # posts per person: Pareto shape, and the cap on a weight


def write_synthetic(folder: str | Path, positions: int, seed: int = 1) -> Path:
    """Write an extract with `positions` posts into `folder` (created); return the folder."""
    if positions < 1:
        raise ValueError("positions must be at least 1")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_persons = max(10, positions // 10)
    n_bodies = max(20, positions // 100)
    n_sources = max(10, positions // 50)
    with ExitStack() as stack:
        writers = {}
        for table in ("sources", "persons", "bodies", "positions", "body_links", "disputes",
                      "attestations"):
            handle = stack.enter_context(open(out / f"{table}.csv", "w", newline="",
                                              encoding="utf-8"))
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(TABLES[table].names)
            writers[table] = writer
        for i in range(n_sources):
            writers["sources"].writerow([f"syn-s{i}", f"Synthetic source {i}",
                                         f"https://example.org/synthetic/{i}", "Example",
                                         "", "2026-11-29", "reference"])
        died = {}
        for i in range(n_persons):
            death = _day(rng, dt.date(2000, 1, 1), LAST) if rng.random() < 0.05 else None
            if death:
                died[i] = death
            writers["persons"].writerow([f"syn-p{i}", f"Person {i}", "", "",
                                         rng.randint(1930, 1975),
                                         death.isoformat() if death else "", "",
                                         _cite(rng, n_sources), ""])
        bodies = _bodies(rng, writers, n_bodies, n_sources)
        _positions(rng, writers, positions, n_persons, n_bodies, n_sources, died, bodies)
    (out / "manifest.json").write_text(json.dumps({
        "name": "synthetic", "version": str(seed), "format": "lsg-csv",
        "description": f"Synthetic extract: {positions} positions, seed {seed}."}, indent=2))
    return out


def _bodies(rng: random.Random, writers: dict, n_bodies: int,
            n_sources: int) -> tuple[dict[int, dt.date], dict[int, dt.date]]:
    """Bodies in a reporting tree; some replaced by later ones. Returns each body's first day
    and, for the replaced ones, last day."""
    ends: dict[int, dt.date] = {}
    begins: dict[int, dt.date] = {}
    for i in range(n_bodies):
        established = rng.randint(1950, 1979)
        begins[i] = dt.date(established, 1, 1)
        writers["bodies"].writerow([f"syn-b{i}", f"Body {i}", "", rng.choice(BODY_KINDS[:8]),
                                    rng.choice(("party", "state", "military")),
                                    rng.choice(PORTFOLIOS), established, "", "unknown", "",
                                    _cite(rng, n_sources), "", ""])
        if i:
            writers["body_links"].writerow([f"syn-b{i}", f"syn-b{rng.randrange(i)}", "REPORTS_TO",
                                            "unknown", "", "", "medium",
                                            _cite(rng, n_sources), "", ""])
    for i in range(n_bodies - 1):
        if rng.random() < 0.1:  # replaced by a later body: chains, never cycles
            when = _day(rng, dt.date(2000, 1, 1), dt.date(2024, 12, 31))
            ends[i] = when
            writers["body_links"].writerow([f"syn-b{i}", f"syn-b{rng.randrange(i + 1, n_bodies)}",
                                            "REPLACED_BY", when.isoformat()[:7], "",
                                            rng.choice(CHANGES), "high", _cite(rng, n_sources),
                                            "", ""])
    return begins, ends


def _positions(rng: random.Random, writers: dict, count: int, n_persons: int, n_bodies: int,
               n_sources: int, died: dict, bodies: tuple[dict, dict]) -> None:
    _, ends = bodies
    seen: set[int] = set()
    made = 0
    for person, body, role in _posts(rng, n_persons, n_bodies):
        if made >= count:
            return
        start = _day(rng, FIRST, min(LAST, died.get(person, LAST), ends.get(body, LAST)))
        stop = min(died.get(person, LAST + dt.timedelta(days=1)), ends.get(body, LAST),
                   start + dt.timedelta(days=rng.randint(200, 4000)))
        start_text, end_text = _dates(rng, start, stop, open_end=stop > LAST)
        title = f"Post {rng.randrange(50)}"
        key = hash((person, body, role, title, start_text, end_text))
        if key in seen or stop <= start:
            continue
        seen.add(key)
        # a dispute needs room for its rival claim: never on the last row
        dispute = (f"syn-d{made}" if role == "chair" and made + 1 < count
                   and rng.random() < 0.01 else "")
        row = [f"syn-p{person}", f"syn-b{body}", role, title, start_text, end_text,
               rng.choice(("high", "medium", "medium", "low")), _cite(rng, n_sources), "",
               dispute, ""]
        writers["positions"].writerow(row)
        made += 1
        if dispute:  # a rival claim: someone else chaired it
            rival = (person + 1) % n_persons
            writers["positions"].writerow([f"syn-p{rival}", *row[1:]])
            writers["disputes"].writerows([
                [dispute, f"Who chaired Body {body}", f"Person {person}", row[7], ""],
                [dispute, f"Who chaired Body {body}", f"Person {rival}", row[7], ""]])
            made += 1
        elif start_text == start.isoformat() and rng.random() < 0.01:
            writers["attestations"].writerow([f"syn-p{person}", f"syn-b{body}", role, title,
                                              start.isoformat(), _cite(rng, n_sources), ""])


def _posts(rng: random.Random, n_persons: int, n_bodies: int) -> Iterator[tuple[int, int, str]]:
    """Persons drawn with a heavy tail, bodies evenly, roles skewed. A person's weight is
    Pareto-distributed and capped (CAREER_TAIL), so that most hold a few posts and a few
    a hundred or more, at every size: the tail must not grow with the extract (a share of all
    posts per person gave one person 21,500 posts at 1M, on 1,071 bodies on one day)."""
    shape, cap = CAREER_TAIL
    people = range(n_persons)
    cumulative = list(accumulate(min(cap, rng.paretovariate(shape)) for _ in people))
    roles = (5, 15, 5, 2, 73)  # chair, deputy, office_director, secretary_general, member
    while True:
        person = rng.choices(people, cum_weights=cumulative)[0]
        yield person, rng.randrange(n_bodies), rng.choices(ROLES, roles)[0]


def _dates(rng: random.Random, start: dt.date, stop: dt.date, open_end: bool) -> tuple[str, str]:
    """The start and end as a row would give them: any precision, bounded forms, unknown."""
    form = rng.random()
    if form < 0.45:
        start_text = start.isoformat()
    elif form < 0.65:
        start_text = start.isoformat()[:7]
    elif form < 0.8:
        start_text = str(start.year)
    elif form < 0.92:
        start_text = f"{start.isoformat()[:7]}..{(start + dt.timedelta(days=60)).isoformat()}"
    else:
        start_text = "unknown"
    if open_end:
        return start_text, ""
    form = rng.random()
    if form < 0.5:
        end_text = stop.isoformat()
    elif form < 0.7:
        end_text = stop.isoformat()[:7]
    elif form < 0.85:
        end_text = f"..{stop.isoformat()}"
    else:
        end_text = "unknown"
    if start_text[:4].isdigit() and end_text[:4].isdigit() and end_text[:4] < start_text[:4]:
        end_text = "unknown"
    return start_text, end_text


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    span = max(0, (last - first).days)
    return first + dt.timedelta(days=rng.randint(0, span))


def _cite(rng: random.Random, n_sources: int) -> str:
    return ";".join(f"syn-s{rng.randrange(n_sources)}" for _ in range(rng.randint(1, 2)))
