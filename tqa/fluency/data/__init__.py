"""Packaged copies of models/*.toml and models/*.calibration.json (see tqa.fluency.paths)."""
