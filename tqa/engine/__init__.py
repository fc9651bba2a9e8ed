"""Engines that run a check plan somewhere other than the local pipeline (Dask)."""
