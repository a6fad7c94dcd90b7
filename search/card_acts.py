"""How well the acts a penalty article names — its items (项), its paragraphs (款) or the article
itself — fit the act a question describes, and who does them.

The question's words that describe an act are its weighted tokens without the words asking about
punishment, the words of lexicon/card_ignored.txt (多少, 哪些, lay negations such as 没有) and the
names of laws and law subjects it names (消防, 特种设备, and the pieces of 危险化学品: they decide
the law, not the act), the pieces of lay words said only by their legal terms (危化品: 危 化 品), the
lay names of the parties it names (叉车司机, 工人: they say who, which the party check judges),
and the names of public bodies (应急管理部门: the enforcer, or whom a report is owed to). An act
fits by the share of those words it holds: of the words its law has at all (a statute never says
叉车 or 干活), of all of them, and of the words of two characters or more (a single character is
found inside any word). An act punished only for the accident it caused (…造成事故的) fits a
question that tells of an accident; an act punished more heavily when it caused one (…的，责令…；
导致发生生产安全事故的，…) fits any.

Who does an act is read from its first clause; the unit answers for the workers it employs
(lexicon/card_workers.txt).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from kb.models import Article, Law
from kb.numerals import chinese_to_int
from search import intent, lexicon, passages, segment
from search.query import PENALTY_RE

IGNORED_FILE = segment.LEXICON / "card_ignored.txt"
WORKERS_FILE = segment.LEXICON / "card_workers.txt"
ITEM_START = passages.ITEM_START
# Who does an act is named in its first clause; public bodies and their staff are punished by
# 处分, not by the inspector.
OFFICIALS = re.compile(r"人民政府|部门|国家工作人员|国家机关|公安机关|工作人员|监管|消防救援机构")
# A public body that orders or notifies the party (消防部门通知整改…, 执法人员责令停产…) is the
# enforcer, not the doer of the act asked about.
ENFORCING = re.compile(r"(?:人民政府|部门|机构|管理局|执法人员|检查人员)(?:已经|已|多次|曾经|曾)?"
                       r"(?:通知|责令|要求|下达|告知|催告)")
BREACH = re.compile(r"^违反本(?:法|条例|规定|办法)(?:[^，]*?规定)?[，,]")
CLAUSE = re.compile(r"[，；：,;:]")
# Where the naming of who does an act ends: the act begins (未…, 不…, 拒绝…, 对…隐瞒 …).
ACT_START = re.compile(r"未|不|拒|违反|擅自|对|在|有下列|将|以|使用|发生|致使|导致")
# An act punished only when it caused an accident (…造成事故的) fits a question that tells of one.
CAUSED = re.compile(r"(?:造成|导致|致使|发生)[^，；。]*?事故的")
# The act itself: up to the end of its first condition (…的，); what follows is its penalty and the
# heavier penalties of its aggravations (…；导致发生生产安全事故的，暂停或者吊销…).
CONDITION = re.compile(r"^.*?的[，；。,;]")
# The kind of unit by what it does (使用单位, 经营单位 …); the general 生产经营单位 names none.
UNIT_KIND = re.compile(r"(?<!生产)(使用|经营|生产|销售|充装|检验|检测|储存|运输|安装|维修|设计|施工|监理)单位")
ACCIDENT = re.compile(r"事故(?!隐患)|出事|伤亡|死亡|身亡|死人|受伤|爆炸|火灾|着火|失火|起火")
# A question that tells of a device or a rule put out of use (关闭, 拆除, 停用 — in its words or in the
# legal terms its lay words stand for: 关掉 → 关闭) tells that it was there: an act of never having
# installed, set up or provided it (未安装…, 未设置…) does not fit it, unless that act names the
# putting out of use too.
DISABLED = re.compile(r"关闭|破坏|拆除|停用|停止使用")
# Objects an act may name by what they attest (定期检验标志, 使用登记证书): a word of the question just
# before one of them names that object, not the question's own matter, when the question names no
# such object (未经定期检验 is not 未设置定期检验标志).
OBJECT_HEADS = ("标志", "标识", "标签", "证书", "合格证", "记录", "档案")
ABSENT = re.compile(r"未(?:安装|设置|配备|配置|提供)")
# A 款 that punishes another party for items of the 款 before it (消防法第六十条第二款: 个人有前款第二项、
# 第三项、第四项、第五项行为之一的，处警告或者五百元以下罚款).
PARTY_PARAGRAPH = re.compile(r"^(?P<party>[^，,；;]{1,10}?)有前款(?P<items>(?:第[一二三四五六七八九十]+项[、和或者]*)+)")
ITEM_NUMBER = re.compile(r"第([一二三四五六七八九十]+)项")
# A private person (lexicon/subjects.tsv 个人) does no act of a unit (生产经营单位有下列行为之一, 单位违反本法…).
PRIVATE = "个人"
UNIT_DOER = re.compile(r"单位|企业|经营者|场所|机构")
# … when the question names no unit (公司把项目发包给个人: the unit is asked about, the 个人 is its object).
UNIT_NAMED = re.compile(r"公司|企业|单位|厂|经营者|商户|店|商场|超市|工地|矿")


@dataclass
class Fit:
    """Shares (0 … 1) of the question's act words an act holds."""

    own: float       # of the words its law has at all
    whole: float     # of all of them
    words: float     # of those of two characters or more
    found: int = 0   # how many of those it holds


def _word_list(path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(segment.normalize(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def ignored_words() -> frozenset[str]:
    """The words of lexicon/card_ignored.txt (one a line), normalized."""
    return _word_list(IGNORED_FILE)


@lru_cache(maxsize=1)
def workers() -> frozenset[str]:
    """The parties of lexicon/card_workers.txt: those a unit employs, whose use, staffing and
    training the law punishes on the unit."""
    return read_workers(WORKERS_FILE)


def read_workers(path) -> frozenset[str]:
    """Read a list of worker parties (the format of lexicon/card_workers.txt); a term that is not a
    party of lexicon/subjects.tsv raises ValueError naming the file and the term."""
    terms, known = _word_list(path), {names[0] for _, names in intent.parties()}
    unknown = sorted(terms - known)
    if unknown:
        raise ValueError(f"{path.name}：“{'、'.join(unknown)}”不是 {intent.SUBJECTS_FILE.name} 中的当事人")
    return terms


class ActFitter:
    """The act words of one question, matched against the acts of penalty articles."""

    def __init__(self, searcher, analysis, subjects: list[str], text: str):
        who = who_words(text)
        named = {t for name in analysis.asked.named + who for t in segment.tokens(name)}
        named.update(term for name in who for term in lexicon.synonyms().get(name, ()))
        named |= ignored_words()
        named.update(segment.normalize(subject) for subject in subjects)
        named.update(t for subject in subjects if segment.normalize(subject) in analysis.weights
                     for t in segment.tokens(subject))
        named.update(analysis.unsaid)
        named.update(analysis.pieced)       # a lay phrase read in pieces may widen the search, not the act
        named.update(segment.normalize(party) for party in analysis.asked.subjects)
        if analysis.law_key:
            named.update(segment.tokens(searcher.titles[analysis.law_key]))
        bodies = [t for t in analysis.weights if OFFICIALS.search(t)]
        weights = {t: w * searcher.engine.idf(t) for t, w in analysis.weights.items()
                   if t not in named and not PENALTY_RE.search(t) and not any(t in body for body in bodies)}
        self.searcher = searcher
        self.accident = bool(ACCIDENT.search(text))
        self.disabled = bool(DISABLED.search(" ".join([text, *analysis.terms])))
        self.matcher = passages.Matcher(weights)
        self.words = passages.Matcher({t: w for t, w in weights.items() if len(t) > 1})
        self.other_objects = [(word + head, head) for word in sorted(self.words.weights, key=len, reverse=True)
                              for head in OBJECT_HEADS if head not in text]
        self.inside: dict[int, passages.Matcher] = {}

    def fit(self, law: Law, act: str) -> Fit:
        """How much of the question's act words `act`, of `law`, holds; nothing when the act is
        punished only for an accident it caused and the question tells of none, or is the absence of
        what the question tells was put out of use (DISABLED, ABSENT)."""
        if CAUSED.search(condition(act)) and not self.accident:
            return Fit(0.0, 0.0, 0.0)
        if self.disabled and ABSENT.search(condition(act)) and not DISABLED.search(act):
            return Fit(0.0, 0.0, 0.0)
        act = self._own_objects(act)
        if law.id not in self.inside:
            text = self.searcher.law_articles.law(law.id).text
            self.inside[law.id] = passages.Matcher({t: w for t, w in self.matcher.weights.items() if t in text})
        return Fit(self.inside[law.id].share(act), self.matcher.share(act), self.words.share(act),
                   sum(1 for word in self.words.weights if word in act))


    def _own_objects(self, act: str) -> str:
        """The act without the question's words that name another object in it (OBJECT_HEADS)."""
        for named, head in self.other_objects:
            act = act.replace(named, head)
        return act


def condition(act: str) -> str:
    """The act itself: the text up to the end of its first condition (…职责的), without the penalty
    and the aggravations that follow it (…，责令限期改正…；导致发生生产安全事故的，…)."""
    found = CONDITION.match(act)
    return found.group() if found else act


def who_words(text: str) -> list[str]:
    """The lay names of parties of lexicon/subjects.tsv (叉车司机, 工人, 老板) a normalized question
    holds: they say who does an act — which the party check judges — in words the statute does not
    use for the act. The statutory term of a party asked about (主要负责人) is left out of the act
    words too, by ActFitter: an item that only names the party (主要负责人和安全生产管理人员未按照
    规定经考核合格) fits no question about another act of that party."""
    return [name for _, names in intent.parties() for name in names[1:] if name in text]


def acts_of(article: Article) -> list[tuple[int | None, int | None, str]]:
    """(paragraph, item, text) of each act the article names: its items — with the 款 that holds
    them when the article has several, as the act is cited (消防法第六十条第一款第四项: its second 款
    punishes individuals) —, else its paragraphs when it has several, else the whole article
    (paragraph and item None)."""
    if article.items:
        holding = _paragraph_of(article)
        return [(holding.get(index), number, text) for index, number, text in article.items]
    if len(article.paragraphs) > 1:
        return [(index, None, text) for index, text in enumerate(article.paragraphs, 1)]
    return [(None, None, article.text)]


def party_paragraph(article: Article, paragraph: int | None, item: int | None, asked: list[str]) -> int | None:
    """The 款 after `paragraph` that punishes the party the question is about (`asked`, statutory
    names) for the item chosen there — 消防法第六十条第二款 for a 个人 who blocks a fire lane, where
    第一款第五项 punishes the unit —, or None."""
    from kb.penalties.lookup import groups     # loaded only when a card is made

    parts = groups(article)
    if not item or not paragraph or paragraph >= len(parts):
        return None
    found = PARTY_PARAGRAPH.match(parts[paragraph][0])
    if not found or found.group("party") not in asked:
        return None
    items = {chinese_to_int(number) for number in ITEM_NUMBER.findall(found.group("items"))}
    return paragraph + 1 if item in items else None


def _paragraph_of(article: Article) -> dict[int, int]:
    """The 款 (1-based) of each paragraph index of an article of several 款, as the penalty reader
    groups them (kb.penalties.lookup.groups: an item belongs to the 款 before it); empty for an
    article of one 款, whose items are cited without it."""
    from kb.penalties.lookup import groups     # loaded only when a card is made

    parts = groups(article)
    if len(parts) < 2:
        return {}
    numbers = [number for number, part in enumerate(parts, 1) for _ in part]
    return dict(enumerate(numbers))


def doer(act: str, article: Article) -> str:
    """The words that name who does the act: the first clause of the act, or of the article's
    lead sentence for an item (项), without 违反本法规定, up to where the act itself begins."""
    clause = first_clause(act, article)
    start = ACT_START.search(clause, 1)
    return clause[:start.start()] if start else clause


def first_clause(act: str, article: Article) -> str:
    """The first clause of the act, or of the article's lead sentence for an item (项), without
    违反本法规定."""
    opening = passages.lead_sentence(article.paragraphs) if ITEM_START.match(act) else act
    return CLAUSE.split(BREACH.sub("", opening, count=1), 1)[0]


def other_doer(act: str, article: Article, asked: list[str], question: str) -> bool:
    """Whether the act is not one of the party the question is about: a rule about penalties
    themselves (本法规定的行政处罚，由…决定), an act of public bodies or their staff (处分) when the
    question names none but as the enforcer that notified or ordered the party, or of another party
    of lexicon/subjects.tsv than the one asked about — a unit's act for a question about a private
    person (个人) only."""
    who = doer(act, article)
    if PENALTY_RE.search(who) or (OFFICIALS.search(who) and not OFFICIALS.search(ENFORCING.sub("", question))):
        return True
    named = parties_doing(act, article)
    if asked == [PRIVATE] and not named and UNIT_DOER.search(who) and not UNIT_NAMED.search(question):
        return True
    return bool(asked and named and not set(asked) & set(named))


def answers_for(act: str, article: Article, asked: list[str]) -> bool:
    """Whether the party that does the act is one the question asks about — the party itself, or
    the unit for the workers it employs (lexicon/card_workers.txt): an act the unit does, or one its
    law lists among the unit's (生产经营单位有下列行为之一: 特种作业人员未…取得相应资格，上岗作业的),
    is punished on the unit a question about its worker is about."""
    doing = parties_doing(act, article)
    if set(doing) & set(asked):
        return True
    return not doing and any(segment.normalize(party) in workers() for party in asked)


def unit_kind(act: str, article: Article) -> str:
    """The kind of unit the first clause of an act names by what it does with the thing regulated
    (特种设备使用单位 → 使用, 经营单位 → 经营, 充装单位 → 充装); "" when it names none, or the general
    生产经营单位."""
    found = UNIT_KIND.search(first_clause(act, article))
    return found.group(1) if found else ""


def parties_doing(act: str, article: Article) -> list[str]:
    """The parties of lexicon/subjects.tsv (主要负责人, 从业人员 …) named as doing the act; [] when
    it is done by the unit or by whoever does it."""
    who = doer(act, article)
    return [term for term, names in intent.parties() if any(name in who for name in names)]
