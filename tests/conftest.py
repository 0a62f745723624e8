from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# (set before anything can load Qt)

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.backends import backends, migrated_pg_schema, runs_on_every_backend
from workbench.domain import Organisation, OrganisationKind
from workbench.i18n import current_locale, setup_i18n
from workbench.services import Register, open_register

DATA_DIR = Path(__file__).parent / "data"
SEEDS_DIR = DATA_DIR / "seeds"  # copies of shared/seeds, so a bare checkout runs every test


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        help="deep runs of the kill and fuzz tests: more kills, more examples, fresh random "
        "hypothesis seeds (by default they are few, seeded and the same on every run)",
    )


@pytest.fixture
def long_run(request: pytest.FixtureRequest) -> bool:
    """`pytest --long`: the reliability tests go deep (README, "Tests")."""
    return bool(request.config.getoption("--long"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the developer's real data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("WORKBENCH_AUTHOR", "test-dpo")
    monkeypatch.setenv("WORKBENCH_LANG", "en")  # the CLI's messages, whatever this machine's LANG


@pytest.fixture
def in_language() -> Iterator[Callable[[str], None]]:
    """Switch the process's message language within a test; the previous one comes back after."""
    before = current_locale()
    yield setup_i18n
    setup_i18n(before)


@pytest.fixture
def french(in_language: Callable[[str], None]) -> None:
    in_language("fr")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Service and reliability tests also run on PostgreSQL when WORKBENCH_TEST_PG_URL is set.
    # Mark a test `sqlite_only` when it works on the register file itself.
    if (
        "register" in metafunc.fixturenames
        and runs_on_every_backend(metafunc.definition.path)
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    ):
        metafunc.parametrize("register", backends(), indirect=True)


@pytest.fixture(scope="session")
def _empty_register_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty register, migrated once for the session: migrating costs ~0.13 s a register,
    copying the migrated file ~0.02 s, and several hundred tests start from an empty one."""
    path = tmp_path_factory.mktemp("template") / "register.sqlite"
    open_register(path, author="test-dpo").close()  # closing checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def _demo_register_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo register (both seed documents read, ~0.4 s) built once for the session, in a
    folder of its own: the file and the backup taken before its import."""
    from workbench.services.demo import ensure_demo_register

    folder = tmp_path_factory.mktemp("demo-template")
    ensure_demo_register(folder / "demo.sqlite", author="test-dpo").close()
    return folder


@pytest.fixture
def demo_register_file(tmp_path: Path, _demo_register_folder: Path) -> Path:
    """tmp_path/demo.sqlite: the demo register as `ensure_demo_register` leaves it there (with
    its backups/ beside it), copied from the session's."""
    shutil.copytree(_demo_register_folder, tmp_path, dirs_exist_ok=True)
    return tmp_path / "demo.sqlite"


@pytest.fixture
def register(
    request: pytest.FixtureRequest, tmp_path: Path, _empty_register_file: Path
) -> Iterator[Register]:
    """A fresh, migrated, empty register in a file under tmp_path (or a PostgreSQL schema)."""
    if getattr(request, "param", "sqlite") == "postgresql":
        with migrated_pg_schema() as url:
            reg = open_register(url, author="test-dpo")
            yield reg
            reg.close()
        return
    path = tmp_path / "register.sqlite"
    shutil.copyfile(_empty_register_file, path)
    path.chmod(0o600)  # as a register the application creates
    reg = open_register(path, author="test-dpo")
    yield reg
    reg.close()


@pytest.fixture
def own_org(register: Register) -> Organisation:
    changes = register.organisations.create(
        Organisation(name="Podalire", kind=OrganisationKind.OWN, dpo_email="contact@medaviz.com")
    )
    return register.organisations.get(changes.ids[0])
