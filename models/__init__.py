"""NLP model code and artefacts.

- `rules.cfg`: the rules pipeline (docproc/extract components), the default (DOCPROC_BACKEND=rules).
- `learned.cfg`: the rules pipeline plus learned proposals (docproc/extract/learned.py), used when
  DOCPROC_BACKEND is spacy or transformers; the model is loaded from models_dir/spacy-ner or
  models_dir/transformers-ner, never downloaded.
- `data` (gold or corrected extractions → labelled spans, DocBin, BIO data), `spacy_ner` and
  `hf_ner` (the two recognisers), `backends` (by name), `learn` (`docproc train`, `docproc learn`).
See models/README.md for the design and the cross-validated figures.
"""
