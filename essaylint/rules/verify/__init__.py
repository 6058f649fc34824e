"""rules/verify."""
