"""Fuzzing every importer entry point with random and mutated files (hypothesis).

Each input goes through what the import wizard does (read_tables, propose_mapping,
read_records, reading every row) and, for generated tables, ImportService.apply. The only
acceptable outcomes are a valid result or a WorkbenchError subclass (a message for the user),
never another exception; and a failed import leaves the register exactly as it was.
Inputs: byte mutations of the real test files (every format), mutations of the XML inside the
archives (valid zip, hostile or broken XML), and generated CSV and XLSX tables.
Structures whose few bytes describe a huge grid (spans, merges, million-column rows, far rows,
repeated ODS cells, oversized CSV) are in tests/reliability/hostile.py, run under a memory and
time cap by tests/reliability/test_hostile_files.py (and at length by hand, see hostile.py).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from importers import RecordKind, propose_mapping, read_records, read_tables
from importers._safety import guard_file
from importers.reading import load_all
from workbench.domain.errors import WorkbenchError
from workbench.progress import NullProgress
from workbench.services import Register, open_register
from workbench.services.import_service import ImportService

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = {
    "xlsx": DATA / "annex1.xlsx",
    "ods": DATA / "annex2.ods",
    "docx": DATA / "annex2.docx",
    "csv": DATA / "subcontractors_messy.csv",
}
HEADERS = (
    "FINALITÉS",
    "DONNÉES PERSONNELLES TRAITÉES",
    "BASE LÉGALE DE TRAITEMENT",
    "DURÉE DE CONSERVATION",
    "Subcontractor name",
    "Description",
    "Server location",
    "Data transfer mechanism (if applicable)",
    "Sous-traitant",
    "Prestation",
)
# By default few inputs, derandomized: the same ones on every run (a deterministic, quick
# suite); `pytest --long` runs LONG_FACTOR times more, freshly random (hypothesis prints the
# seed of a failure to reproduce it).
BYTE_EXAMPLES = 80
XML_EXAMPLES = 50
TABLE_EXAMPLES = 40
LONG_FACTOR = 10
FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def depth(long_run: bool) -> Callable[[int], settings]:
    """The settings for a fuzzer of `examples` inputs by default."""

    def fuzz(examples: int) -> settings:
        if long_run:
            return settings(FUZZ, max_examples=examples * LONG_FACTOR)
        return settings(FUZZ, max_examples=examples, derandomize=True)

    return fuzz


# Bugs this fuzzing found in the importers, reported to their engineer; non-strict: these run,
# and pass as soon as the importer is fixed. No shrinking for them (CI time).
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)

cell_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            '=HYPERLINK("http://x","x")',
            "=1+1",
            "+33 1 23",
            "-",
            "@SUM(A1)",
            "5 ans à compter de la fin",
            "Article 6.1.b",
            "Allemagne\nBelgique",
            "<b>Nom</b><br>Prénom",
            "\x00\x07\ufeff",
            "État-Unis (clauses contractuelles types)",
        ]
    ),
)


def run_pipeline(path: Path, keep: bool = True) -> int:
    """What the import wizard does with a file; the number of rows read (kept in memory, or
    streamed as the import service does)."""
    guard_file(path)  # importers/_safety.py: the importers' first step
    rows = 0
    for table in read_tables(path):
        batch = read_records(table, propose_mapping(table, RecordKind.AUTO))
        rows += len(load_all(batch)) if keep else sum(1 for _row in batch.rows(NullProgress()))
    return rows


def _phases(request: pytest.FixtureRequest) -> tuple[Phase, ...]:
    known_bug = request.node.get_closest_marker("xfail") is not None
    return NO_SHRINK if known_bug else tuple(Phase)


def must_be_clear(path: Path) -> int | None:
    try:
        return run_pipeline(path)
    except WorkbenchError as exc:
        message = str(exc)
    assert message, "a WorkbenchError must carry a message for the user"
    return None


def state(reg: Register) -> tuple[int, ...]:
    return (
        len(reg.journal.operations(limit=100_000)),
        len(reg.journal.entries()),
        len(reg.organisations.list()),
        len(reg.treatments.list()),
        len(reg.subprocessors.list()),
    )


@pytest.mark.parametrize("fmt", ["docx", "ods", "xlsx", "csv"])
def test_mutated_bytes(
    fmt: str, tmp_path: Path, request: pytest.FixtureRequest, depth: Callable[[int], settings]
) -> None:
    seed = SEEDS[fmt].read_bytes()
    target = tmp_path / f"fuzzed.{fmt}"

    @settings(depth(BYTE_EXAMPLES), phases=_phases(request))
    @given(
        flips=st.lists(st.tuples(st.integers(0, len(seed) - 1), st.integers(0, 255)), max_size=12),
        cut=st.one_of(st.none(), st.integers(0, len(seed))),
    )
    def check(flips: list[tuple[int, int]], cut: int | None) -> None:
        data = bytearray(seed if cut is None else seed[:cut])
        for position, value in flips:
            if position < len(data):
                data[position] = value
        target.write_bytes(bytes(data))
        must_be_clear(target)

    check()


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "docx"])
def test_mutated_xml_inside_a_valid_archive(
    fmt: str, tmp_path: Path, request: pytest.FixtureRequest, depth: Callable[[int], settings]
) -> None:
    with zipfile.ZipFile(SEEDS[fmt]) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    xml_names = sorted(n for n in members if n.endswith(".xml"))
    target = tmp_path / f"fuzzed.{fmt}"

    @settings(depth(XML_EXAMPLES), phases=_phases(request))
    @given(
        name=st.sampled_from(xml_names),
        start=st.integers(0, 10_000),
        length=st.integers(0, 200),
        insert=st.one_of(
            st.binary(max_size=40),
            st.sampled_from(
                [
                    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
                    b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                    b"&x;",
                    b"</",
                    b"<t>" * 50,
                ]
            ),
        ),
    )
    def check(name: str, start: int, length: int, insert: bytes) -> None:
        original = members[name]
        start = min(start, len(original))
        mutated = original[:start] + insert + original[start + length :]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for member, data in members.items():
                out.writestr(member, mutated if member == name else data)
        target.write_bytes(buffer.getvalue())
        must_be_clear(target)

    check()


def _import_or_refuse(reg: Register, path: Path) -> None:
    before = state(reg)
    try:
        guard_file(path)
        batches = [read_records(t, propose_mapping(t, RecordKind.AUTO)) for t in read_tables(path)]
        ImportService(reg).apply(batches)
    except WorkbenchError as exc:
        message = str(exc)
    else:
        return
    assert message
    assert state(reg) == before  # nothing half written
    assert reg.journal.verify().ok


def test_generated_csv_tables_import_or_are_refused(
    tmp_path: Path, depth: Callable[[int], settings]
) -> None:
    reg = open_register(tmp_path / "register.sqlite", author="fuzz")
    target = tmp_path / "fuzzed.csv"

    @settings(depth(TABLE_EXAMPLES), phases=NO_SHRINK)
    @given(
        header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5, unique=True),
        rows=st.lists(st.lists(cell_text, max_size=6), max_size=8),
        delimiter=st.sampled_from([";", ",", "\t", "|"]),
        encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]),
    )
    def check(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> None:
        lines = [delimiter.join(header)] + [
            delimiter.join('"' + c.replace('"', '""') + '"' for c in row) for row in rows
        ]
        target.write_bytes("\r\n".join(lines).encode(encoding, errors="replace"))
        _import_or_refuse(reg, target)

    try:
        check()
    finally:
        reg.close()


def test_generated_xlsx_tables_import_or_are_refused(
    tmp_path: Path, depth: Callable[[int], settings]
) -> None:
    reg = open_register(tmp_path / "register.sqlite", author="fuzz")
    target = tmp_path / "fuzzed.xlsx"

    @settings(depth(TABLE_EXAMPLES))
    @given(
        title_rows=st.integers(0, 3),
        header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5, unique=True),
        rows=st.lists(st.lists(st.one_of(cell_text, st.integers(), st.floats()), max_size=6)),
    )
    def check(title_rows: int, header: list[str], rows: list[list[Any]]) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for n in range(title_rows):
            sheet.append([f"Registre {n}"])
        sheet.append(header)
        for row in rows[:8]:
            sheet.append([_safe_for_openpyxl(v) for v in row])
        book.save(target)
        _import_or_refuse(reg, target)

    try:
        check()
    finally:
        reg.close()


def _safe_for_openpyxl(value: Any) -> Any:
    """Only characters XML 1.0 allows: openpyxl (through lxml) refuses to write the others
    (control characters, U+FFFE, U+FFFF, lone surrogates); the file must be writable to be read.
    """
    if isinstance(value, str):
        return "".join(ch for ch in value if _xml_char(ch))
    return value


def _xml_char(ch: str) -> bool:
    code = ord(ch)
    return (
        ch in "\n\t"
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@pytest.mark.parametrize(
    ("part", "offset"),
    [
        ("[Content_Types].xml", 70),  # python-docx then fails inside its package reader
        ("word/document.xml", 790),  # inside xmlns:w: the root is no longer a Word document
    ],
)
def test_a_word_file_with_a_damaged_part_is_refused_clearly(
    part: str, offset: int, tmp_path: Path
) -> None:
    """Found by the fuzzing above: one byte removed made python-docx raise a bare
    AttributeError, the second time only when the body was read."""
    with zipfile.ZipFile(SEEDS["docx"]) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members[part] = members[part][:offset] + members[part][offset + 1 :]
    target = tmp_path / "damaged.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for member, data in members.items():
            out.writestr(member, data)
    with pytest.raises(WorkbenchError, match="damaged or not a Word document"):
        run_pipeline(target)
