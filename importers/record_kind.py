"""What an imported table holds.

A module of its own, with nothing but the enum, so that the command line can offer the choices
of `import --kind` without importing the importers' model (dataclasses and inspect with it: a
fifth of the CPU time of `dpo-workbench --help`).
"""

from __future__ import annotations

from enum import StrEnum


class RecordKind(StrEnum):
    TREATMENTS = "treatments"
    SUBPROCESSORS = "subprocessors"
    AUTO = "auto"  # guess from the headers
