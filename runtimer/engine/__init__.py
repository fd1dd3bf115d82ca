"""The session engine: a pure state machine that is told the time.

Sans-I/O in the style of h11: it never reads a clock, sleeps, plays sound or
touches a file, so a 36-minute workout can be tested in milliseconds.
"""
