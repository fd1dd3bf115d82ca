"""Speaks runtimer's announcement vocabulary into ``sounds/voice/`` with espeak-ng.

A development-time tool: the WAVs it makes are committed, so users need no
speech engine. Each phrase becomes one clip, converted by sox to the cue format
(16-bit mono 44100 Hz), trimmed of leading and trailing silence so that
runtimer.audio can join clips into a sentence with gaps it controls, normalised
to -3 dBFS and given 5-10 ms fades so a cut never clicks. espeak-ng and sox
without dither (-D) give the same bytes on every run of the same versions.

Usage: python tools/make_voice.py [--out DIR] [--voice en-us] [--speed 160]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen")
# Tens above twenty make "forty five seconds" for the 30-59 s sprints of the seeds.
NUMBERS = (*ONES, *TEENS, "nineteen", "twenty", "thirty", "forty", "fifty")
PHASES = ("warm up", "sprint", "jog", "run", "walk", "rest", "cool down", "exercise")
WORDS = ("rep", "of", "and", "minutes", "minute", "seconds", "second", "last rep", "set", "last set")
EVENTS = (
    "halfway",
    "ten seconds",
    "done",
    "paused",
    "resumed",
    "go",
    "lap",
    "rest shorter",
    "rest longer",
)
# Enough to assemble "Sprint. Rep three of eight.", "Run. Set two of three. Rep one of six.",
# "Jog, two minutes.", "Sprint, forty five seconds.", "Halfway.", "Ten seconds.", "Done."
PHRASES: tuple[str, ...] = (*PHASES, *WORDS, *NUMBERS, *EVENTS)

# Drop leading and trailing audio quieter than -45 dBFS (breath and espeak's
# padding) so the clips concatenate tightly.
TRIM = ["silence", "1", "0.005", "-45d", "reverse", "silence", "1", "0.005", "-45d", "reverse"]


def stem(phrase: str) -> str:
    """The clip's file stem, which is also the word runtimer.audio's say() takes."""
    return phrase.replace(" ", "_")


def speak(phrase: str, target: Path, voice: str, speed: int, scratch: Path) -> None:
    raw = scratch / f"{stem(phrase)}.espeak.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), phrase], check=True)
    subprocess.run(
        # -R: repeatable randomness; -D: no dither, or each run's noise would differ.
        [
            *("sox", "-R", "-D", str(raw), "-b", "16", "-c", "1", str(target), "rate", "44100", *TRIM),
            # The length is unknown after "silence", so the fade-out is a fade-in of the reversed clip.
            *("gain", "-n", "-3", "fade", "t", "0.005", "reverse", "fade", "t", "0.01", "reverse"),
        ],
        check=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "sounds" / "voice"
    parser.add_argument("--out", type=Path, default=default_out, help=f"folder to write into ({default_out})")
    parser.add_argument("--voice", default="en-us", help="espeak-ng voice (en-us)")
    parser.add_argument("--speed", type=int, default=160, help="words per minute (160)")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        print(f"make_voice: needs {' and '.join(missing)} (apt-get install espeak-ng sox)", file=sys.stderr)
        return 1
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for phrase in PHRASES:
            speak(phrase, out_dir / f"{stem(phrase)}.wav", args.voice, args.speed, Path(scratch))
    print(f"wrote {len(PHRASES)} clips to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
