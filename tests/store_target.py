"""The database a store test runs on: a real SQLite file, or, with TIMELINE_TEST_DB=postgresql://...
set, a schema of its own in that PostgreSQL database.

Each test gets an empty schema named after it, dropped and made again when the test starts and
left in place afterwards, so the tables a run created can be looked at in the database.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

TEST_DB_ENV = "TIMELINE_TEST_DB"


def server_url() -> str:
    """The PostgreSQL URL the store tests run against, or "" for SQLite."""
    return os.environ.get(TEST_DB_ENV, "").strip()


def schema_name(test_name: str) -> str:
    """A PostgreSQL schema name (at most 63 characters) for one test."""
    readable = re.sub(r"[^a-z0-9]+", "_", test_name.lower()).strip("_")[:40]
    return f"t_{readable}_{hashlib.sha1(test_name.encode()).hexdigest()[:12]}"


def with_schema(url: str, schema: str) -> str:
    """`url` with its connections set to use `schema` (libpq's options=-csearch_path=...)."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def fresh_database(tmp_path: Path, test_name: str) -> str | Path:
    """An empty database for one test: an SQLite path in tmp_path, or a fresh PostgreSQL schema's URL."""
    server = server_url()
    if not server:
        return tmp_path / "timeline.db"
    import psycopg
    from psycopg import sql

    schema = schema_name(test_name)
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    return with_schema(server, schema)


@pytest.fixture
def db_target(tmp_path, request) -> str | Path:
    """The test's database: see the module docstring."""
    return fresh_database(tmp_path, request.node.nodeid)
