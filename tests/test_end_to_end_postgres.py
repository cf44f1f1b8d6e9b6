"""The same spine on PostgreSQL, with Rasa's SQL tracker store there and its Redis lock store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from bot.server import build_app
from relais.config import Settings
from relais.services import model_path, start_services
from tests.test_end_to_end import stack_settings
from tests.test_end_to_end import (
    test_greet_consent_need_commune_counsellor_then_erase as spine,
)

pytestmark = pytest.mark.rasa


@pytest.fixture(scope="module")
def pg_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Rasa + action server on a fresh PostgreSQL database, locks in the local Redis."""
    if not model_path().exists():
        pytest.fail("no trained model: run `make train` first")
    from tests.conftest import pg_database

    with pg_database() as url:
        settings = replace(stack_settings(url), redis_url="redis://127.0.0.1:6379/3")
        services = start_services(settings, tmp_path_factory.mktemp("e2e-pg"))
        try:
            yield settings
        finally:
            services.stop()


@pytest.fixture
async def pg_web(pg_stack: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = build_app(pg_stack)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://relais"
    ) as client:
        yield client


async def test_spine_on_postgresql_with_redis_locks(
    pg_stack: Settings, pg_web: httpx.AsyncClient, tmp_path: Path
) -> None:
    await spine(pg_stack, pg_web)
