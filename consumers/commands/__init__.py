"""The command line: ``stancewire`` (``cli``) and one module per command."""
