"""DOCX templates of the enforcement-decision drafts; see README.md."""
