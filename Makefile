# elitewatch: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint browser postgres bench profile ablation clean

$(STAMP): requirements.txt requirements-dev.txt requirements-nodeps.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.txt
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
	@echo
	@echo "Open the UI: $(BIN)/elitewatch serve   then http://127.0.0.1:8000/"

lint: $(STAMP)
	$(BIN)/ruff check elitewatch tests
	$(BIN)/mypy elitewatch

# The browser tests drive Debian's chromium with its chromedriver (never a downloaded browser); as root
# with apt, `make test` installs them when missing, otherwise those tests skip and say why.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium and chromium-driver for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium chromium-driver >/dev/null; \
	  else \
	    echo "chromium or chromedriver missing and no root apt: the browser tests will skip"; \
	  fi; \
	fi

# The store, query and web tests run on PostgreSQL too, in a throwaway cluster the tests start on a socket of
# their own (tests/pg.py): as root with apt, `make test` installs Debian's postgresql when missing (without its
# default cluster), otherwise those variants skip and say why (they fail instead under ELITEWATCH_REQUIRE_POSTGRES=1).
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's postgresql for the PostgreSQL variants of the tests"; \
	    mkdir -p /etc/postgresql-common/createcluster.d; \
	    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/elitewatch.conf; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      postgresql >/dev/null; \
	  else \
	    echo "PostgreSQL's server binaries missing and no root apt: the PostgreSQL tests will skip"; \
	  fi; \
	fi

test: lint browser postgres
	$(BIN)/pytest

# Throughput against the bare models, both cores, memory, query latency on 10,000 and 100,000 documents:
# writes BENCHMARKS.md (BENCH_SIZES=10000 for a quicker run).
bench: $(STAMP)
	$(BIN)/python bench/run.py

# Every rule on trial (issue 16 item 6): each dev corpus ingested once with every record tagged by the rule that
# made it, scored record by record; writes ABLATION.md (parses cached in build/ablation-cache). Needs ../shared.
ablation: $(STAMP)
	$(BIN)/python bench/ablation.py

# Where ingest time goes (pyinstrument), on the English dev corpus or the samples.
profile: $(STAMP)
	$(BIN)/python bench/timing_profile.py

clean:
	rm -rf $(VENV) elitewatch.db elitewatch.db-wal elitewatch.db-shm
