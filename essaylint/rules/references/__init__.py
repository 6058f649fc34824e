"""Rules about the entries of the reference list itself (R2xx)."""
