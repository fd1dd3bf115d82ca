"""The one place the version lives, so the CLI and the packaging agree."""

__version__ = "0.1.0"
