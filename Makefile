# The course's Makefile, in Sphinx's make mode: `make` lists the targets, a target this file does
# not define is handed to `sphinx-build -M` (latex, epub, linkcheck, ...).
#
# Every target that needs Python first creates the virtual environment from the lock, when it is
# missing or older than the lock. STACK=current selects the second, current-Sphinx stack.

PYTHON     ?= python3
STACK      ?= pinned
SPHINXOPTS ?= -W --keep-going -q
SOURCEDIR   = .
BUILDDIR    = _build

# The stacks: each has its own build lock, test lock (compiled against the build lock) and venv.
STACKS          = pinned current
LOCK_pinned     = requirements.txt
TESTLOCK_pinned = requirements-test.txt
VENV_pinned     = .venv
LOCK_current     = requirements-current.txt
TESTLOCK_current = requirements-test-current.txt
VENV_current     = .venv-current
$(if $(filter $(STACK),$(STACKS)),,$(error STACK is one of: $(STACKS)))
LOCK     = $(LOCK_$(STACK))
TESTLOCK = $(TESTLOCK_$(STACK))
VENV     = $(VENV_$(STACK))
ifeq ($(STACK),current)
# Sphinx 9.2 needs Python 3.13, the version this lock is compiled for: python3.13 when it runs
# (a pyenv shim of a version not selected does not), else pyenv's own 3.13. PYTHON=... overrides.
PYTHON  := $(firstword $(foreach p,python3.13 $(wildcard $(shell pyenv root 2>/dev/null)/versions/3.13*/bin/python3.13),\
             $(if $(shell $(p) -c pass 2>/dev/null && echo runs),$(p))))
NO_PYTHON = STACK=current needs Python 3.13: none runs as python3.13 or is in pyenv; install one or pass PYTHON=/path/to/python3.13
endif
SPHINXBUILD = $(VENV)/bin/sphinx-build
BUILD_STAMP = $(VENV)/.build-installed
TEST_STAMP  = $(VENV)/.test-installed

# Keep `help` first: it is what a bare `make` runs. It lists every target with a `## ` comment.
help:
	@echo "Targets (STACK=$(STACK), venv $(VENV) from $(LOCK)):"
	@awk '/^[a-z-]+:.*## / { split($$0, part, /:.*## /); printf "  %-13s %s\n", part[1], part[2] }' $(firstword $(MAKEFILE_LIST))
	@echo "Any other Sphinx builder name runs sphinx-build -M <builder>."

TARGETS := $(shell sed -n 's/^\([a-z-]*\):.*## .*/\1/p' $(firstword $(MAKEFILE_LIST)))
.PHONY: help pages $(TARGETS)

# --clear: a venv holds exactly its lock, made with this stack's Python. venv and pip run without
# the caller's PYTHONWARNINGS: CI's error::DeprecationWarning is for the course's code, and pip on
# Python 3.13.0 trips over its own deprecations.
INSTALL = env -u PYTHONWARNINGS
PIP     = $(INSTALL) $(VENV)/bin/python -m pip install -q --disable-pip-version-check --require-hashes
$(BUILD_STAMP): $(LOCK)
	@$(if $(PYTHON),:,echo "$(NO_PYTHON)" >&2; exit 1)
	$(INSTALL) $(PYTHON) -m venv --clear $(VENV)
	$(PIP) -r $(LOCK)
	touch $@

$(TEST_STAMP): $(BUILD_STAMP) $(TESTLOCK)
	$(PIP) -r $(LOCK) -r $(TESTLOCK)
	touch $@

# The handbook and the deck come from one process, which reads each changed source once for both
# (tools/build.py): `make html slides` runs it once; `make html` alone writes the handbook only.
# The deck lives inside the handbook's folder, so that $(BUILDDIR)/html is the whole site and
# the links between sections and slides work from any web server and from file://.
PAGES = $(or $(filter html slides,$(MAKECMDGOALS)),html slides)
html: pages ## handbook -> _build/html
	@:
slides: pages ## deck -> _build/html/slides
	@:
pages: $(BUILD_STAMP)
	$(VENV)/bin/python -m tools.build $(PAGES) --builddir "$(BUILDDIR)" $(SPHINXOPTS) $(PDF_LINKS)

# The front page links the PDFs only in the builds that print them.
pdf site: PDF_LINKS = -D course_pdfs=1

# Headless chromium (`make browser`) prints each lecture's deck, one slide a page, and its handbook
# page as a handout, into $(BUILDDIR)/html/pdf; playwright, which drives it, is in the test lock.
pdf: html slides $(TEST_STAMP) ## PDF of each deck and a handout of each lecture -> _build/html/pdf
	$(VENV)/bin/python -m tools.pdf "$(BUILDDIR)"

# The published site: handbook, deck and PDFs, all in one folder.
site: html slides pdf ## handbook + deck + PDFs and exercise downloads: publish _build/html
	@echo "The site is $(BUILDDIR)/html: publish that folder."

# One process keeps Sphinx loaded and, on every save, writes what changed into both outputs;
# every open page reloads itself (tools/serve.py).
PORT ?= 8000
serve: $(BUILD_STAMP) ## handbook + deck on http://127.0.0.1:8000 (PORT=...), rebuilt on every save, pages reload
	$(VENV)/bin/python -m tools.serve --port $(PORT) --builddir "$(BUILDDIR)" $(SPHINXOPTS)

# Debian's chromium: the browser tests need it, and pip cannot install it.
browser: ## install Debian's chromium (as root), which the browser tests drive
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; }

# Skeletons that follow every convention of the course (tools/new.py).
lecture: $(BUILD_STAMP) ## ID=1.1.2 TITLE="Data versioning" [FORMAT=md]: the skeleton of a new lecture
	$(if $(and $(ID),$(TITLE)),,$(error give both: make lecture ID=1.1.2 TITLE="Data versioning"))
	$(VENV)/bin/python -m tools.new lecture "$(ID)" "$(TITLE)" --format "$(or $(FORMAT),rst)"

exercise: $(BUILD_STAMP) ## NAME=version_data: the skeleton of a new exercise
	$(if $(NAME),,$(error give its name: make exercise NAME=version_data))
	$(VENV)/bin/python -m tools.new exercise "$(NAME)"

# The browser tests drive Chromium: as root, `make browser` installs it when it is missing.
test: $(TEST_STAMP) ## the whole test suite (first installs what it needs)
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || $(MAKE) --no-print-directory browser
	@command -v chromium >/dev/null || { echo "make test: the browser tests need Chromium: run 'sudo make browser' once, then 'make test' again" >&2; exit 1; }
	STACK=$(STACK) $(VENV)/bin/python -m pytest

# A rehearsal the presenter console downloaded (key d), against the lecture's minutes per part.
rehearsal: $(BUILD_STAMP) ## FILE=rehearsal.json: where a rehearsal (console, key d) ran long
	$(if $(FILE),,$(error give the rehearsal's file: make rehearsal FILE=rehearsal.json))
	$(VENV)/bin/python -m tools.rehearsal "$(FILE)"

# The students' checker reports (--report FILE) in DIR, as one page: DIR/class-report.html.
class-report: $(BUILD_STAMP) ## DIR=reports: one offline page from the checker reports in DIR
	$(if $(DIR),,$(error give the folder of reports: make class-report DIR=reports))
	$(VENV)/bin/python -m tools.class_report "$(DIR)"

bench: $(TEST_STAMP) ## build, rebuild, page-weight and checker timings, a column a stack
	@$(foreach s,$(STACKS),$(MAKE) --no-print-directory STACK=$(s) $(VENV_$(s))/.build-installed &&) :
	$(VENV)/bin/python -m tools.bench $(foreach s,$(STACKS),--stack $(s)=$(VENV_$(s)))

# uv is pinned too, so that the same .in files give the same locks.
lock: $(BUILD_STAMP) ## regenerate the locks of both stacks from requirements*.in
	$(INSTALL) $(VENV)/bin/python -m pip install -q --disable-pip-version-check uv==0.13.9
	$(VENV)/bin/uv pip compile -q --universal --python-version 3.11 --generate-hashes requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile -q --universal --python-version 3.13 --generate-hashes requirements-current.in -o requirements-current.txt
	$(VENV)/bin/uv pip compile -q --universal --python-version 3.11 --generate-hashes requirements-test.in -c requirements.txt -o requirements-test.txt
	$(VENV)/bin/uv pip compile -q --universal --python-version 3.13 --generate-hashes requirements-test.in -c requirements-current.txt -o requirements-test-current.txt

clean: ## remove _build
	rm -rf "$(BUILDDIR)"

# The source files are never targets of the catch-all below.
Makefile $(wildcard requirements*.in requirements*.txt): ;

# Builder names Sphinx lists, plus hieroglyph's other slide builders.
SPHINX_BUILDERS = $(shell $(SPHINXBUILD) -M help . "$(BUILDDIR)" | awk '/^  [a-z]/ {print $$1}') \
                  dirslides singlefile-slides inlineslides dirinlineslides

# Any other name goes to sphinx-build's make mode; one it does not know stops with one line.
%: Makefile $(BUILD_STAMP)
	$(if $(filter $@,$(SPHINX_BUILDERS)),,$(error no target or Sphinx builder named '$@'; run 'make' to list the targets))
	$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS)
