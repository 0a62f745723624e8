"""Key/value fiches headed "Field | Value" in a sheet that holds other tables too.

A register kept as a document often gives each treatment as a small two-column table under its
numbered heading, its header naming the two columns only ("Fält | Värde", "Champ | Valeur",
"Field | Value"), the labels down the first column; an ordinary table (the processors) may
follow on the same sheet. The fiches are told by that header's shape, in the seven languages
and the Nordic ones: each one is the heading row above the header, then the labelled rows under
it. They are read together as one sideways table (`importers.transposed`), each fiche named by
its heading, and the rows they take are left out of the search for the sheet's other tables.
"""

from __future__ import annotations

from importers.cleaning import fold

# the label column's header and the value column's, folded ("Værdi" folds to "vrdi")
FIELD_WORDS = frozenset(
    {"field", "champ", "rubrique", "feld", "campo", "veld", "falt", "felt", "kentta", "key"}
    | {"attribute", "attribut", "attributo", "atributo", "attribuut", "item", "element"}
)
VALUE_WORDS = frozenset(
    {"value", "valeur", "wert", "valor", "valore", "waarde", "varde", "verdi", "vrdi", "vaerdi"}
    | {"arvo", "contenu", "inhalt", "contenido", "contenuto", "inhoud", "innehall", "details"}
)


def _filled(row: list[str]) -> list[str]:
    return [c.strip() for c in row if c.strip()]


def is_field_value_header(row: list[str]) -> bool:
    """A row naming the two columns of a key/value fiche: "Fält | Värde", "Field | Value"."""
    texts = _filled(row)
    return len(texts) == 2 and fold(texts[0]) in FIELD_WORDS and fold(texts[1]) in VALUE_WORDS


def fiche_rows(head: list[list[str]]) -> tuple[list[list[str]], range] | None:
    """The sheet's rows with only its fiches kept, each heading moved onto its header's row (a
    fiche's title row right above its labels), and the range of rows they take; None when the
    sheet has no fiche of this shape. Row indices are kept, so that records keep their rows."""
    headers = [i for i, row in enumerate(head) if is_field_value_header(row)]
    if not headers:
        return None
    rows: list[list[str]] = [[] for _ in head]
    start = end = headers[0]
    for index in headers:
        title = index - 1
        if title < 0 or len(_filled(head[title])) != 1:
            return None  # a fiche without its heading: nothing names it
        start = min(start, title)
        rows[index] = [_filled(head[title])[0], ""]  # the title right above the labels
        end = index + 1
        while end < len(head) and len(_filled(head[end])) == 2:
            rows[end] = list(head[end])
            end += 1
    return rows, range(start, end)


__all__ = ["fiche_rows", "is_field_value_header"]
