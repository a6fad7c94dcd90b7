"""The facts of an article a question can ask about: the ones that matter in enforcement.

- 金额 (罚款 amounts: 二万元以上五万元以下, 五万元以下), 比例 (上一年年收入百分之四十, 二倍以上五倍以下),
  期限 (二年内, 十五日以下, 五年内);
- 主管机关 and 责任主体: the names of `subjects.yaml` where a sentence gives them a duty, a power or
  a liability;
- 列举事项: a lead with 下列 and the items (项) listed under it (duties, acts, situations).

Each fact comes with its context: the sentence of the source with BLANK where the fact stands,
otherwise verbatim, so that filling the blank with the fact gives back the statute's own words.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.models import Article
from kb.quiz.models import BLANK
from kb.yamlfile import read_yaml_data

SUBJECTS_FILE = Path(__file__).with_name("subjects.yaml")
NUM = "[零〇一二两三四五六七八九十百千万]+"
AMOUNT, RATIO, PERIOD, AUTHORITY, LIABLE, LISTED = "金额", "比例", "期限", "主管机关", "责任主体", "列举事项"
PATTERNS = {
    AMOUNT: re.compile(rf"(?:{NUM}元以上)?{NUM}元(?:以下|以上)?"),
    RATIO: re.compile(rf"百分之{NUM}(?:至百分之{NUM})?|{NUM}倍以上{NUM}倍以下"),
    PERIOD: re.compile(rf"(?<![上第每]){NUM}(?:个工作日|个月|日|年|小时)(?:以内|以下|内)?(?!年收入|度|级)"),
}
DUTY_RE = re.compile(r"应当|必须|不得|负责|实施|确定|审批|督促|进行|处|给予|作出|移送")
LEAD_RE = re.compile(r"下列([\u4e00-\u9fff]{1,6}?)(之一)?(?=[的，,:：]|$)")
ITEM_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
REFERS_RE = re.compile(r"前款|前两款|前三款|前项|上述[^期]|^以上")   # context outside the sentence
MAX_CONTEXT = 150
NAME_OPENERS = "由对和与及或向经其并在为从将被"      # a character a subject's name may follow
MIN_ITEMS = 3


@dataclass(frozen=True)
class Slot:
    """One fact of an article: its kind, the 款 it is in, its context and what the source has."""

    fact: str
    paragraph: int
    context: str
    fill: str


@dataclass(frozen=True)
class Listing:
    """A 下列 lead and the acts, duties or situations listed under it, as the article writes them."""

    paragraph: int
    lead: str                        # 生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；…
    noun: str                        # 行为 / 情形 / 职责
    items: tuple[str, ...]           # without the （一） and the closing 的；/；/。


@lru_cache(maxsize=1)
def subject_names() -> dict[str, str]:
    """Every subject name of `subjects.yaml` → its group (主管机关 / 责任主体)."""
    data = read_yaml_data(SUBJECTS_FILE)
    return {name: group for group in (AUTHORITY, LIABLE) for name in data[group]}


@lru_cache(maxsize=1)
def overlapping() -> frozenset[frozenset[str]]:
    """Pairs of subject names that include one another and so never replace each other."""
    return frozenset(frozenset(pair) for pair in read_yaml_data(SUBJECTS_FILE).get("overlaps", []))


def _subject_re() -> re.Pattern:
    names = sorted(subject_names(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def sentences(paragraph: str) -> list[str]:
    """The sentences (up to and with 。) of a paragraph."""
    return re.findall(r"[^。]+。?", paragraph)


def context_around(sentence: str, start: int, end: int) -> str:
    """The sentence with BLANK over [start, end), cut after the 分句 (；) holding the blank and,
    when longer than MAX_CONTEXT, from the front down to its first clause and ……."""
    cut = sentence.find("；", end)
    head, tail = sentence[:start], sentence[end:] if cut < 0 else sentence[end:cut] + "。"
    if not tail.endswith("。"):
        tail = tail.rstrip("；：:") + ("" if tail.endswith("。") else "。")
    text = head + BLANK + tail
    if len(text) > MAX_CONTEXT and "；" in head:
        first = head.split("，")[0]
        text = first + "，……" + head[head.rfind("；") + 1:] + BLANK + tail
    return text


def _stands_alone(sentence: str, start: int) -> bool:
    """True when a subject name starts a name of its own there, not the tail of a longer one
    (县级以上人民政府应急管理部门 holds 应急管理部门 but names another authority)."""
    if start == 0:
        return True
    before = sentence[start - 1]
    return not "\u4e00" <= before <= "\u9fff" or before in NAME_OPENERS


def slots(article: Article) -> list[Slot]:
    """The 金额, 比例, 期限 and subject facts of an article, in text order, one per occurrence;
    not those whose sentence leans on another (前款, 前项, 以上施工单位): it does not determine them."""
    found = []
    subject_re = _subject_re()
    groups = subject_names()
    for index, paragraph in enumerate(article.paragraphs):
        if ITEM_RE.match(paragraph):
            continue                 # an item is asked about through its list (列举事项)
        for sentence in sentences(paragraph):
            spans = [(m.start(), m.end(), kind) for kind, pattern in PATTERNS.items()
                     for m in pattern.finditer(sentence)]
            spans += [(m.start(), m.end(), groups[m.group()]) for m in subject_re.finditer(sentence)
                      if _stands_alone(sentence, m.start()) and DUTY_RE.search(sentence, m.end(), m.end() + 30)]
            for start, end, kind in sorted(spans):
                context = context_around(sentence, start, end)
                if not REFERS_RE.search(context):
                    found.append(Slot(kind, index, context, sentence[start:end]))
    return found


def listed_items(article: Article, paragraph: int) -> list[str]:
    """The items (项) right after a paragraph, without the （一） and the closing 的；/；/。."""
    items = []
    for following in article.paragraphs[paragraph + 1:]:
        if not ITEM_RE.match(following):
            break
        items.append(re.sub(r"(的)?[；;。，]?$", "", ITEM_RE.sub("", following)).strip())
    return items


def listings(article: Article) -> list[Listing]:
    """The lists of an article: a paragraph with 下列 followed by at least MIN_ITEMS items; not the
    definitions of terms (下列用语的含义), which a 多选 question cannot ask for."""
    found = []
    for index, paragraph in enumerate(article.paragraphs):
        match = LEAD_RE.search(paragraph)
        if not match or ITEM_RE.match(paragraph) or "用语" in match.group(1):
            continue
        items = listed_items(article, index)
        if len(items) >= MIN_ITEMS:
            found.append(Listing(index, paragraph, match.group(1), tuple(items)))
    return found


def list_question_lead(listing: Listing) -> str | None:
    """The lead turned into a question: 生产经营单位有下列哪些行为的，责令限期改正，处十万元以下的罚款？

    The lead is cut to the sentence, and after the 分句 (；), holding 下列, and 下列X之一 becomes
    下列哪些X; None when the lead does not read as a question then.
    """
    sentence = next(text for text in sentences(listing.lead) if LEAD_RE.search(text))
    segments = sentence.split("；")
    holding = next(i for i, segment in enumerate(segments) if LEAD_RE.search(segment))
    lead = "；".join(segments[:holding + 1]).rstrip("：:，,。 ")
    question = LEAD_RE.sub(lambda m: f"下列哪些{m.group(1)}", lead, count=1)
    return question + "？" if "哪些" in question else None


def acts_stem(context: str, item: str) -> str | None:
    """A lead context (生产经营单位有下列行为之一的，……处（　　）的罚款。) told of one listed act:
    生产经营单位未按照规定……的，……处（　　）的罚款。 None when the lead is not of that form."""
    match = re.match(r"^(.*?)有下列(?:行为|情形)之一的，(.*)$", context)
    if not match:
        return None
    return f"{match.group(1)}{item}的，{match.group(2)}"


def readings(article: Article) -> str:
    """The article's text followed by each listed act told in its lead's words (生产经营单位未按照
    规定……的，责令限期改正，处十万元以下的罚款), one per line: what a reworded question may quote."""
    lines = [article.text]
    for listing in listings(article):
        for item in listing.items:
            told = acts_stem(listing.lead.replace("：", "。").replace(":", "。"), item)
            if told:
                lines.append(told)
    return "\n".join(lines)
