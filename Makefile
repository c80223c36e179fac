# Two commands do everything on a fresh machine: `make export` and `make test`.
# Each installs what it needs first (npm ci, once per package-lock.json).

NODE      := node --import tsx
# The pipeline's sources (what the prebuilt command line is made from): make's own wildcards, no shell.
PIPELINE  := $(wildcard scripts/*.ts scripts/*/*.ts schemas/* schemas/*/*) package.json tsconfig.json
# The command line as one prebuilt JavaScript bundle (scripts/cli/prebuilt.ts), remade when a
# pipeline source changes; tsx is for development and tests.
CLI       := node_modules/.cache/org-article-export/cli.mjs
# The type check remembers what it checked (in node_modules, per machine): a second run checks only what changed, 3 s instead of 7.
TSC       := ./node_modules/.bin/tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/tsc/tsbuildinfo

.PHONY: export test check typecheck clean install vocabulary docs new import

# The command line runs every time: it compares the sources and dist/ with what the last export
# recorded, so a removed article, a deleted or hand-edited file of dist/ is noticed; with nothing
# changed it stops there, in a few hundredths of a second. `make export FORCE=1` rebuilds everything.
export: $(CLI)
	node $(CLI) --source source --out dist $(if $(FORCE),--force)

# npm ci only when the lock file changed since the last install.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json

$(CLI): node_modules/.package-lock.json $(PIPELINE)
	@$(NODE) scripts/cli/prebuilt.ts

test: node_modules/.package-lock.json
	$(TSC)
	./node_modules/.bin/vitest run
	$(NODE) scripts/cli/check.ts --dist dist

# Every artifact of dist/ against schema.org 30.0's vocabulary, the SHACL shapes and the infobox
# JSON Schema: one line per article and artifact, each violation with its node and property.
check: node_modules/.package-lock.json
	$(NODE) scripts/cli/check.ts --dist dist

# Re-derive schemas/schemaorg-30.0/vocabulary.json from schema.org's release files (VENDOR).
VENDOR ?= ../shared/vendor/schemaorg-30.0
vocabulary: node_modules/.package-lock.json
	$(NODE) scripts/vocabulary/derive-schemaorg.ts --vendor $(VENDOR)

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
import: node_modules/.package-lock.json
	@test -n "$(FILES)" || { echo 'make import: give the article files, e.g. make import FILES="../shared/articles/article-19.txt"' >&2; exit 2; }
	$(NODE) scripts/cli/import.ts --out source $(if $(FORCE),--force) $(FILES)

typecheck: node_modules/.package-lock.json
	$(TSC)

# Removes every output and what was made from the code (dist/ is committed: `git checkout dist` or
# `make export` brings it back).
clean:
	rm -rf dist/* .dist.* tmp node_modules/.cache/org-article-export node_modules/.cache/tsc
