"""Importers: files a DPO already has -> register records. Qt-free and storage-free.

The engine behind `dpo-workbench import` and the UI's import wizard. It only reads files and
returns `workbench.domain` records; `workbench.services.import_service.ImportService` compares them
with the register and writes them in one journaled transaction.

The wizard's steps, and the calls behind them::

    from importers import read_tables, propose_mapping, read_records, RecordKind

    tables = read_tables(path)                 # list[TableCandidate]: every sheet / Word table
    table = tables[0]                          #   .sheet, .header_row, .headers, .kind (guess),
                                               #   .row_count, .preview_rows (first rows, cleaned)
    mapping = propose_mapping(table, RecordKind.AUTO)  # ColumnMapping, a confidence per column
    mapping.columns                            #   tuple[ColumnGuess(index, header, field, conf.)]
    mapping = mapping.with_field(3, "retention.text")  # the user's fix (None = ignore column)
    batch = read_records(table, mapping, progress)     # ImportBatch (lazy: rows are streamed)

    service = ImportService(register)          # workbench.services.import_service
    preview = service.preview(batch, progress) # ImportReport: new / changed (field diff) /
                                               #   unchanged / missing, warnings; writes nothing
    result = service.apply(batch, progress)    # ImportResult(report, changes, operation_id):
                                               #   ONE transaction, ONE journal operation "import"
    service.undo_last_import()                 # undoes exactly that operation
    service.save_profile("OVH vendor list", mapping)   # named mapping profiles, stored in the
    service.load_profile("OVH vendor list")            #   register (travel with the file)

Every long call takes a `workbench.progress.Progress` (report(done, total), check_cancelled());
`Cancelled` during `apply` rolls the whole import back. Bad input raises a subclass of
`workbench.domain.errors.ImportFileError` whose message names the file, sheet, row and column.

The preview lists `PreviewItem(status, kind, name, organisation, provenance, existing_id,
changes, unconfirmed)` with status new / changed / unchanged / duplicate, `changes` the
field-level diff (`FieldChange(field, before, after)`) and `unconfirmed` the values the row
brings in inferred; `report.missing` the stored records the file no longer lists (never
deleted), `report.unconfirmed_count` the values the import writes unconfirmed. Matching rules:
`workbench/services/_import_matching.py`; what a re-import does to marks and confirmations:
`workbench/services/_import_merge.py`.

Stated or inferred: a value the import reads out of free text ("CCT + DPF", "USA (datacenters
in Oregon or Virginia)", "5 ans à compter de..."), chooses by a rule (a category from a section
title, a sensitivity from keywords) or takes by default (the role) carries an `Unconfirmed`
mark with the cell it came from: its text, the column header as the file writes it, the row as
the file numbers it (`importers.marks`). A code in its own column (as the Excel export writes
them) is stated; an export's "unconfirmed" column (`importers.marks.parse_unconfirmed`) gives
its marks back.

Formats: .xlsx/.xlsm (streamed by `importers.xlsx_stream`: lxml, memory flat), .ods
(python-calamine), .csv (delimiter , ; or tab and
encoding UTF-8 with or without BOM / Windows-1252 sniffed; quoted multi-line cells; CRLF),
.docx tables (python-docx; merged cells; the heading above a table counts as its section title).
A table written sideways (field labels down the first column, one record per column or per
"Name | …" block: a vendor's key/value sheet, a fiche) is read as records (`importers.transposed`).
Reusable pure functions: `importers.cleaning` (HTML, bullets, NBSP...),
`importers.countries`, `importers.transfers`, `importers.retention`, `importers.legal_basis`,
`importers.sensitivity`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from importers.mapping import propose_mapping
    from importers.model import (
        ColumnGuess,
        ColumnMapping,
        ImportBatch,
        ImportedRow,
        RecordKind,
        TableCandidate,
    )
    from importers.reading import read_records, read_tables

# The readers (openpyxl, lxml, python-docx...) load when first used, not with `importers.model`.
__getattr__ = lazy_exports(
    __name__,
    {
        "importers.mapping": ["propose_mapping"],
        "importers.model": [
            "ColumnGuess",
            "ColumnMapping",
            "ImportBatch",
            "ImportedRow",
            "RecordKind",
            "TableCandidate",
        ],
        "importers.reading": ["read_records", "read_tables"],
    },
)

__all__ = [
    "ColumnGuess",
    "ColumnMapping",
    "ImportBatch",
    "ImportedRow",
    "RecordKind",
    "TableCandidate",
    "propose_mapping",
    "read_records",
    "read_tables",
]
