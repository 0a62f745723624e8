"""Operation labels: written to the journal in English, read in the reader's language.

The journal is a record: what an operation is called must not depend on the language the app
ran in when the change was made, nor change when the DPO switches language. So services label
their operations with the English texts below ("Edit treatment", "Import of annexe1.docx") and
whoever shows the journal (history view, undo tooltips, CLI) passes them through
`operation_label`, which translates the labels it knows and leaves any other text as written.
"""

from __future__ import annotations

import re

from workbench.domain.enums import EntityKind
from workbench.i18n import N_, _

LOAD_DEMO = N_("Load demo register")
DRAFT_NOTIFICATIONS = N_("Draft subprocessor-change notifications")
NOTIFICATIONS_DEEMED_ACCEPTED = N_("Notifications deemed accepted")
MARK_NOTIFICATION_SENT = N_("Mark notification sent")
RECORD_OBJECTION = N_("Record objection")
REGENERATE_LETTER = N_("Regenerate notification letter")
IMPORT_OF = N_("Import of {file}")
UNDO_OF = N_("Undo: {label}")
REDO_OF = N_("Redo: {label}")

# one text per action and kind: a translation cannot be assembled from "Edit" + "treatment"
# (French: "Modifier le traitement", "Modifier la certification")
RECORD_ACTIONS: dict[tuple[str, EntityKind], str] = {
    ("create", EntityKind.ORGANISATION): N_("Create organisation"),
    ("edit", EntityKind.ORGANISATION): N_("Edit organisation"),
    ("delete", EntityKind.ORGANISATION): N_("Delete organisation"),
    ("confirm", EntityKind.ORGANISATION): N_("Confirm organisation values"),
    ("create", EntityKind.TREATMENT): N_("Create treatment"),
    ("edit", EntityKind.TREATMENT): N_("Edit treatment"),
    ("delete", EntityKind.TREATMENT): N_("Delete treatment"),
    ("confirm", EntityKind.TREATMENT): N_("Confirm treatment values"),
    ("create", EntityKind.SUBPROCESSOR): N_("Create subprocessor"),
    ("edit", EntityKind.SUBPROCESSOR): N_("Edit subprocessor"),
    ("delete", EntityKind.SUBPROCESSOR): N_("Delete subprocessor"),
    ("confirm", EntityKind.SUBPROCESSOR): N_("Confirm subprocessor values"),
    ("create", EntityKind.CERTIFICATION): N_("Create certification"),
    ("edit", EntityKind.CERTIFICATION): N_("Edit certification"),
    ("delete", EntityKind.CERTIFICATION): N_("Delete certification"),
    ("confirm", EntityKind.CERTIFICATION): N_("Confirm certification values"),
    ("create", EntityKind.AUDIT): N_("Create audit"),
    ("edit", EntityKind.AUDIT): N_("Edit audit"),
    ("delete", EntityKind.AUDIT): N_("Delete audit"),
    ("create", EntityKind.NOTIFICATION): N_("Create notification"),
    ("edit", EntityKind.NOTIFICATION): N_("Edit notification"),
    ("delete", EntityKind.NOTIFICATION): N_("Delete notification"),
    ("create", EntityKind.BREACH): N_("Record breach"),
    ("edit", EntityKind.BREACH): N_("Edit breach"),
    ("delete", EntityKind.BREACH): N_("Delete breach"),
    ("create", EntityKind.DATA_SUBJECT_REQUEST): N_("Record data-subject request"),
    ("edit", EntityKind.DATA_SUBJECT_REQUEST): N_("Edit data-subject request"),
    ("delete", EntityKind.DATA_SUBJECT_REQUEST): N_("Delete data-subject request"),
    ("create", EntityKind.DELIVERY): N_("Sign off a package for an auditor"),
    ("edit", EntityKind.DELIVERY): N_("Edit package sign-off"),
    ("delete", EntityKind.DELIVERY): N_("Delete package sign-off"),
    ("create", EntityKind.ATTACHMENT): N_("Attach file"),
    ("edit", EntityKind.ATTACHMENT): N_("Edit attachment"),
    ("delete", EntityKind.ATTACHMENT): N_("Remove attached file"),
}
_FIXED = frozenset(
    {
        LOAD_DEMO,
        DRAFT_NOTIFICATIONS,
        NOTIFICATIONS_DEEMED_ACCEPTED,
        MARK_NOTIFICATION_SENT,
        RECORD_OBJECTION,
        REGENERATE_LETTER,
        *RECORD_ACTIONS.values(),
    }
)
_WRAPPED = (
    (re.compile(r"Undo: (?P<label>.*)", re.S), UNDO_OF),
    (re.compile(r"Redo: (?P<label>.*)", re.S), REDO_OF),
)
_IMPORT = re.compile(r"Import of (?P<file>.*)", re.S)


def record_action(action: str, kind: EntityKind) -> str:
    """The stored label of a plain create / edit / delete of one record."""
    return RECORD_ACTIONS[action, kind]


def import_of(file_names: str) -> str:
    return IMPORT_OF.format(file=file_names)


def inner_label(stored: str) -> str:
    """The change an undo or redo operation is about ("Undo: Edit treatment" -> "Edit
    treatment"): redoing an undo redoes that change, undoing a redo undoes it again, and the
    status bar and tooltips name the change, not "Undo: Redo: ..."."""
    for pattern, _template in _WRAPPED:
        match = pattern.fullmatch(stored)
        if match:
            return match["label"]
    return stored


def operation_label(stored: str) -> str:
    """A stored operation label in the current language (unknown labels as stored)."""
    if stored in _FIXED:
        return _(stored)
    for pattern, template in _WRAPPED:
        match = pattern.fullmatch(stored)
        if match:
            return _(template).format(label=operation_label(match["label"]))
    match = _IMPORT.fullmatch(stored)
    if match:
        return _(IMPORT_OF).format(file=match["file"])
    return stored
