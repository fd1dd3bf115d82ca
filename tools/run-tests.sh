#!/usr/bin/env bash
# Usage: run-tests.sh BIN [PYTEST ARGS...]
# The static checks (ruff, mypy strict over code and tests, the import-layer
# contracts), then pytest with the arguments given (the whole suite by default).
# pytest's exit code 5 ("no tests collected") is a failure here: a suite that
# ran nothing proved nothing.
set -uo pipefail
bin=$1
shift
sources=(runtimer tests bench tools)
"$bin/ruff" check "${sources[@]}" || exit 1
"$bin/ruff" format --check "${sources[@]}" || exit 1
"$bin/mypy" || exit 1
"$bin/lint-imports" || exit 1
"$bin/pytest" "$@"
status=$?
if [ $status -eq 5 ]; then
    echo "pytest collected no tests: treating that as a failure" >&2
    exit 1
fi
exit $status
