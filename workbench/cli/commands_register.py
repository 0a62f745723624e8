"""`list`, `show` and `history`: read the register from a terminal or a script; `confirm`: a
person confirms the values the application inferred."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from workbench.cli._common import (
    open_for_reading,
    open_from_args,
    open_reader,
    print_json,
    print_table,
    records_json,
)
from workbench.domain.enums import EntityKind
from workbench.domain.errors import WorkbenchError
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.services import Register
    from workbench.services.as_of_service import AsOfRegister
    from workbench.storage.plain_reader import PlainRegister

KINDS = {
    "organisations": EntityKind.ORGANISATION,
    "treatments": EntityKind.TREATMENT,
    "subprocessors": EntityKind.SUBPROCESSOR,
    "certifications": EntityKind.CERTIFICATION,
    "audits": EntityKind.AUDIT,
    "notifications": EntityKind.NOTIFICATION,
    "breaches": EntityKind.BREACH,
    "requests": EntityKind.DATA_SUBJECT_REQUEST,
}
SINGULAR = (
    {k.value: k for k in EntityKind}
    | {name: kind for name, kind in KINDS.items()}
    | {"request": EntityKind.DATA_SUBJECT_REQUEST}
)
# Their listing also computes deadlines (clock rules, calendar): always the full path.
LOG_KINDS = frozenset({EntityKind.BREACH, EntityKind.DATA_SUBJECT_REQUEST})
# The records that carry marks on inferred values (workbench.domain.inference).
CONFIRMABLE = frozenset(
    {
        EntityKind.ORGANISATION,
        EntityKind.TREATMENT,
        EntityKind.SUBPROCESSOR,
        EntityKind.CERTIFICATION,
    }
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("list", help=_("list the records of one kind"))
    p.add_argument("kind", choices=sorted(KINDS))
    p.add_argument("--json", action="store_true", help=_("machine-readable output (see README)"))
    p.add_argument(
        "--as-of",
        type=parse_as_of,
        metavar="DATE",
        help=_("the register as it stood at the end of DATE"),
    )
    p.add_argument("--organisation", help=_("only this organisation's records (name)"))
    p.set_defaults(handler=run_list)

    p = subparsers.add_parser("show", help=_("show one record in full"))
    p.add_argument("kind", choices=sorted(SINGULAR))
    p.add_argument("id", type=record_id, help=_("the record's id (a processing: also T-029)"))
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--as-of",
        type=parse_as_of,
        metavar="DATE",
        help=_("the record as it stood at the end of DATE (or at YYYY-MM-DDTHH:MM)"),
    )
    p.set_defaults(handler=run_show)

    p = subparsers.add_parser("history", help=_("every recorded change of one record"))
    p.add_argument("kind", choices=sorted(SINGULAR))
    p.add_argument("id", type=record_id, help=_("the record's id (a processing: also T-029)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_history)

    p = subparsers.add_parser(
        "confirm",
        help=_("confirm values the application inferred (they stop being marked 'to be verified')"),
    )
    p.add_argument("kind", choices=sorted(k for k, v in SINGULAR.items() if v in CONFIRMABLE))
    p.add_argument("ids", type=record_id, nargs="+", metavar="ID")
    p.add_argument(
        "--field",
        action="append",
        dest="fields",
        metavar="FIELD",
        help=_("only this field (repeatable; default: every inferred value of the records)"),
    )
    p.set_defaults(handler=run_confirm)


class NotFoundByNameError(WorkbenchError):
    pass


class NothingToConfirmError(WorkbenchError):
    pass


def record_id(text: str) -> int:
    """A record's id as typed: "29", or a processing's reference as documents print it."""
    from workbench.domain.references import treatment_id_of

    found = int(text) if text.strip().isdigit() else treatment_id_of(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a record id (expected 29 or T-029).").format(value=text)
        )
    return found


def parse_as_of(text: str) -> dt.datetime:
    """A date means its end (23:59:59 local time; today: now); a datetime is taken as given."""
    try:
        if "T" in text or " " in text:
            moment = dt.datetime.fromisoformat(text)
        else:
            day = dt.date.fromisoformat(text)
            moment = dt.datetime.combine(day, dt.time.max)
            if day == dt.date.today():  # the end of today is still to come
                moment = dt.datetime.now()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM).").format(value=text)
        ) from exc
    return moment.astimezone(dt.UTC)


def _reader(
    args: argparse.Namespace, full: Register | None = None
) -> Register | PlainRegister | AsOfRegister:
    """What `list` and `show` read: the register as of `--as-of` (from its journal, through the
    full path), else the plain reader (sqlite3 only) when the register allows it."""
    if args.as_of is None:
        return full if full is not None else open_reader(args)
    from workbench.services.as_of_service import AsOfRegister

    return AsOfRegister(full if full is not None else open_for_reading(args), args.as_of)


def run_list(args: argparse.Namespace) -> int:
    kind = KINDS[args.kind]
    full = open_for_reading(args) if kind in LOG_KINDS else None
    reader = _reader(args, full)
    records = reader.service_for(kind).list()
    if args.organisation:
        org = reader.organisations.find_by_name(args.organisation)
        if org is None:
            known = ", ".join(o.name for o in reader.organisations.list())
            raise NotFoundByNameError(
                f"No organisation named '{args.organisation}'. Known: {known}."
            )
        records = [r for r in records if getattr(r, "organisation_id", org.id) == org.id]
    if full is not None and kind in LOG_KINDS:
        return _print_log(full, kind, records, args.json)
    if args.json:
        print_json(records_json(records))
        return 0
    orgs = {o.id: o.name for o in reader.organisations.list()}
    headers, rows = _table(kind, records, orgs)
    print_table(headers, rows)
    return 0


def _table(
    kind: EntityKind, records: list[Any], orgs: dict[int | None, str]
) -> tuple[list[str], list[list[str]]]:
    from workbench.domain.records import Certification, Subprocessor, Treatment

    if kind is EntityKind.TREATMENT:
        return ["ID", "ORGANISATION", "ROLE", "NAME", "LEGAL BASIS", "RETENTION", "TO VERIFY"], [
            [
                str(t.id),
                orgs.get(t.organisation_id, "?"),
                t.role.value,
                t.name,
                t.legal_basis.value if t.legal_basis else "",
                t.retention.text,
                _to_verify(t),
            ]
            for t in records
            if isinstance(t, Treatment)
        ]
    if kind is EntityKind.SUBPROCESSOR:
        return ["ID", "NAME", "CATEGORY", "LOCATIONS", "MECHANISM", "TO VERIFY"], [
            [
                str(s.id),
                s.name,
                s.category.value,
                ", ".join(loc.code for loc in s.locations),
                s.transfer_mechanism.value if s.transfer_mechanism else "",
                _to_verify(s),
            ]
            for s in records
            if isinstance(s, Subprocessor)
        ]
    if kind is EntityKind.CERTIFICATION:
        return ["ID", "KIND", "HOLDER", "ACTIVITIES", "EXPIRES", "TO VERIFY"], [
            [
                str(c.id),
                c.kind.value,
                orgs.get(c.organisation_id, "") or f"subprocessor {c.subprocessor_id}",
                ",".join(map(str, c.hds_activities)),
                c.expires_on.isoformat() if c.expires_on else "",
                _to_verify(c),
            ]
            for c in records
            if isinstance(c, Certification)
        ]
    headers = ["ID", "SUMMARY"]
    return headers, [[str(r.id), _summary(r)] for r in records]


def _to_verify(record: Any) -> str:
    """The fields still unconfirmed, for a table cell ("" when every value is stated)."""
    return ", ".join(dict.fromkeys(m.field for m in record.unconfirmed))


def _print_log(reg: Register, kind: EntityKind, records: list[Any], as_json: bool) -> int:
    """Breaches and requests: their records, and their clocks marked as computed."""
    from workbench.cli._log_tables import clock_context, computed_json, log_table
    from workbench.domain import codec

    calendar, today = clock_context(reg)
    if as_json:
        print_json(
            [{**codec.to_dict(r), "computed": computed_json(r, calendar, today)} for r in records]
        )
        return 0
    orgs = {o.id: o.name for o in reg.organisations.list()}
    print_table(*log_table(kind, records, orgs, calendar, today))
    print(_("* computed (Art. 33(1), Art. 12(3)); `--json` gives how"))
    return 0


def _summary(record: Any) -> str:
    from workbench.domain import codec

    data = codec.to_dict(record)
    for key in ("name", "auditor", "status"):
        if data.get(key):
            return str(data[key])
    return ""


def run_show(args: argparse.Namespace) -> int:
    from workbench.domain import codec, inference

    kind = SINGULAR[args.kind]
    if kind in LOG_KINDS:
        from workbench.cli._log_tables import clock_context, computed_json

        reg = open_for_reading(args)
        record = _reader(args, reg).service_for(kind).get(args.id)
        data = codec.to_dict(record)
        data["computed"] = computed_json(record, *clock_context(reg))
    else:
        record = _reader(args).service_for(kind).get(args.id)
        data = codec.to_dict(record)
    if args.json:
        print_json(data)
        return 0
    for key, value in data.items():
        if key != "unconfirmed":
            print(f"{key:>22}: {_plain(value)}")
    marks = getattr(record, "unconfirmed", ())
    if marks:
        print()
        print(_("To be verified (inferred, not confirmed by a person):"))
        for mark in marks:
            print(f"  {mark.field}: {inference.describe(mark)}")
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    from workbench.domain import inference

    reg = open_from_args(args)
    kind = SINGULAR[args.kind]
    service = reg.service_for(kind)
    records = [service.get(entity_id) for entity_id in args.ids]
    wanted = tuple(args.fields) if args.fields else None
    count = 0
    for record in records:
        # what `service.confirm` will lift: the same rule, not a second copy of it
        marked = len(record.unconfirmed) - len(inference.confirm(record, wanted).unconfirmed)
        if wanted and not marked:
            fields = ", ".join(m.field for m in record.unconfirmed) or "—"
            raise NothingToConfirmError(
                _("{kind} {id} has no inferred value for {fields} (inferred: {marked}).").format(
                    kind=kind.value, id=record.id, fields=", ".join(wanted), marked=fields
                )
            )
        count += marked
    if count == 0:
        print(_("Nothing to confirm: every value of these records is stated."))
        return 0
    service.confirm(args.ids, wanted)
    print(
        _("Confirmed {count} value(s) in {records} record(s); see `history`.").format(
            count=count, records=len(records)
        )
    )
    return 0


def run_history(args: argparse.Namespace) -> int:
    reg: Register = open_for_reading(args)
    kind = SINGULAR[args.kind]
    reg.service_for(kind)  # unknown kinds fail in argparse already
    entries = reg.journal.history(kind, args.id)
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "at": e.at.isoformat(),
                    "author": e.author,
                    "operation": e.operation,
                    "label": e.label,
                    "action": e.action.value,
                    "changes": changed_fields(e.before, e.after),
                    "before": e.before,
                    "after": e.after,
                }
                for e in entries
            ]
        )
        return 0
    from workbench.services.operation_labels import operation_label

    if not entries:
        print(_("No recorded change for {kind} {id}.").format(kind=kind.value, id=args.id))
    for e in entries:
        label = operation_label(e.label)
        print(f"{e.at:%Y-%m-%d %H:%M:%S} UTC  {e.author}  {e.action.value}  ({label})")
        for name, (old, new) in changed_fields(e.before, e.after).items():
            if _plain(old) or _plain(new):
                print(f"    {name}: {_plain(old)} -> {_plain(new)}")
    return 0


def changed_fields(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> dict[str, tuple[Any, Any]]:
    before, after = before or {}, after or {}
    return {
        k: (before.get(k), after.get(k))
        for k in sorted(set(before) | set(after))
        if k != "version" and before.get(k) != after.get(k)
    }


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_plain(v)}" for k, v in value.items() if v not in ("", None, []))
    return "" if value is None else str(value)
