# One command to try it (make demo), one to test it (make test).
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
KAFKA := bash docker/kafka-local.sh
DEMO_PORT ?= 9092
DEMO_DIR ?= /tmp/stancewire-demo-kafka

.PHONY: install demo test lint schemas schemas-release models event-tables faults bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[nlp,dev]'
	touch $@

install: $(VENV)/.installed

## demo: local broker, topics, seeds in, worker until done, summary, broker stopped
demo: install
	$(KAFKA) start --port $(DEMO_PORT) --dir $(DEMO_DIR)
	@trap '$(KAFKA) stop --port $(DEMO_PORT) --dir $(DEMO_DIR) --clean' EXIT; \
	export STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS=127.0.0.1:$(DEMO_PORT); \
	$(BIN)/stancewire topics create && \
	$(BIN)/stancewire publish seeds && \
	$(BIN)/stancewire worker --until-caught-up && \
	$(BIN)/stancewire summary

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
	$(WITH_DATA) $(BIN)/python -m consumers.nlp.train

## faults: the fault drills' accounting table (its own broker)
faults: install
	$(BIN)/python -m tests.faults.report

## bench: the benchmark table (its own broker on port 19092)
bench: install
	$(KAFKA) start --port 19092 --dir /tmp/stancewire-bench-kafka
	@trap '$(KAFKA) stop --port 19092 --dir /tmp/stancewire-bench-kafka --clean' EXIT; \
	STANCEWIRE_KAFKA__BOOTSTRAP_SERVERS=127.0.0.1:19092 $(BIN)/stancewire bench --articles 192

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
