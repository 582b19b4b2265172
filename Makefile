# Two set-up commands: `make demo` and `make test`. Everything runs from .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
CORPUS := $(SHARED)/data/german-news-quotes
DEMO_DB ?= demo.db

.PHONY: demo test install train train-tagger evaluate bench bench-ingest bench-ingest-real bench-linearity bench-tagger bench-scale bench-serve serve clean bench-statements bench-diversity bench-hostile bench-wrapped

$(BIN)/wortlaut: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,spark]'
	touch $@

install: $(BIN)/wortlaut

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/wortlaut --db $(DEMO_DB) ingest data/demo
	$(BIN)/wortlaut --db $(DEMO_DB) quotes
	$(BIN)/wortlaut --db $(DEMO_DB) sources

test: install
	$(BIN)/python -m pytest

# Reproduces models/de-attribution from the corpus's train split.
train: install
	$(BIN)/wortlaut train --train $(CORPUS)/train --out models/de-attribution

# Reproduces models/de-tagger: a perceptron taught by HanTa on the train split's text,
# and the table of HanTa's answers for that text's words (hanta-words.json.gz)
train-tagger: install
	$(BIN)/python -m wortlaut.training.tagger --train $(CORPUS)/train --dev $(CORPUS)/dev --out models/de-tagger --iterations 10 --min-count 1
	$(BIN)/python -m wortlaut.training.hanta_words --train $(CORPUS)/train --out models/de-tagger

evaluate: install
	$(BIN)/wortlaut evaluate german-news --gold $(CORPUS)/dev --out build/predictions/dev

bench: install
	$(BIN)/python benchmarks/attribution.py --corpus $(CORPUS)/dev

bench-ingest: install
	$(BIN)/python benchmarks/ingest.py

# 1,000 pages of real German news text (the corpus) through ingest on 2 workers
bench-ingest-real: install
	$(BIN)/python benchmarks/ingest.py --real $(CORPUS)

# One article from 16 KB to 1 MB: cost per doubling
bench-linearity: install
	$(BIN)/python benchmarks/linearity.py --corpus $(CORPUS)/train

bench-tagger: install
	$(BIN)/python benchmarks/tagger.py --corpus $(CORPUS)/dev

# The Spark job on local[1] and local[2] against the batch runner (needs Java 17)
bench-scale: install
	$(BIN)/python benchmarks/scale.py

bench-serve: install
	$(BIN)/python benchmarks/serve.py

# Statement grouping: 2,000 articles, then 2,000 more; cost per article of each half
bench-statements: install
	$(BIN)/python benchmarks/statements.py --articles 2000

bench-diversity: install
	$(BIN)/python benchmarks/diversity.py --articles 2000

# warcio's reader against ours on an archive whose tail is one endless line
bench-hostile: install
	$(BIN)/python benchmarks/endless_line.py

bench-wrapped: install
	$(BIN)/python benchmarks/wrapped_html.py

# The web UI and API over the demo database, on http://127.0.0.1:8000
serve: demo
	$(BIN)/wortlaut --db $(DEMO_DB) serve

clean:
	rm -rf build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
