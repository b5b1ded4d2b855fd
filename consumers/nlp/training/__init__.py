"""Training and derivation: scripts that retrain the shipped models (``train``) and derive shipped data from
third-party sources (``event_tables``); run by hand, never imported at run time."""
