"""Closed vocabularies of the register.

Values are stable machine codes: they are stored in the database, written in JSON output and
journal snapshots, so renaming a member's *value* needs a migration. Labels shown to users live
in `workbench.domain.labels`, behind gettext.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Who the organisation is for a processing activity (GDPR Art. 4(7) and 4(8))."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


class OrganisationKind(StrEnum):
    OWN = "own"  # an organisation whose register the DPO keeps
    CLIENT_CONTROLLER = "client_controller"  # a named controller the own organisation serves
    # A category of clients ("Partenaires", "Praticiens"): a source may name one instead of each
    # controller, which Art. 30(2)(a) asks for; kept as what the source says, and reported.
    CLIENT_CATEGORY = "client_category"
    OTHER = "other"


class LegalBasis(StrEnum):
    """GDPR Art. 6(1) (a) to (f)."""

    CONSENT = "consent"  # 6(1)(a)
    CONTRACT = "contract"  # 6(1)(b)
    LEGAL_OBLIGATION = "legal_obligation"  # 6(1)(c)
    VITAL_INTERESTS = "vital_interests"  # 6(1)(d)
    PUBLIC_TASK = "public_task"  # 6(1)(e)
    LEGITIMATE_INTERESTS = "legitimate_interests"  # 6(1)(f)


class Art9Condition(StrEnum):
    """GDPR Art. 9(2) (a) to (j): the condition lifting the ban on special-category data."""

    EXPLICIT_CONSENT = "9_2_a"
    EMPLOYMENT_SOCIAL_SECURITY = "9_2_b"
    VITAL_INTERESTS = "9_2_c"
    NOT_FOR_PROFIT_BODY = "9_2_d"
    MANIFESTLY_PUBLIC = "9_2_e"
    LEGAL_CLAIMS = "9_2_f"
    SUBSTANTIAL_PUBLIC_INTEREST = "9_2_g"
    HEALTH_OR_SOCIAL_CARE = "9_2_h"
    PUBLIC_HEALTH = "9_2_i"
    ARCHIVING_RESEARCH_STATISTICS = "9_2_j"


class DataSensitivity(StrEnum):
    STANDARD = "standard"
    HEALTH = "health"  # Art. 9(1) data concerning health
    SPECIAL = "special"  # other Art. 9(1) categories (genetic, biometric, ...)
    NIR = "nir"  # French social security number: framed by the CNIL as sensitive
    CRIMINAL = "criminal"  # Art. 10

    @property
    def is_art9(self) -> bool:
        return self in (DataSensitivity.HEALTH, DataSensitivity.SPECIAL)


class RetentionUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class RecipientKind(StrEnum):
    """Art. 30(1)(d) recipients: who receives the data, other than the processors recorded as
    subprocessors (which the register lists from its links)."""

    INTERNAL = "internal"  # a service of the organisation ("Service client", "Direction médicale")
    PROCESSOR = "processor"  # a processor not recorded as a subprocessor
    AUTHORITY = "authority"  # a public authority (CPAM, ARS, tax authority...)
    PARTNER = "partner"  # a partner or third party receiving the data as controller
    OTHER = "other"  # as the source wrote it, not classified


class DpiaStatus(StrEnum):
    """Art. 35: where the treatment stands on the data protection impact assessment."""

    UNKNOWN = "unknown"  # nobody has said: a large-scale health processing must not stay here
    REQUIRED = "required"  # required (Art. 35(1), 35(3) or the CNIL's list) and not yet done
    NOT_REQUIRED = "not_required"  # not required, with the reason
    DONE = "done"  # carried out, on a date


class InferenceOrigin(StrEnum):
    """How the application came to a value that no person stated."""

    READ_FROM_TEXT = "read_from_text"  # parsed out of free text ("CCT + DPF", "USA (Oregon)")
    RULE = "rule"  # chosen by a rule (an SCC module from the roles, a category from the name)
    DEFAULT = "default"  # the application's default, where the source says nothing
    COMPUTED = "computed"  # computed from other values (an expiry date from the issue date)
    ASSUMED = "assumed"  # a judgement made while entering the data, its reason in the note


class TreatmentStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    RETIRED = "retired"


class SubprocessorCategory(StrEnum):
    """Sections of the seed's Annex 2."""

    HOSTING = "hosting"
    SECURITY = "security"
    ANALYTICS = "analytics"
    APPLICATIONS = "applications"
    COMMUNICATION = "communication"
    CUSTOMER_RELATION = "customer_relation"
    OTHER = "other"


class LocationKind(StrEnum):
    COUNTRY = "country"  # ISO 3166-1 alpha-2 code
    REGION = "region"  # EU, EEA, WORLDWIDE: kept as regions, never turned into countries


class TransferMechanism(StrEnum):
    """GDPR Chapter V transfer tools (codes from shared DOMAIN.md §2.1)."""

    NONE_INTRA_EEA = "NONE_INTRA_EEA"
    ADEQUACY = "ADEQUACY"  # Art. 45
    ADEQUACY_US_DPF = "ADEQUACY_US_DPF"  # Art. 45, Decision (EU) 2023/1795
    PUBLIC_AUTH_INSTRUMENT = "PUBLIC_AUTH_INSTRUMENT"  # Art. 46(2)(a)
    BCR = "BCR"  # Art. 46(2)(b), Art. 47
    SCC_EU_2021_914_M1 = "SCC_EU_2021_914_M1"  # Art. 46(2)(c)
    SCC_EU_2021_914_M2 = "SCC_EU_2021_914_M2"
    SCC_EU_2021_914_M3 = "SCC_EU_2021_914_M3"
    SCC_EU_2021_914_M4 = "SCC_EU_2021_914_M4"
    SCC_SA_ADOPTED = "SCC_SA_ADOPTED"  # Art. 46(2)(d)
    CODE_OF_CONDUCT = "CODE_OF_CONDUCT"  # Art. 46(2)(e)
    CERTIFICATION = "CERTIFICATION"  # Art. 46(2)(f)
    AD_HOC_CLAUSES = "AD_HOC_CLAUSES"  # Art. 46(3)(a)
    ADMIN_ARRANGEMENT = "ADMIN_ARRANGEMENT"  # Art. 46(3)(b)
    DEROG_49_1_A = "DEROG_49_1_A"
    DEROG_49_1_B = "DEROG_49_1_B"
    DEROG_49_1_C = "DEROG_49_1_C"
    DEROG_49_1_D = "DEROG_49_1_D"
    DEROG_49_1_E = "DEROG_49_1_E"
    DEROG_49_1_F = "DEROG_49_1_F"
    DEROG_49_1_G = "DEROG_49_1_G"
    DEROG_49_1_2 = "DEROG_49_1_2"  # Art. 49(1) second subparagraph
    NONE = "NONE"  # stated explicitly as none ("N/A") by the source
    # Bases a vendor may still claim that are void (shared DOMAIN.md §9): recorded as claimed,
    # so that the checks can say so (transfer-invalid-basis), never counted as a safeguard.
    INVALID_PRIVACY_SHIELD = "INVALID_PRIVACY_SHIELD"  # CJEU C-311/18, 16 July 2020
    INVALID_SAFE_HARBOUR = "INVALID_SAFE_HARBOUR"  # CJEU C-362/14, 6 October 2015
    INVALID_SCC_2001_497 = "INVALID_SCC_2001_497"  # repealed by (EU) 2021/914, to 27 Dec 2022
    INVALID_SCC_2004_915 = "INVALID_SCC_2004_915"
    INVALID_SCC_2010_87 = "INVALID_SCC_2010_87"

    @property
    def is_void(self) -> bool:
        """A basis that no longer exists in law (invalidated or repealed)."""
        return self.value.startswith("INVALID_")

    @property
    def is_safeguard(self) -> bool:
        """True when the code is an actual Chapter V tool (not 'intra-EEA', 'none' or void)."""
        return not self.is_void and self not in (
            TransferMechanism.NONE,
            TransferMechanism.NONE_INTRA_EEA,
        )


class CertificationKind(StrEnum):
    HDS = "hds"
    ISO27001 = "iso27001"
    OTHER = "other"


class AuditRequester(StrEnum):
    PARTNER = "partner"
    PRACTITIONER = "practitioner"
    OWN_ORGANISATION = "own_organisation"
    CERTIFICATION_BODY = "certification_body"


class AuditType(StrEnum):
    GDPR_CONTROLLER = "gdpr_controller"  # Art. 28(3)(h) audit by a controller
    HDS_CERTIFICATION = "hds_certification"
    HDS_SURVEILLANCE = "hds_surveillance"
    ISO_CERTIFICATION = "iso_certification"
    ISO_SURVEILLANCE = "iso_surveillance"
    INTERNAL = "internal"


class AuditStatus(StrEnum):
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    REPORT_RECEIVED = "report_received"
    ACTIONS_IN_PROGRESS = "actions_in_progress"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class FindingSeverity(StrEnum):
    MAJOR = "major"
    MINOR = "minor"
    OBSERVATION = "observation"


class NotificationStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    OBJECTION_RECEIVED = "objection_received"
    DEEMED_ACCEPTED = "deemed_accepted"


class EntityKind(StrEnum):
    ORGANISATION = "organisation"
    TREATMENT = "treatment"
    SUBPROCESSOR = "subprocessor"
    CERTIFICATION = "certification"
    AUDIT = "audit"
    NOTIFICATION = "notification"
    BREACH = "breach"  # Art. 33(5) breach register
    DATA_SUBJECT_REQUEST = "data_subject_request"  # Art. 12-22 request log
    DELIVERY = "delivery"  # a sealed package of the register, signed off by the DPO
    ATTACHMENT = "attachment"  # a file kept with a record (DPA, certificate, audit report...)


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


# -- the breach register (Art. 33(5)) and the data-subject request log (Art. 12-22) -------------
class BreachNature(StrEnum):
    """What the breach did to the data (the three security properties, EDPB Guidelines 9/2022)."""

    CONFIDENTIALITY = "confidentiality"  # disclosed or accessed without authorisation
    INTEGRITY = "integrity"  # altered without authorisation
    AVAILABILITY = "availability"  # lost or destroyed, temporarily or for good


class BreachRisk(StrEnum):
    """The controller's assessment of the risk to persons (Art. 33(1), 34(1))."""

    UNLIKELY = "unlikely"  # "unlikely to result in a risk": no notification, reason recorded
    RISK = "risk"  # notify the CNIL (Art. 33(1))
    HIGH = "high"  # notify the CNIL and communicate to the persons (Art. 34(1))


class NotificationPhase(StrEnum):
    """A notification to the CNIL in one go, or in phases (Art. 33(4)): the CNIL's online
    service takes an initial notification and complementary ones."""

    COMPLETE = "complete"
    INITIAL = "initial"  # the information that is missing follows
    COMPLEMENTARY = "complementary"


class Art34Exemption(StrEnum):
    """Art. 34(3) (a) to (c): when the communication to persons is not required."""

    UNINTELLIGIBLE = "34_3_a"  # e.g. state-of-the-art encryption
    RISK_NO_LONGER_LIKELY = "34_3_b"  # subsequent measures
    DISPROPORTIONATE_EFFORT = "34_3_c"  # public communication instead


class DataSubjectRight(StrEnum):
    ACCESS = "access"  # Art. 15
    RECTIFICATION = "rectification"  # Art. 16
    ERASURE = "erasure"  # Art. 17
    RESTRICTION = "restriction"  # Art. 18
    PORTABILITY = "portability"  # Art. 20
    OBJECTION = "objection"  # Art. 21
    CONSENT_WITHDRAWAL = "consent_withdrawal"  # Art. 7(3)
    AUTOMATED_DECISION = "automated_decision"  # Art. 22


class RequestChannel(StrEnum):
    EMAIL = "email"
    POST = "post"
    WEB_FORM = "web_form"
    PHONE = "phone"
    IN_PERSON = "in_person"
    OTHER = "other"


class IdentityCheck(StrEnum):
    """Art. 12(6): additional information may be asked when there is a reasonable doubt."""

    NOT_NEEDED = "not_needed"
    REQUESTED = "requested"  # proof asked, not received yet: the clock is suspended
    VERIFIED = "verified"
    NOT_PROVIDED = "not_provided"


class RequestOutcome(StrEnum):
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REFUSED = "refused"  # Art. 12(4): with the reasons and the remedies
    NO_DATA = "no_data"
    WITHDRAWN = "withdrawn"


class AttachmentCategory(StrEnum):
    DPA = "dpa"  # the data processing agreement (Art. 28(3))
    CERTIFICATE = "certificate"
    AUDIT_REPORT = "audit_report"
    LETTER_SENT = "letter_sent"  # an Art. 28(2) letter as sent
    OTHER = "other"
