"""Rule data files (JSON) of the enforcement-decision drafts; see README.md."""
