"""Entity resolution: name keys that survive spelling and script, and linking across documents."""
