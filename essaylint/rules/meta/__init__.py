"""Rules about essaylint itself: its directives and configuration."""
