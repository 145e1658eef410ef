"""Parsing: normalised lines → paragraphs → a :class:`~checker.model.Document`."""
