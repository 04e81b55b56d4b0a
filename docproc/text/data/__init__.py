"""Data files of docproc.text (vocab.json, legal_terms.json) and the script that builds them."""
