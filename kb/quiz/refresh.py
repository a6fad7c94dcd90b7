"""Keep the bank in step with the statutes: when a new version of a law is imported, a question
whose source article is unchanged follows it into the new version (renumbered if need be), and a
question whose source article changed or was deleted is retired (已停用) with the reason, for review.
Questions on a discretion standard do the same with the tier they were built from.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from kb.models import Article
from kb.quiz.models import RETIRED, STANDARD, STATUTE, Question
from kb.quiz.standards import find_tier, tier_text
from kb.quiz.store import QuizStore
from kb.standards.store import StandardStore
from kb.store import Store
from kb.versions_diff import REMOVED, ArticleChange, match_articles, normalized


@dataclass
class Refreshed:
    """What `refresh` did: the questions it retired and those it moved to a new version."""

    retired: list[Question] = field(default_factory=list)
    moved: list[Question] = field(default_factory=list)


def refresh(store: Store, bank: QuizStore, today: date | None = None) -> Refreshed:
    """Compare every question in use with the current version of its source law (see the module docstring)."""
    done = Refreshed()
    current_of: dict[str, tuple] = {}
    diffs: dict[int, list[ArticleChange]] = {}
    for question in bank.questions():
        source = question.source
        if question.status == RETIRED or not source.key:
            continue
        if source.kind == STANDARD:
            _refresh_standard(store, question, done, today)
            continue
        if source.key not in current_of:
            versions = store.versions(source.key)
            current_of[source.key] = (versions[0], store.articles(versions[0].id)) if versions else (None, [])
        law, articles = current_of[source.key]
        if law is None or law.id == source.ref_id and _same_text(articles, source):
            continue
        pair = _counterpart(store, source, articles, diffs)
        if pair and pair.kind != REMOVED and normalized(pair.new.text) == normalized(source.text):
            question.source = replace(source, ref_id=law.id, version=law.version, label=pair.new.label,
                                      number=pair.new.number, suffix=pair.new.suffix, text=pair.new.text)
            done.moved.append(question)
            continue
        where = f"{law.display_title}（{law.version_text}）"
        if pair and pair.kind != REMOVED:
            now = "" if pair.new.label == source.label else f"（现为{pair.new.label}）"
            reason = f"{where}修改了{source.label}{now}，本题出处已变，需重新审核。"
        else:
            reason = f"{where}中已无{source.label}的规定，本题出处已删除，需重新审核。"
        question.status, question.note = RETIRED, f"{(today or date.today()).isoformat()} {reason}"
        done.retired.append(question)
    bank.update(done.retired + done.moved)
    return done


def _refresh_standard(store: Store, question: Question, done: Refreshed, today: date | None) -> None:
    """A question on a standard's tier follows a new version of the standard when the tier reads the
    same, and is retired when the tier changed or is gone."""
    source = question.source
    current = StandardStore(store).get(source.key)
    if current is None or current.id == source.ref_id:
        return
    found = find_tier(store, source.key, source.label)
    if found and tier_text(found[1], found[2]) == source.text:
        question.source = replace(source, ref_id=current.id, version=current.issued, title=current.display_title)
        done.moved.append(question)
        return
    what = "修改了" if found else "已无"
    question.status = RETIRED
    question.note = f"{(today or date.today()).isoformat()} {current.display_title}{what}{source.label}，需重新审核。"
    done.retired.append(question)


def _counterpart(store: Store, source, articles: list[Article], diffs: dict) -> ArticleChange | None:
    """The change of the source article: from the whole diff of its version against the current one
    when the store still holds that version (a deleted article then stays deleted), else by matching
    the recorded text alone."""
    if source.ref_id not in diffs:
        old_articles = store.articles(source.ref_id) if store.law(source.ref_id) else []
        diffs[source.ref_id] = match_articles(old_articles, articles) if old_articles else []
    for change in diffs[source.ref_id]:
        if change.old is not None and change.old.label == source.label:
            return change
    old = Article(label=source.label, number=source.number, suffix=source.suffix, paragraphs=source.text.split("\n"))
    return next((c for c in match_articles([old], articles) if c.old is not None), None)


def _same_text(articles: list[Article], source) -> bool:
    return any(a.label == source.label and normalized(a.text) == normalized(source.text) for a in articles)


def rebase(store: Store, question: Question) -> bool:
    """Point a statute question at its article in the current version of the law (found across the
    versions like `refresh` does); False when the article is gone or the law is not in the store."""
    source = question.source
    if source.kind != STATUTE or not source.key:
        return False
    versions = store.versions(source.key)
    if not versions:
        return False
    law = versions[0]
    pair = _counterpart(store, source, store.articles(law.id), {})
    if pair is None or pair.new is None:
        return False
    question.source = replace(source, ref_id=law.id, version=law.version, label=pair.new.label,
                              number=pair.new.number, suffix=pair.new.suffix, text=pair.new.text)
    return True
