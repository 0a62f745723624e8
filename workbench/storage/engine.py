"""Engine and session factory for a register: a SQLite file (default) or a SQLAlchemy URL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.errors import EncryptedRegisterError, RegisterOpenError

# Execution option marking a transaction that only reads (see the "begin" hook in make_engine).
READ_TRANSACTION = "workbench_read_transaction"


def database_url(location: str | Path) -> str:
    """A path becomes `sqlite:///path`; anything with `://` is taken as a SQLAlchemy URL."""
    text = str(location)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


SQLITE_HEADER = b"SQLite format 3\x00"


def looks_encrypted(path: Path) -> bool:
    """A SQLCipher file has no plain SQLite header: its first page is ciphertext too."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return len(head) == len(SQLITE_HEADER) and head != SQLITE_HEADER


def location_is_writable(path: Path) -> bool:
    """False on a read-only file system, or where this user may not write the file or create
    its companions (-wal, -shm, backups) in its folder."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except (AttributeError, OSError):  # no statvfs on Windows
        pass
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """`mode=ro`, and `immutable=1` where SQLite could not create the write-ahead log's shared
    memory (a read-only medium): with no -wal file there, no writer is at work on this path."""
    immutable = not location_is_writable(path) and not path.with_name(path.name + "-wal").exists()
    return f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")


_OTHER_FORMATS = (
    (b"PK\x03\x04", "a zip archive (an .xlsx, .docx or .ods document?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-format Office document"),
    (b"%PDF", "a PDF document"),
)


def what_else_it_is(path: Path) -> str | None:
    """What a non-empty file that is not a SQLite database is, if it plainly is something else;
    None when it may be a register (plain or encrypted: SQLCipher's first bytes are random).

    A database, encrypted or not, is whole pages (multiples of 512 bytes) and no text; that
    said `--db some.csv` was "encrypted (or damaged)"."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    if not size or head.startswith(SQLITE_HEADER):
        return None
    for magic, kind in _OTHER_FORMATS:
        if head.startswith(magic):
            return kind
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
                return None if not size % 512 else "not a database file"
        return "a text file (a CSV?)"
    return None if not size % 512 else "not a database file"


def make_engine(
    location: str | Path, *, read_only: bool = False, passphrase: str | None = None
) -> Engine:
    """An engine for `location`. SQLite files may be opened read-only or encrypted (SQLCipher).

    Statement parameters are hidden from SQLAlchemy's error messages: they are register
    contents, and an error message ends up on a terminal or in a log."""
    url = database_url(location)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    path = sqlite_path(url)
    if path is not None and passphrase is not None:
        engine = _sqlcipher_engine(path, passphrase, read_only=read_only)
    elif path is not None and read_only:
        target = read_only_uri(path)
        engine = create_engine(
            url,
            creator=lambda: sqlite3.connect(target, uri=True, timeout=5, check_same_thread=False),
            hide_parameters=True,
        )
    else:
        engine = create_engine(url, connect_args={"timeout": 5}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Python's sqlite3 opens transactions lazily and lets SQLAlchemy's BEGIN be skipped;
        # take control so that every unit of work is one real transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        # IMMEDIATE takes the write lock at the start, so two writers queue instead of one
        # failing halfway with "database is locked". A read-only reader never writes: it
        # takes no lock and reads the last committed state (WAL); so does a read transaction
        # of a writable register (execution option READ_TRANSACTION), so that reading never
        # waits for a writer.
        deferred = read_only or conn.get_execution_options().get(READ_TRANSACTION, False)
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

    return engine


def _sqlcipher_engine(path: Path, passphrase: str, *, read_only: bool) -> Engine:
    """SQLAlchemy's pysqlcipher dialect: SQLCipher's errors map to SQLAlchemy's like sqlite3's."""
    _require_sqlcipher()
    database = read_only_uri(path) if read_only else f"file:{path}"
    url = URL.create(
        "sqlite+pysqlcipher", password=passphrase, database=database, query={"uri": "true"}
    )
    engine = create_engine(
        url, connect_args={"timeout": 5, "check_same_thread": False}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _check_key(dbapi_connection: Any, _record: Any) -> None:
        # The key is only tried at the first read: try it now, and say what went wrong.
        dbapi_connection.execute("PRAGMA cipher_log_level = NONE")
        dbapi_connection.execute("PRAGMA temp_store = MEMORY")  # no plaintext temporary file
        try:
            dbapi_connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except Exception as exc:
            raise EncryptedRegisterError(
                f"{path} cannot be opened with this passphrase (wrong passphrase, or the file "
                "is not an encrypted register, or it is damaged)."
            ) from exc

    return engine


def _require_sqlcipher() -> None:
    try:
        import sqlcipher3  # noqa: F401 - only checking that the optional package is there
    except ImportError as exc:  # an optional dependency: say which one
        raise RegisterOpenError(
            "Encrypted registers need the 'sqlcipher3' package (pip install sqlcipher3)."
        ) from exc


def open_sqlcipher(target: str, passphrase: str) -> Any:
    """A SQLCipher connection (same DB-API as sqlite3), keyed before anything else is read."""
    _require_sqlcipher()
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = sqlcipher.connect(target, uri=True, timeout=5, check_same_thread=False)
    # PRAGMA takes no bound parameters; the passphrase is quoted as an SQL string literal.
    quoted = passphrase.replace("'", "''")
    connection.execute(f"PRAGMA key = '{quoted}'")
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute("PRAGMA temp_store = MEMORY")  # sorts and indexes never spill to /tmp
    return connection


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
