"""`relais chat`: the conversation in a terminal, through the same gateway as the other channels."""

from __future__ import annotations

import asyncio
import uuid

from bot.gateway import Gateway
from bot.rasa_client import RasaClient
from relais.config import Settings
from relais.messages import BotReply, Button, Inbound


def _show(replies: list[BotReply]) -> list[Button]:
    buttons: list[Button] = []
    for reply in replies:
        print(f"\n🤖 {reply.text.replace(chr(0x2060), '')}")
        for button in reply.buttons:
            buttons.append(button)
            print(f"   [{len(buttons)}] {button.title}")
    return buttons


async def chat(settings: Settings) -> int:
    """Read lines from the terminal and print the bot's replies; a number presses a button."""
    from relais.services import start_services, train

    rasa = RasaClient(settings.rasa_url, settings.action_server_url, settings.rasa_token)
    services = None
    if not await rasa.healthy():
        train()
        print("Starting Rasa and the action server (about a minute)…", flush=True)
        services = await asyncio.to_thread(start_services, settings)
    gateway = Gateway(rasa, settings.secret_key, settings.database_url)
    session = uuid.uuid4().hex
    print("Écris ton message (Ctrl-D pour quitter). Un numéro choisit un bouton.")
    buttons: list[Button] = []
    try:
        while True:
            try:
                line = await asyncio.to_thread(input, "\n> ")
            except EOFError:
                break
            text, is_payload = line, False
            if line.strip().isdigit() and 0 < int(line) <= len(buttons):
                text, is_payload = buttons[int(line) - 1].payload, True
            replies = await gateway.handle(
                Inbound(channel="terminal", external_id=session, text=text, is_payload=is_payload)
            )
            buttons = _show(replies)
    finally:
        await rasa.close()
        if services is not None:
            services.stop()
    return 0
