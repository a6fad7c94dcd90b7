"""Typical cases (典型案例): model, YAML/Markdown/.docx import, YAML export, storage next to the
statutes, cross-references to articles and standard items, and similar-case ranking. See FORMAT.md."""
