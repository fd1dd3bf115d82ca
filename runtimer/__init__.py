"""runtimer: an interval timer for runners that you hear more than you watch."""

from runtimer.version import __version__

__all__ = ["__version__"]
