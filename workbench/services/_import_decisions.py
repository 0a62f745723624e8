"""Which stored subprocessor an imported row updates, and the decisions a person takes on it.

A row whose vendor key a stored subprocessor has updates it. Anything less certain waits for a
person (the rule of this round: the application never presents as fact what it guessed):
- a near name is a `Proposal` ("probably the same as Cloudflare (95)"); the row comes in as new
  unless a decision accepts it: `MatchDecisions.rows` for that row, or `accept_fuzzy` for the
  proposals that are plain typos (never for a near name: a word, a first name, a short word);
- two rows of one file with the same vendor key and the same content are one record listed
  twice: the first counts. With different content (a cloud provider listed for two processing
  operations) they are kept apart as two records, shown side by side, unless a decision on the
  later row merges it into the first. A re-import matches them, in file order, to the stored
  records of that key, in id order, so kept-apart rows stay apart.

Decision file (CLI `--decisions FILE`), one entry per row decided, as the dry run lists them:
    [{"row": 12, "name": "Cloudfare", "decision": "merge"},
     {"row": 30, "name": "Clinique Saint-Jeanne", "decision": "separate"}]
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from importers.cleaning import fold
from workbench.domain.errors import ImportFileError
from workbench.domain.records import Subprocessor
from workbench.i18n import _
from workbench.services._import_matching import Proposal, VendorIndex, vendor_key

MERGE, SEPARATE = "merge", "separate"


@dataclass(frozen=True, slots=True)
class MatchDecisions:
    """A person's word on the uncertain rows: True merges, False keeps the row apart."""

    accept_fuzzy: bool = False
    rows: Mapping[tuple[int, str], bool] = field(default_factory=dict)
    # rows the person left out of this import (the wizard's "Import" checkbox)
    excluded: frozenset[tuple[int, str]] = frozenset()

    # asked for every row of an import: the name is folded only when some row was decided
    def decided(self, row: int | None, name: str) -> bool | None:
        return None if row is None or not self.rows else self.rows.get((row, fold(name)))

    def is_excluded(self, row: int | None, name: str) -> bool:
        return row is not None and bool(self.excluded) and (row, fold(name)) in self.excluded

    @staticmethod
    def key(row: int, name: str) -> tuple[int, str]:
        return row, fold(name)

    @classmethod
    def read(cls, path: Path, accept_fuzzy: bool = False) -> MatchDecisions:
        """The decisions of a JSON file (format in the module's docstring)."""
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ImportFileError(
                str(path), _("not a readable JSON file ({error}).").format(error=error)
            ) from error
        if not isinstance(entries, list):
            raise ImportFileError(str(path), _("expected a list of decisions."))
        rows: dict[tuple[int, str], bool] = {}
        for number, entry in enumerate(entries, 1):
            ok = (
                isinstance(entry, dict)
                and isinstance(entry.get("row"), int)
                and isinstance(entry.get("name"), str)
                and entry.get("decision") in (MERGE, SEPARATE)
            )
            if not ok:
                raise ImportFileError(
                    str(path),
                    _(
                        'entry {n}: expected {{"row": N, "name": "...", "decision": "merge" or '
                        '"separate"}}.'
                    ).format(n=number),
                )
            rows[cls.key(entry["row"], entry["name"])] = entry["decision"] == MERGE
        return cls(accept_fuzzy, rows)


@dataclass(frozen=True, slots=True)
class VendorPlace:
    existing_id: int | None = None  # the stored record the row updates
    duplicate_of: int | None = None  # the earlier row this one repeats (or is merged into)
    same_name_as: int | None = None  # an earlier row of the same name, kept apart
    proposal: Proposal | None = None
    accepted: bool = False  # the proposal was accepted: existing_id is its record


class VendorPlacer:
    """Places each subprocessor row of one import (rows of the file, in order)."""

    def __init__(self, decisions: MatchDecisions) -> None:
        self.decisions = decisions
        self._seen: dict[tuple[int, str], list[tuple[int | None, int]]] = defaultdict(list)
        self._claimed: set[int] = set()

    def place(self, index: VendorIndex, org_id: int, record: Subprocessor) -> VendorPlace:
        row = record.provenance.row if record.provenance else None
        key = vendor_key(record.name)
        earlier = self._seen[org_id, key]
        decision = self.decisions.decided(row, record.name)
        content = _content(record)
        first = earlier[0][0] if earlier else None
        if earlier and (decision is True or any(c == content for _r, c in earlier)):
            return VendorPlace(duplicate_of=first)
        earlier.append((row, content))
        exact = [i for i in index.exact(record.name) if i not in self._claimed]
        if exact:
            self._claimed.add(exact[0])
            return VendorPlace(exact[0], same_name_as=first)
        if first is not None:
            return VendorPlace(same_name_as=first)
        proposal = index.propose(record.name)
        if proposal is None:
            return VendorPlace()
        accepted = (
            decision
            if decision is not None
            else self.decisions.accept_fuzzy and not proposal.near_name
        )
        if accepted and proposal.existing_id not in self._claimed:
            self._claimed.add(proposal.existing_id)
            return VendorPlace(proposal.existing_id, proposal=proposal, accepted=True)
        return VendorPlace(proposal=proposal)


def _content(record: Subprocessor) -> int:
    """What a row says of its vendor, wherever it sits in the file: its place (provenance, and
    the row and column its inferred values' marks cite) is left out."""
    marks = tuple(dataclasses.replace(m, row=None, column="") for m in record.unconfirmed)
    return hash(repr(dataclasses.replace(record, provenance=None, unconfirmed=marks)))
