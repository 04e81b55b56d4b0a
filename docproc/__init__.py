"""docproc: Vietnamese court judgments and decisions to structured extractions and enforcement drafts."""

__version__ = "0.1.0"
