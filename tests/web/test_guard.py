"""Security headers, CSRF, upload limits, Host checks and error pages."""

from __future__ import annotations

import pytest

from unsnare.web.guard import CONTENT_SECURITY_POLICY

PAGES = ["/", "/help", "/check", "/protect", "/case", "/learn", "/safety", "/case/verify"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_strict_headers_and_quick_exit(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert 'id="quick-exit"' in response.text
    assert "<script>" not in response.text  # no inline scripts anywhere
    assert " style=" not in response.text  # no inline styles either
    assert "http://" not in response.text.replace("http://127.0.0.1", "")


def test_static_files_are_local_and_cacheable(client) -> None:
    css = client.get("/static/unsnare.css")
    js = client.get("/static/unsnare.js")
    assert css.status_code == js.status_code == 200
    assert "no-store" not in css.headers.get("cache-control", "")
    assert "@import" not in css.text and "url(http" not in css.text
    assert "location.replace" in js.text


def test_session_cookie_is_httponly_and_strict(client) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize(
    "path,data",
    [
        ("/help", {"age": "15", "country": "GB"}),
        ("/check/text", {"text": "hello"}),
        ("/case/create", {"passphrase": "correct horse", "passphrase_again": "correct horse"}),
        ("/case/notes", {"text": "x"}),
        ("/case/lock", {}),
    ],
)
def test_forms_without_the_csrf_token_are_refused(client, path: str, data: dict[str, str]) -> None:
    client.get("/")
    response = client.post(path, data=data)
    assert response.status_code == 403
    assert "did not come from this page" in response.text
    assert "Traceback" not in response.text


def test_a_token_from_another_session_is_refused(client_factory, token) -> None:
    with client_factory() as one, client_factory() as two:
        stolen = token(one, "/help")
        two.get("/")
        response = two.post("/check/text", data={"text": "hi", "csrf_token": stolen})
        assert response.status_code == 403


def test_upload_over_the_limit_gets_a_clear_page(client_factory, token) -> None:
    with client_factory(max_upload_bytes=2048) as client:
        response = client.post(
            "/check/upload",
            data={"csrf_token": token(client, "/check")},
            files={"files": ("chat.txt", b"x" * 5000, "text/plain")},
        )
        assert response.status_code == 413
        assert "too big" in response.text
        assert "What to try" in response.text


def test_unknown_host_is_refused(client) -> None:
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 421


def test_not_found_is_a_friendly_page(client) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert 'id="quick-exit"' in response.text


def test_unexpected_errors_never_show_a_traceback(client, monkeypatch) -> None:
    from unsnare.web.routes import help as help_routes

    def boom() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(help_routes, "countries", boom)
    response = client.get("/help")
    assert response.status_code == 500
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
    assert "Something unexpected went wrong" in response.text
