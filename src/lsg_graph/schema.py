"""The model's tables: every field an extract can fill, its type and whether it is required.

An extract format (a spec in `loaders/`) maps its files' columns onto these tables; the loader
maps the tables onto the graph (see docs/model.md).
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE_KINDS = ("seed", "reference", "news", "official", "scholarly", "think-tank", "dataset")
BODY_KINDS = (
    "lsg", "commission", "committee", "office", "ministry", "council", "organ", "department",
    "party", "state",
)
SYSTEMS = ("party", "state", "military")
DISCLOSURE = ("full", "partial", "none", "unknown")
ROLES = ("chair", "deputy", "office_director", "secretary_general", "member")
CONFIDENCE = ("high", "medium", "low")
LINK_TYPES = ("REPORTS_TO", "REPLACED_BY")
CHANGES = ("renamed", "upgraded", "merged", "split", "abolished")


@dataclass(frozen=True)
class Field:
    """One field of a table.

    kind: text | id | date | enum | list | refs (a ;-list of ids of `target`) | ref (one id) |
    office (`body-id:Title`, the body an id of `target`) | url | wikidata.
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    target: str = ""


@dataclass(frozen=True)
class Table:
    """A table of the model; `key` names the fields that identify a row."""

    name: str
    fields: tuple[Field, ...]
    key: tuple[str, ...] = ("id",)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _sources(required: bool = True) -> Field:
    return Field("sources", "refs", required, target="sources")


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("sources", (
            Field("id", "id", True),
            Field("title", "text", True),
            Field("url", "url"),
            Field("publisher"),
            Field("published", "date"),
            Field("accessed", "date"),
            Field("kind", "enum", True, SOURCE_KINDS),
        )),
        Table("persons", (
            Field("id", "id", True),
            Field("name", "text", True),
            Field("name_zh"),
            Field("aliases", "list"),
            Field("born", "date"),
            Field("died", "date"),
            Field("wikidata", "wikidata"),
            _sources(),
            Field("note"),
        )),
        Table("bodies", (
            Field("id", "id", True),
            Field("name", "text", True),
            Field("name_zh"),
            Field("kind", "enum", True, BODY_KINDS),
            Field("system", "enum", True, SYSTEMS),
            Field("portfolio", "list"),
            Field("established", "date"),
            Field("abolished", "date"),
            Field("membership_disclosed", "enum", False, DISCLOSURE),
            Field("wikidata", "wikidata"),
            _sources(),
            Field("note"),
            Field("dispute", "ref", target="disputes"),
        )),
        Table("positions", (
            Field("person_id", "ref", True, target="persons"),
            Field("body_id", "ref", True, target="bodies"),
            Field("role", "enum", True, ROLES),
            Field("title"),
            Field("start", "date", True),
            Field("end", "date"),
            Field("confidence", "enum", True, CONFIDENCE),
            _sources(),
            Field("note"),
            Field("dispute", "ref", target="disputes"),
            Field("ex_officio", "office", target="bodies"),
        ), key=("person_id", "body_id", "role", "title", "start", "end")),
        Table("body_links", (
            Field("from_id", "ref", True, target="bodies"),
            Field("to_id", "ref", True, target="bodies"),
            Field("type", "enum", True, LINK_TYPES),
            Field("start", "date", True),
            Field("end", "date"),
            Field("change", "enum", False, CHANGES),
            Field("confidence", "enum", True, CONFIDENCE),
            _sources(),
            Field("note"),
            Field("dispute", "ref", target="disputes"),
        ), key=("from_id", "to_id", "type", "start", "end")),
        Table("attestations", (
            Field("person_id", "ref", True, target="persons"),
            Field("body_id", "ref", True, target="bodies"),
            Field("role", "enum", True, ROLES),
            Field("title"),
            Field("date", "date", True),
            _sources(),
            Field("note"),
        ), key=("person_id", "body_id", "role", "title", "date")),
        Table("disputes", (
            Field("id", "id", True),
            Field("topic", "text", True),
            Field("claim", "text", True),
            _sources(),
            Field("note"),
        ), key=("id", "claim")),
    )
}
