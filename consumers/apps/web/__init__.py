"""The stance map: ``stancewire web`` serves the sink's relations as a live graph page."""
