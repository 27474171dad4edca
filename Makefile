# Set-up is part of every target: a fresh clone needs only `make test` or `make demo`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: install test demo eval eval-text eval-train eval-pdf eval-formats eval-layouts eval-written eval-outcome eval-inspection calibrate bench golden package schema clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

test: install
	$(BIN)/pytest

demo: install
	mkdir -p out
	$(BIN)/minutes-extract extract fixtures/ -o out/demo.jsonl --jobs 1
	$(BIN)/python -m minutes_extract.review out/demo.jsonl

# Scores the dev sets and fails when a score drops below eval/floor.json.
eval: install eval-text eval-train eval-pdf eval-formats eval-layouts eval-written eval-outcome eval-inspection

eval-text:
	mkdir -p out
	$(BIN)/minutes-extract extract $(SHARED)/eval/dev/texts -o out/dev.jsonl --quiet
	$(BIN)/minutes-extract evaluate out/dev.jsonl $(SHARED)/eval/dev/gold --floor eval/floor.json

# The annotated train set (texts + gold) against eval/floor-train.json.
eval-train: install
	mkdir -p out
	$(BIN)/minutes-extract extract $(SHARED)/eval/train/texts -o out/train.jsonl --quiet
	$(BIN)/minutes-extract evaluate out/train.jsonl $(SHARED)/eval/train/gold --floor eval/floor-train.json

eval-pdf:
	mkdir -p out
	$(BIN)/minutes-extract extract $(SHARED)/eval/dev-pdf/docs -o out/dev-pdf.jsonl --quiet
	$(BIN)/minutes-extract evaluate out/dev-pdf.jsonl $(SHARED)/eval/dev-pdf/gold --floor eval/floor-pdf.json

# Documents written for the project (fixtures/written) against their hand annotations; needs no ../shared.
eval-written: install
	mkdir -p out
	$(BIN)/minutes-extract extract fixtures/written -o out/written.jsonl --quiet
	$(BIN)/minutes-extract evaluate out/written.jsonl eval/written-gold --floor eval/floor-written.json

# Inspection-outcome web pages written for the project (fixtures/outcome) against their hand annotations.
eval-outcome: install
	mkdir -p out
	$(BIN)/minutes-extract extract fixtures/outcome -o out/outcome.jsonl --quiet
	$(BIN)/minutes-extract evaluate out/outcome.jsonl eval/outcome-gold --floor eval/floor-outcome.json

# The dev texts rendered to HTML, DOCX and PDF must score within 0.05 of the text itself.
eval-formats: install
	$(BIN)/python eval/formats.py --texts $(SHARED)/eval/dev/texts --gold $(SHARED)/eval/dev/gold

# The dev texts laid out as other council sites do (no blank lines; a blank line after every line; headings in
# capitals) must score within 0.01 of the text itself.
eval-layouts: install
	$(BIN)/python eval/formats.py --texts $(SHARED)/eval/dev/texts --gold $(SHARED)/eval/dev/gold --formats packed,spaced,capitals --max-drop 0.01

# Units of the five real Ofsted reports in ../shared/realdocs (labelled in eval/inspection-units) against
# eval/floor-inspection.json: precision, polarity and recall of findings in inspectors' own language.
eval-inspection: install
	$(BIN)/python eval/inspection_units.py --floor eval/floor-inspection.json

# Confidence of every rule: its precision on dev + train (smoothed, council-grouped cross-validation
# picks the prior strength and reports reliability) -> models/confidence.json. Run after rules change.
calibrate: install
	mkdir -p out
	$(BIN)/minutes-extract extract $(SHARED)/eval/dev/texts -o out/calibrate-dev.jsonl --quiet
	$(BIN)/minutes-extract extract $(SHARED)/eval/train/texts -o out/calibrate-train.jsonl --quiet
	$(BIN)/minutes-extract calibrate out/calibrate-dev.jsonl $(SHARED)/eval/dev/gold \
		out/calibrate-train.jsonl $(SHARED)/eval/train/gold --councils $(SHARED)/eval/councils.json -o models/confidence.json

bench: install
	$(BIN)/python bench/run.py

package: install
	$(BIN)/minutes-extract package models/minutes-en

schema: install
	$(BIN)/minutes-extract schema > tests/snapshots/document.schema.json

golden: install
	$(BIN)/python tests/golden.py --write

clean:
	rm -rf out build dist .pytest_cache
