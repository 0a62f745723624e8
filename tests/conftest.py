from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402 - the variable must be set before Qt loads
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbench.domain import Organisation, OrganisationKind  # noqa: E402
from workbench.services import Register, open_register  # noqa: E402

DATA_DIR = Path(__file__).parent / "data"
SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the developer's real data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("WORKBENCH_AUTHOR", "test-dpo")


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    """A fresh, migrated, empty register in a file under tmp_path."""
    reg = open_register(tmp_path / "register.sqlite", author="test-dpo")
    yield reg
    reg.close()


@pytest.fixture
def own_org(register: Register) -> Organisation:
    changes = register.organisations.create(
        Organisation(name="Podalire", kind=OrganisationKind.OWN, dpo_email="contact@medaviz.com")
    )
    return register.organisations.get(changes.ids[0])
