"""Who is logged in, and the checks every view goes through: login required, role required."""

import functools

from flask import abort, g, redirect, request, session, url_for

from web import audit, users
from web.services import web_db

PUBLIC_ENDPOINTS = {"auth.login", "static"}


def current_user() -> users.User | None:
    """The logged-in user of this request, or None."""
    if "user" not in g:
        user_id = session.get("user_id")
        user = users.get_user(web_db(), user_id) if user_id else None
        g.user = user if user and user.active else None
    return g.user


def require_login():
    """before_request of the page blueprints: send anonymous visitors to the login page."""
    if request.endpoint in PUBLIC_ENDPOINTS or request.blueprint == "api":
        return None
    if current_user() is None:
        return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
    return None


def role_required(role: str):
    """Decorator: the view needs `role` or a higher one; others get 403 with the role named."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            user = current_user()
            if user is None:
                return redirect(url_for("auth.login"))
            if not user.may(role):
                abort(403, description=f"此操作需要“{role}”或更高角色，您的角色是“{user.role}”。")
            return view(*args, **kwargs)
        return wrapper
    return decorate


def client_address() -> str:
    """The address of the client (waitress sets REMOTE_ADDR)."""
    return request.remote_addr or ""


def record(action: str, detail: str = "", user: str | None = None) -> None:
    """Write an audit entry for the current user and address."""
    who = user if user is not None else (current_user().name if current_user() else "")
    audit.log(web_db(), who, client_address(), action, detail)
