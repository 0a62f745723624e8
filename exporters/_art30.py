"""The Art. 30 actors and answers as document blocks, shared by the Word register and the CNIL
layout: identities (30(1)(a), 30(2)(a)), recipients with the processing chain (30(1)(d)),
security measures (30(1)(g), 30(2)(d)) and the DPIA status (Art. 35).

Every value is printed with its "to be verified" marker when it carries a mark (`MarkNotes`),
and an answer the register does not hold is printed as missing ("Not specified"), never left
blank and never invented. `plain_lines` turns blocks into cell lines for a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from exporters._docx_table import Block, Bullets, Para
from exporters._labels import DocText
from exporters._marks import MarkNotes
from workbench.domain.enums import DpiaStatus
from workbench.domain.records import Organisation, SecurityPolicy, Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_


def missing(text: DocText, label: str = "") -> Para:
    words = text(N_("Not specified"))
    return Para(words, italic=True, label=label + text.colon if label else "")


def labelled(text: DocText, label: str, value: str, flag: str = "") -> Para:
    """ "Label : value", the label in bold."""
    return Para(value, label=label + text.colon, flag=flag)


def _labelled(
    text: DocText, notes: MarkNotes, org: Organisation, label: str, value: str, *fields: str
) -> Para:
    return labelled(text, label, value, notes.flag(org, *fields, name=org.name))


def joined(*parts: str) -> str:
    return " — ".join(p for p in parts if p)


def identity_blocks(
    text: DocText, notes: MarkNotes, snapshot: RegisterSnapshot, org: Organisation
) -> list[Block]:
    """Art. 30(1)(a) / 30(2)(a): name, legal identity, address, contact, DPO, representative."""
    blocks: list[Block] = [Para(org.name, bold=True, flag=notes.flag(org, "name", name=org.name))]
    for label, value, field in (
        (N_("Legal name"), org.legal_name if org.legal_name != org.name else "", "legal_name"),
        (N_("Registration"), org.registration, "registration"),
        (N_("Address"), org.address, "address"),
    ):
        if value:
            blocks.append(_labelled(text, notes, org, text(label), value, field))
    contact = joined(org.contact_name, org.contact_email, org.contact_phone)
    if contact:
        contact_fields = ("contact_name", "contact_email", "contact_phone")
        blocks.append(_labelled(text, notes, org, text(N_("Contact")), contact, *contact_fields))
    elif not org.address:
        blocks.append(missing(text, text(N_("Contact details"))))
    blocks.append(dpo_block(text, notes, snapshot, org))
    if org.representative or org.representative_contact:
        value = joined(org.representative, org.representative_contact)
        label = text(N_("Representative (Art. 27)"))
        blocks.append(
            _labelled(text, notes, org, label, value, "representative", "representative_contact")
        )
    return blocks


def dpo_block(
    text: DocText, notes: MarkNotes, snapshot: RegisterSnapshot, org: Organisation
) -> Para:
    """The DPO's own details, or those of the group DPO designated by another organisation
    (Art. 37(2)); missing when neither is recorded."""
    label = text(N_("Data protection officer"))
    group = (
        snapshot.organisation_by_id.get(org.dpo_organisation_id)
        if org.dpo_organisation_id is not None
        else None
    )
    if group is not None and group.id != org.id:
        details = joined(group.dpo_name, group.dpo_email, group.dpo_phone, group.dpo_company)
        shared = text(N_("group DPO, designated by {name}")).format(name=group.name)
        flag = " ".join(
            f
            for f in (
                notes.flag(org, "dpo_organisation_id", name=org.name),
                notes.flag(group, "dpo_name", "dpo_email", "dpo_phone", name=group.name),
            )
            if f
        )
        value = f"{details} ({shared})" if details else shared
        return labelled(text, label, value, flag)
    details = joined(org.dpo_name, org.dpo_email, org.dpo_phone)
    if org.dpo_company:
        firm = text(N_("external DPO, firm {name}")).format(name=org.dpo_company)
        details = f"{details} ({firm})" if details else firm
    if not details:
        return missing(text, label)
    fields = ("dpo_name", "dpo_email", "dpo_phone", "dpo_company")
    return _labelled(text, notes, org, label, details, *fields)


def controllers_served_blocks(
    text: DocText, notes: MarkNotes, snapshot: RegisterSnapshot, t: Treatment
) -> list[Block]:
    """Art. 30(2)(a): each controller served, named with its contact; a category of clients
    ("Partenaires") is no named controller and is printed as such, missing."""
    blocks: list[Block] = []
    for controller_id in t.controller_ids:
        controller = snapshot.organisation_by_id.get(controller_id)
        if controller is None:
            continue
        blocks.extend(controller_blocks(text, notes, controller))
    if blocks:
        flag = notes.flag(t, "controller_ids")
        if flag:
            blocks.append(Para("", flag=flag))
    return blocks


def controller_blocks(text: DocText, notes: MarkNotes, controller: Organisation) -> list[Block]:
    name_flag = notes.flag(controller, "name", "kind", name=controller.name)
    if not controller.is_named_controller:
        unnamed = text(N_("category of clients — controllers not named"))
        return [
            Para(controller.name, bold=True, flag=name_flag),
            missing(text, unnamed),
        ]
    blocks: list[Block] = [
        Para(controller.legal_name or controller.name, bold=True, flag=name_flag)
    ]
    contact = joined(controller.contact_name, controller.contact_email, controller.contact_phone)
    if contact or controller.address:
        flag = notes.flag(
            controller,
            "contact_name",
            "contact_email",
            "contact_phone",
            "address",
            name=controller.name,
        )
        blocks.append(Para(joined(controller.address, contact), flag=flag))
    else:
        blocks.append(missing(text, text(N_("Contact details"))))
    dpo = joined(controller.dpo_name, controller.dpo_email, controller.dpo_phone)
    if dpo:
        flag = notes.flag(controller, "dpo_name", "dpo_email", "dpo_phone", name=controller.name)
        blocks.append(labelled(text, text(N_("Data protection officer")), dpo, flag))
    return blocks


def recipient_blocks(
    text: DocText, notes: MarkNotes, snapshot: RegisterSnapshot, t: Treatment
) -> list[Block]:
    """Art. 30(1)(d): the recipients recorded on the treatment with their kind, then the own
    organisations processing on its behalf (Art. 28) with their subprocessors behind them,
    then the treatment's direct subprocessors."""
    blocks: list[Block] = []
    if t.recipients:
        blocks.append(Bullets(tuple(text.recipient(r) for r in t.recipients)))
        flag = notes.flag(t, "recipients")
        if flag:
            blocks.append(Para("", flag=flag))
    subs = [
        snapshot.subprocessor_by_id[i]
        for i in t.subprocessor_ids
        if i in snapshot.subprocessor_by_id
    ]
    chain_flag = notes.flag(t, "subprocessor_ids")
    for processor_id in t.processor_ids:
        processor = snapshot.organisation_by_id.get(processor_id)
        if processor is None:
            continue
        role = text(N_("processor (Art. 28)"))
        blocks.append(Para(f"{processor.name} — {role}", flag=notes.flag(t, "processor_ids")))
        behind = [s.name for s in subs if s.organisation_id == processor_id]
        if behind:
            label = text(N_("Its subprocessors"))
            blocks.append(labelled(text, label, ", ".join(behind), chain_flag))
    direct = tuple(s.name for s in subs if s.organisation_id not in t.processor_ids)
    if direct:
        blocks += [Para(text(N_("Subprocessors")) + text.colon.rstrip()), Bullets(direct)]
        if chain_flag:
            blocks.append(Para("", flag=chain_flag))
    return blocks


def security_blocks(
    text: DocText, notes: MarkNotes, snapshot: RegisterSnapshot, t: Treatment
) -> list[Block]:
    """Art. 30(1)(g) / 30(2)(d): the treatment's own measures, else the organisation's security
    policy it inherits; missing when neither exists."""
    if t.security_measures:
        blocks: list[Block] = [Bullets(t.security_measures)]
        flag = notes.flag(t, "security_measures")
        return [*blocks, Para("", flag=flag)] if flag else blocks
    org = snapshot.organisation_by_id.get(t.organisation_id)
    if org is None or org.security_policy is None:
        return [missing(text)]
    label = text(N_("Security policy of the organisation"))
    value = policy_text(text, org.security_policy)
    return [labelled(text, label, value, notes.flag(org, "security_policy", name=org.name))]


def policy_text(text: DocText, policy: SecurityPolicy) -> str:
    """ "PSSI, version 3, 2 mars 2026, réf. DOC-12"."""
    parts = [policy.title]
    if policy.version:
        parts.append(text(N_("version {version}")).format(version=policy.version))
    if policy.issued_on:
        parts.append(text.date(policy.issued_on))
    if policy.reference:
        parts.append(text(N_("ref. {reference}")).format(reference=policy.reference))
    return ", ".join(p for p in parts if p)


def dpia_blocks(text: DocText, notes: MarkNotes, t: Treatment) -> list[Block]:
    if t.dpia.status is DpiaStatus.UNKNOWN:
        return [Para(text(N_("Not specified")), italic=True, flag=notes.flag(t, "dpia"))]
    return [Para(text.dpia(t.dpia), flag=notes.flag(t, "dpia"))]


def notes_blocks(notes: MarkNotes) -> list[Block]:
    """ "Values to be verified" then one numbered note per line; nothing when none."""
    if not notes:
        return []
    title = Para(notes.text(N_("Values to be verified")), bold=True)
    return [title, *(Para(line) for line in notes.lines())]


def plain_lines(blocks: Sequence[Block]) -> list[str]:
    """The blocks as lines of a spreadsheet cell (a bullet becomes "• item")."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Bullets):
            lines.extend(f"• {item}" for item in block.items)
        else:
            line = " ".join(p for p in (block.label + block.text, block.flag) if p)
            if line:
                lines.append(line)
    return lines
