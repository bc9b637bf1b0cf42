"""No input makes the API fail: random strings, numbers, unicode, SQL and huge values for every
query and path parameter of every GET endpoint (read from the OpenAPI description, so a new
endpoint or parameter is covered without editing this file), mixed with values that pass the
parameter's declared type and bounds (so that many requests reach the store), answer below 500,
and a 422 names a parameter that was sent."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.store import Store
from accord.web.api import create_app
from tests.factories import sample_documents

pytestmark = pytest.mark.slow  # generated cases on every endpoint: seconds

EXAMPLES = 50  # per endpoint
SPEC = create_app(":memory:").openapi()
ENDPOINTS = sorted(
    (path, [(p["name"], p["in"]) for p in ops["get"].get("parameters", [])])
    for path, ops in SPEC["paths"].items()
    if "get" in ops and path.startswith("/api/")
)
SCHEMAS = {
    (path, p["name"]): p["schema"]
    for path, ops in SPEC["paths"].items() if "get" in ops
    for p in ops["get"].get("parameters", [])
}

NASTY = [
    "", " ", "0", "-1", "1e309", "-1e309", "nan", "inf", "NaN", "1.5", "2**63", str(2**63),
    str(-(2**63) - 1), "9" * 400, "2024-02-31", "2024-13", "0000", "0000-00-00", "9999-12-31",
    "2024-1-1", "CHN-VNM", "chn-vnm", "CHN-", "-", "VNM", "vnm", "actor", "recipient", "-date",
    "csv", "jsonl", "json", "country", "AGREE", "' OR 1=1 --", "\"; DROP TABLE events; --",
    "%", "_", "%%", "\\", "\x00", "\x00abc", "\u202e", "\ufeff", "💥", "Tô Lâm", "ÉTAT", "ǅ",
    "<script>alert(1)</script>", "../../etc/passwd", "a" * 64, "a" * 65, "x" * 10_000,
]

VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(min_size=150, max_size=3000),
    st.integers(min_value=-(2**100), max_value=2**100).map(str),
    st.floats().map(lambda f: str(f) if not math.isnan(f) else "nan"),
    st.dates().map(lambda d: d.isoformat()[: 4 + 3 * (d.day % 3)]),
)


def declared(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    """Values of a parameter's declared type within its declared bounds (as text)."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    (one,) = options
    if "enum" in one:
        return st.sampled_from([str(v) for v in one["enum"]])
    if one.get("type") == "integer":
        low, high = one.get("minimum", -(2**63)), one.get("maximum", 2**63)
        return st.integers(low, high).map(str) | st.sampled_from([str(low), str(high)])
    if one.get("type") == "number":
        return st.floats(allow_nan=False).map(str)
    if "pattern" in one:
        return st.from_regex(one["pattern"], fullmatch=True)
    return st.text(min_size=one.get("minLength", 0), max_size=one.get("maxLength", 300))


def queries(path: str, names: list[str], hostile: bool) -> st.SearchStrategy[Any]:
    """Query strings of up to 6 parameters of ``names``: declared values only, or each value
    declared or hostile."""
    if not names:
        return st.just([])
    pairs = [st.tuples(st.just(n), declared(SCHEMAS[path, n]) | VALUES if hostile
                       else declared(SCHEMAS[path, n])) for n in names]
    return st.lists(st.one_of(pairs), max_size=6)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("fuzz") / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        yield c


def test_every_get_endpoint_is_fuzzed() -> None:
    paths = {path for path, _ in ENDPOINTS}
    assert {"/api/events", "/api/documents/{doc_id}", "/api/actors/{actor_id}",
            "/api/claims", "/api/statements", "/api/network"} <= paths
    assert len(paths) >= 12


@pytest.mark.parametrize(("path", "params"), ENDPOINTS, ids=[p for p, _ in ENDPOINTS])
def test_no_input_is_a_server_error(
    client: TestClient, path: str, params: list[tuple[str, str]]
) -> None:
    query_names = [n for n, where in params if where == "query"]
    path_names = [n for n, where in params if where == "path"]

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(
        query=st.one_of(queries(path, query_names, hostile=False),
                        queries(path, query_names, hostile=True)),
        path_values=st.fixed_dictionaries({n: (declared(SCHEMAS[path, n]) | VALUES).filter(bool)
                                           for n in path_names}),
    )
    def check(query: list[tuple[str, str]], path_values: dict[str, str]) -> None:
        url = path
        for name, value in path_values.items():
            url = url.replace("{" + name + "}", quote(value, safe=""))
        response = client.get(url, params=query)
        sent = {n for n, _ in query} | set(path_values)
        assert response.status_code < 500, (url, query, response.text[:500])
        if response.status_code == 422:
            detail: Any = response.json()["detail"]
            assert isinstance(detail, list) and detail, detail
            assert all(d["loc"][-1] in sent for d in detail), (detail, sent)

    check()
