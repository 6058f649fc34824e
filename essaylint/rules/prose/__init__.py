"""rules/prose."""
