"""The `docproc` command line, outside the library: it composes every layer (docproc, pipelines, api,
models), which is why it cannot live in any one of them."""

from cli.main import app, main

__all__ = ["app", "main"]
