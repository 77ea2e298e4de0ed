"""Bounds on when posts began and ended, narrowed from facts the data already holds.

A post's start and end are intervals of days (see `dates.py`); its end is the first day it no
longer held. Starting from the stated dates, these rules narrow them, and each narrowing is
recorded with the rule's name and the facts it used:

- attested: a source shows the person in the post on a day, so the post began no later and
  ended no earlier than that day;
- death: nobody holds a post after his death;
- body life: no post on a body outlives the body (its `abolished` date, or a `REPLACED_BY`
  change that ended it), nor begins before it (its `established` date, or the renaming,
  upgrade or split that made it);
- succession: one-holder roles (chair, office director, secretary-general) of one body have
  one holder at a time: a later holder's start bounds the earlier holder's end and the
  earlier holder's end bounds the later holder's start; a holder certainly in office on some
  days began after, or ended before, another's certain days (competing claims of a dispute are
  left out);
- ex officio: a post held by virtue of an office (`ex_officio` names it as `body:title`, e.g.
  `state-council:Premier`) lies within the person's tenure of that office.

An inferred bound only narrows; it never overrides a stated date. Where it would, the stated
date stays and a conflict is reported. `infer` is pure: `validate` runs it on an extract,
`derive` on the whole graph.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .dates import DateBounds, parse_date
from .extract import Extract

ONE_HOLDER_ROLES = ("chair", "office_director", "secretary_general")
MAKING_CHANGES = ("renamed", "upgraded", "split")  # the changes that make a new body
DAY = dt.timedelta(days=1)


@dataclass(slots=True)
class Post:
    """A position as the rules see it. `end` None means still held (an open end)."""

    ref: str  # how messages name it: file:line, or the edge key
    person: str
    body: str
    role: str
    title: str
    start: DateBounds
    end: DateBounds | None
    confidence: str = "medium"
    dispute: str = ""
    ex_officio: str = ""
    narrowed: Bounds | None = None  # set by `infer` where rules narrow (or may narrow) it

    def describe(self) -> str:
        end = "present" if self.end is None else self.end.text
        return f"{self.person} {self.role} {self.body} {self.start.text} to {end} ({self.ref})"


@dataclass(frozen=True, slots=True)
class Attestation:
    """A source shows `person` in `role` on `body` on `date`."""

    ref: str
    person: str
    body: str
    role: str
    title: str
    date: DateBounds
    sources: str
    post: str = ""  # the ref of the post it was matched to before, if any


@dataclass(frozen=True, slots=True)
class BodyEvent:
    """A body began (`begins`) or ceased to exist as itself on a day within `date`."""

    ref: str
    body: str
    date: DateBounds
    why: str  # e.g. "abolished", "renamed into central-x", "established"
    begins: bool = False
    dispute: str = ""  # a claim of a dispute never bounds a rival claim of the same dispute


# Why a bound was narrowed: a text, or a text and the posts it names (described only when the
# reasons are read: a million posts would otherwise each hold their own copies).
Why = str | tuple[str, tuple[Post, ...]]


@dataclass(slots=True)
class Bounds:
    """A post's effective bounds; None is unbounded. `open_end`: stated as still held.
    `why` holds each narrowing as (side, at most?, day, why); `reasons()` says them."""

    start_earliest: dt.date | None
    start_latest: dt.date | None
    end_earliest: dt.date | None
    end_latest: dt.date | None
    open_end: bool
    why: list[tuple[str, bool, dt.date, Why]] | None = None

    def reasons(self) -> list[str]:
        """Each narrowing, e.g. `end <= 2015-06-11: death (ann died 2015-06-10, ...)`."""
        return [f"{side} {'<=' if most else '>='} {day}: {_said(why)}"
                for side, most, day, why in self.why or ()]


def _said(why: Why) -> str:
    if isinstance(why, str):
        return why
    text, posts = why
    return f"{text} ({'; '.join(p.describe() for p in posts)})"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the rules found wrong: `error` (the data cannot be loaded) or `warning`."""

    severity: str
    ref: str
    message: str


@dataclass
class Inference:
    """What `infer` returns: the posts (with the bounds rules narrowed), attestations matched
    by post ref, findings."""

    posts: list[Post]
    attested: dict[str, list[Attestation]]
    findings: list[Finding]

    @staticmethod
    def of(post: Post) -> Bounds:
        """The post's bounds after the rules: its stated ones where no rule narrowed them."""
        return post.narrowed or _stated(post)

    @property
    def bounds(self) -> dict[str, Bounds]:
        """Every post's bounds by ref (made on each call: for small inputs)."""
        return {p.ref: self.of(p) for p in self.posts}


def infer(posts: list[Post], deaths: dict[str, tuple[DateBounds, str]],
          body_events: list[BodyEvent], attestations: list[Attestation],
          today: dt.date | None = None) -> Inference:
    """Narrow every post's bounds by the rules; `deaths` maps a person to (died, ref).
    A post stated as still held is held `today` (default: the real today)."""
    for post in posts:  # only narrowed bounds are kept: most posts keep their stated ones
        post.narrowed = None
    result = Inference(posts, defaultdict(list), [])
    _attest(posts, attestations, result)
    events_of: dict[str, list[BodyEvent]] = defaultdict(list)  # by body: one pass, not n x m
    for event in body_events:
        events_of[event.body].append(event)
    death_why = {person: f"death ({person} died {died.text}, {ref})"
                 for person, (died, ref) in deaths.items()}  # one text per person, shared
    event_why = {id(e): f"body {'start' if e.begins else 'end'} ({e.body} {e.why} "
                        f"{e.date.text}, {e.ref})" for e in body_events}
    for post in posts:
        if post.person in deaths:
            died, _ = deaths[post.person]
            if died.latest:
                why = death_why[post.person]
                _end_at_most(result, post, died.latest + DAY, why)
                _start_at_most(result, post, died.latest, why)
        for event in events_of.get(post.body, ()):
            if event.dispute and event.dispute == post.dispute:
                continue
            if event.begins and event.date.earliest:
                _start_at_least(result, post, event.date.earliest, event_why[id(event)])
            elif not event.begins and event.date.latest:
                _end_at_most(result, post, event.date.latest, event_why[id(event)])
    today = today or dt.date.today()
    holders = _one_holder_groups(posts)
    offices = _offices(posts)
    for _ in range(6):  # succession and ex officio feed each other; a few passes settle them
        if not _succession(holders, result, today) + _ex_officio(posts, offices, result):
            break
    result.findings = list(dict.fromkeys(result.findings))  # a conflict is said once
    return result


def _stated(post: Post) -> Bounds:
    end = post.end
    return Bounds(post.start.earliest, post.start.latest,
                  end.earliest if end else None, end.latest if end else None, end is None)


def _warn(result: Inference, post: Post, message: str) -> None:
    result.findings.append(Finding("warning", post.ref, message))


def _narrow(result: Inference, post: Post, side: str, most: bool, day: dt.date,
            why: Why) -> bool:
    """Bound the post's `side` (start or end) to at most (`most`) or at least `day`; a bound
    that contradicts the other bound of that side is a warning and changes nothing. True
    when the bound narrowed something."""
    b = Inference.of(post)
    if side == "end" and b.open_end:
        if most:
            _warn(result, post, f"stated as still held, but {_said(why)} ends it by {day}")
        return False
    stated = post.start.text if side == "start" else (post.end.text if post.end else "")
    target, other = (f"{side}_latest", f"{side}_earliest") if most else (
        f"{side}_earliest", f"{side}_latest")
    limit = getattr(b, other)
    if limit and (limit > day if most else limit < day):
        _warn(result, post, f"stated {side} {stated} is {'after' if most else 'before'} {day}, "
                            f"the {'latest' if most else 'earliest'} {side} by {_said(why)}")
        return False
    current = getattr(b, target)
    if current is None or (day < current if most else day > current):
        setattr(b, target, day)
        post.narrowed = b
        if b.why is None:
            b.why = []
        b.why.append((side, most, day, why))
        return True
    return False


def _end_at_most(result: Inference, post: Post, day: dt.date, why: Why) -> bool:
    """The post ended no later than `day` (its end, the first day not held, is <= day)."""
    return _narrow(result, post, "end", True, day, why)


def _start_at_most(result: Inference, post: Post, day: dt.date, why: Why) -> bool:
    return _narrow(result, post, "start", True, day, why)


def _start_at_least(result: Inference, post: Post, day: dt.date, why: Why) -> bool:
    return _narrow(result, post, "start", False, day, why)


def _end_at_least(result: Inference, post: Post, day: dt.date, why: Why) -> bool:
    return _narrow(result, post, "end", False, day, why)


def _possible_span(b: Bounds) -> tuple[dt.date | None, dt.date | None]:
    """The days the post may have been held: [start_earliest, end_latest)."""
    return b.start_earliest, (None if b.open_end else b.end_latest)


def _attest(posts: list[Post], attestations: list[Attestation], result: Inference) -> None:
    asked = {(att.person, att.body, att.role) for att in attestations}
    candidates: dict[tuple[str, str, str], list[Post]] = defaultdict(list)
    for post in posts:
        if (post.person, post.body, post.role) in asked:
            candidates[(post.person, post.body, post.role)].append(post)
    for att in attestations:
        found = [p for p in candidates.get((att.person, att.body, att.role), [])
                 if (not att.title or p.title == att.title) and (not att.post or p.ref == att.post)]
        if not found:
            result.findings.append(Finding(
                "error", att.ref, f"attests {att.person} as {att.role} of {att.body}"
                f"{' (' + att.title + ')' if att.title else ''} on {att.date.text}, "
                "but no position matches"))
            continue
        fits = [p for p in found if _could_hold(Inference.of(p), att.date)]
        if not fits:
            rows = "; ".join(p.describe() for p in found)
            result.findings.append(Finding(
                "error", att.ref, f"attests {att.person} as {att.role} of {att.body} on "
                f"{att.date.text}, which contradicts the position's dates: {rows}"))
            continue
        disputes = {p.dispute for p in fits}
        if len(fits) > 1 and (len(disputes) > 1 or "" in disputes):
            result.findings.append(Finding(
                "warning", att.ref, f"matches {len(fits)} positions; not applied: "
                + "; ".join(p.describe() for p in fits)))
            continue
        why = f"attested {att.date.text} [{att.sources}] ({att.ref})"
        for post in fits:
            result.attested[post.ref].append(att)
            if att.date.latest:
                _start_at_most(result, post, att.date.latest, why)
            if att.date.earliest:
                _end_at_least(result, post, att.date.earliest + DAY, why)


def _could_hold(b: Bounds, day: DateBounds) -> bool:
    first, last = _possible_span(b)
    if first and day.latest and day.latest < first:
        return False
    return not (last and day.earliest and day.earliest >= last)


def _one_holder_groups(posts: list[Post]) -> list[list[Post]]:
    """The undisputed holders of each one-holder role of a body, where there are two or more."""
    groups: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for post in posts:
        if post.role in ONE_HOLDER_ROLES and not post.dispute:
            groups[(post.body, post.role)].append(post)
    return [holders for holders in groups.values() if len(holders) > 1]


def _succession(groups: list[list[Post]], result: Inference, today: dt.date) -> int:
    changed = 0
    for holders in groups:
        for a in holders:
            for b in holders:
                if a.person != b.person:
                    changed += _one_holder(a, b, result, today)
    return changed


def _one_holder(a: Post, b: Post, result: Inference, today: dt.date) -> int:
    """Two holders of a one-holder post never overlap: what A's dates say about B's."""
    ba, bb = _kept(a), _kept(b)  # the very bounds the narrowings below change
    changed = 0
    if ba.start_latest and bb.start_earliest and ba.start_latest < bb.start_earliest:
        # A certainly began first: B's start bounds A's end, and A's end bounds B's start.
        if bb.start_latest:
            changed += _end_at_most(result, a, bb.start_latest, ("succession", (b,)))
        if ba.end_earliest and not ba.open_end:
            changed += _start_at_least(result, b, ba.end_earliest, ("succession", (a,)))
    held_from, held_until = _certain(ba, today)
    if held_from is None:
        return changed
    # B certainly held on some day at or after A's certain span: B began once A's span ended.
    b_from, b_until = _certain(bb, today)
    if b_from is not None and b_until > held_until and held_until <= today:
        changed += _start_at_least(result, b, held_until,
                                   ("succession: one holder at a time", (a,)))
    # ... or on some day before it: B ended by the day A's span began.
    if b_from is not None and b_from < held_from:
        changed += _end_at_most(result, b, held_from,
                                ("succession: one holder at a time", (a,)))
    return changed


def _kept(post: Post) -> Bounds:
    """The post's bounds, kept on it from now on (so a narrowing shows in them at once)."""
    if post.narrowed is None:
        post.narrowed = _stated(post)
    return post.narrowed


def _certain(b: Bounds, today: dt.date) -> tuple[dt.date | None, dt.date]:
    """The days a post is certainly held, [from, until), or (None, _) if none is certain. A
    post stated as still held is certainly held today, whatever its start."""
    until = today + DAY if b.open_end else b.end_earliest
    start = b.start_latest if b.start_latest else (today if b.open_end else None)
    if start is None or until is None or start >= until:
        return None, today
    return start, until


def _offices(posts: list[Post]) -> dict[tuple[str, str, str], list[Post]]:
    """The posts that ex officio posts name as their office, by (person, body, title)."""
    named = {(post.person, *post.ex_officio.partition(":")[::2]) for post in posts
             if post.ex_officio}
    offices: dict[tuple[str, str, str], list[Post]] = defaultdict(list)
    for post in posts:
        if (post.person, post.body, post.title) in named:
            offices[(post.person, post.body, post.title)].append(post)
    return offices


def _ex_officio(posts: list[Post], offices: dict[tuple[str, str, str], list[Post]],
                result: Inference) -> int:
    changed = 0
    for post in posts:
        if not post.ex_officio:
            continue
        body, _, title = post.ex_officio.partition(":")
        held = offices.get((post.person, body, title), [])
        if not held:
            continue  # validate reports it
        spans = [Inference.of(o) for o in held]
        why = ("ex officio", tuple(held))
        if all(s.start_earliest for s in spans):
            changed += _start_at_least(result, post, min(s.start_earliest for s in spans), why)
        if all(s.end_latest and not s.open_end for s in spans):
            changed += _end_at_most(result, post, max(s.end_latest for s in spans), why)
    return changed


def from_extract(extract: Extract) -> tuple[list[Post], Inference]:
    """The rules run on one extract's rows (refs are file:line); unparseable rows are skipped
    (validation reports them)."""
    posts = []
    for r in extract.records["positions"]:
        try:
            start = parse_date(r.text("start"))
            end = parse_date(r.text("end")) if r.text("end") else None
        except ValueError:
            continue
        posts.append(Post(str(r.origin), r.text("person_id"), r.text("body_id"), r.text("role"),
                          r.text("title"), start, end, r.text("confidence"), r.text("dispute"),
                          r.text("ex_officio")))
    deaths = {}
    for r in extract.records["persons"]:
        died = _parsed(r.text("died"))
        if died:
            deaths[r.text("id")] = (died, str(r.origin))
    events = []
    for r in extract.records["bodies"]:
        abolished, established = _parsed(r.text("abolished")), _parsed(r.text("established"))
        if abolished:
            events.append(BodyEvent(str(r.origin), r.text("id"), abolished, "abolished",
                                    dispute=r.text("dispute")))
        if established:
            events.append(BodyEvent(str(r.origin), r.text("id"), established, "established",
                                    begins=True, dispute=r.text("dispute")))
    for r in extract.records["body_links"]:
        date = _parsed(r.text("start"))
        if r.text("type") == "REPLACED_BY" and date:
            change, to = r.text("change"), r.text("to_id")
            events.append(BodyEvent(str(r.origin), r.text("from_id"), date,
                                    f"{change} into {to}", dispute=r.text("dispute")))
            if change in MAKING_CHANGES:
                events.append(BodyEvent(str(r.origin), to, date,
                                        f"made by {change} of {r.text('from_id')}", begins=True,
                                        dispute=r.text("dispute")))
    attestations = []
    for r in extract.records["attestations"]:
        date = _parsed(r.text("date"))
        if date:
            attestations.append(Attestation(str(r.origin), r.text("person_id"),
                                            r.text("body_id"), r.text("role"), r.text("title"),
                                            date, r.text("sources")))
    return posts, infer(posts, deaths, events, attestations)


def _parsed(text: str) -> DateBounds | None:
    try:
        return parse_date(text) if text else None
    except ValueError:
        return None
