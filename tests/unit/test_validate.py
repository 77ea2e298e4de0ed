"""Bad input: every malformed extract in tests/malformed is refused with exactly the errors
its case.json lists (file:line:column and text), and nothing spurious besides."""

from __future__ import annotations

import shutil

import pytest

from conftest import HAND, MALFORMED, MALFORMED_CASES, assemble, invoke

CASES = MALFORMED_CASES


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_extract_reports_exactly_its_errors(case, tmp_path):
    folder, meta = assemble(case, tmp_path)
    result = invoke("validate", folder)
    assert result.code == 1
    *problems, verdict = result.err.splitlines()
    assert problems == meta["errors"]
    assert verdict == f"{folder}: {len(meta['errors'])} error(s); nothing can be loaded."


def test_a_file_that_cannot_be_read_does_not_echo_as_missing_references(tmp_path):
    folder, _ = assemble(MALFORMED / "02-unbalanced-quote", tmp_path)
    result = invoke("validate", folder)
    assert "no person with id" not in result.err


def test_every_problem_is_reported_at_once(tmp_path):
    folder = tmp_path / "many"
    shutil.copytree(HAND, folder)
    positions = folder / "positions.csv"
    text = positions.read_text().replace("carol,g1,deputy", "zed,g1,leader")
    positions.write_text(text.replace("2011-05-01", "2011-02-30"))
    result = invoke("validate", folder)
    assert result.code == 1
    messages = result.err
    assert "no person with id 'zed'" in messages
    assert "unknown role 'leader'" in messages
    assert "has no day 30" in messages
    assert "3 error(s)" in messages


def test_bom_and_crlf_are_accepted(tmp_path):
    folder = tmp_path / "windows"
    shutil.copytree(HAND, folder)
    for csv_file in folder.glob("*.csv"):
        text = csv_file.read_text(encoding="utf-8")
        csv_file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = invoke("validate", folder)
    assert result.code == 0, result.err
    assert "valid (2 sources, 4 persons, 9 bodies, 14 positions, 7 body links" in result.out


def test_the_bundled_dataset_is_valid():
    result = invoke("validate")
    assert result.code == 0, result.err
    assert result.out.strip().endswith(")."), result.out
    assert "valid (" in result.out


def test_a_cell_spanning_lines_keeps_the_lines_of_the_rows_after_it(tmp_path):
    folder = tmp_path / "multiline"
    shutil.copytree(HAND, folder)
    positions = folder / "positions.csv"
    lines = positions.read_text().splitlines()
    lines[1] = lines[1].replace("high,s1,,", 'high,s1,"first line\nsecond line",')
    lines[3] = lines[3].replace("state-council,member", "state-council,leader")
    positions.write_text("\n".join(lines) + "\n")
    result = invoke("validate", folder)
    # the carol row is the file's fourth record but starts on its fifth line
    assert "positions.csv:5:3 (role): error: unknown role 'leader'" in result.err
    assert "1 error(s)" in result.err


def test_a_file_unreadable_half_way_is_reported_once(tmp_path):
    folder = tmp_path / "late"
    shutil.copytree(HAND, folder)
    positions = folder / "positions.csv"
    text = positions.read_bytes()
    positions.write_bytes(text.replace(b"dave,state-council", b"dave,state-council\xff", 1))
    result = invoke("validate", folder)
    *problems, _ = result.err.splitlines()
    assert problems == ["positions.csv:5:2: error: not UTF-8: byte 0xff cannot be decoded "
                        "(save the file as UTF-8)"]
