from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget, QWizard

from tests.conftest import DATA_DIR
from ui.change_bus import ChangeBus
from ui.dialogs.import_mapping_page import FIELD_COLUMN, SURE, confidence_colour
from ui.dialogs.import_preview_model import PreviewTableModel
from ui.dialogs.import_wizard import ImportWizard
from ui.jobs import shutdown
from workbench.domain import Organisation, OrganisationKind
from workbench.domain.records import Changes
from workbench.services import Register

pytestmark = pytest.mark.gui
SUBCONTRACTORS = DATA_DIR / "subcontractors.xlsx"


@pytest.fixture(autouse=True)
def _drain_pools() -> Iterator[None]:
    yield
    assert shutdown(5000)


@pytest.fixture
def own(register: Register) -> Organisation:
    ids = register.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    return register.organisations.get(ids.ids[0])


def make_wizard(qtbot: QtBot, register: Register, bus: ChangeBus | None = None) -> ImportWizard:
    wizard = ImportWizard(register, bus)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def go_to(qtbot: QtBot, wizard: ImportWizard, page_id: int) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == page_id, timeout=10_000)


def wait_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=10_000)


def previewed(qtbot: QtBot, register: Register, path: Path) -> ImportWizard:
    """A wizard on `path`, at its preview, with the dry run done."""
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(path)
    for page in (ImportWizard.TABLE, ImportWizard.MAPPING, ImportWizard.PREVIEW):
        go_to(qtbot, wizard, page)
    wait_preview(qtbot, wizard)
    return wizard


def test_import_a_vendor_list_to_the_end_then_undo(
    qtbot: QtBot, register: Register, own: Organisation, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    bus = ChangeBus()
    published: list[Changes] = []
    bus.changed.connect(published.append)
    wizard = make_wizard(qtbot, register, bus)
    wizard.file_page.set_path(SUBCONTRACTORS)
    assert wizard.state.organisation == "Podalire"  # the only own organisation is preselected

    go_to(qtbot, wizard, ImportWizard.TABLE)
    assert wizard.table_page.tables.count() == 1
    assert "Subcontractors" in wizard.table_page.tables.item(0).text()
    qtmodeltester.check(wizard.table_page.preview_model)

    go_to(qtbot, wizard, ImportWizard.MAPPING)
    model = wizard.mapping_page.model
    qtmodeltester.check(model)
    assert model.mapping is not None
    assert model.mapping.index_of("name") == 0
    assert model.mapping.index_of("location_text") == 3
    assert model.index(3, FIELD_COLUMN).data() == "Server location"
    assert model.index(3, 3).data() == "100 %"
    assert model.index(3, 3).data(Qt.ItemDataRole.BackgroundRole) == confidence_colour(1.0, True)

    go_to(qtbot, wizard, ImportWizard.PREVIEW)
    wait_preview(qtbot, wizard)
    report = wizard.preview_page.report
    assert report is not None
    qtmodeltester.check(wizard.preview_page.model)
    assert report.new == 9
    assert register.subprocessors.list() == []  # the preview wrote nothing
    assert wizard.preview_page.model.index(0, PreviewTableModel.STATUS).data() == "New"

    wizard.next()  # the commit page runs the import
    assert wizard.currentId() == ImportWizard.APPLY
    page = wizard.apply_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
    names = {s.name for s in register.subprocessors.list()}
    assert len(names) == 9
    assert "OVH Cloud US LLC" in names
    ovh = next(s for s in register.subprocessors.list() if s.name == "OVH Cloud US LLC")
    assert [loc.code for loc in ovh.locations] == ["US"]
    assert ovh.provenance is not None
    assert ovh.provenance.file.endswith("subcontractors.xlsx")
    assert published
    assert published[-1].kinds
    assert page.undo_button.isEnabled()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    stored_marks = sum(len(s.unconfirmed) for s in register.subprocessors.list())
    assert stored_marks > 0
    assert f"{stored_marks} values came in unconfirmed" in page.status.text()

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undone, timeout=10_000)
    assert register.subprocessors.list() == []
    assert "undone" in page.status.text()
    assert len(published) == 2


def test_changed_mapping_and_profile_round_trip(
    qtbot: QtBot, register: Register, own: Organisation
) -> None:
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(SUBCONTRACTORS)
    go_to(qtbot, wizard, ImportWizard.TABLE)
    go_to(qtbot, wizard, ImportWizard.MAPPING)
    page = wizard.mapping_page
    # The user decides the "Description" column is notes, then saves that as a profile.
    assert page.model.setData(page.model.index(1, FIELD_COLUMN), "notes")
    assert page.model.mapping is not None
    assert page.model.mapping.index_of("notes") == 1
    assert page.model.mapping.index_of("service_description") is None
    assert wizard.state.mapping == page.model.mapping
    page.save_profile("Medaviz vendors")
    assert wizard.imports.profiles() == ["Medaviz vendors"]
    assert page.profiles.currentText() == "Medaviz vendors"

    # Back to the automatic proposal, then the profile brings the user's choice back.
    page._propose(page.chosen_kind())
    assert page.model.mapping.index_of("service_description") == 1
    page._load_profile()
    assert page.model.mapping.index_of("notes") == 1

    # Unmapping the name column blocks Next with a message.
    page.model.setData(page.model.index(0, FIELD_COLUMN), None)
    assert not page.isComplete()
    assert "name" in page.problem.text()


def test_the_transfer_flag_and_the_vendors_legal_basis_are_mapping_choices(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text(
        "Third-party Entity,Legal base,Transfers outside the EU,Service\n"
        "Brevo,Contract,No,e-mail\nScaleway,Contract,No,hosting\n",
        encoding="utf-8",
    )
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(path)
    go_to(qtbot, wizard, ImportWizard.TABLE)
    go_to(qtbot, wizard, ImportWizard.MAPPING)
    page = wizard.mapping_page
    assert page.chosen_kind().value == "subprocessors"
    shown = [page.model.index(r, FIELD_COLUMN).data() for r in range(page.model.rowCount())]
    assert shown[1:3] == [
        "Legal basis of its processing (kept in the notes)",
        "Transfer outside the EEA (yes/no: “no” = none)",
    ]
    editor = page.table.indexWidget(page.model.index(2, FIELD_COLUMN))
    assert isinstance(editor, QComboBox)
    assert editor.currentData() == "transfer_outside_eea"  # the combo shows the mapped field
    # the user can also give the flag to a column the importer did not map
    assert page.model.setData(page.model.index(3, FIELD_COLUMN), "transfer_outside_eea")
    assert page.model.mapping is not None
    assert page.model.mapping.index_of("transfer_outside_eea") == 3


def test_preview_of_a_reimport_shows_unchanged_rows_and_no_import(
    qtbot: QtBot, register: Register, own: Organisation
) -> None:
    from importers import propose_mapping, read_records, read_tables
    from workbench.services.import_service import ImportService

    table = read_tables(SUBCONTRACTORS)[0]
    ImportService(register).apply(read_records(table, propose_mapping(table)))
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(SUBCONTRACTORS)
    go_to(qtbot, wizard, ImportWizard.TABLE)
    go_to(qtbot, wizard, ImportWizard.MAPPING)
    go_to(qtbot, wizard, ImportWizard.PREVIEW)
    wait_preview(qtbot, wizard)
    report = wizard.preview_page.report
    assert report is not None
    assert (report.new, report.changed, report.unchanged) == (0, 0, 9)
    assert "already holds everything" in wizard.preview_page.summary.text()
    assert not wizard.preview_page.isComplete()  # nothing to import


def test_the_preview_highlights_inferred_values_with_their_reason_and_counts_them(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    from tests.unit.importers.vendor_files import vendor_list_xlsx
    from ui.dialogs.import_preview_model import INFERRED_COLOUR, plain_tooltip

    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(vendor_list_xlsx(tmp_path / "vendors.xlsx"))
    go_to(qtbot, wizard, ImportWizard.TABLE)
    go_to(qtbot, wizard, ImportWizard.MAPPING)
    go_to(qtbot, wizard, ImportWizard.PREVIEW)
    wait_preview(qtbot, wizard)
    model = wizard.preview_page.model
    names = [model.index(r, PreviewTableModel.NAME).data() for r in range(model.rowCount())]
    stripe = model.index(names.index("Stripe"), PreviewTableModel.INFERRED)
    assert stripe.data() == "Countries, Transfer mechanism, Category"
    assert stripe.data(Qt.ItemDataRole.BackgroundRole) == INFERRED_COLOUR
    tooltip = stripe.data(Qt.ItemDataRole.ToolTipRole)
    assert "Read from the text “CCT + DPF” (column Garanties, row 6)" in tooltip
    assert "several mechanisms" in tooltip
    assert "9 values come in unconfirmed" in wizard.preview_page.summary.text()
    # a cell holding markup shows as text, not as rich text
    assert plain_tooltip("<b>SCC</b>\nDPF") == (
        "<p style='white-space:pre-wrap'>&lt;b&gt;SCC&lt;/b&gt;\nDPF</p>"
    )


def test_a_file_that_is_not_a_register_shows_a_clear_error(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.append(["Recette", "Ingrédients"])
    book.active.append(["Crêpes", "Farine, œufs, lait"])
    path = tmp_path / "recettes.xlsx"
    book.save(path)
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(path)
    wizard.next()

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=10_000)
    assert "recettes.xlsx" in boxes()[0].text()
    assert wizard.currentId() == ImportWizard.FILE
    assert wizard.file_page.isComplete()  # the user can choose another file
    boxes()[0].close()


def test_dropping_a_file_on_the_wizard_reads_it(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    dropped = tmp_path / "Liste sous-traitants.xlsx"
    shutil.copy(SUBCONTRACTORS, dropped)
    wizard = make_wizard(qtbot, register)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    wizard.dropEvent(event)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.TABLE, timeout=10_000)
    assert wizard.state.path == dropped


def test_confidence_colours_tell_sure_from_unsure() -> None:
    assert confidence_colour(SURE, True) != confidence_colour(0.7, True)
    assert confidence_colour(0.7, True) != confidence_colour(0.3, True)
    assert confidence_colour(0.0, False) != confidence_colour(0.3, True)


def test_opened_with_a_dropped_file_it_reads_it_at_once(
    qtbot: QtBot, register: Register, own: Organisation
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    # As the main window calls it: (register, change bus, parent), plus the dropped file.
    wizard = ImportWizard(register, ChangeBus(), parent, path=SUBCONTRACTORS)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.TABLE, timeout=10_000)
    assert wizard.state.tables[0].sheet == "Subcontractors"


def test_a_first_import_asks_for_the_organisation_on_the_first_page_and_creates_it(
    qtbot: QtBot, register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Subprocessor,Service\nOVHcloud,hosting\nBrevo,e-mail\n", encoding="utf-8")
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(path)
    choice = wizard.organisation
    assert choice.is_new()
    assert choice.new_name.isVisible()
    assert not wizard.file_page.isComplete()  # asked here, not three pages later
    choice.new_name.setText("Clinique du Parc")
    assert wizard.file_page.isComplete()
    assert wizard.state.organisation == "Clinique du Parc"
    go_to(qtbot, wizard, ImportWizard.TABLE)
    go_to(qtbot, wizard, ImportWizard.MAPPING)
    go_to(qtbot, wizard, ImportWizard.PREVIEW)
    wait_preview(qtbot, wizard)
    assert "New organisations: Clinique du Parc." in wizard.preview_page.summary.text()
    assert register.organisations.list() == []
    wizard.next()
    page = wizard.apply_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
    (organisation,) = register.organisations.list()
    assert (organisation.name, organisation.kind) == ("Clinique du Parc", OrganisationKind.OWN)
    assert len(register.subprocessors.list()) == 2
    page.undo()  # one operation: the organisation goes with its vendors
    qtbot.waitUntil(lambda: page.undone, timeout=10_000)
    assert (register.organisations.list(), register.subprocessors.list()) == ([], [])


def test_near_names_merge_only_when_ticked_and_rows_can_be_left_out(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path, qtmodeltester
) -> None:
    from workbench.domain.records import Subprocessor

    assert own.id is not None
    register.subprocessors.create(Subprocessor(own.id, "Cloudflare", service_description="CDN"))
    path = tmp_path / "vendors.csv"
    path.write_text(
        "Subprocessor,Service\nCloudfare,CDN and DNS\nBrevo,e-mail\nOVHcloud,hosting\n",
        encoding="utf-8",
    )
    wizard = previewed(qtbot, register, path)
    model = wizard.preview_page.model
    qtmodeltester.check(model)
    rows = {model.index(r, PreviewTableModel.NAME).data(): r for r in range(model.rowCount())}
    same_as = model.index(rows["Cloudfare"], PreviewTableModel.SAME_AS)
    assert same_as.data() == "Probably the same as Cloudflare (95)"
    assert same_as.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "1 row is probably a stored record" in wizard.preview_page.summary.text()
    assert model.setData(same_as, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    brevo = model.index(rows["Brevo"], PreviewTableModel.IMPORT)
    assert brevo.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(brevo, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    wizard.next()
    page = wizard.apply_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
    stored = {s.name: s.service_description for s in register.subprocessors.list()}
    assert stored == {"Cloudflare": "CDN and DNS", "OVHcloud": "hosting"}  # merged; Brevo left out


def test_a_ticked_box_runs_the_dry_run_again_with_the_decision(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    from workbench.domain.records import Subprocessor

    assert own.id is not None
    register.subprocessors.create(Subprocessor(own.id, "Cloudflare", service_description="CDN"))
    path = tmp_path / "vendors.csv"
    path.write_text("Subprocessor,Service\nCloudfare,CDN and DNS\nBrevo,e-mail\n", "utf-8")
    wizard = previewed(qtbot, register, path)
    page, model = wizard.preview_page, wizard.preview_page.model

    def row_of(name: str) -> int:
        return next(r for r in range(model.rowCount()) if model.index(r, 2).data() == name)

    def status(name: str) -> str:
        return str(model.index(row_of(name), PreviewTableModel.STATUS).data())

    assert (status("Cloudfare"), page.report and page.report.new) == ("New", 2)
    same_as = model.index(row_of("Cloudfare"), PreviewTableModel.SAME_AS)
    model.setData(same_as, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: page.dry_runs == 2, timeout=10_000)
    assert status("Cloudfare") == "Changed"  # merged into the stored Cloudflare
    assert "CDN and DNS" in str(model.index(row_of("Cloudfare"), PreviewTableModel.CHANGES).data())
    assert page.summary.text().startswith("1 new, 1 changed")
    same_as = model.index(row_of("Cloudfare"), PreviewTableModel.SAME_AS)
    assert same_as.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.setData(same_as, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    brevo = model.index(row_of("Brevo"), PreviewTableModel.IMPORT)
    model.setData(brevo, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: page.dry_runs == 3, timeout=10_000)  # two boxes, one dry run
    assert (status("Cloudfare"), status("Brevo")) == ("New", "Left out")
    assert page.summary.text().startswith("1 new, 0 changed")


def test_the_preview_says_what_changes_in_words(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    from workbench.domain.enums import TransferMechanism
    from workbench.domain.records import Location, Subprocessor

    assert own.id is not None
    register.subprocessors.create(
        Subprocessor(
            own.id,
            "Brevo",
            locations=(Location("FR"),),
            transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
        )
    )
    path = tmp_path / "vendors.csv"
    path.write_text("Subprocessor,Service,Server location\nBrevo,e-mail,EU\n", encoding="utf-8")
    wizard = previewed(qtbot, register, path)
    model = wizard.preview_page.model
    changes = model.index(0, PreviewTableModel.CHANGES).data()
    assert "France \u2192 European Union" in changes
    assert "'code'" not in changes
    assert "region" not in changes
    header = wizard.preview_page.table.horizontalHeader()
    assert header.stretchLastSection()  # "what changes" takes the width left


def test_a_vendors_new_list_shows_what_it_changed_and_imports_as_its_chain(
    qtbot: QtBot, register: Register, own: Organisation, tmp_path: Path
) -> None:
    from importers import propose_mapping, read_records, read_tables
    from workbench.domain.records import Subprocessor
    from workbench.services.import_service import ImportService

    assert own.id is not None
    register.subprocessors.create(Subprocessor(own.id, "Medicloud"))
    header = "Subprocessor,Service,Server location\n"
    v1, v2 = tmp_path / "v1.csv", tmp_path / "v2.csv"
    v1.write_text(header + "AWS,hosting,Ireland\nTwilio,SMS,United States\n", encoding="utf-8")
    v2.write_text(header + "AWS,hosting,Germany\nBrevo,e-mail,France\n", encoding="utf-8")
    first = [read_records(t, propose_mapping(t)) for t in read_tables(v1)]
    ImportService(register).vendor_list(first, "Medicloud", apply=True)
    wizard = make_wizard(qtbot, register)
    wizard.file_page.set_path(v2)
    wizard.vendor.enabled.setChecked(True)
    assert wizard.state.of_vendor == "Medicloud"
    go_to(qtbot, wizard, ImportWizard.TABLE)
    go_to(qtbot, wizard, ImportWizard.MAPPING)
    go_to(qtbot, wizard, ImportWizard.PREVIEW)
    wait_preview(qtbot, wizard)
    summary = wizard.preview_page.summary.text()
    assert "added Brevo; removed Twilio; moved AWS (IE \u2192 DE)" in summary
    wizard.next()
    page = wizard.apply_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
    assert len(ImportService(register).vendor_list_versions("Medicloud")) == 2
    brevo = next(s for s in register.subprocessors.list() if s.name == "Brevo")
    assert brevo.chain_level == 2


def test_the_path_box_of_the_first_page_has_an_accessible_name(
    qtbot: QtBot, register: Register
) -> None:
    wizard = make_wizard(qtbot, register)
    box = wizard.file_page.path_edit
    assert box.accessibleName() == "File to import"  # a placeholder alone is not announced
    assert box.accessibleName() != box.placeholderText()
