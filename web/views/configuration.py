"""Document templates and the review configuration (管理员): see them, upload the bureau's edited
templates and configuration files (hearing thresholds, holidays, review time limit; each checked
before use), go back to the shipped ones."""

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from jinja2 import TemplateError

from generator.documents import KINDS
from generator.review import bureau_config
from generator.review.bureau_config import ConfigError
from generator.review.thresholds import ThresholdError, load_thresholds
from web import doc_templates, uploads, users
from web.auth import record, role_required
from web.services import services

bp = Blueprint("configuration", __name__)


@bp.route("/admin/templates", methods=["GET", "POST"])
@role_required(users.ADMIN)
def templates():
    """The templates in use per document type, the review configuration files and the hearing
    thresholds in use."""
    data = services().data
    if request.method == "POST":
        kind = KINDS.get(request.form.get("kind", "")) or abort(404, description="没有这种文书类型。")
        if request.form.get("reset"):
            if doc_templates.remove(data, kind):
                record("恢复模板", kind.name)
                flash(f"{kind.name}已恢复使用随软件附带的模板。", "info")
            return redirect(url_for("configuration.templates"))
        try:
            upload = uploads.accept(request.files.get("template") or _missing(), (uploads.DOCX,))
            report = doc_templates.install(data, kind, upload.data)
        except uploads.UploadRejected as error:
            flash(str(error), "error")
            return redirect(url_for("configuration.templates"))
        except TemplateError as error:
            flash(f"“{upload.name}”：模板标签有语法错误：{error}；未采用。", "error")
            return redirect(url_for("configuration.templates"))
        if not report.ok:
            problems = [f"未知变量：{'、'.join(report.unknown)}" if report.unknown else "",
                        f"缺少必需变量：{'、'.join(report.missing)}" if report.missing else ""]
            flash(f"“{upload.name}”未通过模板检查（{'；'.join(p for p in problems if p)}），未采用。", "error")
        else:
            record("上传模板", f"{kind.name}：{upload.name}")
            flash(f"{kind.name}今后使用上传的模板“{upload.name}”。", "info")
        return redirect(url_for("configuration.templates"))
    try:
        thresholds, problem = load_thresholds(bureau_config.active(data, bureau_config.THRESHOLDS)), ""
    except ThresholdError as error:
        thresholds, problem = None, str(error)
    kinds = [(kind, doc_templates.active(data, kind)) for kind in KINDS.values()]
    return render_template("templates_admin.html", kinds=kinds, thresholds=thresholds, problem=problem,
                           configs=bureau_config.statuses(data))


@bp.route("/admin/templates/<key>.docx")
@role_required(users.ADMIN)
def download(key: str):
    """The template in use for one document type, to edit in Word."""
    kind = KINDS.get(key) or abort(404)
    path = doc_templates.active(services().data, kind) or kind.template
    return send_file(path, as_attachment=True, download_name=f"{kind.name}.docx")


@bp.route("/admin/config/<key>", methods=["GET", "POST"])
@role_required(users.ADMIN)
def config_file(key: str):
    """Download the configuration file in use, or (POST) install the bureau's edited copy or go
    back to the shipped one."""
    data = services().data
    wanted = bureau_config.FILES.get(key) or abort(404, description="没有这个配置文件。")
    if request.method == "GET":
        return send_file(bureau_config.active(data, key), as_attachment=True, download_name=key,
                         mimetype="text/yaml")
    if request.form.get("reset"):
        if bureau_config.reset(data, key):
            record("恢复配置", wanted.title)
            flash(f"{wanted.title}已恢复使用随软件附带的文件。", "info")
        return redirect(url_for("configuration.templates"))
    try:
        upload = uploads.accept(request.files.get("file") or _missing("配置文件（.yaml）"), (uploads.TEXT,))
        bureau_config.install(data, key, upload.data, upload.name)
    except (uploads.UploadRejected, ConfigError) as error:
        flash(str(error), "error")
        return redirect(url_for("configuration.templates"))
    record("上传配置", f"{wanted.title}：{upload.name}")
    flash(f"今后的审核使用本局上传的{wanted.title}“{upload.name}”。", "info")
    return redirect(url_for("configuration.templates"))


def _missing(what: str = "模板文件（.docx）"):
    raise uploads.UploadRejected(f"请选择{what}")
