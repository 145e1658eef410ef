"""Checking: locate the elements, run the rule types, score the result."""
