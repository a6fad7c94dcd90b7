"""The citation check of a draft decision or opinion (.docx or .txt).

Every citation is found (《…》第X条第X款第X项, 安全生产法第X条, 本法第X条 and bare 第X条 resolved to
the law named last before it) and reported: does the article exist, is the cited version the
current one, and does wording quoted right after it (“…” or 规定：“…”) match the statute text.
The report is data (`DraftReport`) with a plain-text rendering; the generator renders it as .docx.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.review import findings as fd
from generator.review.citing import (
    PENALTY_CHAPTER,
    CitedRef,
    article_in,
    blank_versions,
    check_citation,
    ref_label,
    similarity,
    units,
)
from kb.citations import CONTEXT_WORDS, Citation, parse_citations, resolve_law_name
from kb.models import Article
from kb.refs import Ref, ResolvedRef, locate
from kb.store import Store

QUOTE_AFTER = re.compile(r"[\s\u3000]*(?:的)?(?:明确)?(?:规定)?(?:的)?[\s\u3000]*[：:，,]?[\s\u3000]*“([^“”]{2,})”")
ELLIPSIS = re.compile(r"…+|\.{3,}")
PUNCTUATION = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？",
                             ".": "。", "\"": "", "'": "", "‘": "", "’": ""})
MAX_DIFFERENCES = 5
MIN_CONTEXT_SIMILARITY = 0.3       # a draft's facts paraphrase the act; a quote would match more closely
CONTEXT_PARAGRAPHS = 3             # paragraphs before a citation that describe what it should cover
EXCERPT_CHARS = 14
MIN_RATIO = 0.5                    # below it, listing differences does not help


class DraftError(ValueError):
    """The draft cannot be read; the message names the file."""


@dataclass
class QuoteCheck:
    """Wording quoted after a citation compared with the statute."""

    quoted: str
    matches: bool
    statute: str = ""               # the statute passage compared (the closest one when different)
    differences: list[str] = field(default_factory=list)
    older_version: str = ""         # an older version whose text the quote matches
    found_in: str = ""              # the article of the current version that does contain it


@dataclass
class DraftCitation:
    """One citation of the draft and what the store says about it."""

    location: str
    written: str
    label: str
    law: str
    outcome: str
    message: str
    exists: bool | None = None          # None: the law is not in the store
    current: bool | None = None         # the version cited (or whose wording is quoted) is current
    quote: QuoteCheck | None = None
    suggestion: str = ""


@dataclass
class DraftReport:
    """Every citation of a draft, plus the bare article numbers no law could be found for."""

    source: str
    citations: list[DraftCitation] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """How many citations have this outcome."""
        return sum(1 for c in self.citations if c.outcome == outcome)


def read_draft(path: Path | str) -> list[str]:
    """The paragraphs of a .docx (body and tables, in order) or the lines of a .txt."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DraftError(f"{path}：文件不存在")
    try:
        if suffix == ".txt":
            return path.read_text(encoding="utf-8-sig").splitlines()
        if suffix == ".docx":
            import docx
            return _docx_paragraphs(docx.Document(str(path)))
    except UnicodeDecodeError:
        raise DraftError(f"{path}：不是 UTF-8 编码的文本") from None
    except Exception as error:          # python-docx raises several types for damaged files
        raise DraftError(f"{path}：无法读取 Word 文件（{type(error).__name__}）") from None
    raise DraftError(f"{path}：不支持的文件类型 {suffix or '（无扩展名）'}，支持 .docx 和 .txt")


def check_draft(store: Store, path: Path | str) -> DraftReport:
    """Read a draft and check every citation in it."""
    return check_paragraphs(store, read_draft(path), Path(path).name)


def check_paragraphs(store: Store, paragraphs: list[str], source: str = "") -> DraftReport:
    """Check the citations of some paragraphs; a bare 第X条 refers to the law named last before it."""
    report = DraftReport(source)
    is_law = _law_names(store).__contains__
    context = None
    for number, text in enumerate(paragraphs, 1):
        blanked, marks = blank_versions(text)
        quoted_spans: list[tuple[int, int]] = []
        for citation in parse_citations(blanked):
            if any(start <= citation.start < end for start, end in quoted_spans) or _own_heading(citation, text):
                continue
            law = _law_of(citation, is_law, context)
            written = _written(text[citation.start:citation.end], citation, law)
            if law is None:
                if _refers_to_context(citation):
                    report.unresolved.append(f"{place(text)}：{written}（无法确定所指法规）")
                continue
            context = law
            bracket = blanked.find("》", citation.start, citation.end)
            cited = CitedRef(ref=Ref(law, citation.number, citation.suffix, citation.paragraph, citation.item),
                             version=marks.get(bracket), written=written)
            quote = QUOTE_AFTER.match(blanked, citation.end)
            if quote:
                quoted_spans.append((quote.start(1) - 1, quote.end()))
            quoted = quote.group(1) if quote and _single(citation) else None
            probe = "\n".join(paragraphs[max(0, number - 1 - CONTEXT_PARAGRAPHS):number])
            report.citations.append(_check_one(store, cited, place(text), quoted, probe))
    return report


def render_report(report: DraftReport) -> str:
    """The report as plain text a reviewer can attach."""
    total = len(report.citations)
    lines = ["条文引用核对报告", f"文件：{report.source}",
             f"共核对引用 {total} 处：通过 {report.count(fd.PASS)} 处，提示 {report.count(fd.NOTE)} 处，"
             f"问题 {report.count(fd.PROBLEM)} 处。", ""]
    for index, item in enumerate(report.citations, 1):
        lines.append(f"{index}. 【{item.outcome}】{item.location} {item.written}")
        lines.append(f"   条文：{item.message}")
        if item.quote:
            lines.append(f"   引文：{_quote_line(item.quote)}")
            lines += [f"     - {d}" for d in item.quote.differences]
            if not item.quote.matches and item.quote.statute:
                lines.append(f"     条文原文：“{item.quote.statute}”")
        if item.suggestion:
            lines.append(f"   建议：{item.suggestion}")
    if report.unresolved:
        lines += ["", "未能确定所指法规的引用："] + [f"  - {u}" for u in report.unresolved]
    return "\n".join(lines) + "\n"


def quote_in(quoted: str, text: str) -> bool:
    """Whether quoted wording appears in a text, ignoring spaces and the width of punctuation;
    “……” may stand for omitted words."""
    text, position = normalize(text), 0
    for part in _parts(quoted):
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def compare_quote(quoted: str, article: Article) -> QuoteCheck:
    """Whether quoted wording appears in the article; otherwise the differences to its closest 款 or 项."""
    if quote_in(quoted, article.text):
        return QuoteCheck(quoted, True)
    joined = "".join(_parts(quoted))
    passages = [normalize(unit) for _, _, unit in units(article)]
    closest = max(passages, key=lambda p: difflib.SequenceMatcher(None, p, joined, autojunk=False).ratio())
    window, differences = _differences(closest, joined)
    return QuoteCheck(quoted, False, window, differences)


def normalize(text: str) -> str:
    """Text for comparison: no whitespace, full-width punctuation, no trailing 。；，."""
    return re.sub(r"\s+", "", text).translate(PUNCTUATION).rstrip("。；，")


def place(text: str) -> str:
    """Where a citation is, named as a reader finds it: the paragraph's opening words.

    >>> place("　　当事人的上述行为违反了《中华人民共和国安全生产法》第二十八条的规定")
    '“当事人的上述行为违反了《中华…”一段'
    """
    opening = text.strip().lstrip("\u3000")
    return f"“{opening[:EXCERPT_CHARS]}{'…' if len(opening) > EXCERPT_CHARS else ''}”一段"


def _check_one(store: Store, cited: CitedRef, location: str, quoted: str | None, context: str = "") -> DraftCitation:
    """Check one citation; wording quoted after it, else the paragraphs around it, serve to suggest the
    current article to cite instead of a wrong or superseded one."""
    checked = check_citation(store, cited, probe=quoted or context)
    law = checked.resolved.law.display_title if checked.resolved else f"《{cited.ref.law}》"
    item = DraftCitation(location=location, written=cited.written, label=ref_label(cited.ref), law=law,
                         outcome=checked.outcome, message=checked.message, exists=checked.exists,
                         current=checked.current)
    suggestion = checked.suggestion or (current_article_for(store, cited, context) if checked.current is False else None)
    if suggestion:
        item.suggestion = f"改引{suggestion.law.display_title}{ref_label(suggestion.ref)}"
    if quoted and checked.resolved:
        item.quote = _quote(store, quoted, checked.resolved.article)
        if not item.quote.matches:
            item.outcome = fd.PROBLEM
        if item.quote.older_version:
            item.current = False
        if item.quote.found_in and not item.suggestion:
            item.suggestion = f"引文见于{item.quote.found_in}，请核对是否引错了条文"
    return item


def current_article_for(store: Store, cited: CitedRef, context: str) -> ResolvedRef | None:
    """For a citation of a superseded version: the penalty provision (法律责任) of the current version
    whose wording the draft's paragraphs around the citation come closest to, when close enough."""
    laws = store.find_laws(cited.ref.law)
    if not laws or not context:
        return None
    current = laws[0]
    scored = [(similarity(context, text), article, paragraph, number)
              for article in store.articles(current.id) if PENALTY_CHAPTER in article.chapter
              for paragraph, number, text in units(article)]
    score, article, paragraph, number = max(scored, key=lambda entry: entry[0], default=(0, None, None, None))
    if score <= MIN_CONTEXT_SIMILARITY:
        return None
    ref = Ref(current.title, article.number, article.suffix, paragraph, number)
    return ResolvedRef(ref=ref, law=current, article=article, excerpt=locate(article, paragraph, number))


def _quote(store: Store, quoted: str, article: Article) -> QuoteCheck:
    """Compare with the article; when it differs, look for an older version of it, or another
    article of the same version, whose text contains the quote."""
    result = compare_quote(quoted, article)
    if result.matches:
        return result
    law = store.law(article.law_id)
    for older in store.versions(law.key):
        same = article_in(store, older, article.number, article.suffix) if older.id != law.id else None
        if same and quote_in(quoted, same.text):
            result.older_version = older.version.isoformat() if older.version else "旧"
            return result
    elsewhere = next((a for a in store.articles(law.id) if a.id != article.id and quote_in(quoted, a.text)), None)
    if elsewhere:
        result.found_in = f"{law.display_title}{elsewhere.label}"
    return result


def _differences(text: str, quoted: str) -> tuple[str, list[str]]:
    """The statute passage closest to the quote and the differences, as readable lines."""
    matcher = difflib.SequenceMatcher(None, text, quoted, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 2]
    if not blocks:
        return "", ["引文与条文没有相同的内容"]
    start = max(0, blocks[0].a - blocks[0].b)
    end = min(len(text), blocks[-1].a + blocks[-1].size + (len(quoted) - blocks[-1].b - blocks[-1].size))
    window = text[start:end]
    if difflib.SequenceMatcher(None, window, quoted, autojunk=False).ratio() < MIN_RATIO:
        return "", ["引文与该条内容差异较大，请核对所引条文"]
    lines = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, window, quoted, autojunk=False).get_opcodes():
        if tag == "replace":
            lines.append(f"条文“{window[a1:a2]}”，引文写作“{quoted[b1:b2]}”")
        elif tag == "delete":
            lines.append(f"引文漏写“{window[a1:a2]}”")
        elif tag == "insert":
            lines.append(f"引文多出“{quoted[b1:b2]}”")
    return window, lines[:MAX_DIFFERENCES]


def _parts(quoted: str) -> list[str]:
    return [p for p in (normalize(part) for part in ELLIPSIS.split(quoted)) if p]


def _quote_line(quote: QuoteCheck) -> str:
    if quote.matches:
        return f"“{quote.quoted}”与条文一致"
    older = f"（与已被修订的{quote.older_version}版本一致，可能引用了旧版本）" if quote.older_version else ""
    return f"“{quote.quoted}”与现行条文不一致{older}"


def _law_of(citation: Citation, is_law, context: str | None) -> str | None:
    """The law a citation refers to: its own name when known, the context law for 本法 and bare
    第X条, the written name for an unknown 《…》 (reported as not in the store)."""
    if _refers_to_context(citation):
        return context
    if citation.law is None:
        return None
    written = citation.law.strip()
    known = resolve_law_name(written, is_law)
    if known:
        return known
    return written if citation.text.startswith("《") else None


def _written(raw: str, citation: Citation, law: str | None) -> str:
    """The citation as written, without words before a plain law name (依据安全生产法… -> 安全生产法…)."""
    if citation.law and not raw.lstrip().startswith("《"):
        word = next((w for w in CONTEXT_WORDS if citation.law.endswith(w)), law)
        cut = raw.find(word) if word else -1
        raw = raw[cut:] if cut >= 0 else raw
    return raw.strip()


def _own_heading(citation: Citation, text: str) -> bool:
    """True for 第X条 opening a paragraph as the draft's own article heading (第三条　本决定…)."""
    return citation.law is None and citation.start == len(text) - len(text.lstrip()) and \
        text[citation.end:citation.end + 1] in (" ", "\u3000")


def _refers_to_context(citation: Citation) -> bool:
    """本法第X条 (also inside 依据本法…) and bare 第X条 — not a number like 3条 without 第."""
    if citation.law is None:
        return citation.text.startswith("第")
    return citation.law.strip().endswith(CONTEXT_WORDS)


def _single(citation: Citation) -> bool:
    """True unless the citation is one article of an expanded range (第二十五条至第二十七条)."""
    return not re.search(r"[至到]第?[零〇一二两三四五六七八九十百千\d]+条", citation.text)


def _law_names(store: Store) -> set[str]:
    names = set()
    for law in store.laws():
        names |= {law.title, law.short_title, law.title + law.part, law.short_title + law.part}
    return names


def _docx_paragraphs(document) -> list[str]:
    """Body paragraphs and table cell paragraphs in reading order (a merged cell once)."""
    paragraphs = []
    for block in document.iter_inner_content():
        if not hasattr(block, "rows"):
            paragraphs.append(block.text)
            continue
        seen = set()
        for cell in (cell for row in block.rows for cell in row.cells):
            if cell._tc not in seen:
                seen.add(cell._tc)
                paragraphs += [p.text for p in cell.paragraphs]
    return paragraphs
