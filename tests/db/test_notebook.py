"""The analysts' notebook (examples/analyst.ipynb) runs against the test server, top to
bottom, so that it cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parent.parent.parent / "examples" / "analyst.ipynb"


def test_the_notebook_runs_and_shows_the_headline_results(bundled_db, settings, monkeypatch,
                                                         tmp_path):
    for name, value in (("NEO4J_URI", settings.uri), ("NEO4J_USERNAME", settings.username),
                        ("NEO4J_PASSWORD", settings.password),
                        ("NEO4J_DATABASE", settings.database)):
        monkeypatch.setenv(name, value)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "\n".join(str(out.get("data", {}).get("text/plain", ""))
                        for cell in notebook.cells if cell.cell_type == "code"
                        for out in cell.get("outputs", []))
    assert "Xi Jinping" in outputs and "chair-count" in outputs
    assert (tmp_path / "concentration.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "lsg-graph.graphml").read_text(encoding="utf-8").startswith("<?xml")
