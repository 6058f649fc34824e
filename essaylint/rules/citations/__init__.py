"""Rules about in-text citations and how they link to the reference list (C1xx)."""
