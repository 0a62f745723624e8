"""`dpo-workbench export ...` run in-process, as a user types it."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.unit.exporters.sample_register import fill_sample
from workbench.cli.main import main
from workbench.services import open_register


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    register = open_register(path)
    fill_sample(register)
    register.close()
    return path


def test_export_register_docx_in_english(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "register.docx"
    code = main(["--db", str(db), "export", "register", "--format", "docx", "-o", str(out),
                 "--lang", "en"])  # fmt: skip
    assert code == 0
    assert "3 treatments, 4 subprocessors" in capsys.readouterr().out
    document = docx.Document(str(out))
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Register of processing activities"


def test_export_register_xlsx_for_one_organisation_as_of_a_date(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "registre.xlsx"
    code = main(["--db", str(db), "export", "register", "--format", "xlsx", "-o", str(out),
                 "--organisation", "Podalire", "--as-of", dt.date.today().isoformat()])  # fmt: skip
    assert code == 0
    sheet = openpyxl.load_workbook(out)["Traitements"]
    name = [cell.value for cell in sheet[1]].index("Traitement")
    names = [row[name] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == [
        "Fourniture d'un service de Téléconsultation",
        "Gestion de compte Patient",
    ]
    out.unlink()
    code = main(["--db", str(db), "export", "register", "--format", "xlsx", "-o", str(out),
                 "--as-of", "2999-12-31"])  # fmt: skip
    assert code == 2
    assert "is in the future" in capsys.readouterr().err
    assert not out.exists()


def test_export_subprocessors_csv(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.csv"
    assert (
        main(["--db", str(db), "export", "subprocessors", "--format", "csv", "-o", str(out)]) == 0
    )
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Organisation", "Catégorie", "Nom du sous-traitant"]
    assert len(rows) == 5


def test_errors_exit_non_zero_with_a_message(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.docx"
    code = main(["--db", str(db), "export", "register", "--format", "docx", "-o", str(out),
                 "--organisation", "Nobody"])  # fmt: skip
    assert code == 2
    assert "No organisation named 'Nobody'" in capsys.readouterr().err
    assert not out.exists()
    missing = tmp_path / "no" / "x.docx"
    assert (
        main(["--db", str(db), "export", "register", "--format", "docx", "-o", str(missing)]) == 2
    )
    assert "does not exist" in capsys.readouterr().err


def test_csv_is_not_a_register_format(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(db), "export", "register", "--format", "csv", "-o", "x.csv"])
    assert "invalid choice" in capsys.readouterr().err


def test_export_package_then_verify_package(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "livraison.zip"
    assert main(["--db", str(db), "export", "package", "-o", str(package), "--for", "CNIL"]) == 0
    out = capsys.readouterr().out
    assert "8 files, signed off by" in out
    sha = out.split("Manifest SHA-256: ")[1].split()[0]
    # Anyone receiving the package checks it without a register...
    assert main(["verify-package", str(package)]) == 0
    assert sha in capsys.readouterr().out
    # ...and the DPO's register says who signed it off.
    assert main(["--db", str(db), "verify-package", str(package), "--json"]) == 0
    assert '"journal_position"' in capsys.readouterr().out
    import zipfile

    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("registre.xlsx"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.writestr(info.filename, data)
    assert main(["verify-package", str(altered)]) == 1
    assert "Changed: registre.xlsx" in capsys.readouterr().out
