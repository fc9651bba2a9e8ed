"""fluency."""
