"""SQLAlchemy models, engine and migrations. Only `workbench.services` imports this package."""
