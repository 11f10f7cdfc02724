"""Helpers for end-to-end tests."""

import time


def wait_until(predicate, timeout: float = 20, interval: float = 0.1):
    """Poll until predicate() is truthy; return its value, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
