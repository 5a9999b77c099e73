"""Qt widgets and models: thin adapters over desktop.domain."""
