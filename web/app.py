"""The Flask web application of fazhi: `create_app(data_dir)` builds it, `fazhi serve` runs it
with waitress. Each area is a small blueprint in web/views; `BLUEPRINTS` registers them."""

import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from web import db as webdb
from web import services as svc
from web.views import BLUEPRINTS
from web.views.api import bp as api_blueprint

SECRET_FILE = "web-secret.key"
MAX_UPLOAD_MB = 20
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

csrf = CSRFProtect()


def create_app(data: Path | str, **config) -> Flask:
    """The web app over one data directory; `config` overrides Flask settings (tests, benchmarks)."""
    data = Path(data)
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=prepare(data),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="fazhi_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=2),
        MAX_CONTENT_LENGTH=MAX_UPLOAD_MB * 1024 * 1024,
        WTF_CSRF_TIME_LIMIT=None,
        JSON_AS_ASCII=False,
    )
    app.config.update(config)
    app.json.ensure_ascii = False
    app.extensions["fazhi"] = svc.Services(data)
    csrf.init_app(app)
    csrf.exempt(api_blueprint)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.teardown_appcontext(svc.close)
    app.after_request(_security_headers)
    return app


def prepare(data: Path) -> bytes:
    """Create what every server process of `data` shares before the first one starts: the folder,
    the web database and the session-signing key (created on first use, readable by owner only);
    return the key."""
    data.mkdir(parents=True, exist_ok=True)
    webdb.connect(data).close()
    path = data / SECRET_FILE
    if not path.exists():
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()


def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response
