# The two commands of the README. Each creates .venv and installs on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: run dev test lint bench messages screenshots fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	$(VENV)/bin/python platform/dkfds.py
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/python platform/local.py run

# The demo with Django's debug pages and the browsable API, for developers (never for users to try).
dev: $(STAMP)
	DEBUG=1 $(VENV)/bin/python platform/local.py run

test: $(STAMP)
	$(VENV)/bin/python platform/local.py test $(PYTEST_ARGS)

# Every page family each demo role reaches, at desktop width and 375 px, as PNGs in .local/screenshots/ (not
# committed), to review the look.
screenshots: $(STAMP)
	$(VENV)/bin/python platform/local.py screenshots

# The long Schemathesis run (tests/test_schemathesis.py with more examples per operation): several thousand cases.
fuzz: $(STAMP)
	SCHEMATHESIS_FULL=1 SCHEMATHESIS_EXAMPLES=$${SCHEMATHESIS_EXAMPLES:-10} $(VENV)/bin/python platform/local.py test \
		-n 0 -p no:logging -q tests/test_schemathesis.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python manage.py makemigrations --check --dry-run

# Each app keeps its own English catalogue (<app>/locale/en); locale/ holds the project-wide templates'.
APPS_WITH_LOCALE := $(patsubst %/locale/,%,$(filter-out locale/,$(dir $(wildcard */locale/))))
messages: $(STAMP)
	for app in $(APPS_WITH_LOCALE); do (cd $$app && ../$(VENV)/bin/django-admin makemessages -l en --ignore=migrations && ../$(VENV)/bin/django-admin compilemessages); done
	$(VENV)/bin/python manage.py makemessages -l en $(addprefix --ignore=,$(APPS_WITH_LOCALE) .venv .local tests bench)
	$(VENV)/bin/django-admin compilemessages --ignore=.venv $(addprefix --ignore=,$(APPS_WITH_LOCALE))
