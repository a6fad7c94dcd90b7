"""Administration (管理员): accounts and the audit log."""

from flask import Blueprint, flash, redirect, render_template, request, url_for

from web import audit, users
from web.auth import role_required, record
from web.services import web_db

bp = Blueprint("admin", __name__)


@bp.route("/admin/users", methods=["GET", "POST"])
@role_required(users.ADMIN)
def user_list():
    """List accounts; create one, change a role or disable an account."""
    db = web_db()
    if request.method == "POST":
        name = request.form.get("name", "").strip()
        try:
            if request.form.get("action") == "add":
                users.add_user(db, name, request.form.get("role", ""), request.form.get("password", ""),
                               request.form.get("unit", ""))
                record("新建用户", f"{name}（{request.form.get('role')}）")
                flash(f"已创建用户“{name}”。", "info")
            else:
                active = request.form.get("active") == "1"
                users.set_role(db, name, request.form.get("role", ""), active)
                record("修改用户", f"{name}：{request.form.get('role')}，{'启用' if active else '停用'}")
                flash(f"已修改用户“{name}”。", "info")
        except users.UserError as error:
            flash(str(error), "error")
            return render_template("users.html", users=users.list_users(db), roles=users.ROLES,
                                   duties=users.ROLE_DUTIES, form=request.form), 400
        return redirect(url_for("admin.user_list"))
    return render_template("users.html", users=users.list_users(db), roles=users.ROLES, duties=users.ROLE_DUTIES,
                           form={})


@bp.route("/admin/audit")
@role_required(users.ADMIN)
def audit_log():
    """The newest audit entries, filtered by action or user."""
    db = web_db()
    entries = audit.recent(db, action=request.args.get("action", ""), user=request.args.get("user", ""))
    return render_template("audit.html", entries=entries, actions=audit.actions(db), args=request.args)
