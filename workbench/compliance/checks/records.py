"""Gaps in the Art. 30 record: treatments and subprocessors missing what the law asks for."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.checks._facts import social_network_words
from workbench.compliance.checks._proof import basis, marks, read_by_rule, reasons, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import Art9Condition, EntityKind, Role
from workbench.domain.records import Subprocessor, Treatment
from workbench.i18n import _


def _link(treatment: Treatment) -> EntityLink:
    return EntityLink(EntityKind.TREATMENT, treatment.id or 0)


def check_treatments(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for t in snapshot.live_treatments:
        if t.id is None:
            continue
        if not (t.purpose.strip() or t.description.strip()):
            yield Finding(
                TREATMENT_NO_PURPOSE.id,
                Severity.ERROR,
                _('The treatment "{name}" states no purpose.').format(name=t.name),
                _("Write its purpose: Art. 30(1)(b) requires it (Art. 30(2)(b) for a processor)."),
                _link(t),
                t.name,
            )
        if t.role is not Role.CONTROLLER:
            continue  # legal basis, retention and Art. 9 condition are the controller's record
        if t.legal_basis is None and not t.legal_basis_text.strip():
            yield Finding(
                TREATMENT_NO_LEGAL_BASIS.id,
                Severity.ERROR,
                _('The treatment "{name}" has no legal basis.').format(name=t.name),
                _("Choose its Art. 6(1) legal basis (consent, contract, legal obligation...)."),
                _link(t),
                t.name,
            )
        legal_basis = basis(t, "legal_basis")
        if t.legal_basis is not None and legal_basis and not t.legal_basis_text.strip():
            yield Finding(
                TREATMENT_LEGAL_BASIS_TO_VERIFY.id,
                Severity.WARNING,
                _('The legal basis of the treatment "{name}" is not confirmed ({reasons}).').format(
                    name=t.name, reasons=reasons(legal_basis)
                ),
                _("Check its Art. 6(1) legal basis and confirm or correct it."),
                _link(t),
                t.name,
                marks(legal_basis),
            )
        if not (t.retention.text.strip() or t.retention.is_structured):
            yield Finding(
                TREATMENT_NO_RETENTION.id,
                Severity.WARNING,
                _('The treatment "{name}" has no retention period.').format(name=t.name),
                _("Record how long its data is kept and from which event (Art. 30(1)(f))."),
                _link(t),
                t.name,
            )
        yield from _art9(t)


def _art9(t: Treatment) -> Iterator[Finding]:
    """Art. 9(2): special-category data needs a condition a person stated, not one inferred."""
    if not t.processes_art9_data:
        return
    if t.art9_condition is None:
        finding = Finding(
            TREATMENT_NO_ART9_CONDITION.id,
            Severity.ERROR,
            _(
                'The treatment "{name}" processes health or other special-category data '
                "without an Art. 9(2) condition."
            ).format(name=t.name),
            _(
                "Record the Art. 9(2) exception that allows it (for care, usually 9(2)(h)), "
                "or stop processing these data."
            ),
            _link(t),
            t.name,
        )
        yield to_verify(finding, basis(t, "data_categories"))
        return
    rests_on = basis(t, "art9_condition")
    if rests_on:
        yield Finding(
            TREATMENT_ART9_CONDITION_TO_VERIFY.id,
            Severity.WARNING,
            _(
                'The Art. 9(2) condition of the treatment "{name}" (Art. {condition}) is not '
                "confirmed ({reasons}): until a person confirms it, its health or other "
                "special-category data has no established Art. 9(2) condition."
            ).format(
                name=t.name, condition=art9_label(t.art9_condition), reasons=reasons(rests_on)
            ),
            _(
                "Check which condition the source states (explicit consent 9(2)(a), care "
                "9(2)(h)...) and confirm or correct it."
            ),
            _link(t),
            t.name,
            marks(rests_on),
        )


def art9_label(condition: Art9Condition) -> str:
    """'9(2)(h)' for the code '9_2_h'."""
    article, paragraph, point = condition.value.split("_")
    return f"{article}({paragraph})({point})"


def check_subprocessors(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in snapshot.subprocessors:
        if sub.id is None:
            continue
        link = EntityLink(EntityKind.SUBPROCESSOR, sub.id)
        if sub.id not in snapshot.treatments_by_subprocessor:
            yield Finding(
                SUBPROCESSOR_UNUSED.id,
                Severity.WARNING,
                _("The subprocessor {name} is used by no treatment.").format(name=sub.name),
                _("Link it to the treatments it serves, or remove it if it is no longer used."),
                link,
                sub.name,
            )
        network = social_network_words(sub)
        if network:
            yield _joint_controller(sub, link, network)
        elif sub.dpa_signed_on is None:
            yield Finding(
                SUBPROCESSOR_NO_DPA.id,
                Severity.WARNING,
                _("No data processing agreement date is recorded for {name}.").format(
                    name=sub.name
                ),
                _(
                    "Record the date the contract with the terms of Art. 28(3) was signed, or "
                    "sign one (as processor, it passes on the same obligations, Art. 28(4))."
                ),
                link,
                sub.name,
            )


def _joint_controller(sub: Subprocessor, link: EntityLink, words: str) -> Finding:
    """A social network's plug-in, pixel or page: joint controllership, not processing. The
    reading is the application's (from the name), so the finding is to be verified."""
    finding = Finding(
        SUBPROCESSOR_JOINT_CONTROLLER.id,
        Severity.WARNING,
        _(
            "{name} is a social network: through its plug-ins, pixels or pages it decides with "
            "the organisation the purposes of the data it collects, which makes them joint "
            "controllers (GDPR Art. 26; CJEU C-210/16, C-40/17), not a processor bound by an "
            "Art. 28(3) contract."
        ).format(name=sub.name),
        _(
            "Record the joint-controller arrangement (Art. 26(1): who informs the persons, who "
            "answers their requests; its essence made available to them), or, if {name} only "
            "processes data on the organisation's instructions, correct the category and "
            "record the Art. 28(3) contract."
        ).format(name=sub.name),
        link,
        sub.name,
    )
    return to_verify(
        finding,
        read_by_rule("category", words, _("a social network by its name or description")),
    )


TREATMENT_NO_PURPOSE = Rule("treatment-no-purpose", Severity.ERROR, "GDPR Art. 30(1)(b), 30(2)(b)")
TREATMENT_NO_LEGAL_BASIS = Rule("treatment-no-legal-basis", Severity.ERROR, "GDPR Art. 6(1)")
TREATMENT_NO_RETENTION = Rule("treatment-no-retention", Severity.WARNING, "GDPR Art. 30(1)(f)")
TREATMENT_NO_ART9_CONDITION = Rule("treatment-no-art9-condition", Severity.ERROR, "GDPR Art. 9(2)")
TREATMENT_ART9_CONDITION_TO_VERIFY = Rule(
    "treatment-art9-condition-to-verify", Severity.WARNING, "GDPR Art. 9(2)"
)
TREATMENT_LEGAL_BASIS_TO_VERIFY = Rule(
    "treatment-legal-basis-to-verify", Severity.WARNING, "GDPR Art. 6(1)"
)
SUBPROCESSOR_UNUSED = Rule("subprocessor-unused", Severity.WARNING, "GDPR Art. 30")
SUBPROCESSOR_NO_DPA = Rule("subprocessor-no-dpa", Severity.WARNING, "GDPR Art. 28(3)")
SUBPROCESSOR_JOINT_CONTROLLER = Rule(
    "subprocessor-joint-controller",
    Severity.WARNING,
    "GDPR Art. 26; CJEU C-210/16 (5 June 2018), C-40/17 (29 July 2019)",
)
CHECKS = (check_treatments, check_subprocessors)
