# The two commands of the README. Each creates .venv and installs on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/python platform/local.py run

test: $(STAMP)
	$(VENV)/bin/python platform/local.py test $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python manage.py makemigrations --check --dry-run

messages: $(STAMP)
	$(VENV)/bin/python manage.py makemessages -l da -l en --ignore=.venv --ignore=.local --ignore=bench
	$(VENV)/bin/python manage.py compilemessages --ignore=.venv
