"""Compliance logic: pure functions over domain records (no Qt, no storage).

Services load the register into a `RegisterSnapshot` and hand it to these functions; everything
that depends on the current date takes a `today` parameter so results are reproducible.
"""
