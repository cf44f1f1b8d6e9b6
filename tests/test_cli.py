"""The `relais` command line, as the Makefile and a maintainer use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from relais.cli import main
from relais.config import Settings
from relais.services import endpoints_config, training_fingerprint

ROOT = Path(__file__).resolve().parents[1]


def where(text: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "relais.cli", "where", text],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


def test_where_prints_one_json_object() -> None:
    found = where("st ouen l aumone")
    assert found["status"] == "found"
    assert found["commune"] == {"insee": "95572", "name": "Saint-Ouen-l'Aumône"}
    ml = found["mission_locale"]
    assert isinstance(ml, dict) and set(ml) == {"code", "name", "address"}
    assert where("lyon")["status"] == "outside_idf"
    ambiguous = where("saint ouen")
    assert ambiguous["status"] == "ambiguous" and ambiguous["mission_locale"] is None
    assert all(set(c) == {"insee", "name", "ml_code"} for c in ambiguous["candidates"])  # type: ignore[union-attr]
    # The conversation's reading: the place it is not ("pas cergy") loses.
    garges = {"insee": "95268", "name": "Garges-lès-Gonesse"}
    assert where("c garges pas cergy")["commune"] == garges


def test_where_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["where", "95100"]) == 0
    assert json.loads(capsys.readouterr().out)["commune"]["name"] == "Argenteuil"


def settings_with(url: str, redis: str | None = None) -> Settings:
    return Settings(
        database_url=url, secret_key="k", rasa_url="http://127.0.0.1:5005", rasa_token="t",
        action_server_url="http://127.0.0.1:5055", web_host="127.0.0.1", web_port=8000,
        telegram_token=None, telegram_webhook_url=None, telegram_webhook_secret=None,
        retry_interval_s=5, redis_url=redis,
    )  # fmt: skip


def test_rasa_tracker_store_uses_the_application_database() -> None:
    sqlite = endpoints_config(settings_with("sqlite:////tmp/x/relais.db"))
    assert sqlite["tracker_store"] == {"type": "SQL", "dialect": "sqlite", "db": "/tmp/x/relais.db"}
    pg = endpoints_config(
        settings_with("postgresql://relais:pw@127.0.0.1:5432/relais", "redis://127.0.0.1:6379/2")
    )
    assert pg["tracker_store"] == {
        "type": "SQL", "dialect": "postgresql", "url": "127.0.0.1", "port": 5432,
        "db": "relais", "username": "relais", "password": "pw",
    }  # fmt: skip
    assert pg["lock_store"] == {"type": "redis", "url": "127.0.0.1", "port": 6379, "db": 2}
    assert pg["action_endpoint"] == {"url": "http://127.0.0.1:5055/webhook"}
    yaml.safe_dump(pg)  # serialisable as Rasa's endpoints.yml


def test_model_is_retrained_only_when_its_inputs_change(tmp_path: Path) -> None:
    (tmp_path / "nlu").mkdir()
    (tmp_path / "nlu" / "jobs.yml").write_text("nlu: []")
    (tmp_path / "domain.yml").write_text("intents: [greet]")
    first = training_fingerprint(tmp_path)
    (tmp_path / "nlu" / "__pycache__").mkdir()
    (tmp_path / "nlu" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    (tmp_path / "README.md").write_text("not a training input")
    (tmp_path / "nlu" / "PIPELINES.md").write_text("notes on the figures")
    assert training_fingerprint(tmp_path) == first
    (tmp_path / "domain.yml").write_text("intents: [greet, goodbye]")
    assert training_fingerprint(tmp_path) != first
