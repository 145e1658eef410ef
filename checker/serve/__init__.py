"""The local self-check web page."""
