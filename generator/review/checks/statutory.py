"""法定处罚种类和幅度: every proposed penalty of every violation against the penalty its 处罚依据
provides, read from the article's own text (kb.penalties) in the version in force when the act was
committed — with or without a discretion standard.

A fine above the statutory maximum, below the minimum without a 减轻 circumstance, on a party the
article does not name, or a kind of penalty the article does not provide, is a problem. A basis the
store lacks (law not imported, excerpt only) or whose text cannot be read with certainty is 需核实.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from generator.amounts import format_yuan
from generator.review import findings as fd
from generator.review.checks.common import combine, detail_lines, distinct, finding
from generator.review.circumstances import applicable
from generator.review.citing import article_in, ref_label
from kb.penalties.lookup import is_excerpt
from generator.review.versions import cited_version
from generator.review.violations import Violation, circumstances
from kb import penalties as pen
from kb.penalties.parties import kind_of
from kb.models import CURRENT
from kb.refs import Ref
from kb.standards.models import UNIT

# Roles of the case file (当事人 kind, 个人罚款.身份) -> roles of kb.penalties.
ROLES = {UNIT: pen.UNIT, "个人": pen.INDIVIDUAL, "主要负责人": pen.PRINCIPAL, "直接责任人员": pen.RESPONSIBLE}


@dataclass
class Proposed:
    """One proposed fine: on whom (as written and as a role), how much, and the income it is
    measured against when the article fines by income."""

    who: str
    role: str
    amount: Decimal
    income: Decimal | None = None


@dataclass
class Basis:
    """The provisions a violation's 处罚依据 provide, merged, with the lines that could not be read."""

    provisions: list[pen.Provision]
    refs: list[Ref]
    unread: list[str]
    problems: list[str]
    said: list[fd.Said] = field(default_factory=list)   # the unread lines of provisions the store lacks


def check_statutory(ctx) -> fd.Finding:
    """Each violation's proposed penalties within what its 处罚依据 provides."""
    case = ctx.case
    lines: list[tuple[str, str, bool]] = []
    citations, said = [], []
    for number, violation in enumerate(case.violations, 1):
        label = f"{violation.label(number)}：" if case.several else ""
        basis = read_basis(ctx, violation)
        citations += [ctx.cite_ref(ref) for ref in basis.refs]
        lines += [(fd.NOTE, f"{label}{line}", True) for line in basis.unread]
        said += [replace(item, clause=label + item.clause) for item in basis.said]
        lines += [(fd.PROBLEM, f"{label}{line}", False) for line in basis.problems]
        if basis.provisions:
            lines += [(o, f"{label}{line}", u) for o, line, u in judge(case, violation, basis)]
    if not lines:
        return finding(fd.STATUTORY, fd.PASS, "拟处罚不含罚款等须核对幅度的处罚", citations=citations)
    outcome, unverified = combine(lines)
    flagged = [line for o, line, u in lines if o == outcome and (u == unverified or outcome == fd.PROBLEM)]
    if outcome == fd.PASS:
        message = "拟处罚的种类、对象和罚款数额均在处罚依据规定的范围内"
    else:
        message = "；".join(line.rstrip("。") for line in flagged)
    implies = fd.AGREE_IF_AMENDED if outcome == fd.PROBLEM else None
    return finding(fd.STATUTORY, outcome, message, details=detail_lines(message, lines),
                   citations=distinct(citations), implies=implies, unverified=unverified, said=said,
                   remedy="按处罚依据规定的处罚对象、种类和幅度调整拟处罚" if implies else
                   ("对照处罚依据原文人工核实处罚种类和幅度" if unverified else ""))


def read_basis(ctx, violation: Violation) -> Basis:
    """Read every 处罚依据 of a violation in the version it refers to (the one named, else the one in
    force on the act date when the cited provision is there, else the current one)."""
    result = Basis([], [], [], [])
    for cited in violation.basis:
        ref = cited.ref
        result.refs.append(ref)
        written = cited.written or ref.text
        laws = ctx.store.find_laws(ref.law)
        if not laws:
            _unread(result, written, f"法规库未收录《{ref.law}》，无法按{written}核对法定处罚", "核对法定处罚")
            continue
        law = cited_version(ctx.store, cited, ctx.case.act_date)
        if law is None:
            _unread(result, written, f"法规库未收录{written}所引的{cited.version.label}版本，无法读取其处罚规定",
                    "读取其处罚规定")
            continue
        article = article_in(ctx.store, law, ref.number, ref.suffix)
        if article is None:
            if is_excerpt(law):
                result.unread.append(f"法规库收录的《{law.title}》为节选本，未收录{ref_label(ref)}，无法核对法定处罚")
            else:
                result.problems.append(f"{law.display_title}（{law.version_text}）中没有{ref_label(ref)}，所引处罚依据有误")
            continue
        version = "" if law.status == CURRENT else f"（{law.version_text}）"
        provision = pen.read_article(article, ref.paragraph, ref.item, citation=f"{law.display_title}{version}{ref_label(ref)}")
        if provision.state == pen.UNCERTAIN:
            result.unread.append(f"{written}的处罚规定无法确定地读取（{'；'.join(provision.doubts)}），需对照原文核实")
        elif provision.state in (pen.NO_PENALTY, pen.ELSEWHERE) and not provision.has_fine:
            what = (f"规定依照{provision.elsewhere}的规定处罚" if provision.state == pen.ELSEWHERE
                    else "没有规定行政处罚")
            result.unread.append(f"{written}{what}，无法据此核对处罚种类和幅度")
        else:
            result.provisions.append(provision)
    return result


def _unread(result: Basis, written: str, line: str, cannot: str) -> None:
    """A 处罚依据 whose text the store lacks: its line, and what it says for a document to state once."""
    result.unread.append(line)
    result.said.append(fd.Said(written, fd.UNREAD, line, cannot))


def proposed_fines(case, violation: Violation) -> list[Proposed]:
    """The fines a violation proposes: on the party and on each person."""
    decision = violation.decision
    fines = []
    if decision.fine is not None:
        fines.append(Proposed("当事人", ROLES[case.party.kind], decision.fine, violation.income))
    fines += [Proposed(f"{p.role}{p.name}", ROLES.get(p.role, p.role), p.amount, p.income)
              for p in decision.person_fines if p.amount is not None]
    return fines


def judge(case, violation: Violation, basis: Basis) -> list[tuple[str, str, bool]]:
    """(outcome, line, unverified) for every proposed fine and measure of one violation."""
    situations, note = choose_situations(basis.provisions, violation)
    if note:
        return [(fd.NOTE, note, True)]
    cited = "、".join(p.citation for p in basis.provisions)
    where = cited + (f"（{situations[0].condition}）" if situations[0].condition else "")
    reducible = any(rule.reduces for rule in applicable(circumstances(case, violation)))
    results = [_judge_fine(fine, situations, basis.provisions, where, violation, reducible)
               for fine in proposed_fines(case, violation)]
    results += [_judge_measure(measure.kind, situations, where, ROLES[case.party.kind])
                for measure in violation.decision.measures]
    return [r for r in results if r]


def choose_situations(provisions: list[pen.Provision], violation: Violation) -> tuple[list[pen.Situation], str]:
    """The situations of the provisions that apply (the 法定情形 / 事故等级 written, else the basic one);
    a note when the case file must say which applies."""
    every = [s for p in provisions for s in p.situations]
    wanted = violation.situation.strip()
    if violation.accident:
        chosen = [s for s in every if s.accident == violation.accident]
    elif wanted:
        chosen = [s for s in every if wanted in s.condition or s.condition and s.condition in wanted]
    else:
        chosen = [s for s in every if not s.condition] or (every if len(every) == 1 else [])
    if chosen:
        return chosen, ""
    named = "、".join(f"“{s.condition}”" for s in every if s.condition) or "（无）"
    if wanted or violation.accident:
        return [], f"处罚依据没有“{wanted or violation.accident}”的情形（所引条文规定的情形：{named}），需人工核实"
    return [], f"处罚依据按不同情形规定处罚（{named}），送审材料未写明适用的“法定情形”，需人工核实"


def _parties_match(sanction: pen.Sanction, role: str) -> bool:
    return sanction.party in (role, pen.OFFENDER) or (role == pen.INDIVIDUAL and sanction.party not in ROLES.values())


def _judge_fine(fine: Proposed, situations, provisions, where: str, violation: Violation,
                reducible: bool) -> tuple[str, str, bool] | None:
    allowed = [s for sit in situations for s in sit.fines() if _parties_match(s, fine.role)]
    if not allowed:
        parties = "、".join(dict.fromkeys(s.party for sit in situations for s in sit.fines())) or "任何对象"
        return (fd.PROBLEM, f"拟对{fine.who}罚款 {format_yuan(fine.amount)}，但{where}规定罚款的对象为{parties}，"
                            f"没有规定对{fine.role}罚款", False)
    ranges = [s.fine for s in allowed if s.fine and s.fine.applies(violation.gains)]
    bounds = [r.bounds(gains=violation.gains, income=fine.income, goods=violation.goods) for r in ranges]
    if not ranges or any(b is None for b in bounds):
        needed = "、".join(dict.fromkeys(r.base for r, b in zip(ranges, bounds) if b is None)) or "违法所得"
        return (fd.NOTE, f"{where}对{fine.role}的罚款按{needed}计算，送审材料未写明{needed}，无法核对罚款幅度", True)
    low = min(b[0] for b in bounds)
    highs = [b[1] for b in bounds]
    high = None if any(h is None for h in highs) else max(highs)
    span = "、".join(pen.describe(r) for r in ranges)
    text = f"拟对{fine.who}罚款 {format_yuan(fine.amount)}，{where}规定的幅度为{span}"
    if high is not None and fine.amount > high:
        return fd.PROBLEM, f"{text}，高于法定最高额 {format_yuan(fine.amount - high)}", False
    if fine.amount < low:
        if reducible:
            return fd.NOTE, f"{text}，低于法定最低额；本案有依法应当从轻或者减轻处罚的情节，属于减轻处罚", False
        return fd.PROBLEM, f"{text}，低于法定最低额 {format_yuan(low - fine.amount)}，且没有法定减轻处罚情节", False
    return fd.PASS, f"{text}，在法定幅度内", False


def _judge_measure(kind_written: str, situations, where: str, role: str) -> tuple[str, str, bool] | None:
    kind = kind_of(kind_written)
    if kind in pen.NOT_PENALTIES:
        return None
    if kind is None:
        return fd.NOTE, f"无法判断“{kind_written}”是否属于{where}规定的处罚种类，需人工核实", True
    provided = {s.kind for sit in situations for s in sit.sanctions if _parties_match(s, role)}
    if kind in provided or kind == pen.CONFISCATE_GAINS and pen.CONFISCATE in provided:
        return fd.PASS, f"拟{kind_written}，属于{where}规定的处罚种类", False
    return fd.PROBLEM, f"拟{kind_written}，但{where}没有规定该处罚种类", False
