"""The two databases a Store can live in, behind one small connection interface.

    backend = open_backend("data/timeline.db")                       # SQLite, a file
    backend = open_backend("postgresql://rina@db.example/timeline")  # PostgreSQL, a server
    with backend.writing() as conn: conn.execute("UPDATE ... WHERE id = ?", (1,))

Both speak the same SQL (qmark placeholders, `INSERT ... RETURNING id`, `ORDER BY rowid`); a
backend only translates what cannot be shared: column types, placeholders, how a writer takes the
database for itself, and how the columns of a table are listed. The store's queries stay in one
place (timeline.store.core) and read the same on both.

Writers are serialised on both: SQLite with BEGIN IMMEDIATE, PostgreSQL with one transaction-level
advisory lock, so that a change's read-check-write steps (the optimistic version checks) never
interleave with another writer's, in any process on any machine.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql", "postgres")
# Any constant works: every timeline writer on one PostgreSQL database takes this one lock.
_WRITE_LOCK_KEY = 7_261_331


class BackendError(Exception):
    """The database cannot be reached, opened or written; the message is one line."""


def is_database_url(target: object) -> bool:
    """True for a postgresql:// (or postgres://) URL, False for a file path."""
    return isinstance(target, str) and urlsplit(target.strip()).scheme.lower() in POSTGRES_SCHEMES


def open_backend(target: str | Path) -> "SQLiteBackend | PostgresBackend":
    """The backend for a PostgreSQL URL or an SQLite file path."""
    if is_database_url(target):
        return PostgresBackend(str(target).strip())
    return SQLiteBackend(Path(target))


def redacted(url: str) -> str:
    """The URL without its password, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    userinfo = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{netloc[1]}"))


class Row(tuple):
    """A result row read by column name (row["title"]) or position (row[0]), like sqlite3.Row:
    a tuple to pandas, a mapping to dict(row)."""

    def __new__(cls, index: dict[str, int], values):
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        return super().__getitem__(self._index[key] if isinstance(key, str) else key)

    def keys(self):
        return self._index.keys()


class SQLiteBackend:
    """An SQLite file in WAL mode; one connection per call."""

    name = "sqlite"
    types = {"string": "TEXT NOT NULL DEFAULT ''", "Int64": "INTEGER", "float64": "REAL",
             "boolean": "INTEGER NOT NULL DEFAULT 0"}
    id_column = "INTEGER PRIMARY KEY AUTOINCREMENT"
    rowid_column = ""  # SQLite tables have a rowid of their own
    errors = (sqlite3.Error,)

    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)

    def prepare(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()

    def columns(self, conn, table: str) -> set[str]:
        return {row["name"] for row in conn.execute(f"PRAGMA table_info({table})")}

    def mark_schema(self, conn, version: int) -> None:
        conn.execute(f"PRAGMA user_version = {int(version)}")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction, taken for writing at once so that read-check-write steps cannot interleave."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise BackendError(f"the database could not be written: {error}") from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn


class PostgresBackend:
    """A PostgreSQL database reached through psycopg 3; one connection per call."""

    name = "postgresql"
    # COLLATE "C": text sorts by code point, as in SQLite, whatever the server's locale.
    types = {"string": "TEXT COLLATE \"C\" NOT NULL DEFAULT ''", "Int64": "BIGINT", "float64": "DOUBLE PRECISION",
             "boolean": "INTEGER NOT NULL DEFAULT 0"}
    id_column = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    rowid_column = "rowid BIGSERIAL"  # insertion order, which SQLite keeps as its rowid

    def __init__(self, url: str):
        import psycopg  # only a PostgreSQL store needs the driver

        self._psycopg = psycopg
        self.url = url
        self.label = redacted(url)
        self.errors = (psycopg.Error,)

    def prepare(self) -> None:
        with self.reading() as conn:
            conn.execute("SELECT 1")

    def columns(self, conn, table: str) -> set[str]:
        rows = conn.execute("SELECT column_name FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND table_name = ?", (table,))
        return {row[0] for row in rows}

    def mark_schema(self, conn, version: int) -> None:
        conn.execute(f"COMMENT ON TABLE events IS 'timeline events, schema version {int(version)}'")

    @contextmanager
    def reading(self) -> Iterator["_PostgresConnection"]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def writing(self) -> Iterator["_PostgresConnection"]:
        """One transaction holding the database's write lock until it commits or rolls back."""
        conn = self._connect()
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK_KEY,))
            yield conn
            conn.execute("COMMIT")
        except self._psycopg.OperationalError as error:
            conn.rollback_quietly()
            raise BackendError(f"the database could not be written: {_one_line(error)}") from None
        except BaseException:
            conn.rollback_quietly()
            raise
        finally:
            conn.close()

    def _connect(self) -> "_PostgresConnection":
        try:
            raw = self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except self._psycopg.Error as error:
            raise BackendError(f"{self.label} cannot be reached: {_one_line(error)}") from None
        return _PostgresConnection(raw)


class _PostgresConnection:
    """A psycopg connection that takes the store's qmark SQL and gives Row results."""

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql: str, params: tuple | list = ()):
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.execute(_placeholders(sql), tuple(params))
        return cursor

    def rollback_quietly(self) -> None:
        try:
            if self.raw.info.transaction_status != self.raw.info.transaction_status.IDLE:
                self.raw.execute("ROLLBACK")
        except Exception:  # the connection is gone: the server rolls back on its own
            pass

    def close(self) -> None:
        self.raw.close()


def _row_factory(cursor):
    index = {column.name: position for position, column in enumerate(cursor.description or ())}
    return lambda values: Row(index, values)


_QMARK = re.compile(r"'[^']*'|\"[^\"]*\"|%|\?")


def _placeholders(sql: str) -> str:
    """qmark SQL in psycopg's format: ? -> %s and a literal % -> %%, quoted text left alone."""
    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")
    return _QMARK.sub(replace, sql)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
