"""`check`, `deadlines` and `notify`: the DPO's recurring duties from a terminal or a script.

`check` exits 1 when it finds an error, so that a script or a CI job can stop on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli._common import open_for_reading, open_from_args, print_json, print_table
from workbench.cli.commands_check import record_reference, run_check
from workbench.compliance.checks.severity import Severity
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.compliance.deadlines import DeadlineItem
    from workbench.services.compliance_service import ComplianceService
    from workbench.services.notification_workflow import NotificationWorkflow
    from workbench.services.register import Register


def _compliance(register: Register) -> ComplianceService:
    from workbench.services.compliance_service import ComplianceService

    return ComplianceService(register)


def _workflow(register: Register) -> NotificationWorkflow:
    from workbench.services.notification_workflow import NotificationWorkflow

    return NotificationWorkflow(register)


def _change_label(change: str) -> str:
    from workbench.compliance.notifications import CHANGE_LABELS, ChangeKind

    try:
        return _(CHANGE_LABELS[ChangeKind(change)])
    except ValueError:  # a change kind of a later version, read from the register
        return change


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from exc


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("check", help=_("run the compliance checks (exit 1 on errors)"))
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    p.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        default="info",
        help=_("show findings of this severity and above (default: all)"),
    )
    p.add_argument("--today", type=_date, help=_("check as of this date (default: today)"))
    p.add_argument(
        "--group",
        choices=("rule", "record"),
        help=_("group the findings by rule or by record, with counts"),
    )
    p.add_argument(
        "--rules", action="store_true", help=_("list the rules (id, severity, reference, what)")
    )
    p.add_argument(
        "--acknowledged",
        action="store_true",
        help=_("also list the findings acknowledged on the same facts"),
    )
    p.add_argument(
        "--ack",
        metavar="RULE:KIND:ID",
        help=_("acknowledge one finding (e.g. subprocessor-no-dpa:subprocessor:7); needs --reason"),
    )
    p.add_argument(
        "--unack", metavar="RULE:KIND:ID", help=_("withdraw the acknowledgement of one finding")
    )
    p.add_argument("--reason", default="", help=_("why the finding is acknowledged (kept)"))
    p.set_defaults(handler=run_check)

    p = subparsers.add_parser("deadlines", help=_("what is due in the next days"))
    p.add_argument("--days", type=int, help=_("horizon in days (default: register setting, 60)"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", type=_date)
    p.set_defaults(handler=run_deadlines)

    notify = subparsers.add_parser("notify", help=_("Art. 28(2) subprocessor-change notifications"))
    actions = notify.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    p = actions.add_parser("plan", help=_("show the changes to notify, per controller"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", type=_date)
    p.set_defaults(handler=run_plan)
    p = actions.add_parser("generate", help=_("draft the notifications and write their letters"))
    p.add_argument("--out", type=Path, default=Path("."), help=_("folder for the Word letters"))
    p.add_argument("--letter-lang", choices=("fr", "en"), default="fr")
    p.add_argument("--today", type=_date)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_generate)
    p = actions.add_parser(
        "mark-sent",
        help=_(
            "record the date a notification was sent; its letter is written again, "
            "with the deadline counted from that date (the draft is kept)"
        ),
    )
    p.add_argument("id", type=int)
    p.add_argument("--on", type=_date, help=_("date sent (default: today)"))
    p.set_defaults(handler=run_mark_sent)
    p = actions.add_parser(
        "regenerate",
        help=_("write a new version of a notification's letter (earlier versions are kept)"),
    )
    p.add_argument("id", type=int)
    p.add_argument("--out", type=Path, help=_("folder (default: that of the previous version)"))
    p.add_argument("--today", type=_date)
    p.set_defaults(handler=run_regenerate)
    p = actions.add_parser("record-objection", help=_("record a controller's objection"))
    p.add_argument("id", type=int)
    p.add_argument("--on", type=_date, help=_("date received (default: today)"))
    p.add_argument("--text", default="", help=_("the objection, as received"))
    p.set_defaults(handler=run_record_objection)
    p = actions.add_parser("list", help=_("notifications with their status today"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", type=_date)
    p.set_defaults(handler=run_list)
    p = actions.add_parser("refresh", help=_("write 'deemed accepted' where the deadline passed"))
    p.add_argument("--today", type=_date)
    p.set_defaults(handler=run_refresh)
    p = actions.add_parser(
        "baseline", help=_("declare every change so far as already known to the controllers")
    )
    p.set_defaults(handler=run_baseline)


def _deadline_items(args: argparse.Namespace) -> tuple[dt.date, list[DeadlineItem]]:
    register = open_for_reading(args)
    today = args.today or dt.date.today()
    return today, _compliance(register).deadlines(today, args.days)


def run_deadlines(args: argparse.Namespace) -> int:
    today, items = _deadline_items(args)
    if args.json:
        print_json(
            [
                {
                    "date": i.date.isoformat(),
                    "kind": i.kind.value,
                    "kind_label": i.kind.label,
                    "overdue": i.overdue(today),
                    "entity": {"kind": i.link.kind.value, "id": i.link.id},
                    "label": i.label,
                    "computed": i.computed,
                    "basis": i.basis,
                }
                for i in items
            ]
        )
        return 0
    if not items:
        print(_("Nothing is due."))
        return 0
    print_table(
        [_("Date"), _("Kind"), _("Record"), _("What")],
        [
            [
                i.date.isoformat()
                + ("*" if i.computed else "")
                + (" " + _("(overdue)") if i.overdue(today) else ""),
                i.kind.label,
                f"{i.link.kind.value} {record_reference(i.link)}",
                i.label,
            ]
            for i in items
        ],
    )
    if any(i.computed for i in items):
        print(_("* computed date: `--json` gives how (the basis)"))
    return 0


def add_calendar_export(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = kinds.add_parser(
        "calendar", help=_("the deadlines as an iCalendar file (.ics) for your own calendar")
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--days", type=int, help=_("horizon in days (default: register setting, 60)"))
    p.add_argument("--today", type=_date)
    p.set_defaults(handler=run_export_calendar)


def run_export_calendar(args: argparse.Namespace) -> int:
    from exporters.ics_deadlines import write_deadlines_ics

    today, items = _deadline_items(args)
    write_deadlines_ics(items, args.output, today)
    print(_("Wrote {path}: {count} deadlines.").format(path=args.output, count=len(items)))
    return 0


def run_plan(args: argparse.Namespace) -> int:
    from workbench.domain import codec

    register = open_for_reading(args)
    plans = _workflow(register).plan(args.today)
    names = {o.id: o.name for o in register.organisations.list()}
    if args.json:
        print_json(
            [
                {
                    "controller": {"id": p.controller_id, "name": names.get(p.controller_id)},
                    "organisation_id": p.organisation_id,
                    "treatment_ids": list(p.treatment_ids),
                    "items": [codec.to_dict(i) for i in p.items],
                }
                for p in plans
            ]
        )
        return 0
    if not plans:
        print(_("No subprocessor change to notify."))
    for p in plans:
        print(names.get(p.controller_id, str(p.controller_id)))
        for item in p.items:
            detail = f" ({item.detail})" if item.detail else ""
            print(f"  - {_change_label(item.change)}: {item.subprocessor_name}{detail}")
    return 0


def run_generate(args: argparse.Namespace) -> int:
    from workbench.domain import codec

    register = open_from_args(args)
    created = _workflow(register).generate(args.today, args.letter_lang, args.out)
    if args.json:
        print_json([codec.to_dict(n) for n in created])
    elif not created:
        print(_("No subprocessor change to notify."))
    else:
        organisations = register.organisations.list()
        categories = {o.id: o.name for o in organisations if not o.is_named_controller}
        for n in created:
            print(_("Notification {id}: {path}").format(id=n.id, path=n.document_path))
            if n.controller_id in categories:
                print(
                    "  "
                    + _(
                        "addressed to a category of clients ({category}): the register holds "
                        "no address; send it to each of them."
                    ).format(category=categories[n.controller_id])
                )
    return 0


def run_mark_sent(args: argparse.Namespace) -> int:
    n = _workflow(open_from_args(args)).mark_sent(args.id, args.on)
    deadline = n.objection_deadline.isoformat() if n.objection_deadline else ""
    print(_("Notification {id} sent; objections until {date}.").format(id=n.id, date=deadline))
    if n.document_path:
        print(_("Letter as sent: {path}").format(path=n.document_path))
    return 0


def run_regenerate(args: argparse.Namespace) -> int:
    n = _workflow(open_from_args(args)).regenerate(args.id, args.out, args.today)
    print(_("Notification {id}: {path}").format(id=n.id, path=n.document_path))
    return 0


def run_record_objection(args: argparse.Namespace) -> int:
    n = _workflow(open_from_args(args)).record_objection(args.id, args.on, args.text)
    print(_("Objection recorded on notification {id}.").format(id=n.id))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from workbench.domain import codec

    views = _workflow(open_for_reading(args)).views(args.today)
    if args.json:
        print_json(
            [codec.to_dict(v.notification) | {"effective_status": v.status.value} for v in views]
        )
        return 0
    print_table(
        [_("Id"), _("Controller"), _("Status"), _("Sent"), _("Objection deadline"), _("Changes")],
        [
            [
                str(v.notification.id),
                v.controller_name,
                v.status.value,
                v.notification.sent_on.isoformat() if v.notification.sent_on else "",
                v.notification.objection_deadline.isoformat()
                if v.notification.objection_deadline
                else "",
                ", ".join(i.subprocessor_name for i in v.notification.items),
            ]
            for v in views
        ],
    )
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    changes = _workflow(open_from_args(args)).refresh(args.today)
    print(_("{count} notification(s) deemed accepted.").format(count=len(changes.ids)))
    return 0


def run_baseline(args: argparse.Namespace) -> int:
    _workflow(open_from_args(args)).set_baseline()
    print(_("Every change recorded so far is now considered notified."))
    return 0
