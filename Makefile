# The two commands: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

# The PostgreSQL tests run against this machine's server whenever it answers; set
# ZOOMBOT_TEST_POSTGRES_URL yourself to use another one.
LOCAL_PG := $(shell pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && echo postgresql+asyncpg://postgres@127.0.0.1:5432/test)
export ZOOMBOT_TEST_POSTGRES_URL ?= $(LOCAL_PG)

.PHONY: install run test check lint typecheck migrate bench eval clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) -m bot migrate

run: migrate
	$(PY) -m bot serve

lint: install
	$(PY) -m ruff check .

typecheck: install
	$(PY) -m mypy

check: lint typecheck

test: check
	$(PY) -m pytest

eval: install
	$(PY) -m nlu.eval

bench: install
	$(PY) bench/slack_ack.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
