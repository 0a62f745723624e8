"""A combo box of organisations and subprocessors, in two headed groups.

Each subprocessor is shown with the organisation that engages it ("Zendesk — Podalire"), so two
subprocessors of the same name are told apart. Item data is "organisation:<id>" or
"subprocessor:<id>" (a combo box does not find tuples among its items' data).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from workbench.domain.records import Organisation, Subprocessor
from workbench.i18n import _


def holder_key(kind: str, entity_id: int | None) -> str:
    return f"{kind}:{entity_id}"


def parse_holder(data: object) -> tuple[str, int | None]:
    kind, _sep, entity_id = str(data or "").partition(":")
    return kind, int(entity_id) if entity_id.isdigit() else None


def fill_holders(
    combo: QComboBox,
    organisations: Sequence[Organisation],
    subprocessors: Sequence[Subprocessor],
    all_organisations: Sequence[Organisation] = (),
) -> None:
    """Fill `combo`: a header, the organisations, a header, the subprocessors."""
    names = {o.id: o.name for o in (*all_organisations, *organisations)}
    combo.clear()
    _header(combo, _("Organisations"))
    for org in organisations:
        combo.addItem("    " + org.name, holder_key("organisation", org.id))
    if subprocessors:
        _header(combo, _("Subprocessors"))
    ordered = sorted(subprocessors, key=lambda s: (s.name.casefold(), s.organisation_id))
    for sub in ordered:
        owner = names.get(sub.organisation_id, "")
        text = _("{name} — {organisation}").format(name=sub.name, organisation=owner)
        combo.addItem("    " + text, holder_key("subprocessor", sub.id))
    combo.setCurrentIndex(-1)


def _header(combo: QComboBox, text: str) -> None:
    combo.addItem(text)
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        item = model.item(combo.count() - 1)
        item.setEnabled(False)  # a heading, not a choice
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
