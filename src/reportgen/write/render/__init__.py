"""Renderers turning a report into documents (DOCX, HTML, Markdown)."""
