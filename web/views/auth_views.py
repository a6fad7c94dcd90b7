"""Login, logout, the start page and the error pages."""

import time

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError

from search.query import IndexMissing
from web import users
from web.auth import client_address, current_user, record, require_login
from web.services import services, web_db

bp = Blueprint("auth", __name__)
FAILURE_DELAY = 0.3     # seconds every failed attempt takes, on top of the growing wait


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; repeated failures must wait longer and longer."""
    if request.method == "GET":
        return render_template("login.html", first=not users.list_users(web_db()))
    name = request.form.get("name", "").strip()
    password = request.form.get("password", "")
    db = web_db()
    wait = users.wait_seconds(db, name, client_address())
    if wait:
        flash(f"登录失败次数过多，请 {wait} 秒后再试。", "error")
        return render_template("login.html", name=name), 429
    user = users.authenticate(db, name, password, client_address())
    if user is None:
        time.sleep(FAILURE_DELAY)
        record("登录失败", f"用户名：{name}", user=name)
        flash("用户名或密码不正确。", "error")
        return render_template("login.html", name=name), 401
    session.clear()
    session.permanent = True
    session["user_id"] = user.id
    record("登录", user=user.name)
    target = request.args.get("next") or ""
    return redirect(target if target.startswith("/") and not target.startswith("//") else url_for("search.search"))


@bp.route("/logout", methods=["POST"])
def logout():
    """End the session."""
    if current_user():
        record("退出")
    session.clear()
    flash("已退出登录。", "info")
    return redirect(url_for("auth.login"))


@bp.route("/")
def home():
    """The start page is the search page."""
    return redirect(url_for("search.search"))


@bp.app_errorhandler(403)
def forbidden(error):
    """Wrong role."""
    return render_template("error.html", title="无权访问", message=error.description), 403


@bp.app_errorhandler(404)
def not_found(error):
    """Unknown page or record."""
    message = error.description if "requested URL" not in error.description else "页面不存在。"
    return render_template("error.html", title="未找到", message=message), 404


@bp.app_errorhandler(413)
def too_large(error):
    """Upload over the size limit."""
    limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    return render_template("error.html", title="文件过大",
                           message=f"上传的内容超过 {limit} MB 的上限，未保存。"), 413


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):
    """A form without a valid CSRF token (expired page, or a request from another site)."""
    return render_template("error.html", title="表单已失效",
                           message="表单缺少有效的安全令牌（可能页面已过期）。请刷新页面后重新提交。"), 400


@bp.app_errorhandler(IndexMissing)
def no_index(error):
    """Nothing imported yet."""
    return render_template("error.html", title="尚无数据", message=str(error), offer_samples=True), 503


bp.before_app_request(require_login)


@bp.app_context_processor
def _globals():
    return {"user": current_user(), "empty_data": not services().has_index()}
