"""The `unsnare` command line: one module per command group."""
