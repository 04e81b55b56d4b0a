"""Composition of docproc's stages: one document end to end, and batches on Dask."""
