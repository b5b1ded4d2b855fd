# One command to try it (make demo), one to test it (make test).
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
KAFKA := bash docker/kafka-local.sh
DEMO_PORT ?= 9092
DEMO_DIR ?= /tmp/stancewire-demo-kafka
DEMO_DB ?= /tmp/stancewire-demo.db
WEB_PORT ?= 8088
WEB := consumers/apps/web

.PHONY: install demo web test lint schemas schemas-release models event-tables faults bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[nlp,dev]'
	touch $@

# The stance map's browser libraries, exactly as locked (served from node_modules, no build step).
$(WEB)/node_modules/.package-lock.json: $(WEB)/package-lock.json
	npm ci --prefix $(WEB) --no-audit --no-fund --silent
	touch $@

# The models' ONNX exports, built once per weights into ~/.cache/stancewire/onnx (a second run only checks them),
# so that no worker started by the demo or the tests exports them itself.
install: $(VENV)/.installed $(WEB)/node_modules/.package-lock.json
	$(BIN)/python -m consumers.nlp.onnx_export

## demo: local broker, topics, seeds in, worker until done, sink into $(DEMO_DB), summary, broker stopped
demo: install
	$(KAFKA) start --port $(DEMO_PORT) --dir $(DEMO_DIR)
	@trap '$(KAFKA) stop --port $(DEMO_PORT) --dir $(DEMO_DIR) --clean' EXIT; \
	export STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS=127.0.0.1:$(DEMO_PORT); \
	$(BIN)/stancewire topics create && \
	$(BIN)/stancewire publish seeds && \
	$(BIN)/stancewire worker --until-caught-up && \
	$(BIN)/stancewire sink --sqlite $(DEMO_DB) --until-caught-up && \
	$(BIN)/stancewire summary

## web: the stance map on the demo's database (after make demo), following a local broker, until Ctrl-C
web: install
	$(KAFKA) start --port $(DEMO_PORT) --dir $(DEMO_DIR)
	@trap '$(KAFKA) stop --port $(DEMO_PORT) --dir $(DEMO_DIR) --clean' EXIT; \
	export STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS=127.0.0.1:$(DEMO_PORT) STANCEWIRE_SINK__SQLITE_PATH=$(DEMO_DB); \
	$(BIN)/stancewire topics create >/dev/null && \
	$(BIN)/stancewire web --port $(WEB_PORT)

## test: lint, types, unit and integration tests (the integration tests start their own broker)
test: install lint
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check consumers schemas tests
	$(BIN)/ruff format --check consumers schemas tests
	$(BIN)/mypy

schemas: install
	$(BIN)/stancewire schemas export

## schemas-release: keep this version's exported schemas in schemas/released/<version>/ (once per release)
schemas-release: install
	$(BIN)/stancewire schemas release

# The labelled data: DATA_DIR=..., else STANCEWIRE_DATA_DIR, else ../shared/data (docker/prepare-data.sh fetches it)
WITH_DATA := $(if $(DATA_DIR),STANCEWIRE_DATA_DIR=$(abspath $(DATA_DIR)))

## event-tables: derive the event-coding tables from the event-data dictionaries in the data directory (deterministic, seconds)
event-tables: install
	$(WITH_DATA) $(BIN)/python -m consumers.nlp.training.event_tables

## models: retrain every shipped model from the data directory (seeded, about 20 minutes on 2 cores)
models: install event-tables
	$(WITH_DATA) $(BIN)/python -m consumers.nlp.training.train

## faults: the fault drills' accounting table (its own broker)
faults: install
	$(BIN)/python -m tests.faults.report

## bench: the benchmark table (its own broker on port 19092)
bench: install
	$(KAFKA) start --port 19092 --dir /tmp/stancewire-bench-kafka
	@trap '$(KAFKA) stop --port 19092 --dir /tmp/stancewire-bench-kafka --clean' EXIT; \
	STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS=127.0.0.1:19092 $(BIN)/stancewire bench --articles 192

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(WEB)/node_modules
