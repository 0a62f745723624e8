"""Importing the seed files into a register: preview, apply, re-import, undo, cancel, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import ImportBatch, propose_mapping, read_records, read_tables
from importers.marks import format_unconfirmed
from tests.conftest import DATA_DIR
from tests.unit.importers.conftest import RecordingProgress
from tests.unit.importers.test_marks import only_mark
from tests.unit.importers.vendor_files import vendor_list_xlsx
from workbench.domain.enums import (
    EntityKind,
    InferenceOrigin,
    OrganisationKind,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.errors import ImportFileError, MappingError, NothingToUndoError
from workbench.domain.inference import is_stated, is_unconfirmed
from workbench.domain.records import Organisation, Subprocessor
from workbench.progress import Cancelled
from workbench.services import Register
from workbench.services.import_service import ImportService, RowStatus


def batches(name: str | Path) -> list[ImportBatch]:
    path = name if isinstance(name, Path) else DATA_DIR / name
    return [read_records(t, propose_mapping(t)) for t in read_tables(path)]


def counts(register: Register) -> tuple[int, int, int, int]:
    return (
        len(register.organisations.list()),
        len(register.treatments.list()),
        len(register.subprocessors.list()),
        len(register.journal.entries()),
    )


@pytest.fixture
def service(register: Register) -> ImportService:
    return ImportService(register)


def test_preview_reports_new_rows_and_writes_nothing(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    before = counts(register)
    report = service.preview(batches("annex1.docx"))
    assert report.new == 39
    assert report.changed == report.unchanged == 0
    assert report.new_organisations == ["Podalire Communauté"]  # "Podalire (Medaviz)" = Podalire
    assert counts(register) == before


def test_annex1_import_creates_treatments_under_the_right_organisations(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    result = service.apply(batches("annex1.docx"))
    assert result.report.new == 39
    orgs = {o.name: o for o in register.organisations.list()}
    assert set(orgs) == {"Podalire", "Podalire Communauté"}
    assert orgs["Podalire Communauté"].kind is OrganisationKind.OWN
    treatments = register.treatments.list()
    podalire = [t for t in treatments if t.organisation_id == own_org.id]
    # Annex 1's first table as controller, and "Medaviz" (the same company) as processor
    assert sum(t.role is Role.CONTROLLER for t in podalire) == 18
    assert sum(t.role is Role.PROCESSOR for t in podalire) == 11
    first = register.treatments.get(podalire[0].id or 0)
    assert first.provenance is not None
    assert (first.provenance.file, first.provenance.sheet, first.provenance.row) == (
        "annex1.docx",
        "Table 1",
        2,
    )
    assert register.journal.verify().ok


def test_one_import_is_one_journal_operation_of_kind_import(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    result = service.apply(batches("annex1.docx") + batches("annex2.docx"))
    operations = register.journal.operations()
    assert operations[0].id == result.operation_id
    assert operations[0].kind == "import"
    entries = [e for e in register.journal.entries() if e.operation == result.operation_id]
    assert len(entries) == 1 + 39 + 19  # the new organisation, the treatments, the vendors
    assert {e.entity_kind for e in entries} == {
        EntityKind.ORGANISATION,
        EntityKind.TREATMENT,
        EntityKind.SUBPROCESSOR,
    }


@pytest.mark.parametrize(
    "name",
    [
        "annex1.docx",
        "annex1.xlsx",
        "annex1_semicolon_cp1252.csv",
        "annex2.ods",
        "subcontractors.xlsx",
        "subcontractors_messy.csv",
    ],
)
def test_reimporting_the_same_file_changes_nothing(
    register: Register, service: ImportService, own_org: Organisation, name: str
) -> None:
    service.apply(batches(name))
    before = counts(register)
    again = service.apply(batches(name))
    assert again.report.new == again.report.changed == 0
    assert again.report.unchanged > 0
    assert again.operation_id == ""  # nothing written, no empty operation to undo
    assert counts(register) == before


def test_layouts_of_the_same_annex_match_each_other(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    service.apply(batches("annex1.docx"))
    report = service.preview(batches("annex1.xlsx"))
    assert (report.new, report.changed, report.unchanged) == (0, 0, 39)


def test_changed_rows_show_a_field_diff_and_missing_rows_are_listed(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    service.apply(batches("subcontractors.xlsx"))
    path = tmp_path / "next_version.csv"
    path.write_text(
        "Subcontractor name;Server location;Data transfer mechanism\n"
        "Mailjet;France;N/A\n"
        "Zendesk Inc.;Ireland;N/A\n"
        "Sendinblue;France;N/A\n",
        encoding="utf-8",
    )
    report = service.preview(batches(path))
    status = {i.name: i.status for i in report.items}
    assert status == {
        "Mailjet": RowStatus.CHANGED,
        "Zendesk Inc.": RowStatus.UNCHANGED,
        "Sendinblue": RowStatus.NEW,
    }
    mailjet = next(i for i in report.items if i.name == "Mailjet")
    assert {c.field for c in mailjet.changes} == {"location_text", "locations"}
    location = next(c for c in mailjet.changes if c.field == "location_text")
    assert (location.before, location.after) == ("Germany\nBelgium", "France")
    assert {m.name for m in report.missing} == {
        "Calade Technologies (dba: Smsmode)",
        "OVH Cloud US LLC",
        "RingOver",
        "Clever Cloud",
        "OVHcloud",
        "Auth0",
        "Batch",
    }
    result = service.apply(batches(path))
    stored = {s.name: s for s in register.subprocessors.list()}
    assert [x.code for x in stored["Mailjet"].locations] == ["FR"]
    assert stored["Mailjet"].service_description.startswith("Sending an email")  # kept
    assert result.report.changed == 1
    assert "RingOver" in stored  # missing rows are reported, never deleted


def test_vendor_matching_rules(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    assert own_org.id is not None
    register.subprocessors.create_many(
        [Subprocessor(own_org.id, "Twilio"), Subprocessor(own_org.id, "New Relic")]
    )
    path = tmp_path / "vendors.csv"
    path.write_text(
        "Subprocessor,Category\nTwilio Inc.,applications\nTwilio (SendGrid),applications\n"
        "Sendgrid,communication\nNewrelic,analytics\n",
        encoding="utf-8",
    )
    report = service.preview(batches(path))
    status = {i.name: (i.status, i.existing_id) for i in report.items}
    twilio_id = status["Twilio Inc."][1]
    assert status["Twilio Inc."][0] is RowStatus.CHANGED
    assert twilio_id is not None
    # the same vendor key, saying something else: kept apart, shown beside the first row
    assert status["Twilio (SendGrid)"] == (RowStatus.NEW, None)
    sendgrid = next(i for i in report.items if i.name == "Twilio (SendGrid)")
    assert sendgrid.same_name_as == 2
    assert status["Sendgrid"] == (RowStatus.NEW, None)  # a vendor of its own
    assert status["Newrelic"][0] is RowStatus.CHANGED
    assert any("same name as row 2" in w for w in report.warnings)


def test_undo_last_import_takes_exactly_that_import_back(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    service.apply(batches("annex2.docx"))
    after_first = counts(register)[:3]
    service.apply(batches("subcontractors.xlsx"))
    assert len(register.subprocessors.list()) == 19 + 8  # Zendesk is in both lists
    zendesk = next(s for s in register.subprocessors.list() if s.name == "Zendesk")
    assert zendesk.category is SubprocessorCategory.CUSTOMER_RELATION  # kept from Annex 2
    service.undo_last_import()
    assert counts(register)[:3] == after_first
    zendesk = next(s for s in register.subprocessors.list() if s.name == "Zendesk")
    assert zendesk.data_categories == ()  # as Annex 2 left it
    service.undo_last_import()
    assert counts(register)[1:3] == (0, 0)
    with pytest.raises(NothingToUndoError):
        service.undo_last_import()
    assert register.journal.verify().ok


def test_cancel_rolls_everything_back(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    before = counts(register)
    progress = RecordingProgress(cancel_at=30)
    with pytest.raises(Cancelled):
        service.apply(batches("annex1.docx"), progress)
    assert len(progress.calls) == 30
    assert counts(register) == before


def test_progress_covers_every_row_of_every_table(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    progress = RecordingProgress()
    service.apply(batches("annex1.docx"), progress)
    totals = {t for _d, t in progress.calls}
    assert totals == {18 + 10 + 11}
    assert progress.calls[-1] == (39, 39)


def test_bad_row_leaves_the_register_untouched(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Subprocessor,Chain level\nMailjet,1\nBrevo,deux\n", encoding="utf-8")
    before = counts(register)
    with pytest.raises(ImportFileError, match=r"vendors\.csv, row 3, column 'Chain level'"):
        service.apply(batches(path))
    assert counts(register) == before


def test_rows_without_organisation_need_one_when_the_register_has_several(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    register.organisations.create(Organisation(name="Autre"))
    with pytest.raises(ImportFileError, match="several organisations of its own"):
        service.preview(batches("subcontractors.xlsx"))
    report = service.preview(batches("subcontractors.xlsx"), organisation="Autre")
    assert {i.organisation for i in report.items} == {"Autre"}


def test_mapping_profiles_are_saved_in_the_register_and_reused(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    path = tmp_path / "vendor.csv"
    path.write_text("Fournisseur,Hébergement,Cadre\nMailjet,Allemagne,N/A\n", encoding="utf-8")
    table = read_tables(path)[0]
    mapping = propose_mapping(table).with_field(1, "location_text").with_field(2, "transfer_text")
    service.save_profile("Vendor v1", mapping)
    assert service.profiles() == ["Vendor v1"]
    reused = service.mapping_from_profile(read_tables(path)[0], "Vendor v1")
    assert [c.field for c in reused.columns] == ["name", "location_text", "transfer_text"]
    result = service.apply(read_records(table, reused))
    stored = register.subprocessors.list()[0]
    assert [x.code for x in stored.locations] == ["DE"]
    assert result.report.new == 1
    with pytest.raises(MappingError, match="no mapping profile"):
        service.load_profile("Vendor v2")


def test_journal_snapshots_of_bulk_created_records_equal_what_a_read_returns(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    from workbench.domain import codec

    service.apply(batches("annex2.docx"))
    path = tmp_path / "register.csv"
    path.write_text(
        "Traitement;Sous-traitants;Responsables de traitement servis;Rôle;Date de création\n"
        'Téléconsultation;"Twilio\nAmazon Web Services (AWS)";"Clinique A\nCabinet B";'
        "processor;2024-04-30\n",
        encoding="utf-8",
    )
    result = service.apply(batches(path))
    (entry,) = [
        e
        for e in register.journal.entries()
        if e.operation == result.operation_id and e.entity_kind is EntityKind.TREATMENT
    ]
    stored = register.treatments.get(entry.entity_id)
    assert entry.after == codec.to_dict(stored)
    assert len(stored.subprocessor_ids) == 2
    assert {register.organisations.get(i).name for i in stored.controller_ids} == {
        "Clinique A",
        "Cabinet B",
    }
    for vendor in register.journal.entries(kind=EntityKind.SUBPROCESSOR):
        assert vendor.after == codec.to_dict(register.subprocessors.get(vendor.entity_id))


def test_a_whole_excel_export_imports_its_entity_sheets_only_and_reimports_unchanged(
    register: Register, tmp_path: Path
) -> None:
    from workbench.services import open_register
    from workbench.services.demo import load_demo
    from workbench.services.export_service import ExportService

    load_demo(register)
    path = tmp_path / "register.xlsx"
    ExportService(register).export_register(path, "xlsx", "fr")
    tables = read_tables(path)
    assert sorted(t.sheet for t in tables) == ["Sous-traitants", "Traitements"]
    other = open_register(tmp_path / "other.sqlite")
    try:
        service = ImportService(other)
        # listed treatments first: the service still imports the subprocessors before them
        first = service.apply(sorted(batches(path), key=lambda b: b.table.sheet != "Traitements"))
        assert first.report.new == len(register.treatments.list()) + len(
            register.subprocessors.list()
        )
        again = service.preview(batches(path))
        assert (again.new, again.changed) == (0, 0)
    finally:
        other.close()


def _treatment_csv(path: Path, names: list[str]) -> Path:
    lines = ["Traitement;Finalité;Base légale"]
    lines += [f"{name};Finalité de {name};Intérêt légitime" for name in names]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_duplicate_far_down_a_long_file_is_found_across_chunks(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    # rows are matched a chunk (500 rows) at a time: the second "Traitement 7" is 1,200 rows
    # after the first, and spelled differently
    names = [f"Traitement {i}" for i in range(1300)] + ["TRAITEMENT  7"]
    result = service.apply(batches(_treatment_csv(tmp_path / "long.csv", names)))
    assert result.report.new == 1300
    assert result.report.counts[RowStatus.DUPLICATE] == 1
    assert result.report.warnings == [
        "long.csv, row 1302: 'TRAITEMENT 7' appears twice; row 9 is the one imported."
    ]
    assert len(register.treatments.list()) == 1300


def test_missing_and_warnings_are_counted_beyond_those_listed(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    from workbench.services import import_service

    names = [f"Traitement {i}" for i in range(1200)]
    service.apply(batches(_treatment_csv(tmp_path / "v1.csv", names)))
    shorter = _treatment_csv(tmp_path / "v2.csv", names[:30] + names[:30])
    report = service.preview(batches(shorter))
    assert report.unchanged == 30
    assert report.missing_count == 1170
    assert len(report.missing) == import_service.LISTED
    assert [m.name for m in report.missing[:2]] == ["Traitement 30", "Traitement 31"]
    assert report.warning_count == 30
    assert len(report.warnings) == 30


# -- stated vs inferred: the marks an import writes, and a person's confirmations -------------
def _vendors(register: Register, name: str) -> Subprocessor:
    return next(s for s in register.subprocessors.list() if s.name == name)


def test_values_read_from_free_text_come_in_marked_and_are_counted(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    result = service.apply(batches(vendor_list_xlsx(tmp_path / "vendors.xlsx")))
    stripe = _vendors(register, "Stripe")
    mark = only_mark(stripe, "transfer_mechanism")
    assert (mark.source_text, mark.column, mark.row) == ("CCT + DPF", "Garanties", 6)
    stored = register.subprocessors.list()
    assert result.report.unconfirmed_count == sum(len(s.unconfirmed) for s in stored) == 9
    item = next(i for i in result.report.items if i.name == "Stripe")
    assert {m.field for m in item.unconfirmed} == {"transfer_mechanism", "locations", "category"}


def test_reimporting_after_a_confirmation_keeps_it(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    path = vendor_list_xlsx(tmp_path / "vendors.xlsx")
    service.apply(batches(path))
    stripe = _vendors(register, "Stripe")
    register.subprocessors.confirm([stripe.id or 0], ["transfer_mechanism"])
    again = service.apply(batches(path))
    assert (again.report.changed, again.report.unconfirmed_count) == (0, 0)
    assert again.operation_id == ""
    stripe = _vendors(register, "Stripe")
    assert is_stated(stripe, "transfer_mechanism")
    assert is_unconfirmed(stripe, "locations")  # not confirmed: still marked, as it was
    assert only_mark(stripe, "locations").row == 6


def test_a_changed_value_comes_in_with_its_new_mark(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    service.apply(batches(vendor_list_xlsx(tmp_path / "vendors.xlsx")))
    stripe = _vendors(register, "Stripe")
    register.subprocessors.confirm([stripe.id or 0])
    path = tmp_path / "vendors_v2.csv"
    path.write_text(
        "Sous-traitant;Localisation des données;Garanties\n"
        "Stripe;USA (datacenters in Oregon or Virginia);BCR\n",
        encoding="utf-8",
    )
    result = service.apply(batches(path))
    assert result.report.changed == 1
    assert result.report.unconfirmed_count == 1  # the mechanism; the countries read the same
    stripe = _vendors(register, "Stripe")
    assert stripe.transfer_mechanism is TransferMechanism.BCR
    mark = only_mark(stripe, "transfer_mechanism")
    assert (mark.source_text, mark.column, mark.row) == ("BCR", "Garanties", 2)
    assert is_stated(stripe, "locations")  # confirmed, and the file reads it the same
    assert is_stated(stripe, "category")  # the new file does not say: the confirmation stays


def test_a_value_a_person_stated_stays_stated_when_a_file_reads_the_same(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    register.subprocessors.create(
        Subprocessor(
            organisation_id=own_org.id or 0,
            name="Stripe",
            transfer_mechanism=TransferMechanism.ADEQUACY_US_DPF,
        )
    )
    path = tmp_path / "vendors.csv"
    path.write_text("Sous-traitant;Garanties\nStripe;CCT + DPF\n", encoding="utf-8")
    result = service.apply(batches(path))
    assert result.report.unconfirmed_count == 0
    assert is_stated(_vendors(register, "Stripe"), "transfer_mechanism")


def test_a_code_in_a_file_is_no_confirmation_unless_the_file_lists_what_is_unconfirmed(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    service.apply(batches(vendor_list_xlsx(tmp_path / "vendors.xlsx")))
    # an export written before it listed marks: the code it wrote is no person's statement
    codes = tmp_path / "codes.csv"
    codes.write_text(
        "ID;Sous-traitant;Garantie de transfert\n2;Stripe;ADEQUACY_US_DPF\n", encoding="utf-8"
    )
    report = service.preview(batches(codes))
    assert [i.status for i in report.items] == [RowStatus.UNCHANGED]
    # a file that lists the values still to be confirmed, and no longer lists this one
    listed = tmp_path / "listed.csv"
    listed.write_text(
        "ID;Sous-traitant;Garantie de transfert;Valeurs à confirmer\n2;Stripe;ADEQUACY_US_DPF;\n",
        encoding="utf-8",
    )
    report = service.preview(batches(listed))
    (item,) = report.items
    assert item.status is RowStatus.CHANGED
    assert [c.field for c in item.changes] == ["unconfirmed"]
    service.apply(batches(listed))
    assert is_stated(_vendors(register, "Stripe"), "transfer_mechanism")
    assert is_unconfirmed(_vendors(register, "Stripe"), "locations")  # not in that file


def test_an_export_with_its_unconfirmed_column_imports_with_the_same_marks(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    service.apply(batches(vendor_list_xlsx(tmp_path / "vendors.xlsx")))
    stored = {s.name: s for s in register.subprocessors.list()}
    export = _register_sheet(tmp_path / "export.xlsx", list(stored.values()))
    report = service.preview(batches(export))
    assert (report.changed, report.unchanged) == (0, 3)  # the marks read back are the same
    # into another organisation, as new records: each carries the marks of the original
    result = service.apply(batches(export), organisation="Clinique des Lilas")
    assert result.report.new == 3
    copies = {s.name: s for s in register.subprocessors.list() if s.organisation_id != own_org.id}
    assert {n: c.unconfirmed for n, c in copies.items()} == {
        n: s.unconfirmed for n, s in stored.items()
    }
    assert result.report.unconfirmed_count == 9


def _register_sheet(path: Path, vendors: list[Subprocessor]) -> Path:
    """Subprocessors as the Excel export lays them out, with the marks column."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            *("ID", "Sous-traitant", "Catégorie", "Pays", "Localisation des serveurs"),
            *("Garantie de transfert", "Garantie (texte)", "Valeurs à confirmer"),
        ]
    )
    for s in vendors:
        sheet.append(
            [
                s.id,
                s.name,
                s.category.value,
                "\n".join(loc.code for loc in s.locations),
                s.location_text,
                s.transfer_mechanism.value if s.transfer_mechanism else "",
                s.transfer_text,
                format_unconfirmed(s.unconfirmed),
            ]
        )
    book.save(path)
    return path


def test_an_organisation_the_file_names_comes_in_with_its_kind_unconfirmed(
    register: Register, service: ImportService, own_org: Organisation
) -> None:
    service.apply(batches("annex1.docx"))
    created = next(o for o in register.organisations.list() if o.name == "Podalire Communauté")
    assert created.kind is OrganisationKind.OWN
    mark = only_mark(created, "kind")
    assert (mark.origin, mark.source_text) == (InferenceOrigin.RULE, "Podalire Communauté")
    assert is_stated(own_org, "kind")


def test_the_demos_own_export_imported_back_onto_it_changes_nothing_and_keeps_its_marks(
    register: Register, tmp_path: Path
) -> None:
    from workbench.services.demo import load_demo
    from workbench.services.export_service import ExportService

    load_demo(register)
    before = {s.name: s for s in register.subprocessors.list()}
    marks = sum(len(r.unconfirmed) for r in register.treatments.list() + list(before.values()))
    assert marks > 0
    path = tmp_path / "register.xlsx"
    ExportService(register).export_register(path, "xlsx", "fr")
    report = ImportService(register).preview(batches(path))
    assert (report.new, report.changed, report.unconfirmed_count) == (0, 0, 0)
    # AWS's places carry the register's words ("région parisienne"); the export's codes alone
    # say nothing of them, so they stay
    assert any(loc.detail for loc in before["Amazon Web Services (AWS)"].locations)


def test_a_name_longer_than_the_register_holds_is_cut_marked_and_kept_in_the_notes(
    register: Register, service: ImportService, own_org: Organisation, tmp_path: Path
) -> None:
    """A sentence told as the name (real lists reach 800 characters) fits the 300-character
    name column on every backend (PostgreSQL refused it), cut at a clause, the whole kept."""
    sentence = (
        "Gestão dos pedidos dos clientes, incluindo a entrega, a faturação e o serviço pós-venda; "
        + "tratamento das reclamações e dos pedidos de reembolso apresentados pelos clientes " * 4
    )
    path = tmp_path / "tratamentos.csv"
    path.write_text(f'Finalidade;Base legal\n"{sentence}";Execução do contrato\n', encoding="utf-8")
    service.apply(batches(path)[0])
    (stored,) = register.treatments.list()
    assert (
        stored.name
        == "Gestão dos pedidos dos clientes, incluindo a entrega, a faturação e o serviço pós-venda"
    )
    assert sentence.strip() in stored.notes
    assert {m.field: m for m in stored.unconfirmed}["name"].origin.value == "rule"
