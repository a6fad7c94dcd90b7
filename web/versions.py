"""Compare two versions of a law: match their articles (also when an amendment renumbered them)
and mark what changed inside each matched pair, for the side-by-side view."""

import difflib
from dataclasses import dataclass, field

from kb.models import Article

SAME, CHANGED, RENUMBERED, ADDED, REMOVED = "未修改", "修改", "条号变化", "新增", "删除"
MATCH_THRESHOLD = 0.45      # bigram overlap (Dice) above which two articles are the same article amended


@dataclass
class Pair:
    """One row of the comparison: an article of the left version, of the right one, or both."""

    left: Article | None
    right: Article | None
    status: str
    left_pieces: list[tuple[str, str]] = field(default_factory=list)   # (op, text): op '' | 'del'
    right_pieces: list[tuple[str, str]] = field(default_factory=list)  # (op, text): op '' | 'ins'


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two texts (0..1)."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 1.0


def counterpart(article: Article, others: list[Article]) -> Article | None:
    """The article of another version that is this article: same text, else the most similar one
    above MATCH_THRESHOLD (the same number wins ties), else None."""
    for other in others:
        if other.text == article.text:
            return other
    own = _bigrams(article.text)
    best, best_score = None, MATCH_THRESHOLD
    for other in others:
        theirs = _bigrams(other.text)
        score = 2 * len(own & theirs) / (len(own) + len(theirs) or 1)
        if score > best_score or (score == best_score and best is not None and other.number == article.number):
            best, best_score = other, score
    return best


def align(left: list[Article], right: list[Article]) -> list[list[int | None]]:
    """Match articles of two versions in order (a monotone alignment maximising similarity):
    [left index or None, right index or None] per row."""
    grams_l, grams_r = [_bigrams(a.text) for a in left], [_bigrams(a.text) for a in right]
    n, m = len(left), len(right)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            x, y = grams_l[i], grams_r[j]
            sim = 2 * len(x & y) / (len(x) + len(y) or 1) if (x and y) else float(left[i].text == right[j].text)
            take = score[i + 1][j + 1] + sim if sim >= MATCH_THRESHOLD else -1.0
            score[i][j] = max(take, score[i + 1][j], score[i][j + 1])
    rows, i, j = [], 0, 0
    while i < n or j < m:
        if i < n and j < m and score[i][j] == score[i + 1][j + 1] + _sim(grams_l[i], grams_r[j]) \
                and _sim(grams_l[i], grams_r[j]) >= MATCH_THRESHOLD:
            rows.append([i, j])
            i, j = i + 1, j + 1
        elif i < n and (j == m or score[i][j] == score[i + 1][j]):
            rows.append([i, None])
            i += 1
        else:
            rows.append([None, j])
            j += 1
    return rows


def _sim(x: set[str], y: set[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y) or 1)


def pieces(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Character-level differences: the old text with deleted runs marked 'del', the new text
    with inserted runs marked 'ins'."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    left, right = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            left.append(("", old[a1:a2]))
            right.append(("", new[b1:b2]))
            continue
        if a2 > a1:
            left.append(("del", old[a1:a2]))
        if b2 > b1:
            right.append(("ins", new[b1:b2]))
    return left, right


def compare(left: list[Article], right: list[Article]) -> list[Pair]:
    """Every row of the side-by-side comparison of two versions, in the order of the articles."""
    result = []
    for i, j in align(left, right):
        a = left[i] if i is not None else None
        b = right[j] if j is not None else None
        if a is None:
            result.append(Pair(None, b, ADDED, right_pieces=[("ins", b.text)]))
        elif b is None:
            result.append(Pair(a, None, REMOVED, left_pieces=[("del", a.text)]))
        else:
            status = SAME if a.text == b.text else CHANGED
            if status == SAME and a.label != b.label:
                status = RENUMBERED
            elif status == CHANGED and a.label != b.label:
                status = f"{CHANGED}、{RENUMBERED}"
            lp, rp = pieces(a.text, b.text) if a.text != b.text else ([("", a.text)], [("", b.text)])
            result.append(Pair(a, b, status, lp, rp))
    return result
