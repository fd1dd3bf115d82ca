"""runtimer installed for the distribution's own Python, beside the project's venv.

The project's venv is built from the first ``python3`` on PATH. On the
development machines that is a pyenv build, which pyenv configures without
``--enable-optimizations`` or ``--with-lto`` (and with ``--enable-shared``),
while Debian builds its ``/usr/bin/python3`` with profile-guided and
link-time optimisation; here both are Python 3.11, and the table names the
versions. Start-up is almost all Python bytecode running (imports, class
creation, the first layout), so the interpreter's build moves the first
frame as much as anything runtimer does. Measuring both in one run shows how
much.
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
    This row is extra: when it cannot be had (no venv module, no network for
    the install), it says why and the rest of the benchmark runs as usual.
    """
    if not DISTRO_PYTHON.exists():
        return None, f"no {DISTRO_PYTHON}"
    if os.path.realpath(DISTRO_PYTHON) == os.path.realpath(sys.executable):
        return None, "the project's venv already runs it"
    try:
        version = subprocess.run(
            [str(DISTRO_PYTHON), "-c", "import sys; print(*sys.version_info[:2], sep='.')"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if tuple(int(part) for part in version.split(".")) < (3, 11):
            return None, f"{DISTRO_PYTHON} is Python {version}, runtimer needs 3.11"
        _install(DISTRO_PYTHON)
    except (subprocess.CalledProcessError, ValueError) as error:
        return None, f"{DISTRO_PYTHON} could not run runtimer ({error})"
    return VENV / "bin" / "runtimer", f"Python {version}"


def _install(python: Path) -> None:
    digest = hashlib.sha256((PROJECT / "pyproject.toml").read_bytes()).hexdigest()[:12]
    stamp = VENV / f".installed-{digest}"
    if stamp.exists() and (VENV / "bin" / "runtimer").exists():
        return
    print(f"bench: installing runtimer for {python} into {VENV} (first run only)", file=sys.stderr)
    subprocess.run([str(python), "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "-e", str(PROJECT)], check=True
    )
    stamp.touch()


def own_build() -> str:
    """How the interpreter running the benchmark was configured, as far as speed goes."""
    flags = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    optimised = [flag for flag in ("--enable-optimizations", "--with-lto") if flag in flags]
    return ", ".join(optimised) if optimised else "no PGO or LTO flags"
