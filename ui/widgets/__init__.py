"""Widgets of the main window: sidebar, entity lists, history, dashboard, checks."""
