"""The assets must travel with the package in both install modes.

A wheel carries ``seeds/`` and ``sounds/`` inside ``runtimer/``; an editable
install finds them at the top of the checkout. Both paths go through
:mod:`runtimer.config.paths`, and both are exercised here.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

import runtimer
from runtimer.config.paths import seeds_dir, sounds_dir

ROOT = Path(__file__).resolve().parents[2]
BUILT_INS = ["400s", "cadence", "downhill", "easy", "intervals", "recovery", "strength"]


def test_pyproject_invariants() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["requires-python"] == ">=3.11"
    assert project["project"]["scripts"] == {"runtimer": "runtimer.entry:main"}
    dependencies = project["project"]["dependencies"]
    assert "simpleaudio>=1.0.4; python_version < '3.12'" in dependencies
    assert "simpleaudio-patched>=1.0.5; python_version >= '3.12'" in dependencies
    extras = project["project"]["optional-dependencies"]["test"]
    for tool in ("pytest", "pytest-asyncio", "pytest-textual-snapshot", "hypothesis"):
        assert any(requirement.startswith(tool) for requirement in extras), tool
    force = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force == {"sounds": "runtimer/sounds", "seeds": "runtimer/seeds"}


def test_editable_install_finds_the_checkout_folders() -> None:
    if not Path(runtimer.__file__).resolve().is_relative_to(ROOT):
        pytest.skip("runtimer is not installed from this checkout")
    assert seeds_dir() == ROOT / "seeds"
    assert sounds_dir() == ROOT / "sounds"


@pytest.mark.slow
def test_wheel_carries_and_finds_the_assets(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("runtimer-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for name in BUILT_INS:
        assert f"runtimer/seeds/{name}.toml" in names
    shipped_sounds = {name for name in names if name.startswith("runtimer/sounds/") and name.endswith(".wav")}
    checkout_sounds = {
        f"runtimer/sounds/{path.relative_to(ROOT / 'sounds')}" for path in (ROOT / "sounds").rglob("*.wav")
    }
    assert shipped_sounds and shipped_sounds == checkout_sounds

    # A fresh environment with the wheel alone; its dependencies are borrowed from
    # this environment's site-packages through a plain path entry, which does not
    # run that folder's .pth files and so cannot activate the editable install.
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    probe = (
        "import runtimer, runtimer.config.paths as r;"
        "print(runtimer.__file__); print(r.seeds_dir()); print(r.sounds_dir());"
        "print(len(list(r.sounds_dir().rglob('*.wav'))))"
    )
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    module, seeds, sounds, wav_count = out.stdout.splitlines()
    assert Path(module).is_relative_to(target)
    assert Path(seeds) == Path(site) / "runtimer" / "seeds"
    assert Path(sounds) == Path(site) / "runtimer" / "sounds"
    assert int(wav_count) == len(checkout_sounds)

    listing = subprocess.run(
        [str(target / "bin" / "runtimer"), "list"], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert [line.split()[0] for line in listing.stdout.splitlines()[1:]] == BUILT_INS
