# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make run   installs, migrates, loads demo data and serves http://127.0.0.1:8000
#   make test  installs and runs the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Development settings for `make run` only: SQLite, eager Celery, console email.
RUN_ENV := DEBUG=true \
	SECRET_KEY="$$(cat .dev-secret-key)" \
	DATABASE_URL=sqlite:///db.sqlite3 \
	REDIS_URL= \
	EMAIL_URL=consolemail:// \
	SECURE_SSL_REDIRECT=false

.PHONY: install run test lint format clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

.dev-secret-key:
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install .dev-secret-key
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	@echo "Demo logins (staff and comms: /admin/, trainer: /trainer/):"
	@$(RUN_ENV) $(PY) manage.py load_demo
	@echo "RSO Portal: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install lint
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
