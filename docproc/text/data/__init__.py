"""Data files of docproc.text (vocab.json, legal_terms.json, surnames.json, provinces.json), the
scripts that build them from independent sources, and sources/ (what was read, with its origin)."""
