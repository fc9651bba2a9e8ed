"""Core data model, check base classes, registry, configuration and pipeline."""
