from typing import Any

def unknown(words_lists: list[list[str]], word_row: dict[str, int], /) -> list[str]: ...
def sums(
    words_lists: list[list[str]],
    word_row: dict[str, int],
    index: dict[str, int],
    word_table: Any,
    word_counts: Any,
    weights: Any,
    out: Any,
    /,
) -> None: ...
