"""Headers that ask a question, by their first words, in the seven languages and the Nordic ones.

A privacy notice's table often heads its columns with the reader's questions: "How is your
information used? | What data is used? | Lawful basis" (Vodafone), "Quelles données utilisons-
nous ?", "Welche Daten verwenden wir?". The question's first words say the field whatever
follows; merged into `vocabulary.LEADING_WORDS` by `importers.mapping`.
"""

from __future__ import annotations

QUESTION_STARTS: dict[str, tuple[str, ...]] = {
    "purpose": (
        "how is your information used",
        "how is your data used",
        "how are your data used",
        "how your information is used",
        "how we use your information",
        "how we use your data",
        "what we use your information for",
        "comment utilisons nous vos donnees",
        "comment vos donnees sont elles utilisees",
        "wie verwenden wir ihre daten",
        "wofur verwenden wir ihre daten",
        "como usamos sus datos",
        "come utilizziamo i tuoi dati",
        "como usamos os seus dados",
        "hoe gebruiken wij uw gegevens",
        "hur anvander vi dina personuppgifter",
        "hvordan bruger vi dine oplysninger",
    ),
    "data_categories": (
        "what data",
        "what information",
        "what personal data",
        "which data",
        "which personal data",
        "quelles donnees",
        "quelles informations",
        "welche daten",
        "welche personenbezogenen daten",
        "que datos",
        "quali dati",
        "que dados",
        "quais dados",
        "welke gegevens",
        "welke persoonsgegevens",
        "vilka personuppgifter",
        "vilka uppgifter",
        "hvilke oplysninger",
        "hvilke personoplysninger",
        "mitka tiedot",
    ),
}
