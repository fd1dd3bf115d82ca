"""Allows `python -m runtimer`."""

from runtimer.startup import main

raise SystemExit(main())
