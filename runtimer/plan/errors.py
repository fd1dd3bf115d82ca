"""The single error type every bad plan input becomes."""


class PlanError(ValueError):
    """A user-facing problem with a workout, already phrased as one line.

    The CLI prints ``str(error)`` and exits with code 2, so the message must
    name the source (file or argument), the place, and what was expected.
    """


USAGE_ERROR = 2
"""The exit code for every problem the user can fix by changing what they typed."""
