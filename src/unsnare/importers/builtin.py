"""The importers that ship with Unsnare, in the order their names are listed."""

from __future__ import annotations

from unsnare.importers.base import Importer
from unsnare.importers.csvtable import CsvImporter
from unsnare.importers.discord_exporter import DiscordExporterImporter
from unsnare.importers.discord_package import DiscordPackageImporter
from unsnare.importers.google_chat import GoogleChatImporter
from unsnare.importers.hangouts import HangoutsImporter
from unsnare.importers.imessage import IMessageImporter
from unsnare.importers.instagram import InstagramImporter
from unsnare.importers.messenger import MessengerImporter
from unsnare.importers.plaintext import PlainTextImporter
from unsnare.importers.skype import SkypeImporter
from unsnare.importers.snapchat import SnapchatImporter
from unsnare.importers.telegram import TelegramImporter
from unsnare.importers.tiktok import TikTokImporter
from unsnare.importers.whatsapp import WhatsAppImporter


def builtin_importers() -> list[Importer]:
    """A fresh instance of each built-in importer."""
    return [
        WhatsAppImporter(),
        InstagramImporter(),
        MessengerImporter(),
        TelegramImporter(),
        DiscordExporterImporter(),
        DiscordPackageImporter(),
        SnapchatImporter(),
        TikTokImporter(),
        IMessageImporter(),
        GoogleChatImporter(),
        HangoutsImporter(),
        SkypeImporter(),
        PlainTextImporter(),
        CsvImporter(),
    ]
