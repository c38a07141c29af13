"""Rendering: the knowledge base to pages for one language, pure; knows neither YAML nor MkDocs."""
