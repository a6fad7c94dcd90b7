"""The penalty card: for a question that describes a violation, one card above the hits with the
penalty article and item the hits lead to, the duty violated, the statutory range for each party
(kb.penalties, the party asked about first), the discretion standard's item and tiers when one is
loaded, the most similar typical cases — each with its citation — and the other penalty articles
that may apply instead (另可适用).

Which article the card cites is decided in search.card_choice: only current versions of the laws
the bureau applies (lexicon/card_laws.tsv), only what the first hits lead to, and no card rather
than a doubtful one. The duty is the one the penalty article names (违反本法第X条), or a duty
article among the hits that restates the act, or the one a standard item or a case gives for
that penalty item.
"""

import re
from dataclasses import asdict, dataclass, field

from kb.cases.store import CaseStore
from kb.models import Article, Law
from kb.refs import Ref
from kb.standards.penalty_text import render
from kb.standards.store import StandardStore
from search import passages, segment
from search.card_acts import condition
from search.card_choice import FROM_HITS, Choice, choose
from search.hits import Hit
from search.knowledge import CASE
from search.law_articles import cited_duties
from search.options import SearchOptions, free_text

CASES = 3
CASE_POOL = 200        # cases ranked for the question, among which those applying the article are kept
BASIC = "基本情形"
HALF = 0.5            # least share of the act's words the 款 of a duty article cited alone holds
CLEARLY = 1.5         # … and how many times the share of any other 款 of the article
# 未 before a verb describes something not done (未办理, 未对…维护), beside the cues of search.intent;
# 未成年, 未满 (an age) and 未来 do not. So do 不 and 没 before the verb of a duty (不记, 不核对, 没告诉),
# for the card only, whose act must still fit: search.intent leaves them out, its penalty-chapter
# weight would move the public's questions (不发工资).
NOT_DONE = re.compile(r"未(?!成年|满|来)[\u4e00-\u9fff]|(?:不|没)(?:去)?(?:记|做|报|发|给|核对|登记|注销|报废|检测|"
                      r"检查|检验|告诉|告知|通知|配|戴|交|办|装|设|管|编|签|建|贴|挂)")


@dataclass
class Cited:
    """An article (or one of its items) with its citation, its text and why it is on the card."""

    citation: str
    text: str
    source: str = ""
    article_id: int | None = None   # the article's id in the store, for a link to it


@dataclass
class Alternative:
    """Another penalty article (and item) that may apply instead, with the act it names."""

    citation: str
    act: str
    text: str
    source: str
    article_id: int | None = None
    scope: str = ""             # the word of that law's own scope the question names


@dataclass
class PartyRange:
    """What the statute provides for one party in one situation (基本情形, 逾期未改正 …)."""

    situation: str
    party: str
    sanctions: list[str]


@dataclass
class StandardTier:
    """One tier (阶次) of a discretion-standard item: its conditions and its 具体标准."""

    name: str
    conditions: list[str]
    standard: str


@dataclass
class StandardEntry:
    """The discretion-standard item for the penalty item, with its tiers."""

    citation: str
    code: str
    title: str
    tiers: list[StandardTier]


@dataclass
class CaseEntry:
    """A typical case that applied the same penalty article."""

    code: str
    title: str
    citation: str
    decision: str
    basis: list[str]


@dataclass
class Card:
    """Everything the card shows; `to_json` is what `--json` prints as `card`."""

    act: str
    penalty: Cited
    duty: Cited | None
    ranges: list[PartyRange]
    state: str
    doubts: list[str] = field(default_factory=list)
    standard: StandardEntry | None = None
    cases: list[CaseEntry] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)   # the parties the question is about
    alternatives: list[Alternative] = field(default_factory=list)

    def to_json(self) -> dict:
        """Return the card as a JSON-ready dict."""
        return asdict(self)


def penalty_card(searcher, question: str, hits: list[Hit]) -> Card | None:
    """The card for `question` from its ranked `hits`, or None when the question describes no act
    or the first hits lead to no penalty article the card may cite."""
    analysis = searcher.analyze(free_text(question))
    if not (analysis.penalty or analysis.asked.violation or NOT_DONE.search(question)):
        return None
    chosen = choose(searcher, analysis, question, hits)
    if not chosen:
        return None
    best = chosen[0]
    article, law = best.article, best.law
    from kb.penalties import read_article   # the penalty reader is loaded only when a card is made

    ref = _ref(best)
    provision = read_article(article, paragraph=best.paragraph, item=best.item, citation=ref.text)
    if best.paragraph and provision.elsewhere.startswith("前"):   # 依照前款规定处罚: the article's ranges
        provision = read_article(article, citation=ref.text)
    store = searcher.store
    parties = list(analysis.asked.subjects)
    return Card(act=act_shown(best.act), penalty=Cited(ref.text, provision.text, best.source, article.id),
                duty=_duty(searcher, best, provision.text, ref, analysis.weights),
                ranges=_ranges(provision, parties), state=provision.state, doubts=list(provision.doubts),
                standard=_standard(store, law, ref), cases=_cases(searcher, question, law, ref),
                parties=parties, alternatives=[_alternative(c) for c in chosen[1:]])


def act_shown(act: str) -> str:
    """The act as the card names it: the act itself (search.card_acts.condition), without the
    penalty and aggravations after it, and without its closing punctuation."""
    return condition(act).rstrip("，；。,;")


def _ref(choice: Choice) -> Ref:
    return Ref(law=choice.law.title, number=choice.article.number, suffix=choice.article.suffix,
               paragraph=choice.paragraph, item=choice.item)


def _alternative(choice: Choice) -> Alternative:
    return Alternative(_ref(choice).text, act_shown(choice.act), choice.article.text, choice.source, choice.article.id,
                       choice.scope)


def _ranges(provision, parties: list[str]) -> list[PartyRange]:
    """What the statute provides per situation and party; the parties asked about first, in each
    situation."""
    from kb.penalties.render import sanction_text

    ranges = []
    for situation in provision.situations:
        for party in dict.fromkeys(s.party for s in situation.sanctions):
            sanctions = [sanction_text(s) for s in situation.sanctions if s.party == party]
            ranges.append(PartyRange(situation.condition or BASIC, party, sanctions))
    situations = list(dict.fromkeys(r.situation for r in ranges))
    return sorted(ranges, key=lambda r: (situations.index(r.situation), not any(p in r.party for p in parties)))


def _duty(searcher, choice: Choice, text: str, ref: Ref, asked: dict[str, float]) -> Cited | None:
    """The duty violated: named by the penalty text, given by a standard item or a case for the
    penalty item, or a duty article among the hits that restates the act (cited to the 款 that
    restates it, for the question's weighted words `asked`: restating_paragraph)."""
    law, article = choice.law, choice.article
    named = cited_duties(text)
    if named:
        found = searcher.store.find_article(law.title, named[0], 0, None)
        if found:
            return Cited(f"{law.display_title}{found[1].label}", found[1].text, "罚则援引", found[1].id)
    store = searcher.store
    for _, item in _standard_items(store, law, ref):
        if item.provisions:
            return _resolved(store, item.provisions[0], "裁量基准")
    for case, _ in CaseStore(store).citing(law.key, article.number, article.suffix):
        if case.violated and _same(case.basis, ref):
            return _resolved(store, case.violated[0], "典型案例")
    if choice.duty:
        duty = choice.duty
        paragraph = restating_paragraph(duty, choice.act, asked, searcher.engine.idf)
        label = Ref(law.title, duty.number, duty.suffix, paragraph).label
        return Cited(f"{law.display_title}{label}", _excerpt(duty, paragraph, None), FROM_HITS, duty.id)
    return None


def restating_paragraph(duty: Article, act: str, asked: dict[str, float], idf) -> int | None:
    """The 款 (1-based) of a duty article of several 款 that restates the act: the one holding the
    most of the act's words (weighted by rarity), when it holds at least HALF of them and CLEARLY
    more than any other 款, and the one holding the most of the question's words `asked` too
    (电梯…的运营使用单位应当将…警示标志置于…显著位置 is 特种设备安全法第四十三条第二款, not the 款 on
    daily trial runs; an act naming 从业人员, 被派遣劳动者 and 实习学生 is restated by three 款, and
    a question on a new worker's training by the first). None for an article of one 款, or when no
    款 stands out: the article is then cited whole, which is never wrong."""
    from kb.penalties.lookup import groups     # loaded only when a card cites a duty

    parts = ["".join(group) for group in groups(duty)]
    if len(parts) < 2:
        return None
    act_words = passages.Matcher({token: idf(token) for token in segment.tokens(condition(act))})
    question_words = passages.Matcher({token: weight * idf(token) for token, weight in asked.items()})
    by_act = [act_words.share(part) for part in parts]
    best = max(range(len(parts)), key=by_act.__getitem__)
    second = max(share for number, share in enumerate(by_act) if number != best)
    by_question = [question_words.share(part) for part in parts]
    if by_act[best] < HALF or by_act[best] < CLEARLY * second or by_question[best] < max(by_question):
        return None
    return best + 1



def _resolved(store, ref: Ref, source: str) -> Cited | None:
    found = store.find_article(ref.law, ref.number, ref.suffix, None)
    if not found:
        return None
    law, article = found
    return Cited(f"{law.display_title}{Ref(law.title, ref.number, ref.suffix, ref.paragraph, ref.item).label}",
                 _excerpt(article, ref.paragraph, ref.item), source, article.id)


def _excerpt(article: Article, paragraph: int | None, item: int | None) -> str:
    """The text of the cited item, else of the cited paragraph (款, 1-based), else of the article."""
    from kb.penalties.lookup import groups     # loaded only when a card cites a duty

    parts = groups(article)
    chosen = parts[paragraph - 1:paragraph] if paragraph and paragraph <= len(parts) else parts
    if item:
        texts = [group[item] for group in chosen if len(group) > item]
        if texts:
            return texts[0]
    return "\n".join(line for group in chosen for line in group)


def _same(refs: list[Ref], ref: Ref) -> bool:
    """Whether `refs` cite the article of `ref` and, when both name one, the same paragraph and
    the same item."""
    return any(r.number == ref.number and r.suffix == ref.suffix and _agree(r.paragraph, ref.paragraph)
               and _agree(r.item, ref.item) for r in refs)


def _agree(one: int | None, other: int | None) -> bool:
    return not one or not other or one == other


def _standard_items(store, law: Law, ref: Ref):
    return [(standard, item) for standard, item, _ in StandardStore(store).citing(law.key, ref.number, ref.suffix)
            if _same(item.basis, ref)]


def _standard(store, law: Law, ref: Ref) -> StandardEntry | None:
    found = _standard_items(store, law, ref)
    if not found:
        return None
    standard, item = found[0]
    return StandardEntry(f"{standard.display_title}{item.code}", item.code, item.title,
                         [StandardTier(t.name, list(t.conditions), render(t.fines, t.measures)) for t in item.tiers])


def _cases(searcher, question: str, law: Law, ref: Ref) -> list[CaseEntry]:
    """The typical cases most like the question (searched as cases) among those that applied the
    penalty article and item."""
    applied = {case.id for case, _ in CaseStore(searcher.store).citing(law.key, ref.number, ref.suffix)
               if _same(case.basis, ref)}
    if not applied:
        return []
    hits = searcher.search(question, SearchOptions(limit=CASE_POOL, kinds=(CASE,))).hits
    cases = [searcher.hits.knowledge.cases[hit.doc_id] for hit in hits if hit.doc_id in applied][:CASES]
    return [CaseEntry(case.code, case.title, case.number or case.code, case.decision,
                      [r.text for r in case.basis]) for case in cases]


def card_lines(card: Card) -> list[str]:
    """The card as text lines for the command line."""
    lines = ["【处罚要点】", f"违法行为：{card.act}"]
    if card.duty:
        lines.append(f"违反条款：{card.duty.citation}")
    lines.append(f"处罚依据：{card.penalty.citation}（{card.state}）")
    lines += [f"  {r.situation}·{r.party}：{'；'.join(r.sanctions)}" for r in card.ranges]
    lines += [f"  需人工核实：{doubt}" for doubt in card.doubts]
    if card.standard:
        lines.append(f"裁量基准：{card.standard.citation} {card.standard.title}")
        lines += [f"  {t.name}：{'；'.join(t.conditions)} → {t.standard}" for t in card.standard.tiers]
    if card.cases:
        lines.append("典型案例：")
        lines += [f"  {c.title}（{c.citation}）：{c.decision}" for c in card.cases]
    if card.alternatives:
        lines.append("另可适用：")
        lines += [f"  {a.citation}{_scope_note(a)}：{a.act}" for a in card.alternatives]
    return lines


def _scope_note(alternative: Alternative) -> str:
    return f"（问题涉及“{alternative.scope}”）" if alternative.scope else ""
