"""One QAbstractTableModel per entity list, backed by a service (STYLE.md B4)."""
