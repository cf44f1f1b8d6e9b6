"""The web chat in a real headless Chromium on a phone-sized screen, against a fake Rasa."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from bot.gateway import Gateway
from bot.rasa_client import RasaClient
from bot.web import create_web_app
from relais.config import Rate
from store.migrate import upgrade
from tests.rasa_double import RasaDouble

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "var" / "screenshots"

GREETING = (
    "Salut, moi c'est Relais 👋\n"
    "Je peux t'aider pour un job, une formation, un logement ou des aides."
)
PRIVACY = (
    "Avant de commencer : je garde tes messages sans ton nom, juste pour améliorer le service. "
    "Tu peux tout effacer quand tu veux. Ça te va ?"
)
JOB_QUESTION = "Top ! Tu cherches plutôt :"
JOB_ANSWER = (
    "Ok ! Les offres près de chez toi sont ici : https://www.francetravail.fr/.\n"
    "Et un·e conseiller·e de ta Mission Locale peut t'aider pour ton CV."
)


def phone_answers(sender: str, message: str) -> list[dict[str, Any]]:
    """A few realistic Rasa answers: greeting and privacy notice, a job question, an echo."""
    if message == "/greet":
        return [
            {"text": GREETING},
            {
                "text": PRIVACY,
                "buttons": [
                    {"title": "Ça me va", "payload": "/affirm"},
                    {"title": "Non merci", "payload": "/deny"},
                ],
            },
        ]
    if "job" in message and not message.startswith("/"):
        return [
            {
                "text": JOB_QUESTION,
                "buttons": [
                    {"title": "Un job tout de suite", "payload": '/ask_job{"when":"now"}'},
                    {"title": "Une alternance", "payload": "/ask_apprenticeship"},
                ],
            }
        ]
    if message == "/delete_data":
        return [{"text": "C'est fait, j'ai tout effacé."}, {"custom": {"relais_erase": True}}]
    if message.startswith("/ask_job"):
        return [{"text": JOB_ANSWER}]
    if message == "html":
        return [{"text": '<img src=x onerror="window.pwned=1"> <b>gras</b> javascript:x()'}]
    return [{"text": "Bien reçu 👍"}]


class ServerThread:
    """Uvicorn on a free localhost port, in a background thread with its own event loop."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="off", ws="none"
        )
        self.server = uvicorn.Server(config)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.server.serve(sockets=[self.sock]))

    def __enter__(self) -> ServerThread:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            threading.Event().wait(0.05)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()

    def run(self, coroutine: Any) -> Any:
        """Run a coroutine on the server's loop (where the gateway lives) and wait for it."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)


@contextlib.contextmanager
def serve(tmp_path: Path, **app_options: Any) -> Iterator[tuple[ServerThread, RasaDouble, Gateway]]:
    """The web chat on a free port, with a fake Rasa and a fresh SQLite database."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    upgrade(url)
    rasa = RasaDouble(answer=phone_answers, delays={"lent": 1.5})
    client = RasaClient(
        "http://rasa.test", "http://actions.test", "token", transport=rasa.transport()
    )
    gateway = Gateway(client, "browser-test-key", url)
    with ServerThread(create_web_app(gateway, url, **app_options)) as server:
        yield server, rasa, gateway
        server.run(client.close())


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ServerThread, RasaDouble, Gateway]]:
    with serve(tmp_path) as stack:
        yield stack


def test_chat_on_a_phone(served):
    from playwright.sync_api import expect, sync_playwright

    server, rasa, gateway = served
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": 360, "height": 740}, device_scale_factor=2, locale="fr-FR"
            )
            page = context.new_page()
            outside: list[str] = []
            local = (server.url, "data:")
            page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
            page.goto(server.url)
            log = page.locator("#log")
            field = page.get_by_role("textbox", name="Ton message")

            # Accessibility basics: labelled input, polite live log, French page.
            expect(field).to_have_count(1)
            expect(log).to_have_attribute("role", "log")
            expect(log).to_have_attribute("aria-live", "polite")
            expect(page.locator("html")).to_have_attribute("lang", "fr")
            expect(page.get_by_role("heading", level=1)).to_have_text(
                "Relais — ta Mission Locale, en direct"
            )

            # A new session is greeted at once (welcome line, greeting, privacy notice).
            expect(log).to_contain_text("Écris-moi ta question")
            expect(log).to_contain_text("Tu peux tout effacer quand tu veux")
            assert rasa.messages() == ["/greet"]
            page.screenshot(path=str(SCREENSHOTS / "webchat-welcome.png"))
            session = page.evaluate("localStorage.getItem('relais.session')")
            assert session and len(session) == 36
            # Line breaks of bot text are kept.
            greeting = log.locator(".msg--bot", has_text="moi c'est Relais")
            assert greeting.evaluate("n => getComputedStyle(n).whiteSpace") == "pre-line"

            # Typed message, Enter, reply with buttons.
            field.fill("je cherche un job")
            field.press("Enter")
            expect(log.locator(".msg--user")).to_have_text(["Toi : je cherche un job"])
            expect(log).to_contain_text(JOB_QUESTION)
            expect(field).to_have_value("")
            expect(field).to_be_focused()

            # A bot button: its title becomes the young person's message, its payload goes to Rasa.
            choice = page.get_by_role("button", name="Un job tout de suite")
            expect(choice).to_have_attribute("type", "button")
            choice.click()
            expect(log.locator(".msg--user").last).to_have_text("Toi : Un job tout de suite")
            link = log.get_by_role("link", name="https://www.francetravail.fr/")
            expect(link).to_have_attribute("href", "https://www.francetravail.fr/")
            expect(link).to_have_attribute("rel", "noopener noreferrer nofollow")
            assert rasa.messages()[-1] == '/ask_job{"when":"now"}'
            expect(field).to_be_focused()

            # Phone layout: no sideways scrolling, tap targets of at least 44 px.
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            targets = page.locator(".choice, #send, #erase, #input")
            for i in range(targets.count()):
                box = targets.nth(i).bounding_box()
                assert box is not None and box["height"] >= 44, targets.nth(i).inner_text()
            page.screenshot(path=str(SCREENSHOTS / "webchat.png"))

            # Keyboard only: Tab reaches the bot buttons, Enter presses them.
            page.get_by_role("button", name="Non merci").focus()
            page.keyboard.press("Enter")
            expect(log.locator(".msg--user").last).to_have_text("Toi : Non merci")
            expect(log.locator(".msg--bot").last).to_have_text("Relais : Bien reçu 👍")
            assert rasa.messages()[-1] == "/deny"

            # Bot text is text, never HTML; only http(s) becomes a link.
            field.fill("html")
            field.press("Enter")
            expect(log).to_contain_text("<b>gras</b>")
            assert log.locator("img, b").count() == 0
            assert page.evaluate("window.pwned") is None
            assert log.locator("a[href^='javascript']").count() == 0

            # The typing indicator shows while the bot is working.
            field.fill("lent")
            field.press("Enter")
            expect(page.locator("#typing")).to_be_visible()
            expect(log).to_contain_text("Bien reçu")
            expect(page.locator("#typing")).to_be_hidden()

            # Network failure: a French message, and the text is still in the input.
            page.route("**/api/chat", lambda route: route.abort())
            field.fill("mon message important")
            field.press("Enter")
            expect(page.locator("#status")).to_contain_text("Pas de connexion")
            expect(field).to_have_value("mon message important")
            page.screenshot(path=str(SCREENSHOTS / "webchat-offline.png"))
            page.unroute("**/api/chat")
            field.press("Enter")
            expect(log.locator(".msg--user").last).to_have_text("Toi : mon message important")
            expect(page.locator("#status")).to_have_text("")

            # Rasa down: "je reviens" at once, then the real answer arrives by polling.
            rasa.up = False
            field.fill("t'es là ?")
            field.press("Enter")
            expect(log).to_contain_text("je te réponds très vite")
            rasa.up = True
            assert server.run(gateway.flush_pending()) == 1
            expect(log.locator(".msg--bot").last).to_have_text(
                "Relais : Bien reçu 👍", timeout=10_000
            )

            # A reload keeps the session and does not greet again nor replay late replies.
            bot_count = rasa.messages().count("/greet")
            page.reload()
            expect(log).to_contain_text("Tu peux reprendre")
            page.wait_for_timeout(4_500)  # one polling round
            assert rasa.messages().count("/greet") == bot_count
            assert page.evaluate("localStorage.getItem('relais.session')") == session
            assert log.locator(".msg--bot").count() == 1

            # "Effacer mes données": the screen is cleared and a new session starts.
            page.get_by_role("button", name="Effacer mes données").click()
            expect(log).to_contain_text("Tes données sont effacées")
            expect(log).to_contain_text("C'est fait, j'ai tout effacé.")
            assert rasa.messages()[-1] == "/delete_data"
            assert log.locator(".msg--user").count() == 0
            assert page.evaluate("localStorage.getItem('relais.session')") != session

            assert outside == [], "the page must not load anything from elsewhere"
        finally:
            browser.close()


def test_too_many_messages_keep_the_text_and_say_when_to_resend(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with (
        serve(tmp_path, session_rate=Rate(2, 3600)) as (server, rasa, _gateway),
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740}, locale="fr-FR")
            page.goto(server.url)
            log = page.locator("#log")
            field = page.get_by_role("textbox", name="Ton message")
            expect(log).to_contain_text("Tu peux tout effacer quand tu veux")  # 1st: /greet

            field.fill("je cherche un job")
            field.press("Enter")
            expect(log).to_contain_text(JOB_QUESTION)  # 2nd

            field.fill("et vers cergy ?")
            field.press("Enter")
            expect(page.locator("#status")).to_contain_text("Doucement")
            expect(page.locator("#status")).to_contain_text("renvoie ton message")
            expect(field).to_have_value("et vers cergy ?")
            expect(log.locator(".msg--failed")).to_have_count(1)
            page.screenshot(path=str(SCREENSHOTS / "webchat-slow-down.png"))

            # Even then, a young person in danger gets the numbers at once.
            field.fill("je veux mourir")
            field.press("Enter")
            expect(log).to_contain_text("3114")
            assert rasa.messages() == ["/greet", "je cherche un job"]
        finally:
            browser.close()
