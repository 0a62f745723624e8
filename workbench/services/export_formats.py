"""The formats each export writes, apart from the service, so that the CLI's parser can offer
them without importing the register and the writers."""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"


REGISTER_FORMATS = (ExportFormat.DOCX, ExportFormat.XLSX)
SUBPROCESSOR_FORMATS = (ExportFormat.DOCX, ExportFormat.XLSX, ExportFormat.CSV)
