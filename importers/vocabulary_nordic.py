"""Header words in the Nordic languages (Swedish, Danish, Norwegian, Finnish), merged into
`importers.vocabulary`'s phrases for the same fields (written as printed; `mapping` folds them).

The words are the ones the GDPR's texts in these languages use for the notions (Art. 28
"personuppgiftsbiträde" / "databehandler" / "henkilötietojen käsittelijä"; Art. 6(1) "rättslig
grund" / "retsgrundlag" / "rettslig grunnlag" / "käsittelyperuste"; Art. 30(1)(b)-(d) "ändamål" /
"formål" / "tarkoitus", "kategorier av registrerade", "mottagare" / "modtagere"; Art. 44-46
"överföring" / "overførsel" / "overføring" / "siirto"), and the headers registers print beside
them ("Leverantör", "Funktion", "Dataplacering", "Överföringsmekanism", "Overførselsgrundlag").
A Nordic "grundlag" of a transfer is its mechanism, not the processing's legal basis.
"""

from __future__ import annotations

NORDIC_SUBPROCESSOR_WORDS: dict[str, tuple[str, ...]] = {
    "name": (
        "leverantör",  # SV the supplier
        "leverandør",  # DA / NO
        "toimittaja",  # FI
        "palveluntarjoaja",
        "personuppgiftsbiträde",
        "underbiträde",
        "underbiträden",
        "databehandler",
        "databehandlere",
        "underdatabehandler",
        "underleverandør",
        "henkilötietojen käsittelijä",
        "alihankkija",
        "alikäsittelijä",
        "företag",
        "virksomhed",
        "selskap",
        "yritys",
    ),
    "service_description": (
        "funktion",  # SV / DA
        "funksjon",  # NO
        "syfte",
        "ändamål",
        "formål",
        "tarkoitus",
        "tjänst",
        "tjeneste",
        "palvelu",
    ),
    "location_text": (
        "dataplacering",
        "placering",
        "datalokalisering",
        "lagringsplats",
        "plassering",
        "sijainti",
        "beliggenhed",
    ),
    "transfer_text": (
        "överföringsmekanism",
        "overførselsmekanisme",
        "overføringsmekanisme",
        "siirtomekanismi",
        "overførselsgrundlag",  # DA "the transfer's basis": the Art. 46 tool
        "overføringsgrunnlag",
        "grund för överföring",
        "siirtoperuste",
        "skyddsåtgärder",
        "garantier",
        "suojatoimet",
    ),
    "legal_basis_text": (
        "rättslig grund",
        "retsgrundlag",
        "behandlingsgrundlag",
        "rettslig grunnlag",
        "behandlingsgrunnlag",
        "käsittelyperuste",
        "oikeusperuste",
    ),
}

NORDIC_TREATMENT_WORDS: dict[str, tuple[str, ...]] = {
    "purpose": (
        "ändamål",
        "syfte",
        "ändamål med behandlingen",
        "formål",
        "formålet med behandlingen",
        "tarkoitus",
        "käsittelyn tarkoitus",
    ),
    "name": (
        "behandling",
        "behandlingsaktivitet",
        "käsittely",
        "käsittelytoimi",
    ),
    "legal_basis_text": NORDIC_SUBPROCESSOR_WORDS["legal_basis_text"],
    "retention.text": (
        "lagringstid",
        "bevarandetid",
        "opbevaringsperiode",
        "slettefrist",
        "lagringsperiode",
        "säilytysaika",
    ),
    "data_subjects": (
        "kategorier av registrerade",
        "registrerade",
        "kategorier af registrerede",
        "registrerede",
        "kategorier av registrerte",
        "registrerte",
        "rekisteröidyt",
    ),
    "data_categories": (
        "kategorier av personuppgifter",
        "kategorier af personoplysninger",
        "kategorier av personopplysninger",
        "henkilötietoryhmät",
    ),
    "recipients": (
        "mottagare",
        "modtagere",
        "mottakere",
        "vastaanottajat",
    ),
}
