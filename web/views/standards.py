"""Discretion standards (裁量基准): list, items, and the penalty calculator."""

from flask import Blueprint, abort, render_template, request

from kb.errors import KnowledgeError
from kb.standards import penalty_text
from kb.standards.calculator import assess_code
from kb.standards.factors import FACTORS
from kb.standards.models import PARTIES
from kb.standards.money import to_decimal
from kb.standards.store import StandardStore
from web.services import store

bp = Blueprint("standards", __name__)
AMOUNTS = {"income": "上一年年收入", "gains": "违法所得", "proposed": "拟罚款金额"}


@bp.route("/standards")
def standards():
    """Every standard with its versions and items."""
    found = StandardStore(store())
    listed = [(latest, found.versions(latest.key)) for latest in found.current()]
    return render_template("standards.html", listed=listed)


@bp.route("/standards/item/<code>")
def item(code: str):
    """One item of a standard: provisions, basis, statutory ranges, tiers."""
    found = StandardStore(store()).find_item(code, request.args.get("standard") or None)
    if found is None:
        abort(404, description=f"裁量基准中没有编号为“{code}”的事项。")
    owner, entry = found
    return render_template("standard_item.html", owner=owner, item=entry, render=penalty_text.render)


@bp.route("/calculator")
def calculator():
    """The discretion calculator: item, tier, circumstances, amounts → ranges, reasons, basis."""
    args = request.args
    code = args.get("item", "").strip()
    items = [(owner, entry) for owner, entry in StandardStore(store()).iter_items()]
    chosen = next((entry for _, entry in items if entry.code == code), None)
    result, errors = None, {}
    if code and args.get("tier"):
        amounts = {}
        for name, label in AMOUNTS.items():
            try:
                amounts[name] = to_decimal(args[name], label) if args.get(name, "").strip() else None
            except ValueError as error:
                errors[name] = str(error)
        if not errors:
            try:
                result = assess_code(store(), code, args["tier"], party=args.get("party") or None,
                                     factors=args.getlist("factor"), **amounts)
            except KnowledgeError as error:
                errors["item"] = str(error)
    return render_template("calculator.html", items=items, chosen=chosen, result=result, errors=errors,
                           factors=FACTORS, parties=list(PARTIES), args=args)
