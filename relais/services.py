"""Starting and stopping the Rasa server and the action server as child processes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml
from sqlalchemy.engine import make_url

from relais.config import ROOT, VAR_DIR, Settings

RASA_BIN = ROOT / ".venv-rasa" / "bin" / "rasa"
MODELS_DIR = ROOT / "models"
MODEL_NAME = "relais"
TRAINING_INPUTS = ("nlu", "dialogue", "domain.yml", "config.yml")


def endpoints_config(settings: Settings) -> dict[str, object]:
    """Rasa's endpoints: our action server, and its tracker store on the application database."""
    url = make_url(settings.database_url)
    tracker: dict[str, object]
    if url.drivername.startswith("sqlite"):
        tracker = {
            "type": "SQL",
            "dialect": "sqlite",
            "db": str(Path(url.database or "").resolve()),
        }
    else:
        tracker = {
            "type": "SQL",
            "dialect": "postgresql",
            "url": url.host or "127.0.0.1",
            "port": url.port or 5432,
            "db": url.database,
            "username": url.username or "",
            "password": url.password or "",
        }
    config: dict[str, object] = {
        "action_endpoint": {"url": f"{settings.action_server_url}/webhook"},
        "tracker_store": tracker,
    }
    if settings.redis_url:
        redis = make_url(settings.redis_url)
        config["lock_store"] = {
            "type": "redis",
            "url": redis.host or "127.0.0.1",
            "port": redis.port or 6379,
            "db": int(redis.database or 0),
        }
    return config


def write_endpoints(settings: Settings, folder: Path = VAR_DIR) -> Path:
    """Write endpoints.yml into var/ (it holds connection details, so it is not versioned)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints_config(settings), sort_keys=False))
    path.chmod(0o600)
    return path


def training_fingerprint(root: Path = ROOT) -> str:
    """A hash of everything a model is trained from, to retrain only when it changed."""
    digest = hashlib.sha256()
    paths: list[Path] = []
    for name in TRAINING_INPUTS:
        path = root / name
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        elif path.exists():
            paths.append(path)
    for path in paths:
        if "__pycache__" in path.parts or path.suffix == ".md":  # notes do not change a model
            continue
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def model_path() -> Path:
    """Where the trained model lives."""
    return MODELS_DIR / f"{MODEL_NAME}.tar.gz"


def train(force: bool = False) -> bool:
    """Train the Rasa model if its inputs changed (or `force`); True when it trained."""
    stamp = MODELS_DIR / f"{MODEL_NAME}.fingerprint"
    fingerprint = training_fingerprint()
    if not force and model_path().exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return False
    MODELS_DIR.mkdir(exist_ok=True)
    command = [
        str(RASA_BIN), "train",
        "--data", "nlu", "dialogue",
        "--domain", "domain.yml",
        "--config", "config.yml",
        "--out", str(MODELS_DIR),
        "--fixed-model-name", MODEL_NAME,
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, env=rasa_env(), check=True)
    stamp.write_text(fingerprint)
    return True


def rasa_env() -> dict[str, str]:
    """Environment of the Rasa process: our NLU components importable, telemetry off."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    return env


@dataclass
class Services:
    """The running Rasa server and action server."""

    rasa: subprocess.Popen[bytes]
    actions: subprocess.Popen[bytes]

    def stop(self) -> None:
        """Stop both, gently then firmly."""
        for process in (self.rasa, self.actions):
            if process.poll() is None:
                process.terminate()
        for process in (self.rasa, self.actions):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _log_file(name: str) -> int:
    logs = VAR_DIR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    return os.open(logs / f"{name}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)


def start_action_server(settings: Settings) -> subprocess.Popen[bytes]:
    """Start the rasa-sdk action server with our actions package."""
    port = str(httpx.URL(settings.action_server_url).port or 5055)
    env = dict(
        os.environ, DATABASE_URL=settings.database_url, RELAIS_SECRET_KEY=settings.secret_key
    )
    command = [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", port]
    log = _log_file("actions")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


def start_rasa(settings: Settings, endpoints: Path) -> subprocess.Popen[bytes]:
    """Start the Rasa server with the REST channel, the HTTP API behind a token."""
    port = str(httpx.URL(settings.rasa_url).port or 5005)
    command = [
        str(RASA_BIN), "run",
        "--model", str(model_path()),
        "--endpoints", str(endpoints),
        "--credentials", str(ROOT / "credentials.yml"),
        "--enable-api", "--auth-token", settings.rasa_token,
        "--port", port, "--interface", "127.0.0.1",
    ]  # fmt: skip
    log = _log_file("rasa")
    return subprocess.Popen(command, cwd=ROOT, env=rasa_env(), stdout=log, stderr=log)


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout_s: float = 240) -> None:
    """Wait for a server to answer 200 at `url`; fail early if its process died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the process for {url} exited with code {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout_s:.0f} s")


def start_services(settings: Settings, folder: Path = VAR_DIR) -> Services:
    """Start the action server and Rasa, and wait until both answer."""
    endpoints = write_endpoints(settings, folder)
    actions = start_action_server(settings)
    rasa = start_rasa(settings, endpoints)
    services = Services(rasa=rasa, actions=actions)
    try:
        wait_until_up(f"{settings.action_server_url}/health", actions)
        wait_until_up(f"{settings.rasa_url}/", rasa)
    except BaseException:
        services.stop()
        raise
    return services
