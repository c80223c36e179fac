# Two commands do everything on a fresh machine: `make export` and `make test`.
# Each installs what it needs first (npm ci, once per package-lock.json).

NODE      := node --import tsx
SOURCES   := $(wildcard source/*.yaml)
PIPELINE  := $(shell find scripts schemas -type f -not -name '*.md' 2>/dev/null) package.json
STAMP     := node_modules/.export-stamp

.PHONY: export test check typecheck clean install

export: $(STAMP)

# npm ci only when the lock file changed since the last install.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json

# The stamp lives in node_modules (ignored, per machine): dist/ itself is committed and replaced as a whole.
$(STAMP): node_modules/.package-lock.json $(SOURCES) $(PIPELINE)
	$(NODE) scripts/cli/export.ts --source source --out dist
	@touch $@

test: node_modules/.package-lock.json
	./node_modules/.bin/tsc --noEmit
	./node_modules/.bin/vitest run

typecheck: node_modules/.package-lock.json
	./node_modules/.bin/tsc --noEmit

clean:
	rm -rf dist/* $(STAMP) .dist.* tmp
