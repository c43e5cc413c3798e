# The few commands a person types. Everything installs itself on first use:
# a virtualenv in .venv with the package and its test tools, and Debian's
# pgTAP files (apt-get, when running as root) for the pgTAP runner.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ENGINE ?= embedded
VERIFY_ARGS ?=
SCALE  ?= 1

.PHONY: help setup pgtap plpgsql-check graphviz verify verify-15 test lint render bench bench-core docs clean

help:
	@echo "make verify     apply every migration to a throwaway Postgres and run every pgTAP test"
	@echo "make verify-15  the same on Debian's PostgreSQL 15 (without the pgvector module aiml)"
	@echo "make test       the pytest suite of the tool itself"
	@echo "make lint       render --check, docs --check, types --check, then schema-tool lint (style, security, migration safety)"
	@echo "make render     render sql/ into migrations/"
	@echo "make docs       regenerate docs/ (reference and ER diagrams) from the migrations"
	@echo "make bench      scale benchmark: hot paths under RLS (SCALE=0.1 for a tenth; ~28 min at SCALE=1)"
	@echo "make bench-core verify cold and warm against the floor, lint cold, ledger overhead"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

# Graphviz is needed only to draw the ER diagrams: `make docs` installs it.
setup: $(STAMP) pgtap

pgtap:
	@./.ci/ensure-pgtap

plpgsql-check:
	@./.ci/ensure-plpgsql-check

graphviz:
	@./.ci/ensure-graphviz

verify: setup
	$(BIN)/schema-tool verify --engine $(ENGINE) $(VERIFY_ARGS)

verify-15: setup
	$(BIN)/schema-tool verify --engine system --exclude aiml $(VERIFY_ARGS)

test: setup
	$(BIN)/pytest -q

lint: setup plpgsql-check
	$(BIN)/schema-tool render --check
	$(BIN)/schema-tool docs --check
	$(BIN)/schema-tool types --check
	$(BIN)/schema-tool lint --check-docs
	$(BIN)/schema-tool lint

render: $(STAMP)
	$(BIN)/schema-tool render

docs: setup graphviz
	$(BIN)/schema-tool docs

bench: setup
	SCALE=$(SCALE) $(BIN)/python bench/scale.py

bench-core: setup
	$(BIN)/python bench/bench_core.py

clean:
	rm -rf $(VENV) .pytest_cache
