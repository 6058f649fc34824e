"""Reporters: every output format is written from the same list of FileResults."""
