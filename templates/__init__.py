"""The built-in HTML and Markdown templates of reportgen (shipped as package data).

This folder is the package ``reportgen.templates``; ``--template-dir`` overrides any of its files.
"""
