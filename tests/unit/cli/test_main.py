"""The command line speaks the DPO's language: --lang, WORKBENCH_LANG, or the system's."""

from __future__ import annotations

import pytest

from workbench.cli.main import cli_language, main

pytestmark = pytest.mark.usefixtures("in_language")  # main() switches the language


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_help_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, "--lang", "fr", "import")
    assert "le fichier à importer" in text
    assert "annuler le dernier import" in text
    assert "the file to import" not in text
    # argparse's own texts too
    assert text.startswith("utilisation : dpo-workbench import")
    assert "afficher cette aide et quitter" in text


def test_argparse_errors_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "fr", "list", "bogus"])
    assert exited.value.code == 2
    assert "erreur : argument kind : choix invalide : 'bogus'" in capsys.readouterr().err


def test_help_in_english_by_default_here(capsys: pytest.CaptureFixture[str]) -> None:
    assert "the file to import" in _help(capsys, "import")  # WORKBENCH_LANG=en (conftest)


@pytest.mark.parametrize(
    ("argv", "environment", "language"),
    [
        (["--lang", "fr", "list", "treatments"], {}, "fr"),
        (["--lang=en", "check"], {"LANG": "fr_FR.UTF-8"}, "en"),
        (["check"], {"WORKBENCH_LANG": "fr"}, "fr"),
        (["check"], {"LANG": "fr_FR.UTF-8"}, "fr"),
        (["check"], {"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        (["check"], {"LANG": "C.UTF-8"}, "en"),
        # after the command, --lang is that command's (export: the document's language)
        (["--db", "x.sqlite", "export", "register", "--lang", "en"], {"LANG": "fr_FR"}, "fr"),
    ],
)
def test_the_language_chosen(
    argv: list[str],
    environment: dict[str, str],
    language: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert cli_language(argv) == language


def test_errors_are_reported_in_the_language_chosen(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    assert main(["--lang", "fr", "import"]) == 2
    assert capsys.readouterr().err.startswith("dpo-workbench : erreur :")
