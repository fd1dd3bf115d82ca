"""runtimer installed for the distribution's own Python, beside the project's venv.

The project's venv is built from the first ``python3`` on PATH. On the
development machines that is a pyenv build, which pyenv configures without
``--enable-optimizations`` or ``--with-lto``, and with ``--enable-shared``;
Debian's ``/usr/bin/python3`` of the same minor version is built with profile
guided optimisation and link-time optimisation. Start-up is almost all Python
bytecode running (imports, class creation, the first layout), so the build of
the interpreter moves the first frame as much as anything runtimer does.
Measuring both in one run shows how much.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

DISTRO_PYTHON = Path("/usr/bin/python3")
PROJECT = Path(__file__).resolve().parent.parent
VENV = Path(__file__).resolve().parent / ".distro-python-venv"


def distro_runtimer() -> tuple[Path | None, str]:
    """The ``runtimer`` script of a venv on the distribution's Python, or ``None`` and why not.

    The venv is (re)built on first use and whenever ``pyproject.toml`` changes.
    The install is editable, so it runs the same source as the project's venv.
    """
    if not DISTRO_PYTHON.exists():
        return None, f"no {DISTRO_PYTHON}"
    if os.path.realpath(DISTRO_PYTHON) == os.path.realpath(sys.executable):
        return None, "the project's venv already runs it"
    version = subprocess.run(
        [str(DISTRO_PYTHON), "-c", "import sys; print(*sys.version_info[:2], sep='.')"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if tuple(int(part) for part in version.split(".")) < (3, 11):
        return None, f"{DISTRO_PYTHON} is Python {version}, runtimer needs 3.11"
    digest = hashlib.sha256((PROJECT / "pyproject.toml").read_bytes()).hexdigest()[:12]
    stamp = VENV / f".installed-{digest}"
    script = VENV / "bin" / "runtimer"
    if not (stamp.exists() and script.exists()):
        print(f"bench: installing runtimer for {DISTRO_PYTHON} into {VENV} (first run only)", file=sys.stderr)
        subprocess.run([str(DISTRO_PYTHON), "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run(
            [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "-e", str(PROJECT)], check=True
        )
        stamp.touch()
    return script, f"Python {version}"


def own_build() -> str:
    """How the interpreter running the benchmark was configured, as far as speed goes."""
    flags = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    optimised = [flag for flag in ("--enable-optimizations", "--with-lto") if flag in flags]
    return ", ".join(optimised) if optimised else "no PGO or LTO flags"
