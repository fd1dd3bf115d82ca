"""Workout plans as data: models, parsing and expansion into phases.

Nothing here touches the terminal, the clock or the sound card, so the engine
and the tests can use plans without starting the app.
"""
