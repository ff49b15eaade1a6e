"""The bot's command list, in each language (setMyCommands)."""

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat

log = logging.getLogger(__name__)

COMMANDS = ("menu", "language", "help")


def command_list(l10n) -> list[BotCommand]:
    return [BotCommand(command=name, description=l10n.plain(f"command-{name}"))
            for name in COMMANDS]


async def set_default_commands(bot: Bot, locales) -> None:
    """Commands per Telegram app language, and the default language's for everyone else."""
    await bot.set_my_commands(command_list(locales.get(locales.default)))
    for locale in locales.locales:
        await bot.set_my_commands(command_list(locales.get(locale)), language_code=locale)


async def set_chat_commands(bot: Bot, l10n, chat_id: int) -> None:
    """The commands in the language a person chose in the bot, whatever their app's language."""
    try:
        await bot.set_my_commands(command_list(l10n), scope=BotCommandScopeChat(chat_id=chat_id))
    except TelegramAPIError as error:
        log.warning("could not set commands for chat %s: %s", chat_id, error)
