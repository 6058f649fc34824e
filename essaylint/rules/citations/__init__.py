"""rules/citations."""
