"""Allows `python -m runtimer`."""

from runtimer.entry import main

raise SystemExit(main())
