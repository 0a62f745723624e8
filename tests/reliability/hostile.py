"""Hostile files whose few bytes describe a huge structure, and a runner that caps each one.

Each case goes through the import pipeline (tests/reliability/test_fuzz_importers.py
`run_pipeline`, with rows streamed, not kept) in a forked child whose address space is capped
at 500 MiB above what it started with, and which is killed after 30 s: a case ends either
with rows read or a WorkbenchError (a message for the user); anything else (MemoryError,
traceback, timeout) fails. The child reports its peak memory and time.

Short seeded run in the suite (tests/reliability/test_hostile_files.py); the long run, for
manual use, prints the figures per format:

    PYTHONPATH=$PWD python -m tests.reliability.hostile --random 200 --seed 7
"""

from __future__ import annotations

import argparse
import functools
import io
import multiprocessing
import random
import resource
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.test_fuzz_importers import run_pipeline
from workbench.domain.errors import WorkbenchError

DATA = Path(__file__).resolve().parent.parent / "data"
MEMORY_CAP = 500 * 1024 * 1024
TIME_CAP = 30.0
_W_TC = "<w:tc>"


@dataclass(frozen=True)
class Outcome:
    name: str
    fmt: str
    verdict: str  # "rows N", "refused: message", or "FAILED: why"
    peak_mib: float
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.verdict.startswith("FAILED")


# -- the files ------------------------------------------------------------------------------------
def _members(seed: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(seed) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def _rezip(members: dict[str, bytes], part: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in members.items():
            out.writestr(name, data if name == part else content)
    return buffer.getvalue()


def docx_with(edit: Callable[[str], str]) -> bytes:
    members = _members(DATA / "annex2.docx")
    document = members["word/document.xml"].decode()
    return _rezip(members, "word/document.xml", edit(document).encode())


def docx_span(value: int) -> bytes:
    return docx_with(lambda d: d.replace('w:gridSpan w:val="2"', f'w:gridSpan w:val="{value}"', 1))


def docx_top_row_vmerge(val: str | None) -> bytes:
    merge = "<w:vMerge/>" if val is None else f'<w:vMerge w:val="{val}"/>'
    return docx_with(lambda d: d.replace("<w:tcPr>", "<w:tcPr>" + merge, 1))


def docx_grid_before(value: int) -> bytes:
    return docx_with(
        lambda d: d.replace("<w:tr>", f'<w:tr><w:trPr><w:gridBefore w:val="{value}"/></w:trPr>', 1)
    )


def docx_wide_row(cells: int) -> bytes:
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    return docx_with(lambda d: d.replace(_W_TC, cell * cells + _W_TC, 1))


def _noise(rng: random.Random) -> str:
    """Text that does not compress much, so that the zip guard's ratio lets it through."""
    return f"{rng.getrandbits(64):x}"


def docx_many_rows(rows: int) -> bytes:
    rng = random.Random(rows)
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    body = "".join(
        "<w:tr>" + cell.format(_noise(rng)) + cell.format(_noise(rng)) + "</w:tr>"
        for _row in range(rows)
    )
    return docx_with(lambda d: d.replace("</w:tbl>", body + "</w:tbl>", 1))


def docx_nested_tables(depth: int) -> bytes:
    nest = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl><w:p/>" * depth
    return docx_with(lambda d: d.replace("<w:p>", nest.removesuffix("<w:p/>") + "<w:p>", 1))


def csv_wide(columns: int) -> bytes:
    return ("Subcontractor name,Server location," + ",".join(["x"] * columns) + "\n").encode()


def csv_huge_field(size: int) -> bytes:
    return ("Subcontractor name,Server location\nOVH," + "x" * size + "\n").encode()


def csv_unterminated_quote() -> bytes:
    return b'Subcontractor name,Server location\n"OVH,France\nAWS,USA\n'


def xlsx_sheet(edit: Callable[[str], str]) -> bytes:
    members = _members(DATA / "annex1.xlsx")
    part = next(n for n in members if n.startswith("xl/worksheets/sheet"))
    return _rezip(members, part, edit(members[part].decode()).encode())


def xlsx_far_row(number: int) -> bytes:
    far = f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx_sheet(lambda s: s.replace("</sheetData>", far + "</sheetData>", 1))


def xlsx_far_column(letters: str) -> bytes:
    def edit(sheet: str) -> str:
        end = sheet.index("</row>")
        cell = f'<c r="{letters}1" t="inlineStr"><is><t>far</t></is></c>'
        return sheet[:end] + cell + sheet[end:]

    return xlsx_sheet(edit)


def xlsx_wide_row(cells: int) -> bytes:
    rng = random.Random(cells)
    row = (
        '<row r="1">'
        + "".join(f'<c t="inlineStr"><is><t>{_noise(rng)}</t></is></c>' for _c in range(cells))
        + "</row>"
    )
    return xlsx_sheet(lambda s: s.replace("<sheetData>", "<sheetData>" + row, 1))


def ods_repeated(attribute: str, count: int) -> bytes:
    members = _members(DATA / "annex2.ods")
    content = members["content.xml"].decode()
    tag = "<table:table-cell " if "columns" in attribute else "<table:table-row"
    # the first cell (or row) of the sheet, which holds text, repeated `count` times
    content = content.replace(tag, f'{tag} table:{attribute}="{count}" ', 1)
    return _rezip(members, "content.xml", content.encode())


def sparse(path: Path, head: bytes, size: int) -> None:
    """A file of `size` bytes that costs no disk: `head`, then a hole."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)


# name, format, and what writes the file at the path given
Case = tuple[str, str, Callable[[Path], None]]


def _bytes(data: Callable[[], bytes]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data())

    return write


def fixed_cases() -> list[Case]:
    """The structures issue 16 found, and their neighbours."""
    big_csv = b"Subcontractor name,Server location\nOVH,France\n"
    return [
        ("gridSpan 2e9", "docx", _bytes(lambda: docx_span(2_000_000_000))),
        ("gridSpan 1001", "docx", _bytes(lambda: docx_span(1001))),
        ("gridSpan negative", "docx", _bytes(lambda: docx_span(-5))),
        ("vMerge top row", "docx", _bytes(lambda: docx_top_row_vmerge(None))),
        ("vMerge=continue top", "docx", _bytes(lambda: docx_top_row_vmerge("continue"))),
        ("gridBefore 1e9", "docx", _bytes(lambda: docx_grid_before(1_000_000_000))),
        ("5000 cells in a row", "docx", _bytes(lambda: docx_wide_row(5000))),
        ("12k rows", "docx", _bytes(lambda: docx_many_rows(12_000))),
        ("9k rows (allowed)", "docx", _bytes(lambda: docx_many_rows(9_000))),
        ("300 nested tables", "docx", _bytes(lambda: docx_nested_tables(300))),
        ("1M columns", "csv", _bytes(lambda: csv_wide(1_000_000))),
        ("60 MB (sparse)", "csv", lambda p: sparse(p, big_csv, 60 * 1024 * 1024)),
        ("60 MB .txt (sparse)", "txt", lambda p: sparse(p, big_csv, 60 * 1024 * 1024)),
        ("1 MB field", "csv", _bytes(lambda: csv_huge_field(1 << 20))),
        ("unterminated quote", "csv", _bytes(csv_unterminated_quote)),
        ("row 2e9", "xlsx", _bytes(lambda: xlsx_far_row(2_000_000_000))),
        ("row 1048577", "xlsx", _bytes(lambda: xlsx_far_row(1_048_577))),
        ("cell ZZZ1", "xlsx", _bytes(lambda: xlsx_far_column("ZZZ"))),
        ("100k cells in a row", "xlsx", _bytes(lambda: xlsx_wide_row(100_000))),
        (
            "columns-repeated 1e9",
            "ods",
            _bytes(lambda: ods_repeated("number-columns-repeated", 10**9)),
        ),
        ("rows-repeated 1e9", "ods", _bytes(lambda: ods_repeated("number-rows-repeated", 10**9))),
    ]


def random_cases(count: int, seed: int, max_exponent: float = 10) -> Iterator[Case]:
    """Seeded combinations of the structures above, of random sizes up to 10**max_exponent."""
    rng = random.Random(seed)
    makers: list[tuple[str, Callable[[int], bytes]]] = [
        ("docx", docx_span),
        ("docx", docx_grid_before),
        ("docx", lambda n: docx_wide_row(n % 3000)),
        ("docx", lambda n: docx_many_rows(n % 15_000)),
        ("docx", lambda n: docx_nested_tables(n % 400)),
        ("csv", lambda n: csv_wide(n % 2_000_000)),
        ("csv", lambda n: csv_huge_field(n % 3_000_000)),
        ("xlsx", lambda n: xlsx_far_row(2 + n)),
        ("xlsx", lambda n: xlsx_wide_row(n % 200_000)),
        ("ods", lambda n: ods_repeated("number-columns-repeated", n)),
        ("ods", lambda n: ods_repeated("number-rows-repeated", n)),
    ]
    for index in range(count):
        fmt, make = rng.choice(makers)
        size = int(10 ** rng.uniform(0, max_exponent))
        yield (f"random {index} ({size})", fmt, _bytes(functools.partial(make, size)))


# -- the capped run -------------------------------------------------------------------------------
def _virtual_size() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def _resident() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize()


def _child(path: Path, report: multiprocessing.connection.Connection) -> None:
    start_rss = _resident()
    cap = _virtual_size() + MEMORY_CAP
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    began = time.monotonic()
    try:
        verdict = f"rows {run_pipeline(path, keep=False)}"
    except WorkbenchError as exc:
        verdict = f"refused: {exc}" if str(exc) else "FAILED: a WorkbenchError without message"
    except BaseException as exc:
        verdict = f"FAILED: {type(exc).__name__}: {exc}"[:300]
    seconds = time.monotonic() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - start_rss
    report.send((verdict, max(peak, 0) / 2**20, seconds))


def run_capped(name: str, fmt: str, build: Callable[[Path], None], folder: Path) -> Outcome:
    path = folder / f"hostile.{fmt}"
    build(path)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(path, sender))
    began = time.monotonic()
    child.start()
    sender.close()
    try:
        if receiver.poll(TIME_CAP):
            verdict, peak, seconds = receiver.recv()
        else:
            verdict, peak, seconds = f"FAILED: over {TIME_CAP:.0f} s", 0.0, time.monotonic() - began
    except EOFError:
        verdict, peak, seconds = "FAILED: the child died", 0.0, time.monotonic() - began
    finally:
        child.kill()
        child.join()
        path.unlink(missing_ok=True)
    return Outcome(name, fmt, verdict, peak, seconds)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=100, help="random cases after the fixed")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, fmt, build in [*fixed_cases(), *random_cases(args.random, args.seed)]:
            outcome = run_capped(name, fmt, build, Path(folder))
            outcomes.append(outcome)
            print(
                f"{fmt:5} {name:28} {outcome.peak_mib:7.1f} MiB {outcome.seconds:6.2f} s  "
                f"{outcome.verdict[:90]}"
            )
    print("\nformat  inputs  max MiB  max s  failed")
    for fmt in sorted({o.fmt for o in outcomes}):
        mine = [o for o in outcomes if o.fmt == fmt]
        print(
            f"{fmt:6} {len(mine):7} {max(o.peak_mib for o in mine):8.1f} "
            f"{max(o.seconds for o in mine):6.2f} {sum(not o.ok for o in mine):7}"
        )
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
