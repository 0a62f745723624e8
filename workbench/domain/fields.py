"""Canonical columns of the register's tables, with their English and French headers.

The Excel exporter writes these headers and the importers map them with full confidence, which
is what makes an export import back without loss. A field's `key` is the record attribute
(dotted for nested values: "retention.text").
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.i18n import N_


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    header_en: str
    header_fr: str
    multi: bool = False  # several values, one per line in a cell

    def header(self, locale: str) -> str:
        return self.header_fr if locale.startswith("fr") else self.header_en


TREATMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", N_("ID"), "ID"),
    FieldSpec("organisation", N_("Organisation"), "Organisme"),
    FieldSpec("role", N_("Role"), "Rôle"),
    FieldSpec("controllers", N_("Controllers served"), "Responsables de traitement servis", True),
    FieldSpec("processors", N_("Processors of the group"), "Sous-traitants du groupe", True),
    FieldSpec("name", N_("Processing activity"), "Traitement"),
    FieldSpec("purpose", N_("Purpose"), "Finalité"),
    FieldSpec("description", N_("Description"), "Description"),
    FieldSpec("joint_controller", N_("Joint controller"), "Responsable conjoint"),
    FieldSpec("data_subjects", N_("Data subjects"), "Personnes concernées", True),
    FieldSpec(
        "data_categories", N_("Categories of personal data"), "Données personnelles traitées", True
    ),
    FieldSpec("sensitive_data", N_("Sensitive data (Art. 9)"), "Données sensibles (art. 9)", True),
    FieldSpec("legal_basis", N_("Legal basis (Art. 6)"), "Base légale (art. 6)"),
    FieldSpec("art9_condition", N_("Art. 9 condition"), "Condition de l'art. 9"),
    FieldSpec("legal_basis_text", N_("Legal basis as stated"), "Base légale (texte)"),
    FieldSpec("retention.text", N_("Retention period"), "Durée de conservation"),
    FieldSpec("retention.duration", N_("Retention duration"), "Durée (nombre)"),
    FieldSpec("retention.unit", N_("Retention unit"), "Durée (unité)"),
    FieldSpec("retention.start_event", N_("Retention starts at"), "Point de départ de la durée"),
    FieldSpec("recipients", N_("Recipients"), "Destinataires", True),
    FieldSpec("transfers", N_("Transfers outside the EEA"), "Transferts hors UE"),
    FieldSpec("security_measures", N_("Security measures"), "Mesures de sécurité", True),
    FieldSpec("subprocessors", N_("Subprocessors"), "Sous-traitants", True),
    FieldSpec("dpia.status", N_("DPIA status"), "Statut de l'AIPD"),
    FieldSpec("dpia.reason", N_("DPIA: reason"), "AIPD : motif"),
    FieldSpec("dpia.done_on", N_("DPIA done on"), "AIPD réalisée le"),
    FieldSpec("status", N_("Status"), "Statut"),
    FieldSpec("created_on", N_("Created on"), "Date de création"),
    FieldSpec("last_reviewed_on", N_("Last reviewed on"), "Dernière mise à jour"),
    FieldSpec("next_review_on", N_("Next review on"), "Prochaine revue"),
    FieldSpec("notes", N_("Notes"), "Notes"),
)

SUBPROCESSOR_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", N_("ID"), "ID"),
    FieldSpec("organisation", N_("Organisation"), "Organisme"),
    FieldSpec("name", N_("Subprocessor"), "Sous-traitant"),
    FieldSpec("legal_entity", N_("Legal entity"), "Entité juridique"),
    FieldSpec("category", N_("Category"), "Catégorie"),
    FieldSpec("service_description", N_("Service provided"), "Prestation"),
    FieldSpec("data_categories", N_("Categories of personal data"), "Catégories de données", True),
    FieldSpec("locations", N_("Countries"), "Pays", True),
    FieldSpec("location_text", N_("Server location"), "Localisation des serveurs"),
    FieldSpec("transfer_mechanism", N_("Transfer mechanism"), "Garantie de transfert"),
    FieldSpec("transfer_text", N_("Transfer mechanism as stated"), "Garantie (texte)"),
    FieldSpec("optional", N_("Optional"), "Optionnel"),
    FieldSpec("dpa_signed_on", N_("DPA signed on"), "Date de signature du DPA"),
    FieldSpec("contract_start_on", N_("Contract start"), "Début du contrat"),
    FieldSpec("contract_end_on", N_("Contract end"), "Fin du contrat"),
    FieldSpec("contact_name", N_("Contact"), "Contact"),
    FieldSpec("contact_email", N_("Contact email"), "Email du contact"),
    FieldSpec("address", N_("Address"), "Adresse"),
    FieldSpec("chain_level", N_("Chain level"), "Rang de sous-traitance"),
    FieldSpec("notes", N_("Notes"), "Notes"),
)


# -- one data category per cell line -----------------------------------------------------------
# "Patients: Medical information [health]": the optional "<subject>: " prefix and the optional
# "[<sensitivity>]" suffix make a category survive an export and re-import unchanged.
def format_category(name: str, subject: str = "", sensitivity: str = "standard") -> str:
    text = f"{subject}: {name}" if subject else name
    return text if sensitivity == "standard" else f"{text} [{sensitivity}]"


def split_category(line: str) -> tuple[str, str, str]:
    """(name, subject, sensitivity code) from a line written by `format_category`."""
    text = line.strip()
    sensitivity = "standard"
    if text.endswith("]") and "[" in text:
        head, _, tag = text[:-1].rpartition("[")
        if tag.strip() in ("health", "special", "nir", "criminal", "standard"):
            text, sensitivity = head.strip(), tag.strip()
    subject, sep, rest = text.partition(": ")
    if sep and subject and len(subject) <= 40 and "," not in subject:
        return rest.strip(), subject.strip(), sensitivity
    return text, "", sensitivity


# -- one recipient per cell line ---------------------------------------------------------------
# "Service client [internal]": the optional "[<kind>]" suffix carries the recipient's kind.
_RECIPIENT_KINDS = ("internal", "processor", "authority", "partner", "other")


def format_recipient(name: str, kind: str = "other") -> str:
    return name if kind == "other" else f"{name} [{kind}]"


def split_recipient(line: str) -> tuple[str, str]:
    """(name, kind code) from a line written by `format_recipient`."""
    text = line.strip()
    if text.endswith("]") and "[" in text:
        head, _, tag = text[:-1].rpartition("[")
        if tag.strip() in _RECIPIENT_KINDS:
            return head.strip(), tag.strip()
    return text, "other"
