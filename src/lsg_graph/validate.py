"""Checking an extract before anything is written: every problem at once, each with its place."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .dates import parse_date
from .extract import Extract, Origin, Problem, Record, read_extract, split_list
from .infer import from_extract
from .schema import TABLES, Field

SINGULAR = {"sources": "source", "persons": "person", "bodies": "body", "positions": "position",
            "body_links": "body link", "disputes": "dispute", "attestations": "attestation"}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_URL = re.compile(r"^https?://\S+$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


def validate(path: str | Path) -> Extract:
    """Read and check an extract; its `problems` list says what is wrong (empty if nothing)."""
    extract = read_extract(path)
    if any(p.origin.line == 0 or p.origin.file == "manifest.json" for p in extract.problems):
        return extract  # a missing file or manifest: the rest would only echo it
    for table, records in extract.records.items():
        for record in records:
            _check_fields(extract, TABLES[table].fields, record)
    _check_keys(extract)
    _check_references(extract)
    _check_dates(extract)
    _check_links(extract)
    _check_disputes(extract)
    _check_ex_officio(extract)
    if not errors(extract):  # the rules need rows that read and refer correctly
        _check_inference(extract)
    extract.problems.sort(key=lambda p: (p.origin.file, p.origin.line, p.origin.column or 0))
    return extract


def errors(extract: Extract) -> list[Problem]:
    """The problems that stop a load (warnings do not)."""
    return [p for p in extract.problems if p.severity == "error"]


def _check_fields(extract: Extract, fields: tuple[Field, ...], record: Record) -> None:
    for f in fields:
        text = record.text(f.name)
        if not text:
            if f.required:
                what = "a fact with no source" if f.name == "sources" else f"{f.name} is empty"
                extract.error(record.where(f.name), f"{what}: it is required")
            continue
        problem = _value_problem(f, text)
        if problem:
            extract.error(record.where(f.name), problem)


def _value_problem(f: Field, text: str) -> str | None:
    if f.kind == "id" and not _ID.match(text):
        return f"id {text!r}: use lowercase letters, digits, '.', '_' and '-' only"
    if f.kind == "date":
        try:
            parse_date(text)
        except ValueError as exc:
            return str(exc)
    if f.kind == "enum" and text not in f.choices:
        return f"unknown {f.name} {text!r}; one of: {', '.join(f.choices)}"
    if f.kind == "url" and not _URL.match(text):
        return f"{text!r} is not an http(s) URL"
    if f.kind == "wikidata" and not _WIKIDATA.match(text):
        return f"{text!r} is not a Wikidata id like Q15031"
    if f.kind == "office":
        body, colon, title = text.partition(":")
        if not colon or not _ID.match(body) or not title.strip():
            return f"{text!r}: write the office as body-id:Title, e.g. state-council:Premier"
    if f.kind in ("refs", "ref"):
        bad = [v for v in split_list(text) if not _ID.match(v)]
        if bad:
            return f"{bad[0]!r} is not an id"
        if f.kind == "ref" and len(split_list(text)) != 1:
            return f"{f.name} takes one id, not a list"
    return None


def _key(record: Record) -> tuple[str, ...]:
    return tuple(record.text(k) for k in TABLES[record.table].key)


def _check_keys(extract: Extract) -> None:
    for table, records in extract.records.items():
        seen: dict[tuple[str, ...], Record] = {}
        key_names = TABLES[table].key
        for record in records:
            key = _key(record)
            if not key[0]:
                continue  # reported as a missing required value
            if key in seen:
                first = seen[key].origin
                label = key[0] if len(key) == 1 else " / ".join(k for k in key if k)
                extract.error(record.where(key_names[0]),
                              f"duplicate {SINGULAR[table]} {label!r}: first "
                              f"given at {first.file}:{first.line}")
            else:
                seen[key] = record


def _check_references(extract: Extract) -> None:
    ids = {t: {r.text("id") for r in extract.records[t]} for t in ("sources", "persons",
                                                                   "bodies", "disputes")}
    for table, records in extract.records.items():
        for f in TABLES[table].fields:
            if f.kind not in ("ref", "refs", "office"):
                continue
            if f.target in extract.unreadable:
                continue  # its file could not be read: that error was reported
            for record in records:
                text = record.text(f.name)
                refs = [text.partition(":")[0]] if f.kind == "office" and text else split_list(text)
                for ref in refs:
                    if _ID.match(ref) and ref not in ids[f.target]:
                        extract.error(record.where(f.name),
                                      f"{f.name}: no {SINGULAR[f.target]} with id {ref!r}")


def _check_dates(extract: Extract) -> None:
    pairs = {"positions": ("start", "end"), "body_links": ("start", "end"),
             "bodies": ("established", "abolished")}
    for table, (first, last) in pairs.items():
        for record in extract.records[table]:
            try:
                start = parse_date(record.text(first)) if record.text(first) else None
                end = parse_date(record.text(last)) if record.text(last) else None
            except ValueError:
                continue  # already reported
            if start and end and end.latest and start.earliest and end.latest < start.earliest:
                extract.error(record.where(last),
                              f"{last} {end.text} is before {first} {start.text}")


def _check_links(extract: Extract) -> None:
    successors: dict[str, list[tuple[str, Origin]]] = defaultdict(list)
    seat_links: dict[str, list[Record]] = defaultdict(list)
    for record in extract.records["body_links"]:
        kind, change = record.text("type"), record.text("change")
        if record.text("from_id") == record.text("to_id") and record.text("from_id"):
            extract.error(record.where("to_id"), "a body cannot link to itself")
        if kind == "REPLACED_BY":
            if not change:
                extract.error(record.where("change"), "REPLACED_BY needs a change: "
                              "renamed, upgraded, merged, split or abolished")
            successors[record.text("from_id")].append((record.text("to_id"), record.origin))
            if change in SEAT_CHANGES:
                seat_links[record.text("from_id")].append(record)
        elif kind == "REPORTS_TO" and change:
            extract.error(record.where("change"), "change applies to REPLACED_BY links only")
    for body, links in seat_links.items():
        if len(links) > 1:
            extract.error(links[1].where("to_id"), f"{body} is renamed or upgraded into "
                          f"{len(links)} bodies ({', '.join(r.text('to_id') for r in links)}): "
                          "its seat is ambiguous")
    for start in list(successors):
        cycle = _find_cycle(start, successors)
        if cycle:  # reported at the link that closes it
            origin = next(o for nxt, o in successors[cycle[-2]] if nxt == cycle[-1])
            extract.error(origin, "REPLACED_BY cycle: " + " -> ".join(cycle))
            for body in cycle:
                successors.pop(body, None)


SEAT_CHANGES = ("renamed", "upgraded")


def _find_cycle(start: str, successors: dict[str, list[tuple[str, Origin]]]) -> list[str]:
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str]:
        if node in on_path:
            return path[path.index(node):] + [node]
        path.append(node)
        on_path.add(node)
        for nxt, _ in successors.get(node, []):
            found = visit(nxt)
            if found:
                return found
        on_path.discard(path.pop())
        return []

    return visit(start)


def _check_disputes(extract: Extract) -> None:
    claims: dict[str, list[Record]] = defaultdict(list)
    for record in extract.records["disputes"]:
        claims[record.text("id")].append(record)
    for dispute_id, rows in claims.items():
        if len(rows) < 2:
            extract.error(rows[0].where("id"),
                          f"dispute {dispute_id!r} has one claim; a dispute needs two or more")
        topics = {r.text("topic") for r in rows}
        if len(topics) > 1:
            extract.warn(rows[-1].where("topic"),
                         f"dispute {dispute_id!r} has {len(topics)} different topics")


def _check_ex_officio(extract: Extract) -> None:
    """`ex_officio` (body-id:Title) names an office the same person holds in positions."""
    named = {(r.text("person_id"), *r.text("ex_officio").partition(":")[::2])
             for r in extract.records["positions"] if r.text("ex_officio")}
    offices = {key for r in extract.records["positions"] if named
               and (key := (r.text("person_id"), r.text("body_id"), r.text("title"))) in named}
    for r in extract.records["positions"]:
        body, colon, title = r.text("ex_officio").partition(":")
        if colon and (r.text("person_id"), body, title) not in offices:
            extract.error(r.where("ex_officio"),
                          f"ex_officio: {r.text('person_id')} holds no position on {body} "
                          f"titled {title!r}")


def _check_inference(extract: Extract) -> None:
    """Attestations that match no position or contradict one are errors; a stated date that
    an inferred bound contradicts is a warning naming both rows."""
    _, inference = from_extract(extract)
    extract.attested = inference.attested  # kept for the loader, which needs the same matches
    dated = {str(r.origin): r.where("date") for r in extract.records["attestations"]}
    for finding in inference.findings:  # refs are file:line; an attestation's names its date
        file, _, line = finding.ref.rpartition(":")
        origin = dated.get(finding.ref) or Origin(file, int(line))
        if finding.severity == "error":
            extract.error(origin, finding.message)
        else:
            extract.warn(origin, finding.message)
