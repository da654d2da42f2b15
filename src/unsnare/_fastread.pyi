from typing import Any

def wa_scan(ctx: tuple[Any, ...], block: str, /) -> tuple[int, int]: ...
def wa_feed(
    ctx: tuple[Any, ...], block: str, pos: int, line: int, pending: Any, /
) -> tuple[list[Any], int, int, Any, Any, BaseException | None]: ...
def messages_json(
    ctx: tuple[Any, ...], messages: list[Any], first_sep: str, sep: str, pad: str,
    as_bytes: bool, /,
) -> str | bytes | None: ...
def message_tuple(
    items: list[Any], cls: type, source: tuple[Any, type], attachments: tuple[Any, type],
    reactions: tuple[Any, type], /,
) -> tuple[Any, ...]: ...
