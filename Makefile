# elitewatch: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/elitewatch ingest examples/articles
	@echo
	$(BIN)/elitewatch summary
	@echo
	@echo "Next, try:"
	@echo "  $(BIN)/elitewatch person Tokayev"
	@echo "  $(BIN)/elitewatch person Токаев"
	@echo "  $(BIN)/elitewatch quotes --search security"
	@echo "  $(BIN)/elitewatch events --person Tokayev"
	@echo "  $(BIN)/elitewatch search credentials"
	@echo "  $(BIN)/elitewatch export --format jsonl | head"

lint: $(STAMP)
	$(BIN)/ruff check elitewatch tests
	$(BIN)/mypy elitewatch

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) elitewatch.db elitewatch.db-wal elitewatch.db-shm
