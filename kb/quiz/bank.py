"""What a user does with the bank: generate questions for laws, review and edit them, check them.

Every change of a question's wording or answer is checked again against its article; the check
is shown to the reviewer, who decides (the machine never approves on its own). A retired question
the reviewer takes back into use is moved to the current version of its article first.
"""

from dataclasses import dataclass
from datetime import date

from kb.errors import KnowledgeError
from kb.models import CURRENT, Law
from kb.quiz.check import Verdict, check_question, keys
from kb.quiz.generate import generate_for_law, stem_key
from kb.quiz.models import FALSE, FILL, KINDS, LETTERS, MULTIPLE, RETIRED, SINGLE, STATUSES, TRUE, TRUE_FALSE, Question
from kb.quiz.refresh import rebase, refresh
from kb.quiz.standards import generate_for_standard
from kb.quiz.store import QuizStore
from kb.standards.models import Standard
from kb.standards.store import StandardStore
from kb.store import Store


@dataclass
class Edit:
    """A reviewer's change of one question; None leaves a field as it is."""

    status: str | None = None
    stem: str | None = None
    options: list[str] | None = None
    answer: str | None = None
    note: str | None = None


def laws_named(store: Store, names: list[str]) -> list[Law]:
    """The current versions of the named laws (安全生产法, 《中华人民共和国行政处罚法》); all current
    laws when no name is given. Raise KnowledgeError naming a law the store lacks."""
    if not names:
        return [law for law in store.laws() if law.status == CURRENT and law.category != "案例"]
    found = []
    for name in names:
        laws = [law for law in store.find_laws(name) if law.status == CURRENT]
        if not laws:
            raise KnowledgeError(f"法规库中没有现行有效的《{name.strip('《》')}》")
        found.append(laws[0])
    return found


def standards_named(store: Store, keys: list[str]) -> list[Standard]:
    """The current versions of the named standards (by 标识); all when no key is given. Raise
    KnowledgeError naming a standard the store lacks."""
    standards = StandardStore(store)
    if not keys:
        return standards.current()
    found = []
    for key in keys:
        standard = standards.get(key)
        if standard is None:
            raise KnowledgeError(f"没有标识为“{key}”的裁量基准（fazhi standard list 列出已导入的基准）")
        found.append(standard)
    return found


def generate_bank(store: Store, bank: QuizStore, laws: list[Law], kinds: tuple[str, ...] = KINDS,
                  today: date | None = None, standards: list[Standard] = ()) -> list[Question]:
    """Generate questions for the laws and standards, leaving out what the bank already asks, and
    add them (待审核)."""
    refresh(store, bank, today)
    asked = {q.slot for q in bank.in_use() if q.slot} | {stem_key(q) for q in bank.in_use()}
    new = []
    sources = [lambda law=law: generate_for_law(store, law, kinds, asked, today) for law in laws]
    sources += [lambda standard=standard: generate_for_standard(standard, kinds, asked, today)
                for standard in standards]
    for source in sources:
        made = [q for q in source() if stem_key(q) not in asked]
        asked |= {q.slot for q in made} | {stem_key(q) for q in made}
        new += made
    return bank.add(new)


def review(store: Store, bank: QuizStore, question_id: int, edit: Edit, lookup=None) -> tuple[Question, Verdict]:
    """Apply a reviewer's edit, check the question again and save it; return it with the check."""
    question = bank.get(question_id)
    if question is None:
        raise KnowledgeError(f"题库中没有编号为 {question_id} 的题目。")
    if edit.status is not None and edit.status not in STATUSES:
        raise KnowledgeError(f"状态“{edit.status}”无效，应为：{'、'.join(STATUSES)}")
    was_retired = question.status == RETIRED
    for name in ("stem", "options", "answer", "note", "status"):
        value = getattr(edit, name)
        if value is not None:
            setattr(question, name, value)
    validate(question, f"第 {question_id} 题")
    _keep_proof(question, edit)
    if was_retired and question.status != RETIRED:
        rebase(store, question)
    verdict = check_question(store, question, lookup)
    bank.update([question])
    return question, verdict


def _keep_proof(question: Question, edit: Edit) -> None:
    """Keep the sentence a question asks about in step with an edit: a new key of a 单选 or 填空 is
    what now fills the blank; a new stem, or a changed 判断 or 多选, is checked by its words instead."""
    if not question.context or (edit.stem is None and edit.answer is None and edit.options is None):
        return
    if edit.stem is None and question.kind in (SINGLE, FILL):
        question.fill = keys(question)[0]
    else:
        question.context = question.fill = ""


def validate(question: Question, where: str) -> None:
    """Raise KnowledgeError (naming `where`) when the answer does not fit the kind and options."""
    if question.kind not in KINDS:
        raise KnowledgeError(f"{where}：题型“{question.kind}”无效，应为：{'、'.join(KINDS)}")
    if not question.stem.strip():
        raise KnowledgeError(f"{where}：题干为空")
    if question.kind in (SINGLE, MULTIPLE):
        letters = LETTERS[:len(question.options)]
        if len(question.options) < 2:
            raise KnowledgeError(f"{where}：{question.kind}题至少要有两个选项")
        if not question.answer or any(letter not in letters for letter in question.answer):
            raise KnowledgeError(f"{where}：答案“{question.answer}”应为选项字母 {letters[0]}—{letters[-1]}")
        if question.kind == SINGLE and len(question.answer) != 1:
            raise KnowledgeError(f"{where}：单选题只能有一个答案，现为“{question.answer}”")
    elif question.kind == TRUE_FALSE and question.answer not in (TRUE, FALSE):
        raise KnowledgeError(f"{where}：判断题答案应为“正确”或“错误”，现为“{question.answer}”")
    elif not question.answer.strip():
        raise KnowledgeError(f"{where}：填空题答案为空")


def not_in_bank(bank: QuizStore, questions: list[Question]) -> tuple[list[Question], list[Question]]:
    """Split imported questions into those the bank lacks and those it already has (same stem, not
    retired) — the same question is never held twice."""
    held = {stem_key(q) for q in bank.in_use()}
    new, known = [], []
    for question in questions:
        (known if stem_key(question) in held else new).append(question)
        held.add(stem_key(question))
    return new, known
