# Relais — every install step lives here; `make run` and `make test` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := .venv/bin/python
RASA := .venv-rasa/bin/rasa
# Rasa 3.6 needs Python 3.10 (pyenv's on these machines); uv must not download one.
PY310 ?= $(shell (pyenv root 2>/dev/null || echo $$HOME/.pyenv))/versions/3.10.13/bin/python
export UV_PYTHON_DOWNLOADS := never
export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)

.PHONY: help install run train test lint test-unit test-components validate test-stories nlu-eval test-integration \
        bench-routing bench-simulate conversation-eval browser clean

help:
	@echo "make run        set everything up on first use, then run Relais (web chat on http://127.0.0.1:8000)"
	@echo "make test       lint, unit tests, rasa data validate, train, story tests, NLU gate, integration"
	@echo "make nlu-eval   NLU figures on the held-out sets (tests/nlu)"
	@echo "make bench-routing  routing speed figures"
	@echo "make bench-simulate 500 simulated young people through the real stack, with survey figures"
	@echo "make conversation-eval  scripted conversations (tests/conversations) checked turn by turn"

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	touch $@

.venv-rasa/.installed: requirements-rasa.txt | $(UV)
	test -d .venv-rasa || $(UV) venv --quiet -p $(PY310) .venv-rasa
	$(UV) pip install --quiet -p .venv-rasa/bin/python -r requirements-rasa.txt
	touch $@

install: .venv/.installed .venv-rasa/.installed

run: install
	$(PY) -m relais.cli run

train: install
	$(PY) -m relais.cli train

# Chromium for the browser tests (Debian's; Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null)

lint: .venv/.installed
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy relais bot actions store analytics

test-unit: .venv/.installed
	.venv/bin/pytest -q -m "not rasa and not browser"

# The custom NLU graph components (nlu/components), in the Rasa environment they run in.
test-components: .venv-rasa/.installed
	.venv-rasa/bin/python -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning \
	  --confcutdir tests/nlu_components tests/nlu_components

validate: .venv-rasa/.installed
	$(RASA) data validate --data nlu dialogue --domain domain.yml --config config.yml

# `rasa test core` replays the stories' intents; check_story_intents checks the NLU reads them too.
test-stories: train
	$(RASA) test core --model models/relais.tar.gz --stories tests/stories \
	  --fail-on-prediction-errors --out var/results/stories
	.venv-rasa/bin/python scripts/check_story_intents.py --model models/relais.tar.gz --stories tests/stories

# The gate on every held-out set of tests/nlu: no example may (nearly) copy a training example,
# distress recall must be 1.0 and macro-F1 must not fall below the committed level
# (figures in nlu/PIPELINES.md).
NLU_MIN_MACRO_F1 ?= 0.90
NLU_TEST_SETS := $(sort $(wildcard tests/nlu/*.yml))
nlu-eval: train
	@mkdir -p var/results
	.venv-rasa/bin/python scripts/nlu_eval.py --check-overlap nlu \
	  --data $(NLU_TEST_SETS)
	.venv-rasa/bin/python scripts/nlu_eval.py --model models/relais.tar.gz \
	  --data $(NLU_TEST_SETS) --min-macro-f1 $(NLU_MIN_MACRO_F1) --json-dir var/results

test-integration: train browser
	.venv/bin/pytest -q -m "rasa or browser"

test: lint test-unit test-components validate test-stories nlu-eval conversation-eval test-integration

bench-routing: .venv/.installed
	$(PY) scripts/bench_routing.py

# 500 simulated young people through the real Rasa + action servers (into var/bench.db).
BENCH_N ?= 500
bench-simulate: train
	rm -f var/bench.db var/bench.db-*
	DATABASE_URL=sqlite:///$(CURDIR)/var/bench.db RASA_URL=http://127.0.0.1:5015 \
	  ACTION_SERVER_URL=http://127.0.0.1:5065 \
	  $(PY) -m relais.cli simulate --n $(BENCH_N) --seed 1 --concurrency 8

# Conversations written by people who never saw the bot, replayed through the real stack and
# checked turn by turn (into var/replay.db): every crisis expectation must be met.
CONVERSATIONS ?= $(sort $(wildcard tests/conversations/*.yml))
CONVERSATIONS_MIN_MET ?= 0.95
conversation-eval: train
	@mkdir -p var/results
	rm -f var/replay.db var/replay.db-*
	DATABASE_URL=sqlite:///$(CURDIR)/var/replay.db RASA_URL=http://127.0.0.1:5017 \
	  ACTION_SERVER_URL=http://127.0.0.1:5067 \
	  $(PY) -m relais.cli replay $(CONVERSATIONS) --min-met $(CONVERSATIONS_MIN_MET) \
	  --json var/results/conversations.json --transcript var/results/conversations.md

clean:
	rm -rf models var/results
