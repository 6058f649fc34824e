"""rules/style."""
