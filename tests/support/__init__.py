"""Helpers shared by the integration tests: format converters and gold-label matching."""
