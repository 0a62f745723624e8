"""Operation labels are stored in English and read in the reader's language."""

from __future__ import annotations

import dataclasses

from tests.conftest import DATA_DIR
from tests.unit.services.test_import_service import batches
from workbench.domain import Organisation, Subprocessor, Treatment
from workbench.services import Register
from workbench.services.demo import load_demo
from workbench.services.import_service import ImportService
from workbench.services.operation_labels import operation_label


def _labels(register: Register) -> list[str]:
    return [o.label for o in register.journal.operations(50)]


def test_every_label_the_services_write_reads_in_french(
    register: Register, own_org: Organisation, french: None
) -> None:
    assert own_org.id is not None
    treatment = register.treatments.create(Treatment(organisation_id=own_org.id, name="Paie"))
    stored = register.treatments.get(treatment.ids[0])
    register.treatments.update(dataclasses.replace(stored, purpose="Paie"))
    vendor = register.subprocessors.create(Subprocessor(organisation_id=own_org.id, name="OVH"))
    register.subprocessors.delete(vendor.ids[0])
    register.journal.undo()
    register.journal.redo()
    ImportService(register).apply(batches(DATA_DIR / "annex1_semicolon_cp1252.csv"))
    shown = [operation_label(label) for label in _labels(register)]
    assert shown[:7] == [
        "Import de annex1_semicolon_cp1252.csv",
        "Rétablir : Supprimer le sous-traitant",
        "Annuler : Supprimer le sous-traitant",
        "Supprimer le sous-traitant",
        "Créer le sous-traitant",
        "Modifier le traitement",
        "Créer le traitement",
    ]
    # stored as written in English, whatever the language the app ran in
    assert _labels(register)[:2] == [
        "Import of annex1_semicolon_cp1252.csv",
        "Redo: Delete subprocessor",
    ]


def test_labels_read_as_stored_in_english_and_unknown_ones_unchanged(register: Register) -> None:
    load_demo(register)
    assert operation_label(_labels(register)[0]) == "Load demo register"
    assert operation_label("Fusion manuelle des fiches") == "Fusion manuelle des fiches"


def test_the_demo_load_label_in_french(register: Register, french: None) -> None:
    load_demo(register)
    assert operation_label(_labels(register)[0]) == "Charger le registre de démonstration"
