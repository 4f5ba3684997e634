"""The status engine: probe the vendor, decide the level, say what staff must do."""
