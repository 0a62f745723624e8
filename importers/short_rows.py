"""CSV rows shorter than their table's header: a writer's dropped trailing separators, or a
separator lost inside the row.

Excel and many exports end a row at its last filled cell ("Mailjet;Frankreich" under
"Anbieter;Standort;Leistung"): such a row reads as its first fields, the others empty. It is
refused (an error naming its line, as before) when the table shows it lost a separator inside:
- a full-width row of the same table ends with an empty field, so the writer keeps them;
- or its cells shifted: a cell holds what a missing column's header names and its own does not
  ("C;Spain" under "Name;Service;Country": the country under "Service").
"""

from __future__ import annotations

from importers.content import typed_field
from importers.mapping import score_header
from importers.model import RecordKind


class TrailingSeparators:
    """Whether the short rows of one table are rows ended at their last filled cell."""

    def __init__(self, header: tuple[str, ...]) -> None:
        self.header = header
        self.keeps_them = False
        self.first_short: tuple[int, int] | None = None  # (line, field count)

    def contradicted(self, row: list[str], width: int, line: int) -> tuple[int, int] | None:
        """(line, field count) of the short row to refuse, once the table shows one, else None."""
        if len(row) < width:
            self.first_short = self.first_short or (line, len(row))
            if self._shifted(row):
                return line, len(row)
        elif width and not row[width - 1].strip():
            self.keeps_them = True
        return self.first_short if self.keeps_them else None

    def _shifted(self, row: list[str]) -> bool:
        missing = {self._field(h) for h in self.header[len(row) :]} - {None}
        return any(
            (found := typed_field(cell)) in missing and self._field(self.header[i]) != found
            for i, cell in enumerate(row)
            if i < len(self.header) and cell.strip()
        )

    @staticmethod
    def _field(header: str) -> str | None:
        field = score_header(header, RecordKind.SUBPROCESSORS)[0]
        return "location_text" if field == "locations" else field
