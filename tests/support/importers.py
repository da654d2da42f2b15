"""The invented exports every importer is checked on (tests/data/importers/)."""

from __future__ import annotations

from pathlib import Path

from support import paths

DATA = paths.DATA / "importers"

# Each importer's own examples: the contract test (and the memory source's) run on all.

EXAMPLES: dict[str, list[Path]] = {
    "whatsapp": sorted((DATA / "whatsapp").glob("*.txt")),
    "instagram": [DATA / "instagram", DATA / "instagram_replies"],
    "messenger": [
        DATA / "messenger",
        DATA / "messenger_e2ee",
        DATA / "meta_minimal" / "group_bom",
        DATA / "meta_minimal" / "only_messages" / "message_1.json",
    ],
    "telegram": [DATA / "telegram" / "single", DATA / "telegram" / "full"],
    "discord": [DATA / "discord" / "exporter"],
    "discord-package": [DATA / "discord" / "package"],
    "snapchat": [DATA / "snapchat" / "old", DATA / "snapchat" / "new"],
    "tiktok": [DATA / "tiktok" / "json", DATA / "tiktok" / "txt" / "Direct Messages.txt"],
    "imessage": [DATA / "imessage" / "txt" / "Jordan Lee.txt", DATA / "imessage" / "html"],
    "google-chat": [DATA / "google_chat"],
    "hangouts": [DATA / "hangouts"],
    "skype": [DATA / "skype"],
    "plaintext": [DATA / "plaintext" / "copied.txt"],
    "csv": [DATA / "csv" / "messages.csv"],
}
CASES = [(name, path) for name, paths in EXAMPLES.items() for path in paths]
