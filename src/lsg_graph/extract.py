"""Reading an extract: a folder of CSV files plus a manifest, mapped onto the model's tables by a
declarative spec from `loaders/` (one JSON file per extract format).

Nothing here checks what the values mean; `validate.py` does. This module only reports what
stops a file from being read at all (encoding, quotes, header, row width).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .resources import loader_specs
from .schema import TABLES


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value came from: file, line and (1-based) column number and name."""

    file: str
    line: int
    column: int | None = None
    column_name: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
            if self.column_name:
                where += f" ({self.column_name})"
        return where


@dataclass(frozen=True, slots=True)
class Cell:
    """A value with where it came from (its Origin is made only when asked for: an extract
    has millions of cells and few problems)."""

    text: str
    file: str
    line: int
    column: int | None = None
    column_name: str | None = None

    @classmethod
    def at(cls, text: str, origin: Origin) -> Cell:
        return cls(text, origin.file, origin.line, origin.column, origin.column_name)

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.line, self.column, self.column_name)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an extract; `severity` is error or warning."""

    origin: Origin
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each field of the records of one file comes from: shared by all its rows, so a
    record keeps only its texts (an extract has millions of cells and few problems)."""

    slots: dict[str, int]  # field name -> index into Record.values
    columns: tuple[tuple[int | None, str | None], ...]  # per slot: column number and name


_LAYOUTS: dict[tuple[tuple[str, int | None, str | None], ...], Layout] = {}


def _layout(cells: dict[str, Cell]) -> Layout:
    """The one Layout for records whose fields come from these columns."""
    key = tuple((name, cell.column, cell.column_name) for name, cell in cells.items())
    layout = _LAYOUTS.get(key)
    if layout is None:
        layout = _LAYOUTS[key] = Layout({name: i for i, (name, _, _) in enumerate(key)},
                                        tuple((col, col_name) for _, col, col_name in key))
    return layout


@dataclass(slots=True)
class Record:
    """One row of a model table: its texts, where they came from (missing fields are absent).
    `moved` holds the fields a merge of duplicate rows took from another row."""

    table: str
    layout: Layout
    values: tuple[str, ...]
    file: str
    line: int
    moved: dict[str, Cell] | None = None

    @classmethod
    def of(cls, table: str, cells: dict[str, Cell], origin: Origin) -> Record:
        values = tuple(_shared(cell.text) for cell in cells.values())
        return cls(table, _layout(cells), values, origin.file, origin.line)

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.line)

    def cell(self, name: str) -> Cell | None:
        if self.moved and name in self.moved:
            return self.moved[name]
        i = self.layout.slots.get(name)
        if i is None:
            return None
        column, column_name = self.layout.columns[i]
        return Cell(self.values[i], self.file, self.line, column, column_name)

    def text(self, name: str) -> str:
        if self.moved and name in self.moved:
            return self.moved[name].text
        i = self.layout.slots.get(name)
        return self.values[i] if i is not None else ""

    def where(self, name: str) -> Origin:
        cell = self.cell(name)
        return cell.origin if cell else self.origin

    def fields(self) -> list[str]:
        return list(self.layout.slots) + [n for n in self.moved or () if n not in
                                          self.layout.slots]


def _shared(text: str) -> str:
    """Short texts (ids, dates, roles) repeat across millions of rows: keep one copy each."""
    return sys.intern(text) if len(text) <= 64 else text


@dataclass
class Extract:
    """An extract read from disk: its manifest, records per table and the problems met."""

    path: Path
    manifest: dict[str, Any]
    records: dict[str, list[Record]] = field(default_factory=lambda: {t: [] for t in TABLES})
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # tables a file that failed to read fills
    merged: dict[tuple[str, ...], Record] = field(default_factory=dict)  # by table and key
    attested: dict[str, list[Any]] | None = None  # validation's matches, by position ref

    @property
    def name(self) -> str:
        return str(self.manifest.get("name", ""))

    def error(self, origin: Origin, message: str) -> None:
        self.problems.append(Problem(origin, message))

    def warn(self, origin: Origin, message: str) -> None:
        self.problems.append(Problem(origin, message, "warning"))


MANIFEST = "manifest.json"


def read_extract(path: str | Path) -> Extract:
    """Read the manifest and every file its format's spec names."""
    folder = Path(path)
    extract = Extract(folder, {})
    manifest_path = folder / MANIFEST
    if not folder.is_dir():
        extract.error(Origin(str(folder), 0), "no such folder")
        return extract
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        extract.error(Origin(MANIFEST, 0), "missing: an extract needs a manifest.json")
        return extract
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        extract.error(Origin(MANIFEST, line, getattr(exc, "colno", None)), f"not valid JSON: {exc}")
        return extract
    if not isinstance(manifest, dict):
        extract.error(Origin(MANIFEST, 1), "must be a JSON object")
        return extract
    extract.manifest = manifest
    for key in ("name", "version", "description"):
        if not str(manifest.get(key, "")).strip():
            extract.error(Origin(MANIFEST, 1), f"'{key}' is missing or empty")
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", str(manifest.get("name", "x"))):
        extract.error(Origin(MANIFEST, 1), "'name' must be lowercase letters, digits, . _ -")
    fmt = manifest.get("format", "lsg-csv")
    specs = loader_specs()
    if fmt not in specs:
        extract.error(Origin(MANIFEST, 1),
                      f"unknown format {fmt!r}; known: {', '.join(sorted(specs))}")
        return extract
    for file_spec in specs[fmt]["files"]:
        _read_file(extract, folder, file_spec)
    return extract


def _read_file(extract: Extract, folder: Path, spec: dict[str, Any]) -> None:
    name = spec["file"]
    path = folder / name
    if not path.exists():
        if spec.get("required", True):
            extract.error(Origin(name, 0), "missing: this format needs the file")
        return
    tables = [emit["table"] for emit in spec["emit"]]
    kept = {t: len(extract.records[t]) for t in tables}
    problems = len(extract.problems)
    try:
        with open(path, "rb") as handle:
            _read_rows(extract, name, spec, _csv_rows(extract, name, handle))
    except _Unreadable:  # say only why the file cannot be read: the rest would echo it
        del extract.problems[problems:-1]
        for table in tables:
            del extract.records[table][kept[table]:]
        extract.merged = {k: r for k, r in extract.merged.items()
                          if k[0] not in tables or r.file != name}
        extract.unreadable.update(tables)


def _read_rows(extract: Extract, name: str, spec: dict[str, Any],
               rows: Iterator[tuple[int, list[str]]]) -> None:
    """Check the header, then make the records of each row as it is read."""
    first = next(rows, None)
    if first is None:
        extract.error(Origin(name, 1), "the file is empty: it needs at least a header row")
        raise _Unreadable
    header = [h.strip() for h in first[1]]
    columns, optional = _expected_columns(spec)
    for i, col in enumerate(header, start=1):
        if col not in columns:
            extract.error(Origin(name, 1, i, col),
                          f"unknown column {col!r}; expected {', '.join(columns)}")
    missing = [c for c in columns if c not in header and c not in optional]
    for col in missing:
        extract.error(Origin(name, 1), f"missing column {col!r}")
    if missing:
        extract.unreadable.update(emit["table"] for emit in spec["emit"])
        return
    index = {col: i for i, col in enumerate(header)}
    for line, values in rows:
        if len(values) != len(header):
            extract.error(Origin(name, line, min(len(values), len(header)) + 1),
                          f"{len(values)} cells where the header has {len(header)}")
            continue
        if not any(v.strip() for v in values):
            continue
        cells = {
            col: Cell(values[i].strip(), name, line, i + 1, col) for col, i in index.items()
        }
        for emit in spec["emit"]:
            _emit(extract, emit, cells, Origin(name, line))


def _expected_columns(spec: dict[str, Any]) -> tuple[list[str], set[str]]:
    """The columns a file may have, and which of them may be left out of its header."""
    if "columns" in spec:
        return list(spec["columns"]), set(spec.get("optional_columns", []))
    table = TABLES[spec["emit"][0]["table"]]
    return list(table.names), {f.name for f in table.fields if not f.required}


def _emit(extract: Extract, emit: dict[str, Any], row: dict[str, Cell], origin: Origin) -> None:
    table = TABLES[emit["table"]]
    mapping = emit.get("fields", "same")
    if mapping == "same":
        mapping = {name: name for name in table.names}
    if emit.get("when") and not row.get(emit["when"], Cell.at("", origin)).text:
        return  # the row has nothing for this table
    cells: dict[str, Cell] = {}
    for target, expr in mapping.items():
        cell = _evaluate(expr, row, origin)
        if cell is not None:
            cells[target] = cell
    record = Record.of(table.name, cells, origin)
    if emit.get("merge_duplicates"):
        _merge(extract, record)
    else:
        extract.records[table.name].append(record)


def _evaluate(expr: Any, row: dict[str, Cell], origin: Origin) -> Cell | None:
    """A field's value from the spec's expression: a column name, const, slug, hash or map."""
    if isinstance(expr, str):
        return row.get(expr)
    if "const" in expr:
        return Cell.at(str(expr["const"]), origin)
    column = expr.get("slug") or expr.get("hash") or expr.get("map")
    cell = row.get(column)
    if cell is None:
        return None
    if not cell.text:
        return cell
    if "slug" in expr:
        return Cell.at(expr.get("prefix", "") + slugify(cell.text), cell.origin)
    if "hash" in expr:
        digest = hashlib.sha1(cell.text.encode("utf-8")).hexdigest()[:10]
        return Cell.at(expr.get("prefix", "") + digest, cell.origin)
    return Cell.at(expr["values"].get(cell.text, cell.text), cell.origin)


def _merge(extract: Extract, record: Record) -> None:
    """Fold a record into an earlier one with the same key: lists unite, values must agree."""
    table = TABLES[record.table]
    key = (record.table, *(record.text(k) for k in table.key))
    earlier = extract.merged.get(key)
    if earlier is None:
        extract.merged[key] = record
        extract.records[record.table].append(record)
        return
    for name in record.fields():
        cell = record.cell(name)
        old = earlier.cell(name)
        kind = table.field(name).kind
        if earlier.moved is None:
            earlier.moved = {}
        if old is None or not old.text:
            earlier.moved[name] = cell
        elif kind in ("refs", "list"):
            merged = list(dict.fromkeys(split_list(old.text) + split_list(cell.text)))
            earlier.moved[name] = Cell.at(";".join(merged), old.origin)
        elif cell.text and cell.text != old.text:
            extract.error(cell.origin, f"{cell.text!r} contradicts {old.text!r} given "
                          f"for the same {record.table} row at line {old.origin.line}")


def split_list(text: str) -> list[str]:
    """A `;`-separated cell as a list, blanks dropped."""
    return [part.strip() for part in text.split(";") if part.strip()]


def slugify(text: str) -> str:
    """`Xi Jinping` -> `xi-jinping`; accents dropped, anything else becomes a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Unreadable(Exception):
    """A file cannot be read on from here; the problem is recorded on the extract."""


_BOM = b"\xef\xbb\xbf"


def _csv_rows(extract: Extract, name: str, handle: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows of one CSV file as they are read, each with the line it starts on
    (BOM and CRLF accepted). Raises _Unreadable, the problem recorded, where a line is not
    UTF-8 or quotes do not balance; rows before it have been yielded."""
    pending: list[str] = []  # the lines of the row being read, to place a quote problem

    def lines() -> Iterator[str]:
        number = 0
        for chunk in handle:
            if number == 0 and chunk.startswith(_BOM):
                chunk = chunk[len(_BOM):]
            for raw in chunk.splitlines(keepends=True):
                number += 1
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    prefix = raw[:exc.start].decode("utf-8", "replace")
                    extract.error(Origin(name, number, _field_number(prefix)),
                                  f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded "
                                  "(save the file as UTF-8)")
                    raise _Unreadable from None
                pending.append(text)
                yield text

    reader = csv.reader(lines(), strict=True)
    start = 1
    try:
        for values in reader:
            if values:
                yield start, values
            pending.clear()
            start = reader.line_num + 1
    except csv.Error as exc:
        extract.error(Origin(name, start, _unbalanced_quote_field("".join(pending))),
                      f"unbalanced quotes: {exc}")
        raise _Unreadable from None


def _field_number(prefix: str) -> int:
    """The 1-based CSV field a position falls in, given the text of its line before it."""
    quoted, number = False, 1
    for char in prefix:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            number += 1
    return number


def _unbalanced_quote_field(record: str) -> int:
    """The field where a quote opens that never closes properly."""
    quoted, number, opened = False, 1, 1
    for char in record:
        if char == '"':
            if not quoted:
                opened = number
            quoted = not quoted
        elif char == "," and not quoted:
            number += 1
    return opened
