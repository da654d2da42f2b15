"""Outside detectors and importers: the example plug-in package, pip-installed
into a temporary folder, is used by `unsnare import` and `unsnare analyze`; the
one registry type refuses duplicate names the same way for every kind."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import types
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import unsnare.registry
from support import paths
from support.cli import run_unsnare
from unsnare.analysis import (
    Detector,
    DetectorRegistry,
    PatternDetector,
    Rule,
    Tactic,
    builtin_registry,
)
from unsnare.analysis.registry import installed_registry
from unsnare.errors import DuplicateNameError, PluginError, UsageError
from unsnare.importers import ImporterRegistry, default_registry
from unsnare.registry import DETECTORS_GROUP, load_entry_points

EXAMPLE = paths.ROOT / "examples" / "unsnare-example-plugin"


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example package installed with pip into a folder of its own (offline)."""
    work = tmp_path_factory.mktemp("plugin")
    source = shutil.copytree(EXAMPLE, work / "source")  # the build writes beside the source
    target = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps",
         "--no-index", "--target", str(target), str(source)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return target


@pytest.mark.slow
def test_an_installed_importer_reads_its_format(plugin_path: Path) -> None:
    out = run_unsnare("import", str(EXAMPLE / "sample.pinebox"), path=[plugin_path])
    assert out.returncode == 0, out.stderr
    assert "as pinebox (1 conversation)" in out.stdout


@pytest.mark.slow
def test_an_installed_detector_finds_and_explains(plugin_path: Path) -> None:
    out = run_unsnare("analyze", "--json", str(EXAMPLE / "sample.pinebox"), path=[plugin_path])
    assert out.returncode == 0, out.stderr
    findings = json.loads(out.stdout)["findings"]
    ours = [f for f in findings if f["detector"] == "example_code_word"]
    assert [f["detail"]["rule"] for f in ours] == ["example_code_word/pineapple_protocol"]
    assert ours[0]["detail"]["base_score"] == 0.5


def _points(monkeypatch: pytest.MonkeyPatch, *values: str) -> None:
    points = [EntryPoint(f"p{i}", v, DETECTORS_GROUP) for i, v in enumerate(values)]
    monkeypatch.setattr(unsnare.registry, "entry_points", lambda group: points)


def test_a_plugin_reusing_a_built_in_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _points(monkeypatch, "unsnare.analysis.detectors.deadline:DeadlineDetector")
    with pytest.raises(DuplicateNameError, match="deadline.*already registered"):
        load_entry_points(DETECTORS_GROUP, builtin_registry(), Detector)


@pytest.mark.parametrize(
    ("value", "says"),
    [("no_such_module_here:Thing", "could not be loaded"), ("json:dumps", "could not be loaded"),
     ("unsnare.models:Message", "could not be loaded"), ("builtins:object", "is not a Detector")],
)  # fmt: skip
def test_a_broken_plugin_stops_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, value: str, says: str
) -> None:
    _points(monkeypatch, value)
    with pytest.raises(PluginError, match=says) as caught:
        load_entry_points(DETECTORS_GROUP, DetectorRegistry(), Detector)
    assert "uninstall" in caught.value.explain()


def test_every_registry_refuses_duplicates_with_one_error_type() -> None:
    assert issubclass(DuplicateNameError, UsageError) and issubclass(DuplicateNameError, ValueError)
    detectors = DetectorRegistry()
    detectors.register(builtin_registry().get("deadline"))
    importers = ImporterRegistry()
    importers.register(default_registry().get("csv"))
    with pytest.raises(DuplicateNameError, match="a detector named 'deadline' is already"):
        detectors.register(builtin_registry().get("deadline"))
    with pytest.raises(DuplicateNameError, match="an importer named 'csv' is already"):
        importers.register(default_registry().get("csv"))


class _TypoDetector(PatternDetector):
    """A plug-in's detector whose one rule has an unbalanced bracket."""

    name = "example_typo"
    version = "1"
    tactic = Tactic.GROOMING
    rules = (Rule(r"\bpineapple (protocol\b", 0.5, "A code word.", keys="pineapple"),)


def test_a_plugin_rule_that_does_not_compile_stops_it_as_it_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rules are compiled when first tried; a plug-in's are compiled as it loads, so a
    # typo names the plug-in instead of failing in the middle of an analysis.
    plugin = types.ModuleType("unsnare_typo_plugin")
    plugin.TypoDetector = _TypoDetector  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "unsnare_typo_plugin", plugin)
    _points(monkeypatch, "unsnare_typo_plugin:TypoDetector")
    with pytest.raises(PluginError, match="could not be loaded") as caught:
        installed_registry()
    assert "uninstall" in caught.value.explain()
