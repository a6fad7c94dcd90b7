"""Importers turn statute files (LawRefBook Markdown, plain text, .docx) into `kb.models.Law`."""
