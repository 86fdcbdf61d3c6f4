# Department portal: `make run` (set up + serve with demo content) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP  := $(VENV)/.installed-stamp

.PHONY: install setup run test lint bench attack scaleout-test messages clean prod prod-stop prod-status

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_portal
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py collectstatic --noinput -v0

# The scheduler (scheduled publishing, periodic jobs) runs beside the development server and
# stops with it.
run: setup
	@echo "http://127.0.0.1:$(PORT)/  (quản trị: http://127.0.0.1:$(PORT)/admin/)"
	@$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	  trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production stack on this machine, loopback only (docs/operations.md): PostgreSQL and
# Redis as found, gunicorn with the production settings, worker, scheduler, nginx with TLS on
# https://127.0.0.1:8443/. Settings: PROD_DATABASE_URL, PROD_REDIS_URL, PROD_*_PORT(S).
prod: install
	$(BIN)/python manage.py prodstack start

prod-stop: install
	$(BIN)/python manage.py prodstack stop

prod-status: install
	$(BIN)/python manage.py prodstack status

test: install
	$(BIN)/python -m pytest -q

# ruff (lint and format check), Django's deployment checks with the production settings (a
# throwaway key: the real one is never in the repository), migrations in step with the models.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  $(BIN)/python manage.py check --deploy
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# The production stack over HTTP (benchmarks/serving.py: wrk through nginx and against gunicorn,
# using `make prod`'s stack or starting one) runs where the local PostgreSQL answers.
# Search over BENCH_SEARCH_ARTICLES (100,000) synthetic articles on SQLite and, when the local
# PostgreSQL answers, on PostgreSQL too (databases kept in var/ and portal_bench for re-runs).
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/portal_bench
bench: install
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.speech
	$(BIN)/python -m benchmarks.feedback
	env -u DATABASE_URL -u REDIS_URL $(BIN)/python -m benchmarks.search
	env -u DATABASE_URL -u REDIS_URL $(BIN)/python -m benchmarks.science
	@if pg_isready -q -h 127.0.0.1 2>/dev/null; then \
	  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE portal_bench" 2>/dev/null || true; \
	  DATABASE_URL=$(BENCH_PG) $(BIN)/python -m benchmarks.search; \
	  DATABASE_URL=$(BENCH_PG) $(BIN)/python -m benchmarks.feedback; \
	  DATABASE_URL=$(BENCH_PG) $(BIN)/python -m benchmarks.science; \
	  env -u DATABASE_URL -u REDIS_URL $(BIN)/python -m benchmarks.serving; \
	fi

# Issue 14's attack run again on a production stack of its own (benchmarks/attack.py: loopback only,
# bounded, about 4 minutes; needs nginx, PostgreSQL and redis-server). Exits 1 when a defence fails.
attack: install
	$(BIN)/python -m benchmarks.attack

# Two app nodes behind the local nginx (portal/tests/test_scaleout.py); CI runs it with the
# PostgreSQL suite. Needs nginx, PostgreSQL and Redis on this machine.
SCALEOUT_DB ?= postgres://postgres@127.0.0.1:5432/portal_scaleout
scaleout-test: install
	DATABASE_URL=$(SCALEOUT_DB) REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/14} $(BIN)/python -m pytest -q -m scaleout

# Refresh and compile the Vietnamese catalogue (needs GNU gettext).
messages: install
	cd portal && ../$(BIN)/python ../manage.py makemessages -l vi --no-obsolete --no-location -i "*/tests/*" -i "static/*"
	cd portal && ../$(BIN)/python ../manage.py makemessages -d djangojs -l vi --no-obsolete --no-location -i "*/tests/*"
	cd portal && ../$(BIN)/python ../manage.py compilemessages -l vi

clean:
	rm -rf $(VENV) var db.sqlite3 *.egg-info
