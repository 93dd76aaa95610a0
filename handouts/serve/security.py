"""Who may use the desk and what its responses allow: loopback by default, a password
for any other address (compared as a hash), CSRF tokens on every form (Flask-WTF), a
strict Content-Security-Policy, and nothing cached anywhere."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, request
from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD = 8
# The desk needs no script, inline style or outside resource: everything else is refused.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
# The authors' preview loads one script of its own, which listens for file changes.
PREVIEW_CSP = CSP + "; script-src 'self'; connect-src 'self'"
# A handout's web page, as published: its style is inline, its pictures data.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"


class SecurityError(ValueError):
    """A server that would be open to the network without a password."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Access:
    """The password's hash (None: loopback only, no password)."""

    password_hash: str | None = None

    @classmethod
    def for_host(cls, host: str, password_file: Path | None) -> Access:
        if password_file is None:
            if not is_loopback(host):
                raise SecurityError(
                    f"serving on {host} makes the desk reachable from other computers: "
                    "give --password-file FILE (a file with the desk's password)")
            return cls()
        try:
            lines = password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise SecurityError(f"cannot read the password in {password_file}: "
                                f"{getattr(exc, 'strerror', None) or 'not UTF-8 text'}") from None
        password = lines[0].strip() if lines else ""
        if len(password) < MIN_PASSWORD:
            raise SecurityError(f"the password in {password_file} is shorter than "
                                f"{MIN_PASSWORD} characters")
        return cls(generate_password_hash(password))

    def allows(self, given: str | None) -> bool:
        return self.password_hash is None or (
            given is not None and check_password_hash(self.password_hash, given))


def install(app: Flask, access: Access) -> None:
    @app.before_request
    def require_password() -> Response | None:
        auth = request.authorization
        if access.allows(auth.password if auth is not None else None):
            return None
        return Response("The print desk needs its password.", 401,
                        {"WWW-Authenticate": 'Basic realm="handouts print desk"'})

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if response.mimetype == "text/html":
            path = request.path
            response.headers["Content-Security-Policy"] = \
                PAGE_CSP if path.startswith("/preview/html/") else \
                PREVIEW_CSP if path.startswith("/preview/") else CSP
            response.headers["X-Frame-Options"] = "DENY"
        return response
