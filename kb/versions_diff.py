"""What changed between two versions of a law: articles matched across versions, even when renumbered.

Matching runs in two passes over the articles of the old and the new version:

1. articles whose text is identical (whitespace aside) are paired, preferring the same number;
2. the remaining articles are paired by text similarity (difflib's ratio on the text without
   whitespace and punctuation), best pairs first, when the similarity reaches `MATCH_THRESHOLD`.

Whatever is left is 新增 (only in the new version) or 删除 (only in the old one). A pair is 未修改
when the texts are identical and 修改 otherwise; `renumbered` tells that its label changed
(第三十八条 → 第四十一条). The study pack (and the web app's article diff page) use
`diff_versions` / `latest_amendment`, `changed_paragraphs` for the 款 a modified article changed,
and `marked_text` for new wording with the added or reworded characters marked.
"""

import difflib
import re
from dataclasses import dataclass, field

from kb.models import Article, Law
from kb.store import Store

MATCH_THRESHOLD = 0.5
UNCHANGED, MODIFIED, ADDED, REMOVED = "未修改", "修改", "新增", "删除"
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
                    scored.append((ratio, candidate.label == article.label, article, candidate))
    used_old: set[int] = set()
    for ratio, _, article, candidate in sorted(scored, key=lambda s: (s[0], s[1]), reverse=True):
        if id(article) not in pairs and id(candidate) not in used_old:
            pairs[id(article)] = (candidate, ratio)
            used_old.add(id(candidate))
    return _ordered(old, new, pairs)


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


def marked_text(old: str, new: str) -> list[tuple[bool, str]]:
    """The new text in pieces, each marked True when the amendment added or reworded it (character
    level), for printing the changed words in bold."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[tuple[bool, str]] = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if j2 > j1:
            changed = tag != "equal"
            if pieces and pieces[-1][0] == changed:
                pieces[-1] = (changed, pieces[-1][1] + new[j1:j2])
            else:
                pieces.append((changed, new[j1:j2]))
    return pieces


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
