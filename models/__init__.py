"""Model configs and trained artefacts: the spaCy pipeline config (rules.cfg) and, later, learned weights."""
