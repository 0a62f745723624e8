"""DPO Workbench core: domain, storage and services. Never imports Qt or file-format libraries."""

__version__ = "0.1.0"
