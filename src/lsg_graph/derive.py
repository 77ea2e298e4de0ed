"""Derived properties, computed after every load and unload so that every query reads them
instead of repeating the logic (as cartography runs its jobs after a sync).

On every CHAIRS and MEMBER_OF edge:

- `possible_from`, `possible_until`: the post may have been held on day d when
  `possible_from <= d < possible_until`;
- `certain_from`, `certain_until`: it certainly was when `certain_from <= d < certain_until`
  (for a claim of a dispute: when every claim of the dispute as confident as it agrees);
- `doubt`: what a possible but uncertain day is: `disputed` (competing claims disagree) or
  `unknown` (the dates cannot settle it);
- `level`: 1, 2 or 3 for low, medium or high confidence;
- `start_bounds`, `end_bounds`: the effective bounds as text, and `inferred`: how the rules of
  `infer.py` narrowed the stated dates, each with the facts it used;
- `derived_hash`: a digest of the above, so that a run compares one string per edge.

Unbounded sides are 0001-01-01 and 9999-12-31, so that each test is one comparison. On every
body, `seat`: the body it was last renamed or upgraded into (itself if none), so a group and
the commission it became count as one seat.

For Neo4j Browser (whose styles select by label and caption by property): every `Body` also
carries the label of its kind (`LeadingGroup`, `Commission`, ... see KIND_LABELS), and every
edge a `caption`: role and years for posts (`chair 2013-2022`, `deputy ?-2017`, `member 2022-`),
change and year for `REPLACED_BY` (`upgraded 2018`).

One node, `(:LsgGraph {id: 'derived'})`, keeps the fingerprint of the facts the derived
properties were last computed from, so that a load that changed nothing skips the work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from array import array
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .dates import DateBounds, from_stored, parse_date
from .graph import EDGE_TYPES
from .infer import DAY, MAKING_CHANGES, Attestation, BodyEvent, Bounds, Inference, Post, infer
from .plan import content_hash, short_hash
from .runner import BATCH_SIZE, QueryRunner, WriteQueue

NEVER = dt.date(1, 1, 1)
FOREVER = dt.date(9999, 12, 31)
LEVELS = {"low": 1, "medium": 2, "high": 3}
SEAT_CHANGES = ("renamed", "upgraded")
KIND_LABELS = {
    "lsg": "LeadingGroup", "commission": "Commission", "committee": "Committee",
    "council": "Council", "department": "Department", "ministry": "Ministry",
    "office": "Office", "organ": "Organ",
}
# Part of the fingerprint: a release that derives more recomputes graphs loaded before it.
DERIVATION = "3"


def derive(runner: QueryRunner, batch_size: int = BATCH_SIZE,
           progress: Callable[[int], None] | None = None) -> int:
    """Recompute the derived properties of the whole graph; how many edges and bodies changed.
    Nothing is read but content hashes when the facts are those the last run derived from.
    Posts are read as a stream and kept in the compact form the rules need; each edge's
    derived properties are compared by their hash (`derived_hash`) and written in batches
    as they are made, never held all at once."""
    facts = _facts_fingerprint(runner)
    if facts is None:  # an empty graph: nothing to derive, no state to keep
        runner.write(f"MATCH (m:LsgGraph {{id: '{DERIVED_MARKER}'}}) DELETE m")
        return 0
    if runner.read(_MARKER_READ) == [{"facts": facts}]:
        return 0
    posts: list[Post] = []
    # per post, its edge's type (an index into EDGE_TYPES) and the derived_hash it carries
    # (as short_hash: 9 bytes a post, where the type's and the hash's texts took about 190)
    types, hashes = array("B"), array("Q")
    attestations = []
    for row in runner.stream(_POSTS):
        post = _post(row)
        posts.append(post)
        types.append(EDGE_TYPES.index(row["type"]))
        hashes.append(short_hash(row["derived_hash"]))
        loaded_by = f"attestations.csv of {post.ref.split(':')[0]}"
        for text, sources in zip(row["attested"] or [], row["attested_sources"] or [],
                                 strict=True):
            attestations.append(Attestation(loaded_by, post.person, post.body, post.role,
                                            post.title, parse_date(text), sources, post=post.ref))
    deaths = {row["id"]: (_stored(row, "died"), f"person {row['id']}")
              for row in runner.stream(_DEATHS)}
    events = [BodyEvent(f"body {row['id']}", row["id"], _stored(row, "date"), row["why"],
                        row["begins"], row["dispute"] or "")
              for row in runner.stream(_BODY_EVENTS, making=list(MAKING_CHANGES))]
    inference = infer(posts, deaths, events, attestations)
    disputed = _disputed(posts)
    writer = _EdgeWriter(runner, batch_size, progress)
    for post, rel, current in zip(posts, types, hashes, strict=True):
        writer.add_if_changed(EDGE_TYPES[rel], post.ref, current,
                              disputed.get(post.ref) or _own(post, Inference.of(post)))
    del posts, types, hashes, inference, disputed
    for row in runner.stream(_LINKS):
        writer.add_if_changed(row["type"], row["key"], short_hash(row["derived_hash"]),
                              _link(row))
    count = writer.flush()
    for label, batch in _seats(runner).items():
        runner.write_batches(f"UNWIND $rows AS row MATCH (b:{label} {{id: row.id}}) "
                             f"USING INDEX SEEK b:{label}(id) "
                             "SET b.seat = row.seat", batch, batch_size, progress)
        count += len(batch)
    for label, batch in _kind_labels(runner).items():
        stale = ", ".join(f"b:{other}" for other in KIND_LABELS.values())
        runner.write_batches(f"UNWIND $rows AS row MATCH (b:Body {{id: row.id}}) "
                             "USING INDEX SEEK b:Body(id) "
                             f"REMOVE {stale} SET b:{label}", batch, batch_size, progress)
        count += len(batch)
    runner.write(_MARKER_WRITE, facts=facts)  # last: an interrupted run is done again
    return count


# One statement per relationship type (types come from graph.py, never from the data). Every
# lookup of a batch's rows names the index to seek: on a server reused between loads the
# planner sometimes scanned the whole key index once per row instead (47 million db hits
# and 38 s for one batch of 5,000 rows, where the seek takes under a second; docs/benchmarks.md).
_SET_DERIVED = {rel: f"UNWIND $rows AS row MATCH ()-[r:{rel} {{key: row.key}}]->() "
                     f"USING INDEX SEEK r:{rel}(key) SET r += row.props" for rel in EDGE_TYPES}


class _EdgeWriter:
    """Derived properties to write, queued by relationship type and sent a batch at a time."""

    def __init__(self, runner: QueryRunner, batch_size: int,
                 progress: Callable[[int], None] | None) -> None:
        self.runner, self.progress, self.written = runner, progress, 0
        self.queue = WriteQueue(self._send, batch_size)

    def add_if_changed(self, rel: str, key: str, current: int,
                       props: dict[str, Any]) -> None:
        """Queue the edge's derived `props` unless their hash is the one it carries
        (`current`, as `short_hash` gives it)."""
        digest = content_hash(props)
        if short_hash(digest) == current:
            return
        self.queue.add(_SET_DERIVED[rel], {"key": key, "props": {**props,
                                                                "derived_hash": digest}})

    def flush(self) -> int:
        """Write what is queued; how many edges were written in all."""
        self.queue.flush()
        return self.written

    def _send(self, query: str, rows: list[dict[str, Any]]) -> None:
        self.runner.write(query, rows=rows)
        self.written += len(rows)
        if self.progress:
            self.progress(len(rows))


def _facts_fingerprint(runner: QueryRunner) -> str | None:
    """A digest of every fact the derived properties depend on, from the content hashes
    (read a relationship type or label at a time, and combined so that their order does not
    matter); None when the graph holds no facts."""
    total, count = 0, 0
    for query in _FACTS:
        (row,) = runner.stream(query)  # raw values: a long list is not walked to convert it
        for digest in row["hashes"]:
            total += int(hashlib.sha1(digest.encode()).hexdigest(), 16)
        count += len(row["hashes"])
    if not count:
        return None
    return hashlib.sha1(f"{DERIVATION}|{count}|{total}".encode()).hexdigest()


def _disputed(posts: list[Post]) -> dict[str, dict[str, Any]]:
    """The derived properties of the posts that are claims of a dispute (by ref): a claim
    that a rival as confident disputes is `disputed`, and certain only on the days every such
    claim agrees on."""
    claims: dict[tuple[str, str, str], list[Post]] = defaultdict(list)
    for p in posts:
        if p.dispute:
            claims[(p.dispute, p.body, p.role)].append(p)
    props = {p.ref: _own(p, Inference.of(p)) for group in claims.values() for p in group}
    changed: dict[str, dict[str, Any]] = {}
    for group in claims.values():
        for p in group:
            rivals = [q for q in group if LEVELS.get(q.confidence, 2) >= LEVELS.get(
                p.confidence, 2)]
            if len(rivals) < 2:
                continue  # nothing as confident disputes it
            mine = changed[p.ref] = dict(props[p.ref])
            mine["doubt"] = "disputed"
            if len({q.person for q in rivals}) > 1:
                mine["certain_from"], mine["certain_until"] = FOREVER, NEVER
            else:  # the claims agree on the days they all make certain
                mine["certain_from"] = max(props[q.ref]["certain_from"] for q in rivals)
                mine["certain_until"] = min(props[q.ref]["certain_until"] for q in rivals)
    return changed


def _own(post: Post, b: Bounds) -> dict[str, Any]:
    possible_from = b.start_earliest or NEVER
    certain_from = b.start_latest or FOREVER
    if b.open_end:
        certain_until = possible_until = FOREVER
    else:
        possible_until = b.end_latest or FOREVER
        exact_start = b.start_earliest is not None and b.start_earliest == b.start_latest
        certain_until = b.end_earliest or (certain_from + DAY if exact_start else NEVER)
        certain_until = min(certain_until, possible_until)
    return {
        "possible_from": possible_from, "certain_from": certain_from,
        "certain_until": certain_until, "possible_until": possible_until,
        "doubt": "unknown", "level": LEVELS.get(post.confidence, 2),
        "start_bounds": _bounds_text(b.start_earliest, b.start_latest),
        "end_bounds": "present" if b.open_end else _bounds_text(b.end_earliest, b.end_latest),
        "inferred": b.reasons(),
        "caption": f"{post.role} {_years(b.start_earliest, b.start_latest)}-"
                   + ("" if b.open_end else _years(b.end_earliest, b.end_latest)),
    }


def _link(row: dict[str, Any]) -> dict[str, Any]:
    """A reporting or succession link's derived properties, from its stated dates alone."""
    post = _post({**row, "person": "", "body": "", "role": row["change"] or "reports to",
                  "title": "", "dispute": "", "ex_officio": ""})
    props = _own(post, Bounds(post.start.earliest, post.start.latest,
                              post.end.earliest if post.end else None,
                              post.end.latest if post.end else None, post.end is None))
    if row["change"]:  # a change happens on one day: no span
        props["caption"] = f"{row['change']} {_years(post.start.earliest, post.start.latest)}"
    return props


def _years(earliest: dt.date | None, latest: dt.date | None) -> str:
    """A bound's years for a caption: `2013`, `2012/2013` when the bounds straddle years,
    `?` when a side is unbounded."""
    if not earliest or not latest:
        return "?"
    if earliest.year == latest.year:
        return str(earliest.year)
    return f"{earliest.year}/{latest.year}"


def _bounds_text(earliest: dt.date | None, latest: dt.date | None) -> str:
    if earliest and earliest == latest:
        return earliest.isoformat()
    if not earliest and not latest:
        return "unknown"
    return f"{earliest.isoformat() if earliest else ''}..{latest.isoformat() if latest else ''}"


def _stored(row: dict[str, Any], name: str) -> DateBounds:
    return _bounds_of(row[name], row[f"{name}_latest"], row[f"{name}_precision"])


@lru_cache(maxsize=1 << 16)  # posts repeat dates: one DateBounds each, shared
def _bounds_of(earliest: str | None, latest: str | None, precision: str) -> DateBounds:
    return from_stored(_day(earliest), _day(latest), precision)


def _post(row: dict[str, Any]) -> Post:
    """A post from the graph; its short texts are interned (a million posts share a few
    thousand ids, roles and titles)."""
    start = _bounds_of(row["start"], row["start_latest"], row["start_p"])
    end = None if row["end_p"] is None else _bounds_of(row["end"], row["end_latest"],
                                                        row["end_p"])
    person, body, role, title, confidence, dispute, office = (
        sys.intern(row[k] or "") for k in ("person", "body", "role", "title", "confidence",
                                            "dispute", "ex_officio"))
    return Post(row["key"], person, body, role, title, start, end, confidence, dispute, office)


def _day(text: str | None) -> dt.date | None:
    """A date the queries above return as text (toString), or None."""
    return dt.date.fromisoformat(text) if text else None


def _kind_labels(runner: QueryRunner) -> dict[str, list[dict[str, str]]]:
    """Bodies whose kind label is missing or stale, by the label they should carry."""
    changed: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in runner.read("MATCH (b:Body) RETURN b.id AS id, b.kind AS kind, "
                           "labels(b) AS labels"):
        label = KIND_LABELS.get(row["kind"])
        if label and set(row["labels"]) != {"Body", label}:
            changed[label].append({"id": row["id"]})
    return changed


def _seats(runner: QueryRunner) -> dict[str, list[dict[str, str]]]:
    """Bodies whose `seat` is not yet the end of their renamed/upgraded chain, by label."""
    successor = {row["from"]: row["to"] for row in runner.read(
        "MATCH (a)-[x:REPLACED_BY]->(b) WHERE x.change IN $changes "
        "RETURN a.id AS from, b.id AS to", changes=list(SEAT_CHANGES))}
    changed: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in runner.read("MATCH (b) WHERE b:Body OR b:Party OR b:State "
                           "RETURN b.id AS id, b.seat AS seat, labels(b)[0] AS label"):
        seat, seen = row["id"], {row["id"]}
        while seat in successor and successor[seat] not in seen:
            seat = successor[seat]
            seen.add(seat)
        if row["seat"] != seat:
            assert row["label"] in ("Body", "Party", "State")
            changed[row["label"]].append({"id": row["id"], "seat": seat})
    return changed


_DATES = """toString(r.start) AS start, toString(r.start_latest) AS start_latest,
       r.start_precision AS start_p, toString(r.end) AS end,
       toString(r.end_latest) AS end_latest, r.end_precision AS end_p"""
_POSTS = f"""
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
RETURN r.key AS key, type(r) AS type, p.id AS person, b.id AS body,
       coalesce(r.role, 'chair') AS role, coalesce(r.title, '') AS title, {_DATES},
       r.confidence AS confidence, coalesce(r.dispute, '') AS dispute,
       coalesce(r.ex_officio, '') AS ex_officio,
       r.attested AS attested, r.attested_sources AS attested_sources,
       r.derived_hash AS derived_hash
ORDER BY key
"""
_LINKS = f"""
MATCH ()-[r:REPORTS_TO|REPLACED_BY]->()
RETURN r.key AS key, type(r) AS type, {_DATES}, r.confidence AS confidence,
       r.change AS change, r.derived_hash AS derived_hash
"""
_FACTS = [
    *(f"MATCH ()-[r:{rel}]->() RETURN collect(coalesce(r.hash, '-')) AS hashes"
      for rel in ("CHAIRS", "MEMBER_OF", "REPORTS_TO", "REPLACED_BY")),
    *(f"MATCH (n:{label}) RETURN collect(coalesce(n.hash, '-')) AS hashes"
      for label in ("Person", "Body", "Party", "State")),
]
DERIVED_MARKER = "derived"  # the id of the LsgGraph node that keeps the facts' digest
_MARKER_READ = f"MATCH (m:LsgGraph {{id: '{DERIVED_MARKER}'}}) RETURN m.facts AS facts"
_MARKER_WRITE = f"MERGE (m:LsgGraph {{id: '{DERIVED_MARKER}'}}) SET m.facts = $facts"
_DEATHS = """
MATCH (p:Person) WHERE p.died_precision IS NOT NULL
RETURN p.id AS id, toString(p.died) AS died, toString(p.died_latest) AS died_latest,
       p.died_precision AS died_precision
"""
_BODY_EVENTS = """
MATCH (b) WHERE (b:Body OR b:Party OR b:State) AND b.abolished_precision IS NOT NULL
RETURN b.id AS id, toString(b.abolished) AS date, toString(b.abolished_latest) AS date_latest,
       b.abolished_precision AS date_precision, 'abolished' AS why, false AS begins,
       b.dispute AS dispute
UNION ALL
MATCH (b) WHERE (b:Body OR b:Party OR b:State) AND b.established_precision IS NOT NULL
RETURN b.id AS id, toString(b.established) AS date,
       toString(b.established_latest) AS date_latest,
       b.established_precision AS date_precision, 'established' AS why, true AS begins,
       b.dispute AS dispute
UNION ALL
MATCH (b)-[x:REPLACED_BY]->(n)
RETURN b.id AS id, toString(x.start) AS date, toString(x.start_latest) AS date_latest,
       x.start_precision AS date_precision, x.change + ' into ' + n.id AS why, false AS begins,
       x.dispute AS dispute
UNION ALL
MATCH (b)-[x:REPLACED_BY]->(n) WHERE x.change IN $making
RETURN n.id AS id, toString(x.start) AS date, toString(x.start_latest) AS date_latest,
       x.start_precision AS date_precision, 'made by ' + x.change + ' of ' + b.id AS why,
       true AS begins, x.dispute AS dispute
"""
