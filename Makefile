# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint format clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck check --reference seeds/verkor-press-release.md seeds/verkor-article.txt \
		--format markdown --output reports/seeds.md \
		--format json --output reports/seeds.json \
		--format html --output reports/seeds.html \
		--format sarif --output reports/seeds.sarif \
		--format text --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests bench
	$(BIN)/ruff format --check factcheck tests bench

format: $(STAMP)
	$(BIN)/ruff format factcheck tests bench
	$(BIN)/ruff check --fix factcheck tests bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache .mypy_cache .factcheck-cache
