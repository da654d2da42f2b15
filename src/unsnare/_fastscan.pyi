from collections.abc import Sequence

class Scanner:
    def __init__(
        self, rules: Sequence[Sequence[Sequence[Sequence[str]]] | None], /
    ) -> None: ...
    def scan(self, text: str, /) -> tuple[int, ...]: ...
