"""The Spark engine (`unsnare.spark`) on local[2]: the same bytes as every other engine.

Marked `spark` so it is easy to pick out (`-m spark`, `-m "not spark"`); under
CI=true it runs, and fails if Java or pyspark is missing. One SparkSession
serves the whole module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.scan import HASH_OUTPUTS, need_spark, same_bytes
from unsnare.scan import ScanOptions, run_scan, snapshot

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    need_spark()
    from unsnare.spark import SparkEngine

    engine = SparkEngine("local[2]")
    yield engine
    engine.close()


def test_messages_give_the_same_bytes(
    spark: Any, archive: Path, reference: Path, tmp_path: Path
) -> None:
    run_scan(ScanOptions(archive, tmp_path, partitions=2, chunk_rows=100_000), spark)
    same_bytes(reference, tmp_path)


def test_hash_matching_with_a_broadcast_bank(
    spark: Any, hash_case: tuple[Path, Path, dict[str, object]], hash_reference: Path,
    tmp_path: Path
) -> None:
    bank_file, inputs, _ = hash_case
    run_scan(ScanOptions(inputs, tmp_path, chunk_rows=100), spark,
             snapshot(None, [], [bank_file]))
    same_bytes(hash_reference, tmp_path, HASH_OUTPUTS)


def test_a_local_master_listens_on_loopback_only(spark: Any) -> None:
    conf = spark.spark.sparkContext.getConf()
    assert conf.get("spark.driver.bindAddress") == "127.0.0.1"
    assert conf.get("spark.driver.host") == "127.0.0.1"
    assert conf.get("spark.ui.enabled") == "false"
