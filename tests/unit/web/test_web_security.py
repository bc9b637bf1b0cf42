"""The API's defences: security headers on every response, CORS closed unless origins are
given, the write endpoint (absent by default; bearer token, JSON only, body and article limits,
validation) and the checks of ``accord serve`` (loopback host, token, origins). The pipeline
itself runs in tests/model/test_web_writes.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.store import Store
from accord.web.api import create_app
from accord.web.security import CSP, TOKEN_ENV, check_origin, is_loopback
from tests.factories import sample_documents

TOKEN = "t0k3n-for-the-tests-0123456789"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("security") / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    return str(path)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def writer(db: str) -> Iterator[TestClient]:
    app = create_app(db, allow_writes=True, token=TOKEN, max_body=2000, max_articles=2)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def csp_directives(value: str) -> dict[str, list[str]]:
    out = {}
    for part in value.split(";"):
        name, *sources = part.split()
        out[name] = sources
    return out


# -- headers --------------------------------------------------------------------------------

ROUTES = [
    ("GET", "/api/events", 200),
    ("GET", "/api/stats", 200),
    ("GET", "/api/events?format=csv", 200),
    ("GET", "/openapi.json", 200),
    ("GET", "/api/actors/999999", 404),
    ("GET", "/api/nope", 404),
    ("GET", "/api/events?limit=5000", 422),
    ("GET", "/api/documents/" + "a" * 65, 422),
    ("POST", "/api/documents", 405),
    ("OPTIONS", "/api/events", 405),
    ("GET", "/static/style.css", 200),
    ("GET", "/static/js/app.js", 200),
    ("GET", "/static/nope.js", 404),
    ("GET", "/", 200),
    ("GET", "/docs", 200),
    ("GET", "/static/vendor/swagger-ui-bundle.js", 200),
]


@pytest.mark.parametrize(("method", "url", "status"), ROUTES)
def test_security_headers_on_every_response(
    client: TestClient, method: str, url: str, status: int
) -> None:
    response = client.request(method, url)
    assert response.status_code == status
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    csp = csp_directives(headers["content-security-policy"])
    assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in s for sources in csp.values() for s in sources)
    expected_cache = "no-store" if url.startswith(("/api", "/openapi")) else "no-cache"
    assert headers["cache-control"] == expected_cache
    assert "access-control-allow-origin" not in headers


def test_static_files_have_their_types(client: TestClient) -> None:
    assert client.get("/static/js/app.js").headers["content-type"].startswith(
        ("text/javascript", "application/javascript"))
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_docs_page_is_served_from_the_package_under_the_common_policy(
    client: TestClient,
) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP
    page = response.text
    assert 'data-openapi="/openapi.json"' in page
    assert "<script>" not in page and "style=" not in page  # no inline script or style
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/") for s in sources), sources  # nothing from elsewhere
    for source in sources:
        assert client.get(source).status_code == 200, source
    assert "/static/vendor/swagger-ui-bundle.js" in sources
    assert "/static/vendor/swagger-ui.css" in sources
    for gone in ("/redoc", "/docs/oauth2-redirect"):
        assert client.get(gone).status_code == 404


def test_missing_vendor_files_are_a_503_that_says_how_to_get_them(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accord.web import dashboard

    app = create_app(db)
    monkeypatch.setattr(dashboard, "STATIC", tmp_path)
    with TestClient(app) as c:
        for url, missing in (("/", "d3.min.js"), ("/docs", "swagger-ui-bundle.js")):
            response = c.get(url)
            assert response.status_code == 503, url
            detail = response.json()["detail"]
            assert missing in detail and "reinstall accord" in detail and "npm" in detail


def test_unhandled_error_is_a_bare_500_with_headers(db: str) -> None:
    app = create_app(db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}
    assert response.headers["x-frame-options"] == "DENY"
    assert "secret" not in response.text


def test_host_header_checked_when_hosts_are_given(db: str) -> None:
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stats").status_code == 200
        evil = c.get("/api/stats", headers={"Host": "evil.example:8000"})
        assert evil.status_code == 400 and evil.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("url", [
    "/api/events?actor=' OR 1=1 --", "/api/events?text=%25' OR '1'='1",
    "/api/documents?source=x' OR '1'='1", "/api/documents?text=') OR 1=1 --",
    "/api/actors?name=\" OR \"\"=\"", "/api/claims?unit=x'); DROP TABLE claims; --",
    "/api/statements?verb=' UNION SELECT * FROM documents --",
    "/api/events?doc_id=' OR ''='",
])
def test_sql_in_parameters_is_data(client: TestClient, url: str) -> None:
    """Every value is a bound parameter: SQL in a filter matches nothing and changes nothing."""
    response = client.get(url)
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/stats").json()["tables"]["claims"] == 2


# -- CORS -----------------------------------------------------------------------------------

PREFLIGHT = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}


def test_cors_closed_by_default(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"Origin": "https://example.org"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/stats", headers=PREFLIGHT)
    assert preflight.status_code == 405
    assert not any(h.startswith("access-control-") for h in preflight.headers)


def test_cors_origins_may_get_only(db: str) -> None:
    app = create_app(db, cors_origins=["https://example.org"], allow_writes=True, token=TOKEN)
    with TestClient(app) as c:
        ok = c.get("/api/stats", headers={"Origin": "https://example.org"})
        assert ok.headers["access-control-allow-origin"] == "https://example.org"
        other = c.get("/api/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = c.options("/api/stats", headers=PREFLIGHT)
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://example.org"
        assert preflight.headers["access-control-allow-methods"] == "GET"
        assert preflight.headers["x-frame-options"] == "DENY"
        post = c.options("/api/documents", headers={**PREFLIGHT,
                                                    "Access-Control-Request-Method": "POST",
                                                    "Access-Control-Request-Headers":
                                                        "authorization"})
        assert post.status_code == 400  # a browser stops at a failed preflight
        assert "POST" not in post.headers.get("access-control-allow-methods", "")
        evil = c.options("/api/stats", headers={**PREFLIGHT, "Origin": "https://evil.example"})
        assert evil.status_code == 400 and "access-control-allow-origin" not in evil.headers


@pytest.mark.parametrize("origin", ["*", "https://example.org/", "https://example.org/path",
                                    "example.org", "ftp://example.org", "null"])
def test_bad_cors_origins_are_refused(db: str, origin: str) -> None:
    with pytest.raises(ValueError, match="not an origin"):
        create_app(db, cors_origins=[origin])
    with pytest.raises(ValueError):
        check_origin(origin)


# -- writes ---------------------------------------------------------------------------------


def test_writes_absent_by_default(client: TestClient) -> None:
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        response = client.request(method, "/api/documents", headers=auth(),
                                  json={"text": "Un texte."})
        assert response.status_code == 405, method
    assert client.delete("/api/documents/abc").status_code == 405
    spec = client.get("/openapi.json").json()
    assert all(set(ops) == {"get"} for ops in spec["paths"].values())


def test_writes_need_a_token(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    with pytest.raises(ValueError, match=TOKEN_ENV):
        create_app(db, allow_writes=True)
    with pytest.raises(ValueError, match="at least 16"):
        create_app(db, allow_writes=True, token="short")
    with pytest.raises(ValueError, match="ASCII"):
        create_app(db, allow_writes=True, token="ünïcode token 1234567")
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    app = create_app(db, allow_writes=True)  # the token from the environment
    with TestClient(app) as c:
        assert c.post("/api/documents", json=[]).status_code == 401
        assert c.post("/api/documents", json=[], headers=auth()).status_code == 422


@pytest.mark.parametrize("headers", [
    {}, auth("wrong-token-wrong-token"), auth(TOKEN[:-1]), auth(TOKEN + "x"), auth(""),
    {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": f"Bearer{TOKEN}"}, {"X-Token": TOKEN},
])
def test_writes_without_the_token_are_401(writer: TestClient, headers: dict[str, str]) -> None:
    response = writer.post("/api/documents", json={"text": "Un texte."}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert TOKEN not in response.text


def test_token_checked_before_the_body(writer: TestClient) -> None:
    assert writer.post("/api/documents", content=b"x" * 5000).status_code == 401
    assert writer.post("/api/documents", content=b"{not json").status_code == 401


def test_writes_are_json_only(writer: TestClient) -> None:
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""):
        response = writer.post("/api/documents", content=b'{"text": "Un texte."}',
                               headers={**auth(), "Content-Type": ctype})
        assert response.status_code == 415, ctype


def test_body_size_limit(writer: TestClient) -> None:
    big = {"text": "x" * 3000}
    response = writer.post("/api/documents", json=big, headers=auth())
    assert response.status_code == 413 and "2000 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 100
        yield b'"}'

    response = writer.post("/api/documents", content=chunks(),
                           headers={**auth(), "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(("body", "where"), [
    (b"{not json", ["body"]),
    (b"", ["body"]),
    (b"42", ["body"]),
    (b"[]", ["body"]),
    (b'{"title": "no text"}', ["body", "text"]),
    (b'{"text": ""}', ["body", "text"]),
    (b'{"text": 12}', ["body", "text"]),
    (b'{"text": "ok", "author": "x"}', ["body", "author"]),
    (b'{"text": "ok", "language": "french"}', ["body", "language"]),
    (b'{"text": "ok", "title": ["a"]}', ["body", "title"]),
    (b'{"text": "ok", "published": "' + b"9" * 50 + b'"}', ["body", "published"]),
    (b'[{"text": "a"}, {"text": "b"}, {"text": "c"}]', ["body"]),  # over max_articles
    (b'[{"text": "a"}, {"txt": "b"}]', ["body", 1]),
])
def test_bad_bodies_are_422(writer: TestClient, body: bytes, where: list[Any]) -> None:
    response = writer.post("/api/documents", content=body,
                           headers={**auth(), "Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert any(d["loc"][: len(where)] == where for d in detail), detail
    assert all(set(d) == {"loc", "msg", "type"} for d in detail)  # the input is not echoed


def test_write_endpoint_is_described(writer: TestClient) -> None:
    spec = writer.get("/openapi.json").json()
    post = spec["paths"]["/api/documents"]["post"]
    assert {"401", "413", "415", "422"} <= set(post["responses"])
    assert "ArticleIn" in spec["components"]["schemas"]
    assert spec["components"]["schemas"]["ArticleIn"]["required"] == ["text"]
    assert post["security"] == [{"bearer": []}]
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


# -- accord serve ---------------------------------------------------------------------------


@pytest.mark.parametrize(("host", "local"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
    ("example.org", False),
])
def test_is_loopback(host: str, local: bool) -> None:
    assert is_loopback(host) is local


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[FastAPI, dict[str, Any]]]:
    """What `accord serve` hands to uvicorn, without serving."""
    import uvicorn

    calls: list[tuple[FastAPI, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def serve(*args: str, env: dict[str, str] | None = None) -> Any:
    from accord.cli import cli

    return CliRunner().invoke(cli, ["serve", *args], env=env)


def test_serve_defaults(db: str, served: list[tuple[FastAPI, dict[str, Any]]]) -> None:
    result = serve("--db", db, env={TOKEN_ENV: ""})
    assert result.exit_code == 0, result.output
    assert "read-only" in result.output
    ((app, kw),) = served
    assert kw["host"] == "127.0.0.1" and kw["server_header"] is False
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.post("/api/documents", json={"text": "x"}, headers=auth()).status_code == 405
        assert c.get("/api/stats", headers={"Host": "attacker.example"}).status_code == 400
        assert c.get("/api/stats", headers={"Host": "localhost:8000"}).status_code == 200
        cross = c.get("/api/stats", headers={"Origin": "https://example.org"})
        assert "access-control-allow-origin" not in cross.headers


def test_serve_refuses_a_public_host_unless_asked(
    db: str, served: list[tuple[FastAPI, dict[str, Any]]]
) -> None:
    refused = serve("--db", db, "--host", "0.0.0.0")
    assert refused.exit_code == 1 and "--allow-remote" in refused.output and not served
    allowed = serve("--db", db, "--host", "0.0.0.0", "--allow-remote")
    assert allowed.exit_code == 0, allowed.output
    assert "warning: listening on 0.0.0.0" in allowed.stderr
    ((app, kw),) = served
    assert kw["host"] == "0.0.0.0"
    with TestClient(app) as c:
        assert c.get("/api/stats", headers={"Host": "192.168.1.5:8000"}).status_code == 200


def test_serve_writes_need_the_token(
    tmp_path: Path, db: str, served: list[tuple[FastAPI, dict[str, Any]]]
) -> None:
    for value in ("", "short"):
        refused = serve("--db", db, "--allow-writes", env={TOKEN_ENV: value})
        assert refused.exit_code == 1 and TOKEN_ENV in refused.output, refused.output
    assert not served
    fresh = tmp_path / "new.db"  # writes may start from an empty store
    result = serve("--db", str(fresh), "--allow-writes", env={TOKEN_ENV: TOKEN})
    assert result.exit_code == 0, result.output
    assert fresh.is_file() and "read and write" in result.stderr
    ((app, _),) = served
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.post("/api/documents", json={"text": "x"}).status_code == 401
        assert c.post("/api/documents", json=[], headers=auth()).status_code == 422


def test_serve_cors_origins(db: str, served: list[tuple[FastAPI, dict[str, Any]]]) -> None:
    bad = serve("--db", db, "--cors-origin", "*")
    assert bad.exit_code == 2 and "--cors-origin" in bad.output
    ok = serve("--db", db, "--cors-origin", "https://a.example", "--cors-origin",
               "http://localhost:3000")
    assert ok.exit_code == 0, ok.output
    ((app, _),) = served
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        for origin in ("https://a.example", "http://localhost:3000"):
            response = c.get("/api/stats", headers={"Origin": origin})
            assert response.headers["access-control-allow-origin"] == origin
        assert "access-control-allow-origin" not in c.get(
            "/api/stats", headers={"Origin": "https://b.example"}).headers
