"""runtimer and the rest of a runner's tools: FIT and TCX activities, FIT workouts, intervals.icu text.

Loaded only by the commands and the moment that use it (``export``,
``export-workout``, ``import``, reading a ``.fit`` or ``.txt`` workout, and a
session ending with ``export_dir`` set), never on the way to the first frame:
Garmin's FIT SDK is a large import.
"""
