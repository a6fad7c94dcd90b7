"""What changed between two versions of a law: articles matched across versions, even when renumbered.

Matching runs in four passes over the articles of the old and the new version:

1. articles whose text is identical (whitespace aside) are paired, preferring the same number;
2. the remaining articles are paired by text similarity (difflib's ratio on the text without
   whitespace and punctuation), best pairs first, when the similarity reaches `MATCH_THRESHOLD`;
3. an article still unpaired is paired with one whose text holds most of its own (at least
   `CONTAINED_THRESHOLD` of the shorter text): an article an amendment expanded into several 款;
4. unpaired articles that sit between the same two pairs in both versions (where a rewritten
   article stays in its place) are paired when their character bigrams overlap (Dice) by at least
   `GAP_THRESHOLD`, most similar first.

Whatever is left is 新增 (only in the new version) or 删除 (only in the old one). A pair is 未修改
when the texts are identical and 修改 otherwise; `renumbered` tells that its label changed
(第三十八条 → 第四十一条). The study pack and the question bank use `diff_versions` /
`latest_amendment`, `changed_paragraphs` for the 款 a modified article changed, and `marked_text`
for new wording with the added or reworded characters marked; the web app's article page uses
`counterpart` (one article in another version) and its side-by-side comparison
`ArticleChange.status` and `ArticleChange.sides`.
"""

import difflib
import re
from dataclasses import dataclass, field

from kb.models import Article, Law
from kb.store import Store

MATCH_THRESHOLD = 0.5
CONTAINED_THRESHOLD, CONTAINED_MIN_LENGTH = 0.8, 20
GAP_THRESHOLD = 0.45
UNCHANGED, MODIFIED, ADDED, REMOVED, RENUMBERED = "未修改", "修改", "新增", "删除", "条号变化"
_NOISE_RE = re.compile(r"[\s\u3000，。；：、“”‘’（）《》〈〉！？…,.;:()\"'\-—]")


def normalized(text: str) -> str:
    """The text an article comparison looks at: no whitespace, no punctuation."""
    return _NOISE_RE.sub("", text)


@dataclass
class ArticleChange:
    """One article's fate between two versions: `old` and/or `new` are None for 新增/删除."""

    kind: str
    old: Article | None
    new: Article | None
    similarity: float = 1.0

    @property
    def renumbered(self) -> bool:
        """True when the article is in both versions under different labels."""
        return bool(self.old and self.new and self.old.label != self.new.label)

    @property
    def label(self) -> str:
        """第四十一条（原第三十八条）, or the one label the article has."""
        if self.renumbered:
            return f"{self.new.label}（原{self.old.label}）"
        return (self.new or self.old).label

    @property
    def status(self) -> str:
        """The kind, with 条号变化 for a renumbered pair: 未修改, 修改, 条号变化, 修改、条号变化, 新增, 删除."""
        if not self.renumbered:
            return self.kind
        return RENUMBERED if self.kind == UNCHANGED else f"{MODIFIED}、{RENUMBERED}"

    def sides(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The old and the new text in pieces for a side-by-side view (see `side_pieces`); an added
        article is all 'ins', a removed one all 'del'."""
        if self.old is None:
            return [], [("ins", self.new.text)]
        if self.new is None:
            return [("del", self.old.text)], []
        if self.old.text == self.new.text:
            return [("", self.old.text)], [("", self.new.text)]
        return side_pieces(self.old.text, self.new.text)


@dataclass
class VersionDiff:
    """The changes from `old` to `new` (two versions of one law), in the order of the new version
    with removed articles after the article that preceded them."""

    old: Law
    new: Law
    changes: list[ArticleChange] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[ArticleChange]:
        """The changes of the given kinds, in order."""
        return [change for change in self.changes if change.kind in kinds]

    def counts(self) -> dict[str, int]:
        """How many articles are 未修改, 修改, 新增 and 删除; 重新编号 counts renumbered pairs."""
        counts = {kind: len(self.of_kind(kind)) for kind in (UNCHANGED, MODIFIED, ADDED, REMOVED)}
        counts["重新编号"] = sum(change.renumbered for change in self.changes)
        return counts


def match_articles(old: list[Article], new: list[Article]) -> list[ArticleChange]:
    """Pair the articles of two versions (see the module docstring) and return the changes."""
    old_texts = {id(a): normalized(a.text) for a in old}
    new_texts = {id(a): normalized(a.text) for a in new}
    pairs: dict[int, tuple[Article, float]] = {}        # id(new article) -> (old article, similarity)
    free_old = list(old)
    for article in new:                                   # pass 1: identical text, same number first
        same = [a for a in free_old if old_texts[id(a)] == new_texts[id(article)]]
        if same:
            chosen = next((a for a in same if a.label == article.label), same[0])
            pairs[id(article)] = (chosen, 1.0)
            free_old.remove(chosen)
    free_new = [a for a in new if id(a) not in pairs]
    scored = []
    for article in free_new:                              # pass 2: similar text, best pairs first
        for candidate in free_old:
            matcher = difflib.SequenceMatcher(None, old_texts[id(candidate)], new_texts[id(article)],
                                              autojunk=False)
            if matcher.real_quick_ratio() >= MATCH_THRESHOLD and matcher.quick_ratio() >= MATCH_THRESHOLD:
                ratio = matcher.ratio()
                if ratio >= MATCH_THRESHOLD:
                    scored.append((_rank(ratio, candidate, article), ratio, article, candidate))
    used_old: set[int] = set()
    for _, ratio, article, candidate in sorted(scored, key=lambda s: s[0], reverse=True):
        if id(article) not in pairs and id(candidate) not in used_old:
            pairs[id(article)] = (candidate, ratio)
            used_old.add(id(candidate))
    free_old = [a for a in free_old if id(a) not in used_old]
    free_new = [a for a in free_new if id(a) not in pairs]
    for ratio, article, candidate in _contained(free_old, free_new, old_texts, new_texts):   # pass 3
        if id(article) not in pairs and id(candidate) not in used_old:
            pairs[id(article)] = (candidate, ratio)
            used_old.add(id(candidate))
    for article, candidate in _in_place(old, new, pairs, old_texts, new_texts):              # pass 4
        pairs[id(article)] = (candidate, difflib.SequenceMatcher(
            None, old_texts[id(candidate)], new_texts[id(article)], autojunk=False).ratio())
    return _ordered(old, new, pairs)


def _bigram_dice(a: str, b: str) -> float:
    """The overlap of the character bigrams of two texts (Dice coefficient, 0..1)."""
    x, y = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _in_place(old: list[Article], new: list[Article], pairs: dict, old_texts: dict, new_texts: dict) -> list:
    """(new article, old article) for unpaired articles between the same two in-order pairs."""
    old_index = {id(a): i for i, a in enumerate(old)}
    anchors, last = [(-1, -1)], -1
    for j, article in enumerate(new):
        if id(article) in pairs and old_index[id(pairs[id(article)][0])] > last:
            last = old_index[id(pairs[id(article)][0])]
            anchors.append((last, j))
    anchors.append((len(old), len(new)))
    paired_old = {id(previous) for previous, _ in pairs.values()}
    found = []
    for (i1, j1), (i2, j2) in zip(anchors, anchors[1:]):
        free_old = [a for a in old[i1 + 1:i2] if id(a) not in paired_old]
        free_new = [a for a in new[j1 + 1:j2] if id(a) not in pairs]
        scored = [(_bigram_dice(old_texts[id(o)], new_texts[id(n)]), n, o) for n in free_new for o in free_old]
        taken: set[int] = set()
        for dice, article, candidate in sorted(scored, key=lambda s: -s[0]):
            if dice >= GAP_THRESHOLD and id(article) not in taken and id(candidate) not in taken:
                found.append((article, candidate))
                taken |= {id(article), id(candidate)}
    return found


def _rank(ratio: float, old: Article, new: Article) -> tuple:
    """The order of similar pairs, best first: similarity to two decimals, then the same label (an
    article split in two keeps its number for the part that stays), then the exact similarity."""
    return round(ratio, 2), old.label == new.label, ratio


def _contained(free_old: list[Article], free_new: list[Article], old_texts: dict, new_texts: dict) -> list:
    """(similarity, new article, old article) for the pairs where one text holds most of the other,
    best first."""
    scored = []
    for article in free_new:
        for candidate in free_old:
            matcher = difflib.SequenceMatcher(None, old_texts[id(candidate)], new_texts[id(article)],
                                              autojunk=False)
            held = _held(matcher)
            if held:
                scored.append((held, matcher.ratio(), article, candidate))
    return [(ratio, article, candidate) for _, ratio, article, candidate in sorted(
        scored, key=lambda s: (s[0], s[1]), reverse=True)]


def _held(matcher: difflib.SequenceMatcher) -> float:
    """How much of the shorter text the longer one holds, when that reaches CONTAINED_THRESHOLD; else 0."""
    shorter = min(len(matcher.a), len(matcher.b))
    if shorter < CONTAINED_MIN_LENGTH:
        return 0.0
    if matcher.quick_ratio() * (len(matcher.a) + len(matcher.b)) / 2 < CONTAINED_THRESHOLD * shorter:
        return 0.0                                        # even the shared characters are too few
    held = sum(block.size for block in matcher.get_matching_blocks()) / shorter
    return held if held >= CONTAINED_THRESHOLD else 0.0


def _ordered(old: list[Article], new: list[Article], pairs: dict) -> list[ArticleChange]:
    changes, removed_after = [], {}
    last_new_position = -1
    new_position_of_old = {id(pairs[id(a)][0]): a.position for a in new if id(a) in pairs}
    for article in old:                                   # removed articles follow their predecessor
        if id(article) in new_position_of_old:
            last_new_position = new_position_of_old[id(article)]
        else:
            removed_after.setdefault(last_new_position, []).append(article)
    changes += [ArticleChange(REMOVED, a, None, 0.0) for a in removed_after.get(-1, [])]
    for article in new:
        if id(article) in pairs:
            previous, ratio = pairs[id(article)]
            kind = UNCHANGED if ratio == 1.0 else MODIFIED
            changes.append(ArticleChange(kind, previous, article, ratio))
        else:
            changes.append(ArticleChange(ADDED, None, article, 0.0))
        changes += [ArticleChange(REMOVED, a, None, 0.0) for a in removed_after.get(article.position, [])]
    return changes


def diff_versions(store: Store, old: Law, new: Law) -> VersionDiff:
    """Compare two versions of one law held in the store."""
    return VersionDiff(old, new, match_articles(store.articles(old.id), store.articles(new.id)))


def latest_amendment(store: Store, law_key: str) -> VersionDiff | None:
    """What the newest version of a law changed against the version before it; None with one version."""
    versions = [law for law in store.versions(law_key) if law.version]
    if len(versions) < 2:
        return None
    return diff_versions(store, versions[1], versions[0])


def side_pieces(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Character-level differences for a side-by-side view: the old text in (op, text) pieces with
    deleted or reworded runs marked 'del', the new text with added or reworded runs marked 'ins'
    (op is '' for what both share)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            left.append(("del" if changed else "", old[i1:i2]))
        if j2 > j1:
            right.append(("ins" if changed else "", new[j1:j2]))
    return left, right


def marked_text(old: str, new: str) -> list[tuple[bool, str]]:
    """The new text in pieces, each marked True when the amendment added or reworded it (character
    level), for printing the changed words in bold."""
    pieces: list[tuple[bool, str]] = []
    for op, text in side_pieces(old, new)[1]:
        if pieces and pieces[-1][0] == bool(op):
            pieces[-1] = (bool(op), pieces[-1][1] + text)
        else:
            pieces.append((bool(op), text))
    return pieces


def counterpart(article: Article, own: list[Article], others: list[Article],
                others_older: bool = True) -> Article | None:
    """The article of another version (`others`) that `article` (one of `own`, its version's
    articles) is, as `match_articles` pairs them (`others_older`: which of the two versions is
    the older one), or None when it has none there. Cheap when the
    answer is plain (the same text, a mutually most similar pair, or nothing alike at all); the
    whole law is matched only when it is not."""
    texts = {id(a): normalized(a.text) for a in own + others}
    text = texts[id(article)]
    same = [a for a in others if texts[id(a)] == text]
    if len(same) == 1 and sum(texts[id(a)] == text for a in own) == 1:
        return same[0]
    own_texts, other_texts = {texts[id(a)] for a in own}, {texts[id(a)] for a in others}
    if not same and len(own_texts) == len(own) and len(other_texts) == len(others):
        free = [a for a in others if texts[id(a)] not in own_texts]
        best = _most_similar(article, free, texts)
        if best is None and not any(_held(difflib.SequenceMatcher(None, texts[id(a)], text, autojunk=False))
                                    or _bigram_dice(texts[id(a)], text) >= GAP_THRESHOLD for a in free):
            return None                                   # nothing similar, nothing that holds it
        if best is not None and _most_similar(best, [a for a in own if texts[id(a)] not in other_texts],
                                              texts) is article:
            return best
    changes = match_articles(others, own) if others_older else match_articles(own, others)
    for change in changes:
        if change.old is article:
            return change.new
        if change.new is article:
            return change.old
    return None


def _most_similar(article: Article, candidates: list[Article], texts: dict) -> Article | None:
    """The candidate most similar to the article at or above MATCH_THRESHOLD (the same label wins ties)."""
    best, best_key = None, None
    for candidate in candidates:
        matcher = difflib.SequenceMatcher(None, texts[id(candidate)], texts[id(article)], autojunk=False)
        floor = MATCH_THRESHOLD if best_key is None else best_key[0] - 0.005
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor or matcher.ratio() < MATCH_THRESHOLD:
            continue
        key = _rank(matcher.ratio(), candidate, article)
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def changed_paragraphs(old: Article, new: Article) -> list[tuple[str, str]]:
    """The 款 (and 项) an amendment changed, as (old wording, new wording) pairs in order; an added
    款 has an empty old wording, a deleted one an empty new wording."""
    pairs = []
    matcher = difflib.SequenceMatcher(None, old.paragraphs, new.paragraphs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = old.paragraphs[i1:i2], new.paragraphs[j1:j2]
        width = max(len(before), len(after))
        pairs += [(before[k] if k < len(before) else "", after[k] if k < len(after) else "") for k in range(width)]
    return pairs
