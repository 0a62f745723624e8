"""Dialogs: entity edit forms, settings, import wizard, export."""
