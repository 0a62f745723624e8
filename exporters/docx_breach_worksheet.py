"""A notification worksheet for one breach: the register's facts in the order of the CNIL's
online breach notification service, section by section, so the DPO can copy them in.

Source of the sections (recorded 2026-12-01, not the live form itself, which needs an account):
- the service is https://notifications.cnil.fr/notifications/violation; it first asks whether
  this is an initial or a complementary notification, then the organisation (SIREN) with its
  contact person and legal representative, then the details of the breach, then its likely
  consequences (docs.stoik.io, "How to notify the CNIL in the event of a data breach");
- what to document and notify: nature of the breach, categories and approximate numbers of
  persons and of records, likely consequences, measures taken or proposed; notification in two
  steps (initial, then complementary) and the reasons for a delay past 72 hours (cnil.fr,
  "Notifier une violation de données personnelles" and the CNIL Direct answer "quand faut-il
  notifier une violation de données à la CNIL ?"); GDPR Art. 33(3)(a)-(d), 33(4), 34.
The exact labels of the online form's fields were not verified: the headings below name the
content each section asks for, with the GDPR article it comes from.
"""

from __future__ import annotations

from pathlib import Path

from exporters._docx import add_heading, add_labelled, new_document, save_document
from exporters._labels import DocText
from exporters._log_facts import BREACH_LABELS, breach_facts
from workbench.domain.breaches import Breach
from workbench.domain.enums import NotificationPhase
from workbench.domain.log_snapshot import LogSnapshot
from workbench.i18n import N_

SOURCE_NOTE = N_(
    "Sections in the order of the CNIL's online notification service "
    "(notifications.cnil.fr). Copy each section into the form; a value marked “computed” was "
    "computed by DPO Workbench and must be checked before it is declared."
)
# (heading, facts of the breach register shown under it)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("1. Type of notification (Art. 33(4))"), ("phase", "notifications")),
    (N_("2. Organisation and contact person (Art. 33(3)(b))"), ("organisation", "role", "dpo")),
    (
        N_("3. The breach: dates, circumstances, nature (Art. 33(3)(a))"),
        (
            "occurred_at",
            "discovered_at",
            "aware_at",
            "ended_at",
            "natures",
            "cause",
            "description",
            "subprocessors",
        ),
    ),
    (
        N_("4. Persons and data concerned (Art. 33(3)(a))"),
        (
            "subject_categories",
            "subjects_count",
            "data_categories",
            "health",
            "records_count",
            "treatments",
        ),
    ),
    (
        N_("5. Likely consequences (Art. 33(3)(c))"),
        ("consequences", "risk", "risk_reasoning"),
    ),
    (
        N_("6. Measures taken or proposed (Art. 33(3)(d))"),
        ("measures_taken", "measures_proposed"),
    ),
    (
        N_("7. Information of the persons (Art. 34)"),
        ("persons_informed", "exemption"),
    ),
    (N_("8. Time limit (Art. 33(1))"), ("deadline", "delay_reasons")),
    (N_("9. Controllers informed, when acting as processor (Art. 33(2))"), ("controllers",)),
)
EXTRA_LABELS = {
    "phase": N_("This notification"),
    "dpo": N_("Contact person (DPO)"),
}


def write_breach_worksheet(
    snap: LogSnapshot, breach: Breach, path: str | Path, locale: str = "fr"
) -> Path:
    text = DocText(locale)
    facts = dict(breach_facts(text, snap, breach))
    facts["phase"] = _next_phase(text, breach)
    org = snap.organisation_by_id.get(breach.organisation_id)
    if org is not None:
        facts["organisation"] = "\n".join(
            v for v in (org.legal_name or org.name, org.registration, org.address) if v
        )
        facts["dpo"] = " — ".join(v for v in (org.dpo_name, org.dpo_email) if v)
    title = text(N_("CNIL notification worksheet: {title}")).format(title=breach.title)
    doc = new_document(snap.as_of, title, text.locale)
    add_heading(doc, title, 1)
    doc.add_paragraph(text(SOURCE_NOTE))
    for heading, keys in SECTIONS:
        add_heading(doc, text(heading), 2)
        shown = [k for k in keys if facts.get(k)]
        for key in shown:
            label = EXTRA_LABELS.get(key) or BREACH_LABELS[key]
            add_labelled(doc, text(label), facts[key], text.colon)
        if not shown:
            doc.add_paragraph(text(N_("Nothing recorded yet.")))
    save_document(doc, path, snap.as_of)
    return Path(path)


def _next_phase(text: DocText, breach: Breach) -> str:
    """Initial when nothing was notified yet; complementary after an initial notification."""
    phases = [n.phase for n in breach.authority_notifications]
    if not phases:
        return text(N_("Initial notification (or complete, if everything is known)"))
    if phases[-1] is NotificationPhase.COMPLETE:
        return text(N_("Already notified in full; a new one would be complementary"))
    return text(N_("Complementary notification"))
