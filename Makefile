# Kommunale Jobcenter – Stark. Sozial. Vor Ort.
#   make run    set everything up and serve the site with gunicorn on 127.0.0.1:$${PORT:-8000}
#   make test   set everything up and run every test
# Both are safe to repeat; each step only does work when its inputs changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
SECRET_FILE := .secret_key

# A Python >= 3.12 (Django 6.1 needs it): .python-version via pyenv, then python3.13/3.12/3.
PYTHON := $(shell for c in "$$(pyenv which python 2>/dev/null)" python3.13 python3.12 python3; do \
	[ -n "$$c" ] && command -v "$$c" >/dev/null 2>&1 && "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$c"; break; }; done)

# `make run` is a local plain-HTTP start: DEBUG off, HTTPS protections off, a secret key kept
# in $(SECRET_FILE) (git-ignored). Production sets these variables itself (README.md).
RUN_ENV = DJANGO_DEBUG=false DJANGO_HTTPS=false \
	DJANGO_EMAIL_BACKEND=$${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SITE_URL=$${DJANGO_SITE_URL:-http://127.0.0.1:$(PORT)} \
	DJANGO_SECRET_KEY="$$(cat $(SECRET_FILE))"
# Tests run on plain static storage (no collectstatic needed) and a fixed throwaway key.
TEST_ENV = DJANGO_SECRET_KEY=test-only-secret-key DJANGO_HTTPS=false DJANGO_DEBUG=false \
	DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend \
	DJANGO_ALLOWED_HOSTS=testserver,localhost,127.0.0.1 \
	DJANGO_STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage \
	DJANGO_ALLOW_ASYNC_UNSAFE=true

.PHONY: help python-check run setup test test-engine test-lcp test-pg-restart lint format bench vendor admin clean messages compilemessages

help:
	@echo "make run     set up (.venv, dependencies, database, demo content, static files) and serve on 127.0.0.1:$(PORT)"
	@echo "make test    set up and run every test (unit, integration, browser/axe)"
	@echo "make test-engine  the tests that depend on the database engine (CI runs them on PostgreSQL)"
	@echo "make test-pg-restart  restart the local PostgreSQL under load (needs DATABASE_URL, REDIS_URL; CI's last step)"
	@echo "make lint    ruff check + format check, Django checks, missing migrations"
	@echo "make admin   create an admin login for the local site"
	@echo "make bench   measure pages, media and the gallery burst against static files (bench/REPORT.md)"
	@echo "make vendor  refresh vendored front-end files (package-lock.json, npm) and rebuild the subset fonts and KERN CSS"

python-check:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Error: no Python >= 3.12 found. Install Python 3.13 (e.g. 'pyenv install 3.13.0') and run make again." >&2; \
		exit 1; fi

$(VENV)/.installed-runtime: requirements.txt | python-check
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | python-check
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

$(SECRET_FILE):
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@echo "Created a local secret key in $@ (git-ignored)."

# The translations (locale/*/LC_MESSAGES/*.po) compiled into .mo files, in pure Python (no gettext needed).
compilemessages: | python-check
	$(PYTHON) scripts/compile_messages.py

setup: $(VENV)/.installed-runtime $(SECRET_FILE) compilemessages
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/ (DEBUG off). Stop with Ctrl+C."
	@echo "Demo logins at http://127.0.0.1:$(PORT)/admin/ (password: $${DEMO_PASSWORD:-demo-passwort-2030}):"
	@echo "  zentrale             Zentrale Redaktion: reviews and publishes everything"
	@echo "  redaktion-dueren     Redaktion Kommune: Kreis Düren"
	@echo "  redaktion-stuttgart  Redaktion Kommune: Landeshauptstadt Stuttgart"
	$(RUN_ENV) PORT=$(PORT) DJANGO_TASK_WORKER=true $(VENV)/bin/gunicorn --config config/gunicorn.conf.py config.wsgi:application

admin: setup
	$(RUN_ENV) $(PY) manage.py createsuperuser

# Tests run in parallel, one worker per core (pytest-xdist); TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto
# --dist loadgroup keeps the tests of a module with a module-wide site on one worker (tests/conftest.py).
test: $(VENV)/.installed-dev compilemessages
	$(TEST_ENV) $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=30 $(PYTEST_ARGS)

# The tests that depend on the database engine (marker `engine`, tests/conftest.py; README "Tests"):
# what .ci/run runs again on PostgreSQL, e.g. DATABASE_URL=postgres://... REDIS_URL=... make test-engine
test-engine: $(VENV)/.installed-dev compilemessages
	$(TEST_ENV) $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=30 -m "engine and not pg_restart and not lcp_report" $(PYTEST_ARGS)

# A report, not a gate (issue 26): Largest Contentful Paint with Lighthouse's mobile throttling applied,
# which depends on the host. `make test` gates the simulated paint (bytes and request chain) instead.
test-lcp: $(VENV)/.installed-dev compilemessages
	$(TEST_ENV) $(VENV)/bin/pytest -n 0 -s -p no:cacheprovider -m lcp_report tests/browser/test_weight.py

# Several app servers (README): restarts the local PostgreSQL cluster under load, so it runs alone,
# needs DATABASE_URL (PostgreSQL) and REDIS_URL, and fails instead of skipping without them.
test-pg-restart: $(VENV)/.installed-dev
	$(TEST_ENV) CI_REQUIRE_SCALE=1 $(VENV)/bin/pytest -rP -p no:cacheprovider -m pg_restart tests/test_pg_restart.py

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Collects the msgids of our code into locale/<code>/ (needs gettext's xgettext) and compiles.
# locale/de/*.po hold only our supplement to Django's German catalogue (our msgids are German),
# whose msgids are not in our source: never run makemessages for de. Check `git diff locale/`.
MESSAGE_IGNORES := --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore 'bench/*' \
	--ignore 'vendor/*' --ignore 'staticfiles/*' --ignore 'static/vendor/*'
# Every translated language (locale/<code>/ except de); a new one the first time: MESSAGE_LOCALES=tr.
MESSAGE_LOCALES ?= $(filter-out de,$(notdir $(wildcard locale/*)))
messages: $(VENV)/.installed-dev
	$(TEST_ENV) $(PY) manage.py makemessages $(foreach code,$(MESSAGE_LOCALES),--locale $(code)) --no-obsolete \
		$(MESSAGE_IGNORES)
	$(PY) scripts/compile_messages.py

# make bench: its own database (bench/bench.sqlite3, 1,000 demo stories), media and static roots;
# pages, media and the gallery burst against static files; writes bench/REPORT.md and bench/results.json
# (scripts/bench.py). With DATABASE_URL (PostgreSQL) and REDIS_URL also two app servers (database kjc_bench).
# Load from wrk (Debian: apt-get install -y wrk), else from a Python generator. BENCH_ARGS=--quick: a short check.
bench: $(VENV)/.installed-runtime $(SECRET_FILE)
	@command -v wrk >/dev/null || echo "make bench: wrk is not installed (apt-get install -y wrk); the Python load generator is used"
	$(RUN_ENV) $(PY) scripts/bench.py $(BENCH_ARGS)

# npm fetches the originals into vendor/kern/; scripts/build_frontend.py (fontTools, tinycss2 from
# the venv) builds static/vendor/kern/. VENDOR_OFFLINE=1 only rebuilds from the committed originals.
vendor: $(VENV)/.installed-dev
	PYTHON=$(PY) bash scripts/vendor.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache node_modules
