"""Canonical columns of the register's tables, with their English and French headers.

The Excel exporter writes these headers and the importers map them with full confidence, which
is what makes an export import back without loss. A field's `key` is the record attribute
(dotted for nested values: "retention.text").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from workbench.domain.enums import DataSensitivity, InferenceOrigin, RecipientKind
from workbench.domain.records import Unconfirmed
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
        elif (labelled := _label_code(DataSensitivity, tag)) is not None:
            text, sensitivity = head.strip(), labelled  # as a French or English export prints it
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
        labelled = _label_code(RecipientKind, tag)
        if labelled is not None:
            return head.strip(), labelled
    return text, "other"


# The last column of an exported treatment or subprocessor sheet: the marks the record carries.
# Kept out of the field lists above, whose columns importers read as values; an importer reads
# this one with `parse_marks` (importers.marks knows its headers).
UNCONFIRMED_FIELD = FieldSpec(
    "unconfirmed", N_("Unconfirmed values"), "Valeurs non confirmées", multi=True
)


# -- one unconfirmed mark per cell line --------------------------------------------------------
# The cell is a JSON list with one mark per line:
#   [{"field": "transfer_mechanism", "origin": "read_from_text", "source_text": "CCT + DPF",
#    "column": "Garanties", "row": 7},
#   {"field": "art9_condition", "origin": "rule"}]
# The keys are the `Unconfirmed` attributes (empty ones left out), always in the same order, so
# the same marks give the same text; quotes, brackets and line breaks of a source text are
# escaped. Importers read the column back with `parse_marks` (or as JSON): an export imported
# again carries exactly the marks it had.
_MARK_KEYS = ("field", "origin", "source_text", "column", "row", "note")


def format_mark(mark: Unconfirmed) -> str:
    """One mark as a JSON object on one line."""
    data: dict[str, object] = {"field": mark.field, "origin": mark.origin.value}
    for key in _MARK_KEYS[2:]:
        value = getattr(mark, key)
        if value not in ("", None):
            data[key] = value
    return json.dumps(data, ensure_ascii=False)


def format_marks(marks: tuple[Unconfirmed, ...]) -> list[str]:
    """The lines of an "unconfirmed" cell: together a JSON list, one mark per line."""
    lines = [format_mark(m) for m in marks]
    if not lines:
        return []
    lines = [line + "," for line in lines[:-1]] + [lines[-1]]
    lines[0] = "[" + lines[0]
    lines[-1] += "]"
    return lines


def parse_marks(text: str) -> tuple[Unconfirmed, ...]:
    """The marks of a cell written by `format_marks`; ValueError saying what is wrong."""
    if not text.strip():
        return ()
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"the unconfirmed values are not a readable list ({exc.msg}, line {exc.lineno})"
        ) from None
    if not isinstance(items, list):
        raise ValueError("the unconfirmed values must be a list, one mark per line")
    return tuple(_mark(item, number) for number, item in enumerate(items, start=1))


def _mark(item: object, number: int) -> Unconfirmed:
    where = f"unconfirmed value {number}"
    if not isinstance(item, dict) or not isinstance(item.get("field"), str) or not item["field"]:
        raise ValueError(f"{where} must name its field")
    unknown = set(item) - set(_MARK_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    try:
        origin = InferenceOrigin(item.get("origin", InferenceOrigin.READ_FROM_TEXT.value))
    except ValueError:
        codes = ", ".join(o.value for o in InferenceOrigin)
        raise ValueError(f"{where}: '{item.get('origin')}' is not an origin ({codes})") from None
    row = item.get("row")
    if row is not None and (not isinstance(row, int) or isinstance(row, bool)):
        raise ValueError(f"{where}: the row must be a whole number")
    texts = {k: item.get(k, "") for k in ("source_text", "column", "note")}
    if not all(isinstance(v, str) for v in texts.values()):
        raise ValueError(f"{where}: source_text, column and note must be text")
    return Unconfirmed(item["field"], origin, row=row, **texts)


def _label_code(enum_cls: type[Enum], tag: str) -> str | None:
    from workbench.domain.enum_labels import member_of_label

    member = member_of_label(enum_cls, tag)
    return None if member is None else str(member.value)
