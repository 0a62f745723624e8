"""Print and print preview of a list (the rows and columns the view shows) and of a record (its
form's content), through Qt's print support (QtPrintSupport, in pyside6-essentials).

The documents are built with QTextCursor inserts: register data goes in as plain text, never
as markup (a name "<h1>X</h1>" prints as those characters). QTextDocument.print_ numbers the
pages itself when the document has no page size of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from ui.labels import date_text, yes_no
from workbench.i18n import _, ngettext

Cells = Sequence[Sequence[str]]
Table = tuple[Sequence[str], Cells]  # headers, rows
LANDSCAPE_ABOVE = 4  # columns: a wider list is printed across the page


class Printable(QTextDocument):
    """A document and the page orientation it reads best in (a wide list: landscape)."""

    landscape = False


class PrintDocument:
    """A title, lines under it, then sections of label/value pairs or tables."""

    def __init__(self, title: str, subtitle: str = "") -> None:
        self.document = Printable()
        self.document.setDocumentMargin(8)
        self._cursor = QTextCursor(self.document)
        self._text(title, bold=True, size=15)
        printed = _("Printed on {date}").format(date=date_text(dt.date.today()))
        for line in (subtitle, printed):
            if line:
                self._cursor.insertBlock()
                self._text(line, size=9)

    def heading(self, text: str) -> None:
        self._cursor.insertBlock()
        self._text(text, bold=True, size=12)

    def fields(self, pairs: Sequence[tuple[str, str | Table]]) -> None:
        """Label, value: a table value (headers, rows) becomes a table of its own."""
        for label, value in pairs:
            self._cursor.insertBlock()
            self._text(label, bold=True)
            if isinstance(value, tuple) and value[1]:
                self.table(*value)
            else:
                self._cursor.insertBlock()
                self._text(value if isinstance(value, str) and value else "—")

    def table(self, headers: Sequence[str], rows: Cells) -> None:
        columns = max(1, len(headers), *(len(r) for r in rows))
        table_format = QTextTableFormat()
        table_format.setCellPadding(3)
        table_format.setCellSpacing(0)
        table_format.setBorder(0.5)
        table_format.setHeaderRowCount(1 if headers else 0)  # repeated on every page
        count = len(rows) + (1 if headers else 0)
        table = self._cursor.insertTable(count, columns, table_format)
        lines = [list(headers), *map(list, rows)] if headers else [list(r) for r in rows]
        for r, line in enumerate(lines):
            for c, text in enumerate(line):
                cell_cursor = table.cellAt(r, c).firstCursorPosition()
                cell_cursor.insertText(text, _format(bold=bool(headers) and r == 0, size=9))
        self._cursor.movePosition(QTextCursor.MoveOperation.End)

    def _text(self, text: str, bold: bool = False, size: int = 10) -> None:
        self._cursor.insertText(text, _format(bold, size))


def _format(bold: bool, size: int) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setFontPointSize(size)
    char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return char


# -- a list ------------------------------------------------------------------------------------
def list_cells(table: QTableView) -> tuple[list[str], list[list[str]]]:
    """The headers and rows the view shows: its shown columns in their on-screen order, every
    row the filter keeps (not only those scrolled into view)."""
    model, header = table.model(), table.horizontalHeader()
    columns = [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for c in columns
    ]
    rows = [
        [_display(model.index(r, c)) for c in columns]
        for r in range(model.rowCount())
        if not table.isRowHidden(r)
    ]
    return headers, rows


def _display(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)


def list_document(title: str, table: QTableView, subtitle: str = "") -> Printable:
    headers, rows = list_cells(table)
    doc = PrintDocument(title, subtitle)
    doc.document.landscape = len(headers) > LANDSCAPE_ABOVE
    doc.heading(ngettext("{count} row", "{count} rows", len(rows)).format(count=len(rows)))
    doc.table(headers, rows)
    return doc.document


# -- a record ----------------------------------------------------------------------------------
def form_sections(dialog: QDialog) -> list[tuple[str, list[tuple[str, str | Table]]]]:
    """The form's rows as (tab title, [(label, value)]), in the form's order: what the user
    reads in the form, in the UI's language."""
    rows = list(getattr(dialog, "_rows", {}).values())
    tabs = dialog.findChild(QTabWidget)
    pages: list[tuple[str, QWidget | None]] = [("", None)]
    if tabs is not None:
        pages = [(tabs.tabText(i), tabs.widget(i)) for i in range(tabs.count())]
    sections = []
    for title, page in pages:
        inside = [r for r in rows if page is None or page.isAncestorOf(r)]
        pairs = [(r.title.text().replace("&", ""), editor_value(r.editor)) for r in inside]
        if pairs:
            sections.append((title.replace("&", ""), pairs))
    return sections


def editor_value(editor: QWidget) -> str | Table:
    """What an editor shows, as text (a table editor: its headers and rows of cells)."""
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QAbstractSpinBox):
        return editor.text()
    if isinstance(editor, QCheckBox):
        return yes_no(editor.isChecked())
    table = editor.findChild(QTableWidget)
    if table is not None:
        headers = [
            item.text() if (item := table.horizontalHeaderItem(c)) is not None else ""
            for c in range(table.columnCount())
        ]
        return headers, [
            [_cell_text(table, r, c) for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]
    items = editor.findChild(QListWidget)
    if items is not None:
        shown = [items.item(i) for i in range(items.count())]
        checkable = any(i.flags() & Qt.ItemFlag.ItemIsUserCheckable for i in shown)
        return "\n".join(
            i.text() for i in shown if not checkable or i.checkState() == Qt.CheckState.Checked
        )
    boxes = editor.findChildren(QCheckBox)
    return ", ".join(b.text() for b in boxes if b.isChecked())


def _cell_text(table: QTableWidget, row: int, column: int) -> str:
    widget = table.cellWidget(row, column)
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    item = table.item(row, column)
    return item.text() if item is not None else ""


def record_document(dialog: QDialog, subtitle: str = "") -> Printable:
    doc = PrintDocument(dialog.windowTitle(), subtitle)
    for title, pairs in form_sections(dialog):
        if title:
            doc.heading(title)
        doc.fields(pairs)
    return doc.document


# -- printing ----------------------------------------------------------------------------------
def _printer(document: Printable) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if document.landscape:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_document(parent: QWidget, document: Printable) -> bool:
    """The system's print dialog, then print: True once sent."""
    printer = _printer(document)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def preview_dialog(parent: QWidget, document: Printable) -> QPrintPreviewDialog:
    """A print preview of the document (shown with exec() or open() by the caller)."""
    printer = _printer(document)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Print preview"))
    dialog.paintRequested.connect(document.print_)
    # Both live as long as the dialog: it keeps a pointer to the printer without owning it
    # (a printer collected by Python crashed the preview on opening).
    dialog.printer_kept = printer  # type: ignore[attr-defined]
    document.setParent(dialog)
    return dialog


def print_to_pdf(document: Printable, path: Path) -> None:
    printer = _printer(document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    document.print_(printer)
