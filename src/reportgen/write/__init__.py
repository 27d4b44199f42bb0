"""Writing reports: rendered documents, workbooks, YAML, skeletons and JSON Schemas."""
