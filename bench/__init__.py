"""Benchmarks run by ``make bench``: each module measures runtimer and a reference
side by side in the same run, because these machines are shared and noisy."""
