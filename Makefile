# Two commands for a fresh clone (needs Python 3.10+, Java 17+ and Maven on PATH):
#   make demo   install, start the local Neo4j, load the bundled dataset, run the headline
#               analyses, print where Neo4j Browser is
#   make test   ruff and the whole test suite against a real Neo4j (its own `test` instance)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: install demo test stop clean

$(BIN)/lsg-graph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/lsg-graph

demo: install
	$(BIN)/lsg-graph server start
	$(BIN)/lsg-graph load --replace
	@mkdir -p $(OUT)
	@echo; echo "== Who chaired most bodies: Xi Jinping in mid-2019 ..."
	$(BIN)/lsg-graph analyze chair-count --param as_of=2019-06-01
	@echo; echo "== ... and Hu Jintao in mid-2010"
	$(BIN)/lsg-graph analyze chair-count --param as_of=2010-06-01
	@echo; echo "== Concentration of chairmanships, 1998-2025 (plot in $(OUT)/concentration.png)"
	$(BIN)/lsg-graph analyze concentration-timeline --plot $(OUT)/concentration.png
	@echo; echo "== The seed article's Table 1 beside the graph (2019-06-01)"
	$(BIN)/lsg-graph seed-table --format markdown --output $(OUT)/seed-table.md
	@echo; echo "== A report of all this: $(OUT)/report.html (one page, opens offline) and $(OUT)/report/report.md"
	$(BIN)/lsg-graph report $(OUT)/report.html
	$(BIN)/lsg-graph report $(OUT)/report
	@echo; echo "== What the data does not know: lsg-graph analyze coverage"
	@echo; $(BIN)/lsg-graph server status

test: install
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/pytest

stop:
	-$(BIN)/lsg-graph server stop
	-$(BIN)/lsg-graph --instance test server stop --bolt-port 7688 --http-port 7475

clean: stop
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
