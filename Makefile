# The two commands a new user needs: `make run` and `make test`.
# Both create .venv when missing and (re)install when pyproject.toml changes.
# `make check` is the developer's quick loop: linters, types, layer rules and
# the unit tests, without the apt installs, the app, real sound or terminals.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
# runtimer's own bytecode, compiled ahead each time (about 50 ms when nothing changed): an editable
# install leaves that to the first launch, which writes nothing where PYTHONDONTWRITEBYTECODE is
# set, and then every launch compiles the sources again.
COMPILE := $(BIN)/python -m compileall -q runtimer
ALSA_HEADER := /usr/include/alsa/asoundlib.h
# Stand-in sound cards for the real-sound tests (ALSA file plugin, PulseAudio null sink), tmux for the
# terminal tests and faketime for the ones that start runtimer on a chosen day.
AUDIO_TEST_PACKAGES := alsa-utils pulseaudio pulseaudio-utils libasound2-plugins tmux faketime

.PHONY: run test check bench system-deps audio-test-deps clean

run: $(STAMP_RUN)
	@$(COMPILE)
	$(BIN)/runtimer $(ARGS)

test: $(STAMP_TEST) audio-test-deps
	@$(COMPILE)
	bash tools/run-tests.sh $(BIN) tests

check: $(STAMP_TEST)
	bash tools/run-tests.sh $(BIN) tests/unit -q

bench: $(STAMP_TEST) audio-test-deps
	@$(COMPILE)
	$(BIN)/python -m bench $(ARGS)

# simpleaudio compiles against ALSA's headers on Linux.
system-deps:
	@bash tools/ensure-debs.sh "$(ALSA_HEADER)" libasound2-dev

audio-test-deps:
	@bash tools/ensure-debs.sh "" $(AUDIO_TEST_PACKAGES) || echo "note: real-sound and tmux tests will be skipped"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "runtimer needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python system-deps
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python system-deps
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache bench/.termdown-venv bench/.distro-python-venv
