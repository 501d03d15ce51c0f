#!/usr/bin/env bash
# `npm test`: the type check and the test run side by side. tsc uses one core for seconds while
# vitest starts and sets up PostgreSQL; run one after the other, a core would sit idle meanwhile.
# The type check is incremental (its state in node_modules/.cache), so an unchanged file is not
# checked again. Fails if either fails.
set -uo pipefail
tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/newsdesk/typecheck.tsbuildinfo &
typecheck=$!
vitest run "$@"
tests=$?
wait "$typecheck" || exit $?
exit "$tests"
