"""The MkDocs adapter: the only code that imports MkDocs or knows Material."""
