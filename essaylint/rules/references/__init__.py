"""rules/references."""
