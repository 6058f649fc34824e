"""Services: the I/O edge (prose engines, Crossref, caches) behind small Protocols."""
