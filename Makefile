# Two commands do everything on a fresh machine: `make export` and `make test`.
# Each installs what it needs first (npm ci, once per package-lock.json).

# No built-in implicit rules: make would otherwise look for ways to make each of the pipeline's
# ~200 source files (RCS, SCCS, …), which took most of `make export`'s time when nothing changed.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

# Only npm ci opens network connections: the export, the tests and the other scripts never do. Node 20
# reads the certificates NODE_EXTRA_CA_CERTS names every time it starts, whether the process opens a
# connection or not (nodejs/node#40524). Where it is set (this machine sets it, to its 140 system
# certificates) that costs every Node process some 55 ms: `node -e 0` takes 88 ms against 33 ms, of a
# one-article export's 0.25 s. So every recipe but npm ci runs without it.
USER_EXTRA_CA_CERTS := $(NODE_EXTRA_CA_CERTS)
NODE_EXTRA_CA_CERTS :=

NODE      := node --import tsx
# The pipeline's sources (what the prebuilt command line is made from): make's own wildcards, no shell.
PIPELINE  := $(wildcard scripts/*.ts scripts/*/*.ts schemas/* schemas/*/*) package.json tsconfig.json
# The command line as one prebuilt JavaScript bundle (scripts/cli/prebuilt.ts), remade when a
# pipeline source changes; tsx is for development and tests.
CLI       := node_modules/.cache/org-article-export/cli.cjs
# The type check remembers what it checked (in node_modules, per machine): a second run checks only what changed, 3 s instead of 7.
TSC       := ./node_modules/.bin/tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/tsc/tsbuildinfo

.PHONY: export test check review typecheck clean install vocabulary dbpedia docs new import

# make itself says "nothing changed", without starting Node: the last export wrote what it read
# and left (EXPORTED_* in .dist.record.mk, beside dist/ and ignored by git; cli/make-state.ts).
# The command line runs again only when a source, a file of dist/ or the command line is newer
# than that record, a file it lists is gone, an article was added or removed, a file was added to
# dist/, or SOURCE_DATE_EPOCH changed; it then compares contents and rebuilds only what changed.
# `make export FORCE=1` rebuilds everything.
EXPORT_MK := .dist.record.mk
# Touched once the record is written: its time is what sources and files are compared with. (Not
# the record itself: make would remake an included makefile and read everything again, or for ever.)
EXPORT_STAMP := .dist.record.stamp
-include $(EXPORT_MK)
SOURCES   := $(sort $(wildcard source/*.yaml source/*.yml))
DIST_NOW  := $(sort $(wildcard dist/*))
# Non-empty when the lists or settings differ from the record (or there is none, or FORCE is set).
EXPORT_STALE := $(FORCE)$(if $(EXPORTED_FILES),,none)$(filter-out $(EXPORTED_SOURCES),$(SOURCES))$(filter-out $(SOURCES),$(EXPORTED_SOURCES))$(filter-out $(EXPORTED_FILES),$(DIST_NOW))$(filter-out $(DIST_NOW),$(EXPORTED_FILES))$(if $(filter-out $(EXPORTED_EPOCH),$(SOURCE_DATE_EPOCH))$(filter-out $(SOURCE_DATE_EPOCH),$(EXPORTED_EPOCH)),epoch)

# The command line removes the record and its stamp when it starts, writes them after a good export,
# and marks that it ran (the stamp's .ran file); make reads and empties the mark with its own
# functions, so an export starts no process besides Node (five more were some 8 ms), and only
# "unchanged" starts a shell, to say so.
export: $(EXPORT_STAMP)
	@$(if $(file <$(EXPORT_STAMP).ran),$(file >$(EXPORT_STAMP).ran),echo "unchanged: dist/ is what source/ makes (make export FORCE=1 makes it again)")

$(EXPORT_STAMP): $(CLI) $(SOURCES) $(EXPORTED_FILES) $(if $(EXPORT_STALE),export-stale)
	node $(CLI) --source source --out dist --make-state $(EXPORT_MK) --make-stamp $(EXPORT_STAMP) $(if $(FORCE),--force)

# A file the record lists that is gone: an empty rule, so make goes on to the export.
$(EXPORTED_FILES):

.PHONY: export-stale

# npm ci only when the lock file changed since the last install; with the certificates the user set.
node_modules/.package-lock.json: NODE_EXTRA_CA_CERTS := $(USER_EXTRA_CA_CERTS)
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json

$(CLI): node_modules/.package-lock.json $(PIPELINE)
	@$(NODE) scripts/cli/prebuilt.ts

# The type check and `make check` of dist/ run beside the tests, their output kept in tmp/ and shown
# after the tests': each is one process on one core for a few seconds, and the tests' processes
# leave some of the second core free (waiting on the command lines they start), which a type check
# before the tests and a check after them did not use. make test fails when any of the three fails.
test: node_modules/.package-lock.json
	@mkdir -p tmp
	@echo "$(TSC) > tmp/test-typecheck.log &"; $(TSC) > tmp/test-typecheck.log 2>&1 & typecheck=$$!; \
	echo "$(NODE) scripts/cli/check.ts --dist dist --source source > tmp/test-check.log &"; \
	$(NODE) scripts/cli/check.ts --dist dist --source source > tmp/test-check.log 2>&1 & check=$$!; \
	echo "./node_modules/.bin/vitest run"; ./node_modules/.bin/vitest run; tests=$$?; \
	wait $$typecheck; types=$$?; wait $$check; checked=$$?; \
	echo "$(TSC): exit $$types"; cat tmp/test-typecheck.log; \
	echo "scripts/cli/check.ts --dist dist --source source: exit $$checked"; cat tmp/test-check.log; \
	test $$tests -eq 0 -a $$types -eq 0 -a $$checked -eq 0

# Every artifact of dist/ against schema.org 30.0's vocabulary, the SHACL shapes and the infobox
# JSON Schema: one line per article and artifact, each violation with its node and property; then
# how many imported values of source/ no curator has reviewed yet (a count, not a failure).
check: node_modules/.package-lock.json
	$(NODE) scripts/cli/check.ts --dist dist --source source

# What a curator still has to look at: every value of source/ flagged `reviewed: false`, at its
# file:line:column, with why and where in the article's text it comes from, and the total (exit 0).
review: node_modules/.package-lock.json
	$(NODE) scripts/cli/review.ts --source source

# Re-derive schemas/schemaorg-30.0/vocabulary.json from schema.org's release files (VENDOR).
VENDOR ?= ../shared/vendor/schemaorg-30.0
vocabulary: node_modules/.package-lock.json
	$(NODE) scripts/vocabulary/derive-schemaorg.ts --vendor $(VENDOR)

# schemas/infobox-templates.json: what DBpedia maps of each infobox template the mapping table names,
# from DBpedia's mappings and ontology (a test fails when it is stale: run this after changing the
# templates of schemas/infobox-mapping.json or the rows' dbpedia properties).
DBPEDIA ?= ../shared/vendor/dbpedia-mappings
dbpedia: node_modules/.package-lock.json
	$(NODE) scripts/import/derive-templates.ts --vendor $(DBPEDIA)

# docs/article-format.md, the reference of every key of the YAML, from schemas/article.schema.json's
# descriptions (a test fails when it is stale: run this after changing the schema).
docs: node_modules/.package-lock.json
	$(NODE) scripts/docs/article-format.ts
	$(NODE) scripts/docs/import-mapping.ts

# A new article to start from: make new SLUG=acme TITLE="Acme (organization)" [FOUNDED=1992]
# (never replaces a file). The values reach the script through the environment, unquoted.
new: node_modules/.package-lock.json
	$(NODE) scripts/cli/new-article.ts --source source

# Article texts (the format of ../shared/articles/) → draft source/<slug>.yaml files, never
# overwriting one that exists (FORCE=1 does). E.g. make import FILES="../shared/articles/article-19.txt"
# FILES is stripped: `FILES="$$(ls ../shared/articles/*.txt)"` holds newlines, and make runs each
# line of a recipe line's expansion as a command of its own.
import: node_modules/.package-lock.json
	@test -n "$(strip $(FILES))" || { echo 'make import: give the article files, e.g. make import FILES="../shared/articles/article-19.txt"' >&2; exit 2; }
	$(NODE) scripts/cli/import.ts --out source $(if $(FORCE),--force) $(strip $(FILES))

typecheck: node_modules/.package-lock.json
	$(TSC)

# Removes every output and what was made from the code (dist/ is committed: `git checkout dist` or
# `make export` brings it back).
clean:
	rm -rf dist/* .dist.* tmp node_modules/.cache/org-article-export node_modules/.cache/tsc
