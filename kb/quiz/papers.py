"""Papers for a session: assemble one from reviewed questions, hand it out without the answers,
score a person's answers with the article behind each, record the result, count the training
figures (考试场次, 考核人次) for the annual report. Plain functions for the CLI, the web page and the
report alike.
"""

import random
from dataclasses import dataclass
from datetime import date

from kb.errors import KnowledgeError
from kb.quiz.models import APPROVED, FILL, KINDS, Paper, Question, Result
from kb.quiz.store import QuizStore
from kb.versions_diff import normalized

POINTS = {"单选": 2, "多选": 3, "判断": 1, "填空": 2}     # per question, when the caller names none


@dataclass
class Marked:
    """One answered question: what was given, the key, whether it was right, and its source."""

    question: Question
    given: str
    right: bool
    points: float

    @property
    def citation(self) -> str:
        """The source article the answer is proved by."""
        return self.question.source.citation


def assemble_paper(bank: QuizStore, title: str, counts: dict[str, int], law_key: str | None = None,
                   seed: int = 0, created: date | None = None) -> Paper:
    """A paper of reviewed (已审核) questions: `counts` per kind (单选: 10 …), drawn at random with
    `seed` and spread over articles and facts, kinds in the order 单选, 多选, 判断, 填空. Raise
    KnowledgeError when too few are reviewed."""
    rng = random.Random(seed)
    chosen = []
    for kind in KINDS:
        wanted = counts.get(kind, 0)
        if not wanted:
            continue
        pool = bank.questions(status=APPROVED, kind=kind, law_key=law_key)
        if len(pool) < wanted:
            raise KnowledgeError(f"已审核的{kind}题只有 {len(pool)} 道，不足 {wanted} 道：请先审核题目。")
        chosen += sorted(_spread(rng.sample(pool, len(pool)), wanted), key=lambda q: q.id)
    if not chosen:
        raise KnowledgeError("试卷没有题目：请指定各题型的题数。")
    return bank.add_paper(Paper(title=title, question_ids=[q.id for q in chosen], created=created or date.today()))


def _spread(shuffled: list[Question], wanted: int) -> list[Question]:
    """`wanted` questions of a shuffled pool, each next one from the least used article and fact."""
    chosen, articles, facts = [], {}, {}
    pool = list(shuffled)
    while pool and len(chosen) < wanted:
        best = min(pool, key=lambda q: (articles.get(q.source.citation, 0), facts.get(q.fact, 0)))
        pool.remove(best)
        chosen.append(best)
        articles[best.source.citation] = articles.get(best.source.citation, 0) + 1
        facts[best.fact] = facts.get(best.fact, 0) + 1
    return chosen


def paper_questions(bank: QuizStore, paper_id: int) -> list[Question]:
    """The questions of a paper in order; raise KnowledgeError for an unknown paper."""
    paper = bank.paper(paper_id)
    if paper is None:
        raise KnowledgeError(f"没有编号为 {paper_id} 的试卷。")
    return [bank.get(question_id) for question_id in paper.question_ids]


def take_paper(bank: QuizStore, paper_id: int) -> list[dict]:
    """The paper as a candidate sees it: number, kind, stem and options, no answers."""
    return [{"id": q.id, "kind": q.kind, "stem": q.stem, "options": q.options if q.kind != "判断" else []}
            for q in paper_questions(bank, paper_id)]


def is_right(question: Question, given: str) -> bool:
    """True when `given` is the answer: letters in any order for choices, words of the blank alike
    without punctuation, 正确/错误 (or 对/错, √/×) for 判断."""
    given = (given or "").strip()
    if question.kind == FILL:
        return normalized(given) == normalized(question.answer)
    if question.kind == "判断":
        return {"对": "正确", "√": "正确", "错": "错误", "×": "错误"}.get(given, given) == question.answer
    letters = "".join(sorted(set(given.upper().replace("，", "").replace(",", "").replace(" ", ""))))
    return letters == "".join(sorted(question.answer))


def score_answers(bank: QuizStore, paper_id: int, answers: dict[int, str],
                  points: dict[str, float] | None = None) -> list[Marked]:
    """Mark a person's answers (question id → answer) on a paper; unanswered questions are wrong."""
    points = points or POINTS
    marked = []
    for question in paper_questions(bank, paper_id):
        given = answers.get(question.id, "")
        right = is_right(question, given)
        marked.append(Marked(question, given, right, points.get(question.kind, 1) if right else 0))
    return marked


def record_result(bank: QuizStore, paper_id: int, person: str, answers: dict[int, str], taken: date,
                  session: str = "", unit: str = "", points: dict[str, float] | None = None) -> Result:
    """Score the answers and record the result as one 考核人次 of the session."""
    if not person.strip():
        raise KnowledgeError("记录成绩需要考生姓名。")
    marked = score_answers(bank, paper_id, answers, points)
    total = sum((points or POINTS).get(m.question.kind, 1) for m in marked)
    return bank.add_result(Result(paper_id=paper_id, person=person.strip(), unit=unit, session=session,
                                  score=sum(m.points for m in marked), total=total, taken=taken,
                                  answers={int(k): v for k, v in answers.items()}))


def training_figures(bank: QuizStore, date_from: date, date_to: date) -> dict[str, int]:
    """考试场次 (distinct paper, session and day) and 考核人次 (results) between two dates."""
    results = bank.results(date_from, date_to)
    sessions = {(r.paper_id, r.session, r.taken) for r in results}
    return {"考试场次": len(sessions), "考核人次": len(results)}


