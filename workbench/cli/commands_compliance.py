"""`check`, `deadlines` and `notify`: the DPO's recurring duties from a terminal or a script.

`check` exits 1 when it finds an error, so that a script or a CI job can stop on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli._common import open_for_reading, open_from_args, print_json, print_table
from workbench.compliance.checks.engine import Severity
from workbench.domain import codec
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.compliance.checks import Finding
    from workbench.compliance.snapshot import EntityLink
    from workbench.services.compliance_service import ComplianceService
    from workbench.services.notification_workflow import NotificationWorkflow
    from workbench.services.register import Register


def _compliance(register: Register) -> ComplianceService:
    from workbench.services.compliance_service import ComplianceService

    return ComplianceService(register)


def _workflow(register: Register) -> NotificationWorkflow:
    from workbench.services.notification_workflow import NotificationWorkflow

    return NotificationWorkflow(register)


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
    p = actions.add_parser("mark-sent", help=_("record the date a notification was sent"))
    p.add_argument("id", type=int)
    p.add_argument("--on", type=_date, help=_("date sent (default: today)"))
    p.set_defaults(handler=run_mark_sent)
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


def finding_json(finding: Finding) -> dict[str, Any]:
    from workbench.domain.inference import describe

    return {
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "problem": finding.problem,
        "fix": finding.fix,
        "message": finding.message,
        "entity": {
            "kind": finding.link.kind.value,
            "id": finding.link.id,
            "reference": record_reference(finding.link),
            "name": finding.entity_name,
        },
        # the inferred values the finding rests on: it is "to be verified" until confirmed
        "unconfirmed": [
            {"field": m.field, "origin": m.origin.value, "reason": describe(m)}
            for m in finding.unconfirmed
        ],
    }


def record_reference(link: EntityLink) -> str:
    """How a message names a record: a processing by the reference its fiches print ("T-029",
    the same in the Excel, CNIL and Word registers), any other record by its id."""
    from workbench.domain.enums import EntityKind
    from workbench.domain.references import treatment_reference

    if link.kind is EntityKind.TREATMENT:
        return treatment_reference(link.id)
    return str(link.id)


def run_check(args: argparse.Namespace) -> int:
    register = open_for_reading(args)
    findings = _compliance(register).check(args.today, Severity(args.severity))
    if args.json:
        print_json([finding_json(f) for f in findings])
    elif not findings:
        print(_("No problem found."))
    else:
        for f in findings:
            record = f"{f.link.kind.value} {record_reference(f.link)}"
            print(f"[{f.severity.value}] {f.rule_id} ({record}): {f.message}")
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def run_deadlines(args: argparse.Namespace) -> int:
    register = open_for_reading(args)
    items = _compliance(register).deadlines(args.today, args.days)
    if args.json:
        print_json(
            [
                {
                    "date": i.date.isoformat(),
                    "kind": i.kind.value,
                    "entity": {"kind": i.link.kind.value, "id": i.link.id},
                    "label": i.label,
                    "computed": i.computed,
                    "basis": i.basis,
                }
                for i in items
            ]
        )
        return 0
    print_table(
        [_("Date"), _("Kind"), _("Record"), _("What")],
        [
            [
                i.date.isoformat() + ("*" if i.computed else ""),
                i.kind.value,
                f"{i.link.kind.value} {record_reference(i.link)}",
                i.label,
            ]
            for i in items
        ],
    )
    if any(i.computed for i in items):
        print(_("* computed date: `--json` gives how (the basis)"))
    return 0


def run_plan(args: argparse.Namespace) -> int:
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
            print(f"  - {item.change}: {item.subprocessor_name}{detail}")
    return 0


def run_generate(args: argparse.Namespace) -> int:
    register = open_from_args(args)
    created = _workflow(register).generate(args.today, args.letter_lang, args.out)
    if args.json:
        print_json([codec.to_dict(n) for n in created])
    elif not created:
        print(_("No subprocessor change to notify."))
    else:
        for n in created:
            print(_("Notification {id}: {path}").format(id=n.id, path=n.document_path))
    return 0


def run_mark_sent(args: argparse.Namespace) -> int:
    n = _workflow(open_from_args(args)).mark_sent(args.id, args.on)
    deadline = n.objection_deadline.isoformat() if n.objection_deadline else ""
    print(_("Notification {id} sent; objections until {date}.").format(id=n.id, date=deadline))
    return 0


def run_record_objection(args: argparse.Namespace) -> int:
    n = _workflow(open_from_args(args)).record_objection(args.id, args.on, args.text)
    print(_("Objection recorded on notification {id}.").format(id=n.id))
    return 0


def run_list(args: argparse.Namespace) -> int:
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
