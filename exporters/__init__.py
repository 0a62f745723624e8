"""Documents written from a register snapshot: Qt-free and storage-free (records in, files out).

Every writer takes a `RegisterSnapshot`, a target path, the document's language ("fr" or "en")
and an optional `Progress`; it writes atomically (the previous file survives a failure or a
cancel) and deterministically (same snapshot, same bytes).
"""

from exporters.docx_register import write_register_docx
from exporters.subprocessor_list import (
    write_subprocessors_csv,
    write_subprocessors_docx,
    write_subprocessors_xlsx,
)
from exporters.xlsx_register import write_register_xlsx

__all__ = [
    "write_register_docx",
    "write_register_xlsx",
    "write_subprocessors_csv",
    "write_subprocessors_docx",
    "write_subprocessors_xlsx",
]
