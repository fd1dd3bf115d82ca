"""The runner's settings and where runtimer's files live."""
