"""Refresh the translation catalogs: extract, update, compile. Run after changing texts.

    python tools/i18n.py            # every area
    python tools/i18n.py exporters  # one area

Areas and their source folders are listed in AREAS; each has resources/locale/<area>.pot and
resources/locale/fr/LC_MESSAGES/<area>.po (edit the French there) compiled to <area>.mo.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
AREAS = {
    "core": ["workbench"],
    "importers": ["importers"],
    "exporters": ["exporters"],
    "ui": ["ui"],
}
LANGUAGES = ("fr",)


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def refresh(area: str) -> None:
    pot = LOCALE / f"{area}.pot"
    pybabel(
        "extract",
        "-F",
        "pyproject.toml",
        "-k",
        "N_",
        "--no-location",
        "--sort-output",
        "--omit-header",
        "-o",
        str(pot),
        *AREAS[area],
    )
    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / f"{area}.po"
        if po.exists():
            pybabel(
                "update",
                "-D",
                area,
                "-i",
                str(pot),
                "-d",
                str(LOCALE),
                "-l",
                lang,
                "--no-fuzzy-matching",
                "--ignore-obsolete",
            )
        else:
            pybabel("init", "-D", area, "-i", str(pot), "-d", str(LOCALE), "-l", lang)
        pybabel("compile", "-D", area, "-d", str(LOCALE), "-l", lang, "--statistics")


if __name__ == "__main__":
    for name in sys.argv[1:] or list(AREAS):
        refresh(name)
