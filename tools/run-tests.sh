#!/usr/bin/env bash
# Runs linters and the whole test suite. pytest's exit code 5 ("no tests
# collected") is a failure here: a suite that ran nothing proved nothing.
set -uo pipefail
bin=$1
read -r -a sources <<< "$(ls -d runtimer tests bench tools 2>/dev/null | tr '\n' ' ')"
"$bin/ruff" check "${sources[@]}" || exit 1
"$bin/ruff" format --check "${sources[@]}" || exit 1
"$bin/mypy" || exit 1
"$bin/pytest" "${@:2}"
status=$?
if [ $status -eq 5 ]; then
    echo "pytest collected no tests: treating that as a failure" >&2
    exit 1
fi
exit $status
