"""File output shared by the CLI and the batch runner: the one copy lives in docproc._io."""

from docproc._io import TMP_SUFFIX, fit_name, remove_stale_temps, write_atomic, write_with

__all__ = ["write_atomic", "write_with", "TMP_SUFFIX", "remove_stale_temps", "fit_name"]
