"""Quick construction of the frozen, slotted model values for importers' hot loops.

`builder(Message)` returns a callable that takes every field positionally, in
declaration order, and returns the same value `Message(...)` would. With the
compiled helper (built by `pip install -e .`, see setup.py) it skips the
dataclass `__init__`, which sets each field through `object.__setattr__`;
without it the class itself is returned, so answers never depend on the build.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_make: Callable[..., Any] | None
try:
    from unsnare._fastmodel import make as _make
except ImportError:  # installed without a C compiler: the ordinary constructor
    _make = None

T = TypeVar("T")


def compiled() -> bool:
    """Whether the compiled constructor is in use."""
    return _make is not None


def slot_descriptors(cls: type[DataclassInstance]) -> tuple[object, ...] | None:
    """The slot descriptors of every field of a plain slotted dataclass, in order.

    None unless setting the slots is all `cls(...)` does: slots exactly the
    fields, every field in `__init__`, no `__post_init__`.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))
    plain = (
        getattr(cls, "__slots__", None) == names
        and not hasattr(cls, "__post_init__")
        and all(f.init for f in dataclasses.fields(cls))
    )
    return tuple(cls.__dict__[n] for n in names) if plain else None


def builder(cls: type[T], *, use_compiled: bool = True) -> Callable[..., T]:
    """A constructor for `cls` taking all its fields positionally (quick when compiled)."""
    descriptors = slot_descriptors(cast("type[DataclassInstance]", cls))
    if _make is None or not use_compiled or descriptors is None:
        return cls
    return partial(_make, cls, descriptors)
