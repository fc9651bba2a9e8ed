# Every target creates .venv itself from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TORCH_CPU := torch==2.13.0

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: venv browser demo test lint format docs bench bench-numbers bench-align bench-glossary bench-fluency fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# CPU torch first: a plain torch requirement would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet $(TORCH_CPU)
	$(BIN)/python -m pip install --quiet -e '.[fluency,dev]'
	touch $(STAMP)

venv: $(STAMP)

# The HTML report is tested in a real browser: Debian's chromium (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: the browser tests will skip (apt-get install chromium)"; fi; }

GLOSSARY := corpora/glossaries/conflict-syria.tbx

# The seed article pair, checked with the conflict glossary and scored for fluency, then a
# copy of it with planted translation errors; an HTML report of each lands in out/.
demo: $(STAMP)
	@mkdir -p out
	$(BIN)/tqa check seeds/aleppo.es-en.jsonl --glossary $(GLOSSARY) --format table --fail-on never
	$(BIN)/tqa check seeds/aleppo.es-en.jsonl --glossary $(GLOSSARY) --format html \
	  -o out/aleppo.html --fail-on never --quiet
	$(BIN)/tqa check seeds/aleppo.es-en.errors.jsonl --glossary $(GLOSSARY) --format table \
	  --fail-on never
	$(BIN)/tqa check seeds/aleppo.es-en.errors.jsonl --glossary $(GLOSSARY) --format html \
	  -o out/aleppo.errors.html --fail-on never --quiet
	@echo "HTML reports: out/aleppo.html out/aleppo.errors.html"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check tqa tests benchmarks
	$(BIN)/ruff format --check tqa tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format tqa tests benchmarks
	$(BIN)/ruff check --fix tqa tests benchmarks

docs: $(STAMP)
	$(BIN)/tqa checks list --format markdown > docs/checks.md

bench: $(STAMP)
	$(BIN)/python benchmarks/perf/run.py --sizes 10000,100000 --jobs 1,2
	$(BIN)/python benchmarks/perf/families.py /tmp/tqa-perf/n10000

bench-numbers: $(STAMP)
	$(BIN)/python benchmarks/numbers/run.py

bench-align: $(STAMP)
	$(BIN)/python benchmarks/align/run.py
	$(BIN)/python benchmarks/align/run.py --set heldout

bench-glossary: $(STAMP)
	$(BIN)/python benchmarks/glossary/run.py

# Coverage-guided fuzzing of the readers (bounded; not part of `make test`).
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet atheris
	mkdir -p /tmp/tqa-fuzz-corpus
	$(BIN)/python fuzz/fuzz_readers.py -max_total_time=60 -artifact_prefix=/tmp/tqa-fuzz- \
	  /tmp/tqa-fuzz-corpus fuzz/seeds

bench-fluency: $(STAMP)
	$(BIN)/python benchmarks/fluency/bench_accuracy.py
	$(BIN)/python benchmarks/fluency/bench_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
