"""Shared fixtures: fresh databases (SQLite file and the local PostgreSQL) and settings."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from store.migrate import upgrade

PG_ADMIN = os.environ.get("RELAIS_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
TEST_KEY = "test-secret-key-not-for-production"


def _sqlite(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    upgrade(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh, migrated SQLite database."""
    return _sqlite(tmp_path)


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh, migrated database on the local PostgreSQL, dropped afterwards."""
    name = f"relais_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:  # pragma: no cover - depends on the machine
        if os.environ.get("CI"):
            raise
        pytest.skip(f"local PostgreSQL unreachable: {error}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    try:
        yield url
    finally:
        from store.db import engine_for, normalize_url

        engine_for(normalize_url(url)).dispose()
        engine_for(url).dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, migrated database on the local PostgreSQL, dropped afterwards."""
    with pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return _sqlite(tmp_path)
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def app_settings(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the application (settings, dialogue singleton) at a fresh SQLite database."""
    from actions.common import dialogue
    from relais.config import settings

    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("RELAIS_SECRET_KEY", TEST_KEY)
    settings.cache_clear()
    dialogue.cache_clear()
    yield sqlite_url
    settings.cache_clear()
    dialogue.cache_clear()
