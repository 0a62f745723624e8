"""The one word for the place ("Ort", "Lieu", "Lugar", "Luogo", "Plaats") heads a subprocessor's
place column, and with it a table of recipients reads from its own header row.

Written on nihito's "Empfänger | Zweck | Ort", whose header row was not read as one (a row
below it, "Twilio Inc. (SendGrid) | E-Mail-Versand von Support-Nachrichten ... | USA", was taken
for the header and the two rows above it were lost); the tables here are French, Spanish,
Italian and Dutch, hand-written, each under a treatments table as on a privacy policy's page.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize("header", ["Ort", "Lieu", "Lugar", "Luogo", "Plaats"])
def test_the_place_word_names_the_location(header: str) -> None:
    assert score_header(header, RecordKind.SUBPROCESSORS)[0] == "location_text"


TABLES = {
    "fr": (
        ["Données", "Finalité", "Base légale"],
        [
            ["Compte : nom, e-mail", "Fournir le service", "Contrat (art. 6.1.b)"],
            ["Journaux : adresse IP", "Sécurité", "Intérêt légitime (art. 6.1.f)"],
            ["Mesure d'audience", "Améliorer le service", "Consentement (art. 6.1.a)"],
        ],
        ["Destinataire", "Finalité", "Lieu"],
        [
            ["OVH SAS", "Hébergement de la plateforme", "France"],
            ["Brevo SAS", "Envoi des e-mails de support et des notifications", "France"],
            ["Stripe Payments Europe, Ltd.", "Paiements", "Irlande, États-Unis"],
        ],
    ),
    "es": (
        ["Datos", "Finalidad", "Base jurídica"],
        [
            ["Cuenta: nombre, correo", "Prestar el servicio", "Contrato (art. 6.1.b)"],
            ["Registros: dirección IP", "Seguridad", "Interés legítimo (art. 6.1.f)"],
            ["Analítica", "Mejorar el servicio", "Consentimiento (art. 6.1.a)"],
        ],
        ["Destinatario", "Finalidad", "Lugar"],
        [
            ["Amazon Web Services, Inc.", "Alojamiento de la plataforma", "EE. UU."],
            ["Twilio Inc.", "Envío de e-mails de soporte y avisos del sistema", "Estados Unidos"],
            ["Stripe Payments Europe, Ltd.", "Pagos", "Irlanda"],
        ],
    ),
    "it": (
        ["Dati", "Finalità", "Base giuridica"],
        [
            ["Account: nome, e-mail", "Fornire il servizio", "Contratto (art. 6.1.b)"],
            ["Log: indirizzo IP", "Sicurezza", "Legittimo interesse (art. 6.1.f)"],
            ["Statistiche", "Migliorare il servizio", "Consenso (art. 6.1.a)"],
        ],
        ["Destinatario", "Finalità", "Luogo"],
        [
            ["Aruba S.p.A.", "Hosting della piattaforma", "Italia"],
            ["Mailgun Technologies, Inc.", "Invio di e-mail di assistenza e avvisi", "Stati Uniti"],
            ["Stripe Payments Europe, Ltd.", "Pagamenti", "Irlanda"],
        ],
    ),
    "nl": (
        ["Gegevens", "Doel", "Rechtsgrond"],
        [
            ["Account: naam, e-mail", "De dienst leveren", "Overeenkomst (art. 6.1.b)"],
            ["Logboeken: IP-adres", "Beveiliging", "Gerechtvaardigd belang (art. 6.1.f)"],
            ["Statistieken", "De dienst verbeteren", "Toestemming (art. 6.1.a)"],
        ],
        ["Ontvanger", "Doel", "Plaats"],
        [
            ["TransIP B.V.", "Hosting van het platform", "Nederland"],
            [
                "Postmark (ActiveCampaign, LLC)",
                "Verzenden van e-mails en meldingen",
                "Verenigde Staten",
            ],
            ["Mollie B.V.", "Betalingen", "Nederland"],
        ],
    ),
}
EXPECTED = {
    "fr": [{"FR"}, {"FR"}, {"IE", "US"}],
    "es": [{"US"}, {"US"}, {"IE"}],
    "it": [{"IT"}, {"US"}, {"IE"}],
    "nl": [{"NL"}, {"US"}, {"NL"}],
}


@pytest.mark.parametrize("language", sorted(TABLES))
def test_a_recipients_table_reads_from_its_header(tmp_path: Path, language: str) -> None:
    treatments_header, treatments, header, rows = TABLES[language]
    document = docx.Document()
    first = document.add_table(rows=0, cols=3)
    for cells in (treatments_header, *treatments):
        for cell, value in zip(first.add_row().cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("…")
    second = document.add_table(rows=0, cols=3)
    for cells in (header, *rows):
        for cell, value in zip(second.add_row().cells, cells, strict=True):
            cell.text = value
    path = tmp_path / f"empfaenger_{language}.docx"
    document.save(str(path))
    found: dict[str, set[str]] = {}
    for table in read_tables(path):
        for row in read_records(table, propose_mapping(table)).rows():
            if isinstance(row.record, Subprocessor):
                found[row.record.name] = {loc.code for loc in row.record.locations}
    assert found == {r[0]: codes for r, codes in zip(rows, EXPECTED[language], strict=True)}
