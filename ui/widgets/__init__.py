"""Reusable widgets and the views the main window shows."""
