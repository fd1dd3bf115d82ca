"""runtimer: an interval timer for runners that you hear more than you watch."""

__version__ = "0.1.0"
"""The one place the version lives, so the CLI, the packaging and exported files agree."""
