"""The JavaScript libraries and map data shipped in the package (``accord/web/static/vendor/``):
every file ``web/build.mjs`` copies is there, unchanged since it was copied (its SHA-256 in
``MANIFEST.json``), from the versions ``web/package.json`` pins, each package with its licence;
and the package data of ``pyproject.toml`` puts them in the wheel."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from fnmatch import fnmatch
from typing import Any

import pytest

from accord.web.dashboard import DOCS_FILES, STATIC, VENDOR_FILES, missing_vendor_files
from tests.conftest import ROOT

VENDOR = STATIC / "vendor"
WEB = ROOT / "web"


def manifest() -> Any:
    return json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))


def build_list() -> list[tuple[str, str]]:
    """The (from, to) pairs of web/build.mjs."""
    source = (WEB / "build.mjs").read_text(encoding="utf-8")
    block = source[source.index("const files = [") : source.index("];")]
    return re.findall(r'\["([^"]+)", "([^"]+)"\]', block)


def test_every_copied_file_is_in_the_package_unchanged() -> None:
    files = manifest()["files"]
    pairs = build_list()
    assert len(pairs) >= 11
    assert {to: from_ for from_, to in pairs} == {to: f["from"] for to, f in files.items()}
    for to, info in files.items():
        data = (VENDOR / to).read_bytes()
        assert hashlib.sha256(data).hexdigest() == info["sha256"], to
    assert not missing_vendor_files()
    assert set(VENDOR_FILES) | set(DOCS_FILES) <= set(files)
    on_disk = {p.name for p in VENDOR.iterdir()}
    assert on_disk == set(files) | {"MANIFEST.json"}  # nothing stale, nothing unlisted


def test_versions_are_the_ones_package_json_pins() -> None:
    wanted = json.loads((WEB / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert manifest()["packages"] == wanted
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for name, version in wanted.items():
        assert lock[f"node_modules/{name}"]["version"] == version, name
    # the files say so themselves where they can
    head = {name: (VENDOR / name).read_text(encoding="utf-8")[:200]
            for name in ("d3.min.js", "topojson-client.min.js")}
    assert f"d3js.org v{wanted['d3']} " in head["d3.min.js"]
    assert f"topojson-client v{wanted['topojson-client']} " in head["topojson-client.min.js"]


@pytest.mark.parametrize("package", ["d3", "topojson-client", "world-atlas", "swagger-ui-dist"])
def test_each_package_comes_with_its_licence(package: str) -> None:
    files = manifest()["files"]
    from_package = [to for to, f in files.items() if f["from"].startswith(package + "/")]
    licence = VENDOR / f"{package}.LICENSE"
    assert licence.name in from_package
    text = licence.read_text(encoding="utf-8")
    assert "Copyright" in text or "Apache License" in text
    if package == "swagger-ui-dist":  # Apache-2.0: its NOTICE and the bundle's third parties
        assert {"swagger-ui-dist.NOTICE", "swagger-ui-bundle.js.LICENSE.txt"} <= set(from_package)
        assert "swagger-ui-bundle.js.LICENSE.txt" in (VENDOR / "swagger-ui-bundle.js").read_text(
            encoding="utf-8")[:200]


def test_package_data_includes_them() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["accord"]
    package = STATIC.parents[1]
    for path in VENDOR.iterdir():
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch(relative, p) for p in patterns), relative
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "static/vendor" not in ignored  # tracked, so a checkout has them too
