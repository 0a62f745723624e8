"""Where the registers live by default (the user's data folder), known without SQLAlchemy."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "dpo-workbench"


def default_register_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "register.sqlite"


def demo_register_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite"
