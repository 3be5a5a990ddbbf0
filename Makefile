# cloudfn — the one command surface. `make help` lists the targets; CI only calls `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
ROOT := $(CURDIR)
PULUMI_BIN := $(ROOT)/tools/pulumi/bin
export PATH := $(PULUMI_BIN):$(ROOT)/node_modules/.bin:$(PATH)
TARBALL := $(ROOT)/.cache/pulumi-cloudfn.tgz
# Every jest run gets a TMPDIR of its own and fails if the tests (or their children) leave files there.
JEST := bash scripts/check-tmp-clean.sh node --max-old-space-size=4096 node_modules/.bin/jest

.PHONY: help install compile build dev-build pack plugin pulumi lint format generate check-generated test test-unit test-integration test-e2e test-compat demo emulator bench bench-emulator clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed ## Install npm dependencies (npm ci)

# One TypeScript build serves every target: tsconfig.json compiles everything (tests and scripts
# too, which is lint's type check) into .cache/dev, where the generators and the bench run from;
# dist/ is a copy of the shipped folders. The stamp makes every later target in the same `make`
# run (and in sub-makes) reuse it until a source changes. .cache/dev is emptied first so a
# deleted source never leaves a stale module to be shipped.
TS_SOURCES := $(shell find platform provider sdk emulator cli tests scripts -name '*.ts' -not -path 'tests/e2e/programs/*' -not -path '*/node_modules/*' 2>/dev/null) tsconfig.json
COMPILED := .cache/dev/.compiled
SHIPPED := platform provider sdk emulator cli

$(COMPILED): node_modules/.installed $(TS_SOURCES)
	@rm -rf .cache/dev
	npx tsc -p tsconfig.json
	@touch $@

compile: $(COMPILED) ## Type-check and compile everything once (into .cache/dev)

build: $(COMPILED) ## Compile TypeScript to dist/ (the package's files, from the one build)
	@rm -rf dist && mkdir -p dist
	@cp -r $(addprefix .cache/dev/,$(SHIPPED)) dist/
	@chmod +x dist/emulator/cli.js dist/cli/index.js dist/provider/native/main.js

pack: build ## Pack the npm package users install, into .cache/pulumi-cloudfn.tgz
	@mkdir -p .cache
	@rm -f .cache/pulumi-cloudfn-*.tgz
	npm pack --silent --pack-destination .cache >/dev/null
	@mv .cache/pulumi-cloudfn-*.tgz $(TARBALL)
	@echo "packed $(TARBALL)"

plugin: pack ## Pack the native provider plugin archive (pulumi plugin install resource cloudfn <v> --file <tgz>)
	bash scripts/plugin-archive.sh $(TARBALL)

pulumi: install ## Provision the Pulumi CLI (built from Go modules, cached) into tools/pulumi/bin
	bash scripts/provision-pulumi.sh
	@pulumi version

lint: $(COMPILED) ## Type-check (strict), eslint, prettier --check, and check the schema
	npx eslint --max-warnings 0 .
	npx prettier --check --log-level warn .
	node scripts/cite-reference.mjs --check
	$(MAKE) --no-print-directory check-generated

# eslint first: its fixes (braces, type syntax) may need reflowing. What it cannot fix, `make lint` reports.
format: install ## Rewrite the code in place: eslint's automatic fixes, then prettier
	-npx eslint --fix .
	npx prettier --write --log-level warn .

dev-build: $(COMPILED)

generate: dev-build ## Write schema.json, the SDK modules and the docs tables from the resource definitions
	node .cache/dev/scripts/generate/index.js

# The worktree-clean check: what is committed is exactly what the definitions generate.
check-generated: generate ## Fail when a generated file (schema.json, sdk/, docs tables) differs from the commit
	@git diff --exit-code --stat -- schema.json sdk docs || { echo "generated files differ from the commit: run make generate and commit them" >&2; exit 1; }
	@untracked="$$(git status --porcelain --untracked-files=all -- schema.json sdk docs)"; \
	  test -z "$$untracked" || { echo "generated files not committed: $$untracked" >&2; exit 1; }

test-unit: install ## Unit tests (pure logic)
	$(JEST) --selectProjects unit

test-integration: install ## Provider and emulator against an in-process emulator
	$(JEST) --selectProjects integration

test-e2e: pack pulumi ## The real Pulumi CLI against the emulator, on examples installed from the tarball
	$(JEST) --selectProjects e2e --runInBand

# The floor of the @pulumi/pulumi peer range (configure() and read() returning inputs).
PULUMI_SDK_FLOOR := 3.216.0
test-compat: pack pulumi ## The basic e2e again with @pulumi/pulumi at the peer range's floor
	CLOUDFN_E2E_PULUMI_SDK=$(PULUMI_SDK_FLOOR) $(JEST) --selectProjects e2e --runInBand tests/e2e/functiongraph-function.e2e.test.ts

test: lint ## Everything CI runs: lint, schema, unit, integration, e2e (+ the peer-range floor)
	$(JEST) --selectProjects unit integration
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory test-compat

demo: pack pulumi ## Start the emulator, `pulumi up` the quickstart, invoke it, print its answer, stop
	bash scripts/demo.sh

emulator: build ## Run the emulator in the foreground (PORT=8080 STATE=file to persist)
	node dist/emulator/cli.js --port $${PORT:-8080} $${STATE:+--state $$STATE}

# N functions; MODE=small (one-file handler), app (a generated 550 KB app with node_modules) or both.
N ?= 20
MODE ?= small
ROUNDS ?= 3
bench: pack pulumi dev-build ## up/preview/refresh/destroy vs a no-op floor (N=20 MODE=small|app|both ROUNDS=3), state bytes (native too), emulator invoke
	BENCH_N=$(N) BENCH_MODE=$(MODE) BENCH_ROUNDS=$(ROUNDS) node .cache/dev/scripts/bench.js
	node .cache/dev/scripts/bench-emulator.js

bench-emulator: dev-build ## Emulator sync invoke of a trivial handler: p50/p95 and req/s at concurrency 1 and 20, cold vs warm
	node .cache/dev/scripts/bench-emulator.js

clean: ## Remove build outputs (keeps the cached Pulumi CLI)
	rm -rf dist .cache tools/pulumi/bin
