# Quick start: `make demo` builds the docs with the bundled catalogue; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -nW --keep-going
DOCS_OUT := docs/_build

.PHONY: demo test test-oldest docs pdf lint type bench bench-round fuzz screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per set of extras, so `make test` after `make demo` installs only what is missing.
$(VENV)/.stamp-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[$(subst +,$(comma),$*)]"
	@touch $@

comma := ,

demo: $(VENV)/.stamp-docs
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) docs $(DOCS_OUT)/html
	@echo
	@echo "Docs built: open $(abspath $(DOCS_OUT))/html/index.html"

docs: demo

test: $(VENV)/.stamp-test+docs
	$(BIN)/python -m pytest

# The hypothesis fuzz tests of tests/hostile/ at length (FUZZ_EXAMPLES per test); the normal
# suite runs them with a few dozen examples, CI with a few hundred.
FUZZ_EXAMPLES ?= 5000

fuzz: $(VENV)/.stamp-test+docs
	AWSERRORS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -m slow tests/hostile -q

# The suite on the oldest supported stack (.ci/oldest.txt), in its own venv; .ci/run calls it.
OLDEST_VENV ?= .venv-oldest

$(OLDEST_VENV)/.stamp: pyproject.toml .ci/oldest.txt
	$(PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(OLDEST_VENV)/bin/python -m pip install --quiet -r .ci/oldest.txt -e ".[test]"
	@touch $@

test-oldest: $(OLDEST_VENV)/.stamp
	$(OLDEST_VENV)/bin/python -m pytest

pdf: $(VENV)/.stamp-docs
	@command -v latexmk >/dev/null || { echo "make pdf needs latexmk and TeX Live: see docs/howto/pdf.rst"; exit 1; }
	$(BIN)/sphinx-build -M latexpdf docs $(DOCS_OUT) $(SPHINXOPTS)
	@echo "PDF: $(abspath $(DOCS_OUT))/latex/sphinx-awserrors.pdf"

lint: $(VENV)/.stamp-lint
	$(BIN)/ruff check sphinx_awserrors tests benchmarks docs tools
	$(BIN)/ruff format --check sphinx_awserrors tests benchmarks docs tools
	$(BIN)/mypy
	$(BIN)/lint-imports

# PNGs of aws-error-table in every theme, light and dark, 1280 and 400 px (needs chromium)
screenshots: $(VENV)/.stamp-test
	$(BIN)/python docs/screenshots.py --out $(DOCS_OUT)/screenshots

# main when the work on issue 18 (build speed) began: the benchmark builds it as form "base"
BENCH_BASELINE ?= f8d55d4
BENCH_ARGS ?=

# every form, both sizes, serial and -j 2, rebuilds and the 1,000/5,000/20,000 sweeps, then the
# goals of issue 18; bench-round is one round of the same, the sweeps with ext and the floor only,
# five builds a point, in turns (about eighteen minutes)
bench: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/run.py --sections scale incremental linearity \
		--baseline $(BENCH_BASELINE) $(BENCH_ARGS)

bench-round: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/run.py --sections scale incremental linearity --repeats 1 \
		--linearity-repeats 5 --linearity-forms ext floor --baseline $(BENCH_BASELINE) \
		$(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(OLDEST_VENV) $(DOCS_OUT) build dist .tox .pytest_cache .mypy_cache .ruff_cache
