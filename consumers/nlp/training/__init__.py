"""Scripts that derive shipped data from third-party sources; run by hand, never imported at run time."""
