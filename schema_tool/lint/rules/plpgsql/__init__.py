"""Rules of this layer, one module each (see lint/rules/__init__.py)."""
