"""A session while it runs: the clock, the async runner that owns time, the history recorder,
and :class:`~runtimer.session.live.LiveSession`, which wires them to the engine once per session."""
