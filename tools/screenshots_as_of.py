"""Screenshots of the "as of" view and of the print previews, on a throw-away demo register.

    QT_QPA_PLATFORM=offscreen python tools/screenshots_as_of.py

The demo register is loaded, a moment taken, then a treatment renamed and one added: the "as
of" view shows the register before both (as_of_<lang>.png, as_of_form_<lang>.png); the print
previews show the treatments list and the renamed treatment's form as they are now
(print_preview_list_<lang>.png, print_preview_record_<lang>.png). French and English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any

from screenshots import LANGUAGES, OUT, SIZE, settle  # the other screenshots' folder and size


def main() -> int:
    from PySide6.QtCore import QSettings

    from ui.app import application
    from ui.i18n_qt import apply_language
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from workbench.domain.enums import EntityKind
    from workbench.domain.records import Treatment
    from workbench.services.demo import ensure_demo_register

    application()
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        register = ensure_demo_register(Path(tmp) / "demo.sqlite", author="dpo")
        moment = dt.datetime.now(dt.UTC)
        first: Any = register.treatments.list()[0]
        register.treatments.update(
            dataclasses.replace(first, name=f"{first.name} (renommé depuis)")
        )
        organisation: Any = register.organisations.own()[0].id
        register.treatments.create(Treatment(organisation_id=organisation, name="Ajouté depuis"))
        window = MainWindow(register, Settings())
        window.resize(*SIZE)
        window.show()
        for lang in LANGUAGES:
            apply_language(lang)
            window.show_view("treatments")
            settle()
            view: Any = window.as_of.show(moment)
            settle()
            window.grab().save(str(OUT / f"as_of_{lang}.png"))
            form: Any = view.open_form(EntityKind.TREATMENT, first.id)
            settle()
            form.grab().save(str(OUT / f"as_of_form_{lang}.png"))
            form.close()
            window.as_of.leave()
            window.show_view("treatments")
            settle()
            window.current_list().select_id(first.id)
            for action, name in (
                (window.actions_.print_list_preview, "print_preview_list"),
                (window.actions_.print_record_preview, "print_preview_record"),
            ):
                action.trigger()
                preview: Any = window.actions_.printing.preview
                preview.resize(1100, 760)
                settle(0.6)
                preview.grab().save(str(OUT / f"{name}_{lang}.png"))
                preview.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
