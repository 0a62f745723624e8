"""The one reference of a processing activity, printed by every document and message.

A register's fiches are referred to by number ("N° / RÉF" in the CNIL model register): the
Excel list, the CNIL layout, the Word register, `check` and the window must give the same
processing the same number, or an auditor reading "treatment 29" in a finding cannot find its
fiche. The reference is derived from the record's id, which never changes and is never reused
(a position in a sorted list would change with every rename): treatment 29 is "T-029".
"""

from __future__ import annotations

import re

TREATMENT_PREFIX = "T"
_REFERENCE = re.compile(r"\s*T\s*-?\s*0*(\d+)\s*", re.IGNORECASE)


def treatment_reference(treatment_id: int | None) -> str:
    """ "T-029" for the treatment of id 29; "" for a treatment not yet saved (no id)."""
    if treatment_id is None:
        return ""
    return f"{TREATMENT_PREFIX}-{treatment_id:03d}"


def treatment_id_of(reference: str) -> int | None:
    """The id a reference names ("T-029", "t29", "T 029"), None when the text is not one."""
    found = _REFERENCE.fullmatch(reference)
    return int(found.group(1)) if found else None
