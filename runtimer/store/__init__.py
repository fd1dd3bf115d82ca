"""The session history: a SQLite file written as the session goes.

Deliberately empty: ``runtimer.coach`` reads :mod:`runtimer.records`
and must stay importable without sqlite3, so nothing is imported here.
"""
