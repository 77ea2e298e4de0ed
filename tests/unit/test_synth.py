"""Synthetic extracts: valid, of the size asked, the same for the same seed."""

from __future__ import annotations

import csv
from collections import Counter

from lsg_graph.synth import write_synthetic
from lsg_graph.validate import errors, validate


def test_a_synthetic_extract_is_valid_and_of_the_size_asked(tmp_path):
    folder = write_synthetic(tmp_path / "syn", positions=2_000, seed=7)
    extract = validate(folder)
    assert errors(extract) == []
    assert len(extract.records["positions"]) == 2_000
    links = extract.records["body_links"]
    assert any(r.text("type") == "REPLACED_BY" for r in links)
    assert extract.records["disputes"] and extract.records["attestations"]
    starts = {r.text("start") for r in extract.records["positions"]}
    assert "unknown" in starts and any(".." in s for s in starts)  # every kind of date


def test_the_same_seed_gives_the_same_files(tmp_path):
    one = write_synthetic(tmp_path / "a", positions=500, seed=3)
    two = write_synthetic(tmp_path / "b", positions=500, seed=3)
    other = write_synthetic(tmp_path / "c", positions=500, seed=4)
    read = lambda f: list(csv.reader((f / "positions.csv").open()))  # noqa: E731
    assert read(one) == read(two) != read(other)


def test_posts_per_person_have_a_heavy_tail_that_does_not_grow_with_the_extract(tmp_path):
    folder = write_synthetic(tmp_path / "syn", positions=20_000, seed=1)
    with (folder / "positions.csv").open() as handle:
        posts = Counter(row["person_id"] for row in csv.DictReader(handle))
    counts = sorted(posts.values())
    assert counts[len(counts) // 2] <= 10  # most hold a few posts
    assert 50 <= counts[-1] <= 300  # a few hold many, but no one holds a share of them all


def test_every_size_is_valid_even_where_a_dispute_falls_on_the_last_row(tmp_path):
    folder = write_synthetic(tmp_path / "syn", positions=300, seed=1)  # syn-d299 did
    assert errors(validate(folder)) == []
