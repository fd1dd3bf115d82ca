"""The one error type for every mistake a runner can make: in a workout, a setting or a command."""


class UserError(ValueError):
    """A problem the runner can fix, already phrased as one line.

    The CLI prints ``str(error)`` and exits with :data:`USAGE_ERROR`, so the
    message must name the source (file, setting or argument), the place, and
    what was expected. A ``ValueError`` so that parsers deep in the plan can
    raise it where plain value checks already live.
    """


USAGE_ERROR = 2
"""The exit code for every problem the user can fix by changing what they typed."""
