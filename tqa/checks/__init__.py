"""Built-in check families, one module per family (registered via entry points)."""
