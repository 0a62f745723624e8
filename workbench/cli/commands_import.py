"""`import`: bring a spreadsheet, CSV or Word table into the register (or preview it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from importers.record_kind import RecordKind
from workbench.cli._common import open_from_args, print_json
from workbench.domain.errors import OrganisationNeededError, WorkbenchError
from workbench.i18n import _

if TYPE_CHECKING:
    from importers.model import ColumnMapping, ImportBatch
    from workbench.services.import_service import ImportReport, ImportService

MAX_LISTED = 50
PREVIEW_DETAIL_LIMIT = 1000  # rows kept in a text dry run's report (it prints MAX_LISTED)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "import",
        help=_("import treatments or subprocessors from .xlsx/.xlsm/.ods/.csv/.docx"),
        description=_(
            "Read the tables of FILE, map their columns, show what is new, changed, "
            "unchanged and missing, and write it all as one undoable operation."
        ),
    )
    p.add_argument("file", nargs="?", type=Path, help=_("the file to import"))
    p.add_argument("--kind", choices=[k.value for k in RecordKind], default="auto")
    p.add_argument("--sheet", help=_("only this sheet (or Word table: 'Table 2')"))
    p.add_argument("--mapping", metavar="PROFILE", help=_("use a saved column mapping"))
    p.add_argument("--save-mapping", metavar="NAME", help=_("save the mapping used under NAME"))
    p.add_argument(
        "--organisation",
        metavar="NAME",
        help=_(
            "organisation for rows that name none; created (in the same operation) if the "
            "register has no such organisation, as for a first import"
        ),
    )
    p.add_argument(
        "--accept-fuzzy",
        action="store_true",
        help=_(
            "merge the near-name proposals of the dry run that are plain typos (a proposal "
            "where a word differs needs a decision of its own, in --decisions)"
        ),
    )
    p.add_argument(
        "--decisions",
        metavar="FILE",
        type=Path,
        help=_(
            'JSON list of per-row decisions: [{"row": 12, "name": "Cloudfare", "decision": '
            '"merge"}] ("merge" or "separate")'
        ),
    )
    p.add_argument(
        "--of-vendor",
        metavar="NAME",
        help=_(
            "the file is that subprocessor's own list of subprocessors: import it as its chain "
            "(chain level 2), show what changed since its last version, plan the notifications"
        ),
    )
    p.add_argument(
        "--listed-on", metavar="YYYY-MM-DD", help=_("date of the vendor's list (default: today)")
    )
    p.add_argument("--dry-run", action="store_true", help=_("only report; write nothing"))
    p.add_argument("--undo", action="store_true", help=_("undo the last import"))
    p.add_argument("--json", action="store_true", help=_("machine-readable report"))
    p.set_defaults(handler=run_import)


class TerminalProgress:
    """Percentages on stderr when it is a terminal; silent otherwise (scripts, CI)."""

    def __init__(self) -> None:
        self._shown = -1
        self._enabled = sys.stderr.isatty()

    def report(self, done: int, total: int, message: str = "") -> None:
        percent = done * 100 // max(total, 1)
        if self._enabled and percent != self._shown:
            self._shown = percent
            sys.stderr.write(f"\r{percent:3d}% {message}")
            if percent >= 100:
                sys.stderr.write("\n")

    def check_cancelled(self) -> None:
        return None


def run_import(args: argparse.Namespace) -> int:
    from workbench.services._import_decisions import MatchDecisions
    from workbench.services.import_service import ImportService

    register_ = open_from_args(args)
    try:
        service = ImportService(register_)
        if args.undo:
            changes = service.undo_last_import()
            print(
                _("Last import undone ({count} records put back as they were).").format(
                    count=len(changes.ids)
                )
            )
            return 0
        if args.file is None:
            raise WorkbenchError(_("Name the file to import (or use --undo)."))
        batches = _batches(service, args)
        for batch in batches:
            _print_mapping(batch.mapping, batch)
        if args.save_mapping:
            service.save_profile(args.save_mapping, batches[0].mapping)
            print(_("Mapping saved as '{name}'.").format(name=args.save_mapping))
        progress = TerminalProgress()
        decisions = MatchDecisions(args.accept_fuzzy)
        if args.decisions is not None:
            decisions = MatchDecisions.read(args.decisions, args.accept_fuzzy)
        if args.of_vendor:
            from workbench.cli._vendor_list import run_vendor_list

            chain = run_vendor_list(register_, service, args, batches, decisions)
            _print_report(chain.report, args.json, dry_run=args.dry_run)
            return 0
        organisation = args.organisation or _asked_organisation(service)
        try:
            if args.dry_run:
                # the JSON report lists every row; the text report only the first MAX_LISTED
                limit = None if args.json else PREVIEW_DETAIL_LIMIT
                report = service.preview(batches, progress, organisation, limit, decisions)
                _print_report(report, args.json, dry_run=True)
                return 0
            result = service.apply(batches, progress, organisation, decisions=decisions)
        except OrganisationNeededError as error:
            hint = _("Name it with --organisation NAME.")
            raise OrganisationNeededError(
                error.file, error.several, error.sheet, error.row, hint
            ) from None
        _print_report(result.report, args.json, dry_run=False)
        if result.operation_id:
            print(_("Written as one operation; `dpo-workbench import --undo` takes it back."))
        return 0
    finally:
        register_.close()


def _asked_organisation(service: ImportService) -> str | None:
    """On a terminal, a first import (no organisation of its own yet) asks for the name of the
    organisation to create; a script gets the error naming --organisation instead."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()) or service.own_organisations():
        return None
    answer = input(
        _("The register has no organisation of its own yet. Name of the one to create: ")
    )
    return answer.strip() or None


def _batches(service: ImportService, args: argparse.Namespace) -> list[ImportBatch]:
    from importers import propose_mapping, read_records, read_tables

    kind = RecordKind.SUBPROCESSORS if args.of_vendor else RecordKind(args.kind)
    batches = []
    for table in read_tables(args.file, args.sheet):
        if args.mapping:
            mapping = service.mapping_from_profile(table, args.mapping)
        else:
            mapping = propose_mapping(table, kind)
        batches.append(read_records(table, mapping))
    return batches


def _print_mapping(mapping: ColumnMapping, batch: ImportBatch) -> None:
    table = batch.table
    print(
        _("{file} / {sheet}: {kind}, header on row {row}").format(
            file=table.file.name,
            sheet=table.sheet or "-",
            kind=batch.kind.value,
            row=table.header_row + 1 if table.header_row >= 0 else _("none"),
        )
    )
    for column in mapping.columns:
        target = column.field or _("(ignored)")
        print(
            f"  {column.header[:40] or '#' + str(column.index + 1):40}  -> {target}"
            f"  ({column.confidence:.2f})"
        )


def _print_report(report: ImportReport, as_json: bool, dry_run: bool) -> None:
    from importers.marks import field_label
    from workbench.domain import codec, inference
    from workbench.services.import_service import RowStatus

    if as_json:
        print_json(
            {
                "dry_run": dry_run,
                "counts": {s.value: report.counts[s] for s in RowStatus},
                "missing": [
                    {
                        "kind": m.kind.value,
                        "id": m.entity_id,
                        "name": m.name,
                        "organisation": m.organisation,
                    }
                    for m in report.missing
                ],
                "items": [
                    {
                        "status": i.status.value,
                        "kind": i.kind.value,
                        "name": i.name,
                        "organisation": i.organisation,
                        "row": i.provenance.row,
                        "sheet": i.provenance.sheet,
                        "id": i.existing_id,
                        "changes": [
                            {"field": c.field, "before": c.before, "after": c.after}
                            for c in i.changes
                        ],
                        # the values this row brings in unconfirmed, with where they came from
                        "unconfirmed": [codec.to_dict(m) for m in i.unconfirmed],
                        "proposal": None
                        if i.proposal is None
                        else {
                            "id": i.proposal.existing_id,
                            "name": i.proposal.existing_name,
                            "score": i.proposal.score,
                            "near_name": i.proposal.near_name,
                            "accepted": i.accepted,
                        },
                        "same_name_as": i.same_name_as,
                    }
                    for i in report.items
                ],
                "missing_count": report.missing_count,
                "new_organisations": report.new_organisations,
                "warnings": report.warnings,
                "warning_count": report.warning_count,
                "unconfirmed_count": report.unconfirmed_count,
            }
        )
        return
    title = _("Dry run: nothing written.") if dry_run else _("Imported.")
    print(title)
    print(
        _("new: {new}  changed: {changed}  unchanged: {unchanged}  missing: {missing}").format(
            new=report.new,
            changed=report.changed,
            unchanged=report.unchanged,
            missing=report.missing_count,
        )
    )
    _print_unconfirmed_count(report.unconfirmed_count, dry_run)
    _print_proposals(report)
    listed = [i for i in report.items if i.status in (RowStatus.NEW, RowStatus.CHANGED)]
    new_or_changed = report.new + report.changed
    for item in listed[:MAX_LISTED]:
        print(
            f"  {item.status.value:9} {item.organisation} / {item.name}  "
            f"[{item.provenance.sheet} {_('row')} {item.provenance.row}]"
        )
        for change in item.changes:
            print(f"            {change.field}: {_short(change.before)} -> {_short(change.after)}")
        for mark in item.unconfirmed:
            print(
                "            "
                + _("to be verified: {field} [{code}]: {why}").format(
                    field=field_label(mark.field), code=mark.field, why=inference.describe(mark)
                )
            )
    if new_or_changed > min(len(listed), MAX_LISTED):
        print(
            _("  ... and {count} more").format(count=new_or_changed - min(len(listed), MAX_LISTED))
        )
    for missing in report.missing[:MAX_LISTED]:
        print(
            f"  {_('missing'):9} {missing.organisation} / {missing.name} (id {missing.entity_id})"
        )
    for organisation in report.new_organisations:
        print(_("  new organisation: {name}").format(name=organisation))
    if report.missing_count > min(len(report.missing), MAX_LISTED):
        print(
            _("  ... and {count} more").format(
                count=report.missing_count - min(len(report.missing), MAX_LISTED)
            )
        )
    for warning in report.warnings:
        print(_("  warning: {text}").format(text=warning))
    if report.warning_count > len(report.warnings):
        print(
            _("  ... and {count} more warnings").format(
                count=report.warning_count - len(report.warnings)
            )
        )


def _print_proposals(report: ImportReport) -> None:
    """Near names, each a decision for a person: what the import did with it, how to change it."""
    proposed = [i for i in report.items if i.proposal is not None]
    if not proposed:
        return
    print(
        _(
            "near names: {count} rows are probably a stored record; a near name merges only by a "
            "decision (--decisions FILE), a typo also with --accept-fuzzy:"
        ).format(count=report.proposals)
    )
    for item in proposed[:MAX_LISTED]:
        proposal = item.proposal
        assert proposal is not None  # noqa: S101 - filtered above
        outcome = _("merged (decided)") if item.accepted else _("kept as new")
        kind = _("near name") if proposal.near_name else _("typo")
        print(
            "  "
            + _(
                "row {row} '{name}': probably the same as '{other}' ({score}, {kind}): {outcome}"
            ).format(
                row=item.provenance.row,
                name=item.name,
                other=proposal.existing_name,
                score=proposal.score,
                kind=kind,
                outcome=outcome,
            )
        )


def _print_unconfirmed_count(count: int, dry_run: bool) -> None:
    """The rule of the register: what the import derived is not fact until a person says so."""
    if not count:
        return
    text = (
        _(
            "unconfirmed: {count} values would come in inferred (read from free text, chosen by "
            "a rule or by default); each says where it came from."
        )
        if dry_run
        else _(
            "unconfirmed: {count} values came in inferred (read from free text, chosen by a rule "
            "or by default); each says where it came from."
        )
    )
    print(text.format(count=count))
    print(
        _(
            "  Check them, then confirm them in the forms or with `dpo-workbench confirm KIND "
            "ID... [--field FIELD]` (the field's code is in brackets below; correcting a value "
            "confirms it too)."
        )
    )


def _short(value: object, limit: int = 70) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
