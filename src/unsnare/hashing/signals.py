"""The kinds of hash (signal types) a bank can hold, in the one registry type
Unsnare uses for every extension point (`unsnare.registry.Registry`).

Each signal type says what its hashes look like and which names other tools
give it, so validation, guessing a pasted hash's type and reading
python-threatexchange files all ask the same table. A new signal type also
needs matching support in `hashing/matcher.py`, so there is no plug-in group
for them yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from unsnare.registry import Registry


@dataclass(frozen=True, slots=True)
class SignalTypeInfo:
    """One kind of hash: its name, its length in hex characters, its other names."""

    name: str
    hex_length: int
    description: str
    # python-threatexchange's names for it (SignalType.get_name()).
    exchange_names: tuple[str, ...] = ()


class SignalTypeRegistry(Registry[SignalTypeInfo]):
    """Signal types by name; duplicate names are refused."""

    kind = "signal type"


@lru_cache(maxsize=1)
def builtin_signal_types() -> SignalTypeRegistry:
    """PDQ (pictures and video frames) and MD5 (exact files)."""
    registry = SignalTypeRegistry()
    registry.register(
        SignalTypeInfo("pdq", 64, "PDQ perceptual hash of a picture or video frame", ("pdq",))
    )
    registry.register(
        SignalTypeInfo("md5", 32, "MD5 of the exact file", ("video_md5", "photo_md5", "md5"))
    )
    return registry
