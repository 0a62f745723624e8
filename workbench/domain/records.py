"""Frozen records of the register.

Services return these and take them back for writes; nothing here is attached to a database
session, so a record can cross threads and be kept by the UI without lazy loads. A record with
`id=None` has not been stored yet. `version` is the optimistic-lock counter: an update carries the
version it was read at, and the service refuses it if somebody else wrote in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from workbench.domain import codec
from workbench.domain.enums import (
    Art9Condition,
    AuditRequester,
    AuditStatus,
    AuditType,
    CertificationKind,
    ChangeAction,
    DataSensitivity,
    DpiaStatus,
    EntityKind,
    FindingSeverity,
    InferenceOrigin,
    LegalBasis,
    LocationKind,
    NotificationStatus,
    OrganisationKind,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
    TreatmentStatus,
)


@dataclass(frozen=True, slots=True)
class Unconfirmed:
    """A value the application inferred and no person has confirmed yet.

    The register never shows such a value as fact: views mark it, documents print it "to be
    verified", checks treat it as unproven. `field` names the record attribute, dotted for a
    part of a nested value ("retention.duration"). Confirming (or correcting) the value in a
    form, from a list or from the CLI removes the mark; the removal is journaled like any edit.
    """

    field: str
    origin: InferenceOrigin = InferenceOrigin.READ_FROM_TEXT
    source_text: str = ""  # the words the value was read or derived from
    column: str = ""  # in an imported table: the header of the column those words are in
    row: int | None = None  # ... and their row (as the file numbers it)
    note: str = ""  # why, in the words of whoever recorded the value


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: the file, sheet (or Word table) and row it was imported from."""

    file: str
    sheet: str = ""
    row: int | None = None


@dataclass(frozen=True, slots=True)
class DataCategory:
    """A category of personal data, optionally for one kind of data subject ("Patients")."""

    name: str
    sensitivity: DataSensitivity = DataSensitivity.STANDARD
    subject: str = ""

    @property
    def is_health(self) -> bool:
        return self.sensitivity is DataSensitivity.HEALTH


@dataclass(frozen=True, slots=True)
class Retention:
    """A retention period: the text as written, always kept, and its structured reading.

    "5 ans à compter de la dernière mise en relation" reads as duration=5, unit=YEAR,
    start_event="la dernière mise en relation". The structured part is empty when the text
    cannot be read (e.g. "Cf. Gestion des documents Utilisateurs").
    """

    text: str = ""
    duration: int | None = None
    unit: RetentionUnit | None = None
    start_event: str = ""

    @property
    def is_structured(self) -> bool:
        return self.duration is not None and self.unit is not None


@dataclass(frozen=True, slots=True)
class Location:
    """Where data is processed: an ISO 3166-1 alpha-2 country, or a region code (EU, EEA...)."""

    code: str
    kind: LocationKind = LocationKind.COUNTRY
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Recipient:
    """An Art. 30(1)(d) recipient other than a recorded subprocessor."""

    name: str
    kind: RecipientKind = RecipientKind.OTHER
    detail: str = ""  # what they receive, or why


@dataclass(frozen=True, slots=True)
class SecurityPolicy:
    """The organisation-wide security policy its treatments point at for Art. 30(1)(g)."""

    title: str
    version: str = ""
    issued_on: dt.date | None = None
    reference: str = ""  # where the document is: its reference, path or address


@dataclass(frozen=True, slots=True)
class Dpia:
    """Art. 35 impact assessment: status, the reason (why not required), the date it was done."""

    status: DpiaStatus = DpiaStatus.UNKNOWN
    reason: str = ""
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation of the register: its Art. 30(1)(a) / 30(2)(a) identity and contacts."""

    name: str
    kind: OrganisationKind = OrganisationKind.OWN
    legal_name: str = ""
    registration: str = ""  # e.g. "RCS Paris 807 414 024"
    address: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    dpo_name: str = ""
    dpo_email: str = ""
    dpo_phone: str = ""
    dpo_company: str = ""  # an external DPO's firm (Art. 37(6): a service contract)
    # The DPO is the one of this other organisation (a group DPO, Art. 37(2)); its own DPO
    # fields are then empty.
    dpo_organisation_id: int | None = None
    representative: str = ""  # Art. 27 representative in the Union, where applicable
    representative_contact: str = ""
    security_policy: SecurityPolicy | None = None
    objection_period_days: int = 30  # Art. 28(2) objection window granted to this controller
    unconfirmed: tuple[Unconfirmed, ...] = ()
    notes: str = ""
    id: int | None = None
    version: int = 0

    @property
    def is_named_controller(self) -> bool:
        return self.kind is not OrganisationKind.CLIENT_CATEGORY


@dataclass(frozen=True, slots=True)
class Treatment:
    """A processing activity ("traitement"), one line of the Art. 30 record."""

    organisation_id: int
    name: str
    role: Role = Role.CONTROLLER
    purpose: str = ""
    description: str = ""
    controller_ids: tuple[int, ...] = ()  # for Role.PROCESSOR: the controllers served
    # Own organisations that carry out this processing on the organisation's behalf (Medaviz
    # for Podalire Communauté): the chain recipients, letters and extracts follow.
    processor_ids: tuple[int, ...] = ()
    joint_controller: str = ""
    data_subjects: tuple[str, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    legal_basis: LegalBasis | None = None
    art9_condition: Art9Condition | None = None
    legal_basis_text: str = ""
    retention: Retention = field(default_factory=Retention)
    recipients: tuple[Recipient, ...] = ()  # other than the subprocessors linked below
    transfers: str = ""
    # Measures of this treatment; when empty, the organisation's security policy answers (g).
    security_measures: tuple[str, ...] = ()
    subprocessor_ids: tuple[int, ...] = ()
    dpia: Dpia = field(default_factory=Dpia)
    status: TreatmentStatus = TreatmentStatus.ACTIVE
    created_on: dt.date | None = None
    last_reviewed_on: dt.date | None = None
    next_review_on: dt.date | None = None
    provenance: Provenance | None = None
    unconfirmed: tuple[Unconfirmed, ...] = ()
    notes: str = ""
    id: int | None = None
    version: int = 0

    @property
    def processes_health_data(self) -> bool:
        return any(c.is_health for c in self.data_categories)

    @property
    def processes_art9_data(self) -> bool:
        return any(c.sensitivity.is_art9 for c in self.data_categories)


@dataclass(frozen=True, slots=True)
class Subprocessor:
    """A processor engaged by an own organisation (Art. 28(2) and 28(4))."""

    organisation_id: int
    name: str
    legal_entity: str = ""
    category: SubprocessorCategory = SubprocessorCategory.OTHER
    service_description: str = ""
    data_categories: tuple[DataCategory, ...] = ()
    locations: tuple[Location, ...] = ()
    location_text: str = ""  # as the source wrote it: "USA (datacenters in Oregon or Virginia)"
    transfer_mechanism: TransferMechanism | None = None
    transfer_text: str = ""  # as the source wrote it: "N/A", "BCR", "SCCs article 46..."
    optional: bool = False
    dpa_signed_on: dt.date | None = None
    contract_start_on: dt.date | None = None
    contract_end_on: dt.date | None = None
    contact_name: str = ""
    contact_email: str = ""
    address: str = ""
    chain_level: int = 1  # 1 = direct subprocessor, 2 = sub-subprocessor (EDPB Opinion 22/2024)
    provenance: Provenance | None = None
    unconfirmed: tuple[Unconfirmed, ...] = ()
    notes: str = ""
    id: int | None = None
    version: int = 0

    @property
    def processes_health_data(self) -> bool:
        return any(c.is_health for c in self.data_categories)


@dataclass(frozen=True, slots=True)
class Certification:
    """A certificate held by an own organisation or by a subprocessor (exactly one of the two)."""

    kind: CertificationKind
    organisation_id: int | None = None
    subprocessor_id: int | None = None
    name: str = ""  # for OTHER: "SOC 2 Type II", "SecNumCloud 3.2"...
    certifier: str = ""
    number: str = ""
    scope: str = ""
    hds_activities: tuple[int, ...] = ()  # official numbering of CSP R.1111-9, 1 to 6
    referential_version: str = ""  # "v1", "v2" for HDS; "2022" for ISO/IEC 27001
    issued_on: dt.date | None = None
    expires_on: dt.date | None = None
    last_surveillance_on: dt.date | None = None
    unconfirmed: tuple[Unconfirmed, ...] = ()
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class AuditFinding:
    title: str
    severity: FindingSeverity = FindingSeverity.MINOR
    description: str = ""


@dataclass(frozen=True, slots=True)
class AuditAction:
    title: str
    owner: str = ""
    due_on: dt.date | None = None
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Audit:
    organisation_id: int  # the audited own organisation
    audit_type: AuditType
    requested_by: AuditRequester
    requester_name: str = ""
    auditor: str = ""
    auditor_independent: bool | None = None
    auditor_certified: bool | None = None
    scope: str = ""
    notice_received_on: dt.date | None = None
    audit_on: dt.date | None = None
    conclusions_received_on: dt.date | None = None
    cost_borne_by: str = ""
    status: AuditStatus = AuditStatus.REQUESTED
    findings: tuple[AuditFinding, ...] = ()
    actions: tuple[AuditAction, ...] = ()
    notes: str = ""
    # the audited subprocessor, when the audit is of one (`organisation_id` is then the own
    # organisation that engages it); None: the audit is of `organisation_id` itself
    subprocessor_id: int | None = None
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class NotificationItem:
    """One subprocessor change announced in a notification (Art. 28(2))."""

    subprocessor_id: int | None
    subprocessor_name: str
    change: str  # "added", "replaced", "removed", "new_location", "lost_certification"
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Notification:
    controller_id: int  # the controller (an Organisation) being informed
    organisation_id: int  # the own organisation, as processor, that informs
    items: tuple[NotificationItem, ...] = ()
    status: NotificationStatus = NotificationStatus.DRAFT
    created_on: dt.date | None = None
    sent_on: dt.date | None = None
    objection_deadline: dt.date | None = None
    objection_received_on: dt.date | None = None
    objection_text: str = ""
    objection_decision: str = ""  # what was decided on the objection (free text)
    document_path: str = ""  # the letter's latest version; earlier ones stay beside it
    letter_language: str = ""  # "fr" or "en": the language the letter was drafted in
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class Delivery:
    """A sealed package of the register handed to an auditor, and the DPO's sign-off of it.

    The package's manifest (`contenu.txt`, the CNIL's LOUTRE format) lists every file with its
    size and SHA-256; its own SHA-256 is kept here, with who signed the package off, when, and
    up to which journal entry the register it shows goes: the journal then says what changed
    since, and `verify-package` whether a package is still the one that was signed off."""

    name: str  # the package's folder or zip name
    signed_by: str
    signed_at: dt.datetime | None = None
    journal_position: int = 0  # the last journal entry the package reflects
    manifest_sha256: str = ""
    files: tuple[str, ...] = ()
    recipient: str = ""  # "CNIL", a partner's auditor...
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One recorded change. `before`/`after` are codec snapshots of the record (None if absent)."""

    id: int
    at: dt.datetime
    author: str
    operation: str  # groups the entries written by one service call (an edit, an import...)
    label: str
    entity_kind: EntityKind
    entity_id: int
    action: ChangeAction
    before: dict[str, object] | None
    after: dict[str, object] | None
    entry_hash: str


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write touched, so views reload only what they show (Anki's OpChanges)."""

    kinds: frozenset[EntityKind] = frozenset()
    ids: Sequence[int] = ()  # an import's can be 100k long: a compact array, not a tuple
    operation: str = ""
    # The same ids, by the kind of record they are (ids of two kinds overlap: treatment 5 is
    # not subprocessor 5), so a list updates only its own rows. Empty when not known.
    ids_by_kind: Mapping[EntityKind, Sequence[int]] = field(default_factory=dict)

    def touches(self, kind: EntityKind) -> bool:
        return kind in self.kinds

    def ids_of(self, kind: EntityKind) -> Sequence[int] | None:
        """The ids of the `kind` records written, or None when not known (then a view reads
        all of them again)."""
        if self.ids_by_kind:
            return self.ids_by_kind.get(kind, ())
        if self.kinds == {kind} and self.ids:
            return self.ids
        return None if kind in self.kinds else ()


def _dpia_from_older_flag(required: bool | None) -> tuple[str, dict[str, str]]:
    """`dpia_required` (before DPIA statuses) in a journal snapshot: True/False/None."""
    status = {True: DpiaStatus.REQUIRED, False: DpiaStatus.NOT_REQUIRED}.get(
        required,  # type: ignore[arg-type]
        DpiaStatus.UNKNOWN,
    )
    return "dpia", {"status": status.value}


codec.older_key(Treatment, "dpia_required")(_dpia_from_older_flag)
