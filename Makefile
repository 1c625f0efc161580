# newsfacts: `make demo` and `make test` set everything up themselves on a machine with
# Python 3.11, pip and make. Everything lives in .venv/ (made with python3 -m venv + uv).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
DATA_DIR ?= data/demo
# the shared evaluation sets beside the clone (make eval only; make test never reads them)
SHARED ?= $(dir $(CURDIR))shared
EVAL_OUT ?= eval-out
# a subset of the eval sets, e.g. EVAL_ONLY=figprobes,typeprobes (the ones that need no ../shared)
EVAL_ONLY ?=

# compiled bytecode makes Airflow's import three times faster; some shells forbid writing it
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup demo test test-distributed lint eval bench clean chromium

setup: $(VENV)/.synced

# re-sync only when the lock or the project metadata changed
$(VENV)/.synced: uv.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(PY) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen
	@touch $@

demo: setup
	$(PY) -m pipeline demo --data-dir $(DATA_DIR)

# the report page is rendered in headless Chromium by the tests (Debian's package)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# pytest exits 5 when it collected no tests: that is a failure, not a pass
test: setup chromium
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$status

# the same DAGs on Airflow's CeleryExecutor (PostgreSQL + Redis from Debian's packages, two
# Celery workers) with the data directory on a local S3 server (moto): scripts/cluster.sh starts
# everything on 127.0.0.1, scripts/check_cluster.py runs a nightly date and a 3-day backfill and
# checks the published views, then everything is stopped (logs kept in CLUSTER_DIR on failure).
# One CLUSTER_DIR per checkout and free ports picked at start: two checkouts can run it at once.
CLUSTER_DIR ?= /tmp/newsfacts-cluster-$(shell printf %s "$(CURDIR)" | cksum | cut -d' ' -f1)
export CLUSTER_DIR
test-distributed: setup
	@bash scripts/cluster.sh stop >/dev/null  # what a killed earlier run may have left
	@status=0; \
	bash scripts/cluster.sh start && . $(CLUSTER_DIR)/env && $(PY) scripts/check_cluster.py \
	  || status=$$?; \
	if [ $$status -ne 0 ]; then KEEP_CLUSTER_LOGS=1 bash scripts/cluster.sh stop; \
	else bash scripts/cluster.sh stop; fi; \
	exit $$status

lint: setup
	$(VENV)/bin/ruff check pipeline dags tests tools scripts
	$(VENV)/bin/ruff format --check pipeline dags tests tools scripts

# make bench: generated news pages (tools/benchcorpus.py); results in bench-out/bench.json.
# BENCH_DOCS pages end to end (route, clean, extract, write, publish), BENCH_RATIO_DOCS for the
# ratios to bare trafilatura/spaCy, BENCH_BACKFILL pages with 1 and 2 worker processes.
# The issue's sizes: BENCH_DOCS=10000 BENCH_BACKFILL=10000 BENCH_MEMORY=10000,50000 (the memory
# check runs `pipeline extract` over each size in a fresh process; hours of CPU on 2 cores).
BENCH_DOCS ?= 500
BENCH_RATIO_DOCS ?= 100
BENCH_BACKFILL ?= 500
BENCH_MEMORY ?=
# set to 1 for the memory check on short clean texts (news briefs of 40-120 words) instead of
# whole pages: a fraction of the CPU time
BENCH_MEMORY_BRIEFS ?=
# set to backfill for the memory check on a backfill's extract step over one date of each size
BENCH_MEMORY_PATH ?=
# the day-size series: one date of each size through a backfill's extract step on every core,
# e.g. BENCH_DAYS=1000,5000,20000 (BENCH_DAYS_BRIEFS=1: short clean texts instead of pages)
BENCH_DAYS ?=
BENCH_DAYS_BRIEFS ?=
# the analyst queries run on a generated data dir of this many figures
BENCH_FIGURES ?= 1000000
bench: setup
	$(PY) -m tools.bench --docs $(BENCH_DOCS) --ratio-docs $(BENCH_RATIO_DOCS) \
	  --backfill $(BENCH_BACKFILL) --figures $(BENCH_FIGURES) \
	  $(if $(BENCH_MEMORY),--memory --memory-sizes $(BENCH_MEMORY)) \
	  $(if $(BENCH_MEMORY_BRIEFS),--memory-briefs) \
	  $(if $(BENCH_MEMORY_PATH),--memory-path $(BENCH_MEMORY_PATH)) \
	  $(if $(BENCH_DAYS),--day-series $(BENCH_DAYS)) $(if $(BENCH_DAYS_BRIEFS),--day-series-briefs) \
	  $(if $(BENCH_DAYS_STORED),--day-series-stored $(BENCH_DAYS_STORED))

eval: setup
	$(PY) -m tools.evaluate --shared $(SHARED) --out $(EVAL_OUT) $(if $(EVAL_ONLY),--only $(EVAL_ONLY))

clean:
	rm -rf $(VENV) data .airflow $(EVAL_OUT)
