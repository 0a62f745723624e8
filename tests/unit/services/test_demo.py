"""The demo register against the seed documents themselves.

Expected rows, names, categories and locations are read from the seed files in the test (not
copied from the demo data), so a row dropped or mistyped in `resources/demo/seeds.json` fails here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from workbench.domain import codec, inference
from workbench.domain.enums import (
    Art9Condition,
    CertificationKind,
    DataSensitivity,
    EntityKind,
    InferenceOrigin,
    LocationKind,
    OrganisationKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.errors import ValidationError
from workbench.domain.records import Location, Organisation, Subprocessor, Treatment
from workbench.services import Register, open_register
from workbench.services.demo import LOAD_LABEL, ensure_demo_register, load_demo

POLICY = SEEDS_DIR / "002_6c1d96e32aa07b44.txt"
SUBCONTRACTORS = SEEDS_DIR / "000_3c4547fada5874ff.txt"
PODALIRE_TITLE = (
    "TRAITEMENTS POUR LESQUELS PODALIRE (MEDAVIZ) AGIT EN QUALITÉ DE RESPONSABLE DE TRAITEMENT"
)
COMMUNAUTE_TITLE = (
    "TRAITEMENTS POUR LESQUELS PODALIRE COMMUNAUTÉ AGIT EN QUALITÉ DE RESPONSABLE DE TRAITEMENT"
)
PROCESSOR_TITLE = "TRAITEMENTS POUR LESQUELS MEDAVIZ AGIT EN QUALITÉ DE SOUS-TRAITANT"
# The rule of the brief: each Annex 2 section header names a subprocessor category.
ANNEX2_CATEGORY = {
    "HÉBERGEMENT DE DONNÉES": SubprocessorCategory.HOSTING,
    "SÉCURITÉ INFORMATIQUE": SubprocessorCategory.SECURITY,
    "ANALYTIQUE": SubprocessorCategory.ANALYTICS,
    "APPLICATIFS": SubprocessorCategory.APPLICATIONS,
    "COMMUNICATION": SubprocessorCategory.COMMUNICATION,
    "RELATION CLIENT": SubprocessorCategory.CUSTOMER_RELATION,
    "AUTRE": SubprocessorCategory.OTHER,
}
SEED_PLACES = {"France": "FR", "États-Unis": "US", "USA": "US", "Union Européenne": "EU"}
LIST_PLACES = {
    "Germany": "DE",
    "Belgium": "BE",
    "European Union": "EU",
    "Ireland": "IE",
    "France": "FR",
}


def plain(text: str) -> str:
    """Seed cell text without its HTML markup and with whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def policy_lines() -> list[str]:
    return POLICY.read_text(encoding="utf-8").split("\n")


def annex1_rows() -> dict[str, list[list[str]]]:
    """Section title -> its rows (cells as plain text), page-break continuations left out."""
    lines = policy_lines()
    start = next(i for i, line in enumerate(lines) if line.startswith("ANNEXE 1"))
    end = next(i for i, line in enumerate(lines) if line.startswith("ANNEXE 2"))
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for line in lines[start + 1 : end]:
        if line.startswith("TRAITEMENTS POUR LESQUELS"):
            current = sections.setdefault(line.strip(), [])
            continue
        cells = line.split("\t")
        first = cells[0].strip()
        continuation = not first or first.startswith(("<p><i>", "<i>"))
        if len(cells) < 2 or first.startswith("FINALITÉS") or continuation:
            continue
        current.append([plain(c) for c in cells])
    return sections


def annex2_rows() -> list[tuple[str, str, str]]:
    """(name, section header, description as plain text) for every row of Annex 2."""
    lines = policy_lines()
    start = next(i for i, line in enumerate(lines) if line.startswith("ANNEXE 2"))
    rows: list[tuple[str, str, str]] = []
    header = ""
    for line in lines[start + 1 :]:
        if "\t" not in line:
            continue
        name, rest = line.split("\t", 1)
        if not name.strip():  # a row continued after a page break
            last = rows.pop()
            rows.append((last[0], last[1], plain(last[2] + " " + rest)))
        elif not rest.strip():
            header = name.strip()
        else:
            rows.append((name.strip(), header, plain(rest)))
    return rows


def subcontractor_blocks(names: list[str]) -> dict[str, str]:
    """Name line -> the seed text of its row (up to the next name line)."""
    lines = SUBCONTRACTORS.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip() in names]
    starts.append(len(lines))
    return {lines[a].strip(): "\n".join(lines[a + 1 : b]) for a, b in itertools.pairwise(starts)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    """One loaded demo register shared by the read-only tests of this module."""
    reg = open_register(tmp_path_factory.mktemp("demo") / "demo.sqlite", author="test-dpo")
    load_demo(reg)
    yield reg
    reg.close()


def org(reg: Register, name: str) -> Organisation:
    found = reg.organisations.find_by_name(name)
    assert found is not None, name
    return found


def by_section(reg: Register, title: str) -> list[Treatment]:
    found = [t for t in reg.treatments.list() if t.provenance and t.provenance.sheet == title]
    return sorted(found, key=lambda t: (t.provenance.row or 0) if t.provenance else 0)


# -- Annex 1: treatments ---------------------------------------------------------------------------
def test_every_annex1_row_is_a_treatment_in_seed_order(demo: Register) -> None:
    sections = annex1_rows()
    assert set(sections) == {PODALIRE_TITLE, COMMUNAUTE_TITLE, PROCESSOR_TITLE}
    assert [len(sections[t]) for t in (PODALIRE_TITLE, COMMUNAUTE_TITLE, PROCESSOR_TITLE)] == [
        18,
        10,
        11,
    ]
    assert len(demo.treatments.list()) == sum(len(rows) for rows in sections.values())
    for title, rows in sections.items():
        treatments = by_section(demo, title)
        assert [t.provenance.row for t in treatments if t.provenance] == list(
            range(1, len(rows) + 1)
        )
        for treatment, cells in zip(treatments, rows, strict=True):
            assert cells[0].startswith(treatment.name), (treatment.name, cells[0])
            assert treatment.purpose[:25] in cells[0]
            assert treatment.provenance is not None
            assert treatment.provenance.file == POLICY.name


def test_controller_rows_keep_legal_basis_and_retention_text_of_their_row(demo: Register) -> None:
    sections = annex1_rows()
    for title in (PODALIRE_TITLE, COMMUNAUTE_TITLE):
        for treatment, cells in zip(by_section(demo, title), sections[title], strict=True):
            assert treatment.legal_basis is not None
            first_basis_line = treatment.legal_basis_text.split("\n")[0]
            assert first_basis_line == cells[2], treatment.name
            first_retention_line = treatment.retention.text.split("\n")[0]
            assert cells[3].startswith(first_retention_line[:60]), treatment.name


def test_sections_belong_to_their_organisations_and_roles(demo: Register) -> None:
    podalire = org(demo, "Podalire (Medaviz)")
    communaute = org(demo, "Podalire Communauté")
    assert {(t.organisation_id, t.role) for t in by_section(demo, PODALIRE_TITLE)} == {
        (podalire.id, Role.CONTROLLER)
    }
    assert {(t.organisation_id, t.role) for t in by_section(demo, COMMUNAUTE_TITLE)} == {
        (communaute.id, Role.CONTROLLER)
    }
    served = {org(demo, n).id for n in ("Partenaires", "Praticiens", "Podalire Communauté")}
    for treatment in by_section(demo, PROCESSOR_TITLE):
        assert treatment.organisation_id == podalire.id
        assert treatment.role is Role.PROCESSOR
        assert set(treatment.controller_ids) == served
        assert "Idem" in treatment.description
        assert treatment.retention.text == (
            "Les durées de conservation sont cependant sous la responsabilité des "
            "Responsables de traitement."
        )
        assert not treatment.retention.is_structured


def test_processor_rows_reuse_the_communaute_data_they_refer_to(demo: Register) -> None:
    controller = {t.name: t for t in by_section(demo, COMMUNAUTE_TITLE)}
    for treatment in by_section(demo, PROCESSOR_TITLE):
        same = controller.get(treatment.name)
        if same is None:  # "Reversement des honoraires au Praticien" has no row there
            assert treatment.data_categories == ()
            assert "n'a pas de ligne de ce nom" in treatment.notes
        else:
            assert treatment.data_categories == same.data_categories
            assert treatment.data_subjects == same.data_subjects


def test_patient_account_retention_is_verbatim_and_structured(demo: Register) -> None:
    row = annex1_rows()[PODALIRE_TITLE][0]
    account = by_section(demo, PODALIRE_TITLE)[0]
    assert account.name == "Gestion de compte Patient"
    assert account.retention.text == row[3]
    assert (account.retention.duration, account.retention.unit) == (5, RetentionUnit.YEAR)
    assert account.retention.start_event == "la dernière mise en relation"
    nir = [c for c in account.data_categories if c.sensitivity is DataSensitivity.NIR]
    assert [c.name for c in nir] == ["NIR (facultatif)"]
    assert len(account.data_categories) == row[1].count("- ")


def test_split_rows_are_joined(demo: Register) -> None:
    treatments = {t.name: t for t in demo.treatments.list() if t.role is Role.CONTROLLER}
    info = treatments["Envoi d'informations sur les Services Medaviz"]
    assert info.legal_basis_text.split("\n") == [
        "Mise à jour nécessaire au maintien de la conformité des services : Obligations légales.",
        "Mise à jour NON nécessaire au maintien de la conformité des services : Consentement.",
    ]
    assert info.purpose.endswith("Politique de confidentialité (RGPD).")
    assert "de la part de l'Utilisateur (3 mois maximum" in info.retention.text
    documents = treatments["Gestion des documents Utilisateurs"]
    assert documents.retention.text.endswith("les documents sont définitivement supprimés.")
    sharing = treatments["Partage de documents"]
    assert any(
        c.name.endswith("dans le cadre d'une consultation avec ce Praticien")
        for c in sharing.data_categories
    )


def test_health_data_is_flagged_with_art9_for_care(demo: Register) -> None:
    teleconsultation = by_section(demo, COMMUNAUTE_TITLE)[0]
    health = {c.name for c in teleconsultation.data_categories if c.is_health}
    assert {"Taille (facultative)", "Poids (facultatif)", "Prescription"} <= health
    # The seed states no Art. 9(2) condition per row; §5 A claims explicit consent for every
    # processing: that reading is recorded, marked as inferred with the sentence it comes from.
    assert teleconsultation.art9_condition is Art9Condition.EXPLICIT_CONSENT
    (mark,) = inference.marks_on(teleconsultation, "art9_condition")
    assert mark.origin is InferenceOrigin.READ_FROM_TEXT
    assert mark.source_text in POLICY.read_text(encoding="utf-8")
    assert "consentement préalable explicite" in mark.source_text
    quality = next(t for t in demo.treatments.list() if t.name == "Contrôle qualité")
    assert quality.processes_health_data
    assert quality.art9_condition is None  # the seed gives none: the compliance check flags it


# -- Annex 2 and the subcontractor list: subprocessors --------------------------------------------
def test_every_annex2_row_is_a_podalire_subprocessor(demo: Register) -> None:
    rows = annex2_rows()
    podalire = org(demo, "Podalire (Medaviz)")
    subs = {s.name: s for s in demo.subprocessors.list(organisation_id=podalire.id)}
    assert len(rows) == 19
    assert set(subs) == {name for name, _, _ in rows}
    for name, header, description in rows:
        sub = subs[name]
        assert sub.category is ANNEX2_CATEGORY[header], name
        assert sub.service_description in description, name
        located = re.search(
            "Localisation centre de données : (" + "|".join(SEED_PLACES) + ")", description
        )
        if located:
            assert sub.location_text in description
            assert SEED_PLACES[located.group(1)] in {loc.code for loc in sub.locations}, name
    counted = Counter(ANNEX2_CATEGORY[header] for _, header, _ in rows)
    assert Counter(s.category for s in subs.values()) == counted


def test_every_subcontractor_of_the_list_is_entered(demo: Register) -> None:
    company = next(o for o in demo.organisations.own() if "List of subcontractors" in o.name)
    assert "ne nomme pas la société" in company.notes
    assert inference.is_unconfirmed(company, "name")  # the demo's label, not the source's
    subs = demo.subprocessors.list(organisation_id=company.id)
    text = SUBCONTRACTORS.read_text(encoding="utf-8")
    # Every row of the list states its transfer mechanism as "N/A", once.
    assert len(subs) == text.split("\n").count("N/A") == 9
    names = [s.name + (" (optional)" if s.optional else "") for s in subs]
    blocks = subcontractor_blocks(names)
    assert set(blocks) == set(names)
    for sub, name in zip(subs, names, strict=True):
        block = blocks[name]
        for line in sub.location_text.split("\n"):
            assert line in block.split("\n"), (sub.name, line)
        for category in sub.data_categories:
            assert category.name.casefold() in block.casefold(), (sub.name, category.name)
        for line in block.split("\n"):
            if line in LIST_PLACES:
                assert LIST_PLACES[line] in {loc.code for loc in sub.locations}
        assert (sub.transfer_text, sub.transfer_mechanism) == ("N/A", TransferMechanism.NONE)
        assert sub.provenance is not None
        assert sub.provenance.file == SUBCONTRACTORS.name
    in_seed_order = sorted(subs, key=lambda s: s.provenance.row or 0 if s.provenance else 0)
    positions = [text.index("\n" + s.name) for s in in_seed_order]
    assert positions == sorted(positions)


def test_specific_subprocessor_values(demo: Register) -> None:
    subs: dict[tuple[str, int], Subprocessor] = {
        (s.name, s.organisation_id): s for s in demo.subprocessors.list()
    }
    by_name = {name: s for (name, _), s in subs.items()}
    ovh = by_name["OVH Cloud US LLC"]
    assert ovh.locations == (
        Location("US", LocationKind.COUNTRY, "datacenters located in Oregon or Virginia"),
    )
    assert ovh.location_text == "USA (datacenters located in Oregon or Virginia)"
    assert (ovh.transfer_mechanism, ovh.transfer_text) == (TransferMechanism.NONE, "N/A")
    assert ovh.processes_health_data
    assert by_name["Twilio"].transfer_mechanism is TransferMechanism.BCR
    stripe = by_name["Stripe"]
    assert stripe.transfer_mechanism is TransferMechanism.SCC_EU_2021_914_M2
    assert "SCCs, article 46 3" in stripe.transfer_text
    assert "Privacy Shield" in stripe.transfer_text  # the seed's error stays visible as written
    (module,) = inference.marks_on(stripe, "transfer_mechanism")  # no module in the seed
    assert module.origin is InferenceOrigin.RULE
    assert by_name["Cloudflare"].transfer_mechanism is None
    assert by_name["Tableau"].locations == (Location("EU", LocationKind.REGION),)
    assert "Medaviz" in by_name["Matomo"].location_text
    assert by_name["RingOver"].optional
    assert by_name["Calade Technologies (dba: Smsmode)"].locations == (
        Location("EU", LocationKind.REGION),
    )
    assert [loc.code for loc in by_name["Auth0"].locations] == ["DE", "IE"]
    assert [loc.code for loc in by_name["Mailjet"].locations] == ["DE", "BE"]
    zendesks = [s for (name, _), s in subs.items() if name == "Zendesk"]
    listed = next(s for s in zendesks if s.provenance and s.provenance.file == SUBCONTRACTORS.name)
    assert listed.service_description == "N/A"
    assert "User Support Ticketing Solution" in listed.notes
    assert inference.is_unconfirmed(listed, "locations")  # read from a shifted column
    subjects = {c.subject for c in listed.data_categories}
    assert subjects == {"Patients", "Health professionals"}


def test_treatments_link_the_subprocessors_the_seed_names(demo: Register) -> None:
    subs = {s.name: s.id for s in demo.subprocessors.list() if s.provenance}
    treatments = {(t.name, t.role): t for t in demo.treatments.list()}
    payment = treatments[("Paiement des honoraires par le Patient", Role.CONTROLLER)]
    assert subs["Stripe"] in payment.subprocessor_ids
    sending = treatments[("Envoi de communication transactionnelle", Role.CONTROLLER)]
    assert {subs["Twilio"], subs["Sendgrid"], subs["Firebase"]} <= set(sending.subprocessor_ids)
    # The seed (§14 C): AWS hosts the personal data, health data included.
    for treatment in demo.treatments.list():
        if treatment.processes_health_data:
            assert subs["Amazon Web Services (AWS)"] in treatment.subprocessor_ids


# -- organisations and certificates ----------------------------------------------------------------
def test_organisations(demo: Register) -> None:
    podalire = org(demo, "Podalire (Medaviz)")
    assert podalire.registration == "RCS Paris 807 414 024"
    assert podalire.dpo_email == "contact@medaviz.com"
    assert "Penthièvre" in podalire.address
    assert org(demo, "Podalire Communauté").registration == "RCS Vannes 981 948 631"
    assert podalire.security_policy is not None
    assert podalire.security_policy.reference in POLICY.read_text(encoding="utf-8")
    communaute = org(demo, "Podalire Communauté")
    assert "Le Prisme, Place Albert Einstein" in communaute.address
    # §4 A names categories of clients, not controllers: kept as what the seed says
    clients = demo.organisations.controllers()
    assert {o.name for o in clients} == {"Partenaires", "Praticiens"}
    assert all(o.kind is OrganisationKind.CLIENT_CATEGORY for o in clients)
    assert len(demo.organisations.own()) == 3
    assert all(o.kind is OrganisationKind.OWN for o in demo.organisations.own())
    # the seed names no DPO for Podalire Communauté: none is invented
    assert (communaute.dpo_name, communaute.dpo_email, communaute.dpo_organisation_id) == (
        "",
        "",
        None,
    )


def test_medaviz_processes_for_podalire_communaute(demo: Register) -> None:
    podalire = org(demo, "Podalire (Medaviz)")
    communaute = org(demo, "Podalire Communauté")
    own_rows = by_section(demo, COMMUNAUTE_TITLE)
    assert own_rows
    assert all(t.processor_ids == (podalire.id,) for t in own_rows)
    processor_rows = by_section(demo, PROCESSOR_TITLE)
    assert all(communaute.id in t.controller_ids for t in processor_rows)


def test_nothing_the_seeds_do_not_state_is_shown_as_stated(demo: Register) -> None:
    """The values the data entry had to infer are the marked ones, each with its reason."""
    marked = {(t.name, m.field): m for t in demo.treatments.list() for m in t.unconfirmed} | {
        (s.name, m.field): m for s in demo.subprocessors.list() for m in s.unconfirmed
    }
    assert all(m.note for m in marked.values())
    art9 = [t for t in demo.treatments.list() if t.art9_condition is not None]
    assert len(art9) == 8
    assert all(inference.is_unconfirmed(t, "art9_condition") for t in art9)
    scc = [
        s
        for s in demo.subprocessors.list()
        if s.transfer_mechanism and "SCC" in s.transfer_mechanism
    ]
    assert scc
    assert all(inference.is_unconfirmed(s, "transfer_mechanism") for s in scc)
    certificates = [c for c in demo.certifications.list() if c.expires_on is not None]
    assert all(inference.is_unconfirmed(c, "expires_on") for c in certificates)
    # notes explain judgement calls in French, for the DPO: never the developers' English
    notes = [
        r.notes
        for kind in ("organisations", "treatments", "subprocessors", "certifications")
        for r in getattr(demo, kind).list()
        if r.notes
    ]
    assert not [n for n in notes if re.search(r"\b(seed|the|Demo stand-in)\b", n)]


def test_certificates(demo: Register) -> None:
    podalire = org(demo, "Podalire (Medaviz)")
    own = {c.kind: c for c in demo.certifications.of_organisation(_id(podalire.id))}
    hds = own[CertificationKind.HDS]
    assert hds.hds_activities == (1, 2, 3, 4, 5)
    assert (hds.issued_on, hds.expires_on) == (dt.date(2023, 4, 1), dt.date(2026, 4, 1))
    assert hds.referential_version == "v1"
    assert "approximation" in inference.marks_on(hds, "issued_on")[0].note
    assert inference.marks_on(hds, "expires_on")[0].origin is InferenceOrigin.COMPUTED
    assert "(seed" not in hds.scope
    assert own[CertificationKind.ISO27001].issued_on is None
    aws = next(s for s in demo.subprocessors.list() if s.name == "Amazon Web Services (AWS)")
    held = {c.kind: c for c in demo.certifications.of_subprocessor(_id(aws.id))}
    assert held[CertificationKind.HDS].hds_activities == (1, 2, 3)
    assert "Pilier 4" in held[CertificationKind.HDS].notes
    assert inference.is_unconfirmed(held[CertificationKind.HDS], "hds_activities")
    assert CertificationKind.ISO27001 in held


# -- one operation: undo, and loading only once --------------------------------------------------
def test_loading_is_one_operation_that_undo_removes(register: Register) -> None:
    changes = load_demo(register)
    operations = register.journal.operations()
    assert [(o.label, o.kind) for o in operations] == [(LOAD_LABEL, "import")]
    entries = register.journal.entries()
    assert {e.operation for e in entries} == {changes.operation}
    counts = Counter(e.entity_kind for e in entries)
    assert counts[EntityKind.TREATMENT] == 39
    assert counts[EntityKind.SUBPROCESSOR] == 28
    assert counts[EntityKind.ORGANISATION] == 5
    assert changes.kinds == {
        EntityKind.ORGANISATION,
        EntityKind.SUBPROCESSOR,
        EntityKind.CERTIFICATION,
        EntityKind.TREATMENT,
    }
    register.journal.undo()
    assert register.is_empty()
    for kind in EntityKind:
        assert register.service_for(kind).list() == []
    assert register.journal.verify().ok
    register.journal.redo()
    assert len(register.treatments.list()) == 39


def test_loading_into_a_register_with_records_is_refused(register: Register) -> None:
    register.organisations.create(Organisation(name="Clinique"))
    with pytest.raises(ValidationError, match="empty register"):
        load_demo(register)
    assert len(register.organisations.list()) == 1


def test_ensure_demo_register_loads_only_once(tmp_path: Path) -> None:
    first = ensure_demo_register(tmp_path / "demo.sqlite")
    snapshot = [codec.to_dict(t) for t in first.treatments.list()]
    first.close()
    again = ensure_demo_register(tmp_path / "demo.sqlite")
    assert len(again.journal.operations()) == 1
    assert [codec.to_dict(t) for t in again.treatments.list()] == snapshot
    again.close()


def _id(entity_id: int | None) -> int:
    assert entity_id is not None
    return entity_id
