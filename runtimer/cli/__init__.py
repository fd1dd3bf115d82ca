"""The command line: one parser, and a module per family of commands.

Every mistake a runner can make on it ends as one line on stderr and exit code 2.
"""
