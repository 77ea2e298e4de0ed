"""A malformed extract is refused by `load` too, and the database is left exactly as it was."""

from __future__ import annotations

import pytest

from conftest import HAND, MALFORMED_CASES, assemble, fingerprint, wipe

CASES = MALFORMED_CASES


@pytest.fixture(scope="module")
def loaded(session_db):
    wipe(session_db)
    session_db.load(HAND)
    return session_db


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_extract_is_refused_and_nothing_is_written(case, tmp_path, loaded, lsg):
    folder, meta = assemble(case, tmp_path)
    before = fingerprint(loaded)
    attempt = lsg("load", folder)
    assert attempt.code == 1
    first_place = meta["errors"][0].split(": ")[0]
    assert "nothing was written" in attempt.err and first_place in attempt.err
    assert fingerprint(loaded) == before
