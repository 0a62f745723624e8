"""`import FILE --of-vendor NAME`: a vendor's published subprocessor list, as its chain."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from workbench.i18n import _

if TYPE_CHECKING:
    from importers.model import ImportBatch
    from workbench.compliance.notifications import PlannedNotification
    from workbench.services import Register
    from workbench.services._import_decisions import MatchDecisions
    from workbench.services.import_service import ImportService, VendorListResult


def run_vendor_list(
    register: Register,
    service: ImportService,
    args: argparse.Namespace,
    batches: list[ImportBatch],
    decisions: MatchDecisions,
) -> VendorListResult:
    """Preview or import the list; print what this version changes and, once written, the
    Art. 28(2) notifications it calls for (`notify plan` shows them again)."""
    from workbench.services.notification_workflow import NotificationWorkflow

    listed_on = dt.date.fromisoformat(args.listed_on) if args.listed_on else None
    result = service.vendor_list(
        batches,
        args.of_vendor,
        apply=not args.dry_run,
        listed_on=listed_on,
        organisation=args.organisation,
        decisions=decisions,
    )
    if args.json:
        return result
    print_diff(result)
    if not args.dry_run and result.operation_id:
        print_plan(register, NotificationWorkflow(register).plan())
    return result


def print_diff(result: VendorListResult) -> None:
    diff, vendor = result.diff, result.vendor
    if diff.previous is None:
        print(
            _(
                "First version of the list of {vendor}: its subprocessors at chain level {level}."
            ).format(vendor=vendor.vendor_name, level=vendor.level)
        )
    else:
        print(
            _("Against the version of {date} ({source}):").format(
                date=diff.previous.listed_on.isoformat(), source=diff.previous.source
            )
        )
    if diff.unchanged:
        print(_("  the list is the same."))
    for entry in diff.added:
        print(
            "  "
            + _("added: {name} ({places})").format(
                name=entry.name, places=", ".join(entry.locations) or "-"
            )
        )
    for entry in diff.removed:
        print("  " + _("removed: {name}").format(name=entry.name))
    for before, after in diff.moved:
        print(
            "  "
            + _("moved: {name}: {before} -> {after}").format(
                name=after.name,
                before=", ".join(before.locations) or "-",
                after=", ".join(after.locations) or "-",
            )
        )
    if result.version_id is not None:
        print(_("Version stored (id {id}).").format(id=result.version_id))


def print_plan(register: Register, plans: list[PlannedNotification]) -> None:
    if not plans:
        print(_("No controller to notify (no treatment carried out for a controller uses it)."))
        return
    print(_("Art. 28(2) notifications to send (`dpo-workbench notify generate` drafts them):"))
    for plan in plans:
        controller = register.organisations.get(plan.controller_id).name
        changes = "; ".join(
            f"{item.change} {item.subprocessor_name}" + (f" ({item.detail})" if item.detail else "")
            for item in plan.items
        )
        print(f"  {controller}: {changes}")
