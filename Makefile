# Two commands do everything on a fresh machine (see README.md):
#   make run   - virtualenv, install, migrate, demo data, serve http://127.0.0.1:8000
#   make test  - install the test tools and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install install-test migrate seed bench bench-smoke lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(BIN)/python manage.py migrate --no-input

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	$(BIN)/python manage.py runserver $(HOST)

test: install-test
	@if [ -x "$(CHROMIUM)" ]; then \
		echo "Browser tests: running with $(CHROMIUM) (phone viewport)."; \
	elif [ "$$CI" = "true" ]; then \
		echo "Browser tests: Chromium missing at $(CHROMIUM) - a failure in CI."; exit 1; \
	else \
		echo "Browser tests: SKIPPED - Chromium is not installed (apt-get install chromium)."; \
	fi
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Benchmarks print each figure beside its budget (bench/README.md); not run by tests.
# bench_stats.py generates the 200,000-resident city on PostgreSQL at
# BENCH_DATABASE_URL (created when missing), or says plainly that it cannot reach it
# and measures a smaller city on SQLite instead. bench-smoke: tiny data, SQLite.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/bench_city
bench: install-test
	@for b in bench/bench_*.py; do BENCH_DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python $$b || status=1; done; exit $${status:-0}

bench-smoke: install-test
	@for b in bench/bench_*.py; do BENCH_SMOKE=1 $(BIN)/python $$b --smoke || exit 1; done

lint: install-test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(BIN)/python manage.py makemessages -l vi -l en -i ".venv/*" -i "learning/demo_content/*" --no-location
	$(BIN)/python manage.py compilemessages -i .venv

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles screenshots
