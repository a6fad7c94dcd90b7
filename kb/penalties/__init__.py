"""Structured penalty reader: what an article (款, 项) says about punishment, read from its text.

Public API (everything below is importable from ``kb.penalties``):

- ``read_article(article, paragraph=None, item=None, citation="") -> Provision`` — read an
  ``kb.models.Article`` (or one 款/项 of it). For a 项 that only describes an act (第九十七条第三项)
  the penalty is the lead sentence's; a 项 that states its own fine (第九十五条第二项) adds its
  situation. A 款/项 the article lacks is a doubt, never an empty success.
- ``read_text(text, citation="", subject="") -> Provision`` — read one paragraph of text.
- ``find(store, citation, on=None) -> Lookup`` — look a citation up in a ``kb.store.Store``
  ("安全生产法第九十七条第三项", "《中华人民共和国安全生产法》第九十四条第一款" or a ``kb.refs.Ref``),
  in the version in force on ``on``; raises ``LookupError`` naming the missing law or article.
  ``Lookup`` has ``provision``, ``law_title``, ``version`` and ``article``. A law held only as an
  excerpt (节选, ``is_excerpt(law)``) never yields "没有第X条": the error says the excerpt lacks it.
- ``describe(fine_range) -> str`` — a range for people (20,000元至50,000元, 上一年年收入40%).
- ``kb.penalties.render.lines(lookup) -> list[str]`` and ``as_dict(lookup) -> dict`` — the structured
  penalty as text lines (what ``fazhi penalty`` prints) and as JSON-ready data (``--json``).

``Provision`` (models.py): ``citation``, ``text``, ``subject`` (default party), ``situations``,
``doubts`` (why it must be checked by hand), ``criminal`` (构成犯罪 referral), ``elsewhere``
(punished 依照 another rule); ``state`` is ``READ`` (已读取), ``UNCERTAIN`` (需人工核实),
``NO_PENALTY`` or ``ELSEWHERE``; helpers ``sanctions(condition=None)``, ``situation(condition="")``,
``parties``, ``kinds(party=None)``, ``has_fine``, ``certain``.

``Situation``: ``condition`` ('' = basic case; 逾期未改正, 情节严重, 拒不改正, 导致发生生产安全事故,
发生较大事故 …), ``accident`` (一般事故 … 特别重大事故), ``sanctions``, ``fines(party=None)``.

``Sanction``: ``party`` (UNIT 单位, PRINCIPAL 主要负责人, RESPONSIBLE 直接责任人员, INDIVIDUAL 个人, OFFENDER 违法行为人 (the article names
none: whoever committed the act), or another role as written, e.g. 其他负责人和安全生产管理人员), ``kind`` (FINE 罚款, WARNING 警告,
CONFISCATE_GAINS 没收违法所得, CONFISCATE, SUSPEND_BUSINESS 责令停产停业, SUSPEND_LICENCE 暂扣许可证件,
REVOKE_LICENCE 吊销许可证件, LOWER_GRADE, CLOSE, RESTRICT 限制从业, DETENTION 行政拘留, DISCIPLINE 处分,
DISMISSAL 撤职, CRITICISM 通报批评, CORRECT 责令改正 — an order, not a penalty), ``fine``,
``text``, ``optional`` (可以), ``alternative`` (单处或者并处).

``FineRange``: ``base`` (YUAN 元, GAINS 违法所得, GOODS 货值金额, INCOME 上一年年收入, PREVIOUS_FINE),
``low``/``high`` (元, 倍 or %; ``high`` None = no upper limit), ``gains_at_least``/``gains_below``,
``applies(gains)``, ``bounds(gains=, income=, goods=) -> (low, high) in 元 or None``.
"""

from kb.penalties.amounts import describe, parse_amount
from kb.penalties.lookup import Lookup, find, is_excerpt, read_article
from kb.penalties.models import (
    CONFISCATE,
    CONFISCATE_GAINS,
    CORRECT,
    ELSEWHERE,
    FINE,
    GAINS,
    GOODS,
    INCOME,
    INDIVIDUAL,
    NO_PENALTY,
    NOT_PENALTIES,
    OFFENDER,
    PRINCIPAL,
    READ,
    RESPONSIBLE,
    UNCERTAIN,
    UNIT,
    WARNING,
    YUAN,
    FineRange,
    Provision,
    Sanction,
    Situation,
)
from kb.penalties.reader import read_text

__all__ = ["describe", "parse_amount", "Lookup", "find", "is_excerpt", "read_article", "read_text", "FineRange", "Provision",
           "Sanction", "Situation", "CONFISCATE", "CONFISCATE_GAINS", "CORRECT", "ELSEWHERE", "FINE", "GAINS", "GOODS", "INCOME",
           "INDIVIDUAL", "NO_PENALTY", "NOT_PENALTIES", "OFFENDER", "PRINCIPAL", "READ", "RESPONSIBLE", "UNCERTAIN", "UNIT",
           "WARNING", "YUAN"]
