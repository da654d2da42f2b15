"""One registry type for every extension point: detectors, importers and signal
types. Things are kept by their fixed `name`, in registration order; a second
thing with a name already taken is refused with `DuplicateNameError`.

Built-in things register through the same `register` call an outside one uses;
outside ones installed as Python packages are found through entry points
(`load_entry_points`): a package declares, in its own pyproject.toml,

    [project.entry-points."unsnare.detectors"]
    code_word = "my_package.detectors:CodeWordDetector"

and Unsnare makes one instance of the named class when it builds its registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint, entry_points
from typing import Generic, Protocol, TypeVar, cast

from unsnare.errors import DuplicateNameError, PluginError, UsageError

DETECTORS_GROUP = "unsnare.detectors"
IMPORTERS_GROUP = "unsnare.importers"


class Named(Protocol):
    """Anything registered: it has a fixed, non-empty name."""

    @property
    def name(self) -> str:
        """The name it is registered and chosen by."""
        ...


T = TypeVar("T", bound=Named)


class Registry(Generic[T]):
    """Named things of one kind, in registration order; duplicate names are refused."""

    # What one thing is called in errors: "detector", "importer", "signal type".
    kind = "item"

    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    def register(self, item: T) -> T:
        """Add a thing; refuse one without a name or with a name already taken."""
        name = item.name
        if not name:
            raise UsageError(
                f"{type(item).__name__} has no name",
                hint=f"give the {self.kind} class a fixed `name`",
            )
        if name in self._items:
            article = "an" if self.kind[:1] in "aeiou" else "a"
            raise DuplicateNameError(
                f"{article} {self.kind} named {name!r} is already registered",
                hint=f"pick a different `name` for the new {self.kind}",
            )
        self._items[name] = item
        return item

    def lookup(self, name: str) -> T | None:
        """The thing with this name, or None."""
        return self._items.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)


def load_entry_points(
    group: str,
    registry: Registry[T],
    kind: type[object],
    check: Callable[[object], None] | None = None,
) -> None:
    """Register one instance of each plug-in declared in an entry-point `group`.

    An entry point names a class (or a function) that makes the thing when called
    with no arguments, or the thing itself. A plug-in that fails to load, is not
    a `kind`, or reuses a taken name stops with an error naming its package.
    `check`, when given, is run on each new item; what it raises is such a failure.
    """
    for point in sorted(entry_points(group=group), key=lambda p: p.name):
        _register_one(point, registry, kind, check)


def _register_one(
    point: EntryPoint,
    registry: Registry[T],
    kind: type[object],
    check: Callable[[object], None] | None,
) -> None:
    package = point.dist.name if point.dist is not None else point.value
    where = f"the {registry.kind} plug-in {point.name!r} from the package {package!r}"
    what_to_do = f"upgrade or uninstall {package!r} (pip uninstall {package})"
    try:
        made = point.load()
        item = made if isinstance(made, kind) else made()
        if check is not None and isinstance(item, kind):
            check(item)
    except Exception as exc:  # noqa: BLE001 - any failure inside outside code
        raise PluginError(
            f"{where} could not be loaded ({type(exc).__name__}: {exc})", hint=what_to_do
        ) from exc
    if not isinstance(item, kind):
        raise PluginError(f"{where} is not a {kind.__name__}", hint=what_to_do)
    try:
        # `kind` is the registry's item type (an abstract base, which mypy cannot
        # take as `type[T]`), so the isinstance check above is what makes this safe.
        registry.register(cast(T, item))
    except DuplicateNameError as exc:
        raise DuplicateNameError(
            f"{where}: {exc.message}", hint=f"{what_to_do}, or ask its authors to rename it"
        ) from None
