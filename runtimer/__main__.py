"""Allows `python -m runtimer`."""

from runtimer.cli import main

raise SystemExit(main())
