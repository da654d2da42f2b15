import numpy as np
import numpy.typing as npt

def search(
    lo: npt.NDArray[np.uint64],
    hi: npt.NDArray[np.uint64],
    order: npt.NDArray[np.uint32],
    offsets: npt.NDArray[np.uint32],
    alive: npt.NDArray[np.bool_],
    keys: npt.NDArray[np.uint32],
    chunk: npt.NDArray[np.int64],
    mask: npt.NDArray[np.uint32],
    query: npt.NDArray[np.uint8],
    max_distance: int,
    out_rows: npt.NDArray[np.int64],
    out_dist: npt.NDArray[np.uint16],
    /,
) -> int: ...

def search_batch(
    lo: npt.NDArray[np.uint64],
    hi: npt.NDArray[np.uint64],
    order: npt.NDArray[np.uint32],
    offsets: npt.NDArray[np.uint32],
    alive: npt.NDArray[np.bool_],
    keys: npt.NDArray[np.uint32],
    chunk: npt.NDArray[np.int64],
    mask: npt.NDArray[np.uint32],
    queries: npt.NDArray[np.uint8],
    max_distance: int,
    out_query: npt.NDArray[np.int64],
    out_rows: npt.NDArray[np.int64],
    out_dist: npt.NDArray[np.uint16],
    /,
) -> tuple[int, int, int]: ...
