"""Bad input: every malformed extract in tests/malformed is refused with its file and line,
and a load of it leaves the database exactly as it was."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import HAND, fingerprint, wipe

CASES = sorted(p for p in (Path(__file__).parent / "malformed").iterdir() if p.is_dir())


def assemble(case: Path, into: Path) -> tuple[Path, dict]:
    """The hand extract with the case's files laid over it (and its deletions made)."""
    folder = into / case.name
    shutil.copytree(HAND, folder)
    meta = json.loads((case / "case.json").read_text())
    for file in case.iterdir():
        if file.name != "case.json":
            shutil.copy(file, folder / file.name)
    for name in meta.get("delete", []):
        (folder / name).unlink()
    return folder, meta


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.fixture(scope="module")
def loaded(session_db):
    wipe(session_db)
    session_db.load(HAND)
    return session_db


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_extract_is_refused_and_nothing_is_written(case, tmp_path, loaded, lsg):
    folder, meta = assemble(case, tmp_path)
    checked = lsg("validate", folder)
    assert checked.code == 1
    where = f"{meta['file']}:{meta['line']}"
    wanted = [ln for ln in checked.err.splitlines() if ln.startswith(where)]
    assert wanted, f"no problem reported at {where}:\n{checked.err}"
    assert any(meta["message"] in ln for ln in wanted), checked.err

    before = fingerprint(loaded)
    attempt = lsg("load", folder)
    assert attempt.code == 1
    assert "nothing was written" in attempt.err and where in attempt.err
    assert fingerprint(loaded) == before


def test_every_problem_is_reported_at_once(tmp_path, lsg):
    folder = tmp_path / "many"
    shutil.copytree(HAND, folder)
    positions = folder / "positions.csv"
    text = positions.read_text().replace("carol,g1,deputy", "zed,g1,leader")
    positions.write_text(text.replace("2011-05-01", "2011-02-30"))
    result = lsg("validate", folder)
    assert result.code == 1
    messages = result.err
    assert "no person with id 'zed'" in messages
    assert "unknown role 'leader'" in messages
    assert "has no day 30" in messages
    assert "3 error(s)" in messages


def test_bom_and_crlf_are_accepted(tmp_path, lsg):
    folder = tmp_path / "windows"
    shutil.copytree(HAND, folder)
    for csv_file in folder.glob("*.csv"):
        text = csv_file.read_text(encoding="utf-8")
        csv_file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = lsg("validate", folder)
    assert result.code == 0, result.err
    assert "valid (2 sources, 4 persons, 9 bodies, 14 positions, 7 body links" in result.out


def test_the_bundled_dataset_is_valid(lsg):
    result = lsg("validate")
    assert result.code == 0, result.err
    assert "valid" in result.out
