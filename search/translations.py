"""Question words → statute words, learned from the usage log.

People ask in their own words (偷, 租房, 打架) and statutes answer in theirs (盗窃, 租赁, 斗殴).
The usage log pairs the two: for each recorded question, the tokens of the question and the
tokens of the current articles chosen for it. A statute word goes with a question word when it is
in the chosen articles of at least MIN_PAIRS of the questions holding that word, and far more often
than in those of all recorded questions (LIFT). A query is then expanded with the statute words of
its own words at a low weight, so it also reaches articles nobody chose yet for such a question.

Learned terms (search.learning) only help the articles that were chosen; these help their
neighbours in the statute's vocabulary. Computed when the index is built (`fazhi learn`) and kept
in the index directory (TRANSLATIONS); an index without that file expands nothing.
"""

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from kb.models import CURRENT
from kb.store import Store
from search import learning, segment

TRANSLATIONS = "translations.json"  # file of an index directory: question word → [[statute word, share]]
MIN_PAIRS = 2                   # questions that must pair the two words
LIFT = 10.0                     # how much likelier the statute word is after the question word than at all
PER_WORD = 5                    # statute words kept per question word
WEIGHT = 0.15                   # query weight of a statute word, times its question word's weight and share
CHOSEN_TOKENS = ("SELECT u.question, t.tokens FROM usage u JOIN laws l ON l.key = u.law_key"
                 " JOIN articles a ON a.law_id = l.id AND a.label = u.label"
                 " JOIN article_tokens t ON t.article_id = a.id WHERE l.status = ?")


def learn(store: Store) -> dict[str, list[tuple[str, float]]]:
    """Return question word → up to PER_WORD (statute word, share of the questions holding the
    question word whose chosen articles hold the statute word), from the usage log; {} without one."""
    learning.ensure_schema(store)
    chosen: dict[str, set[str]] = defaultdict(set)
    for question, tokens in store.db.execute(CHOSEN_TOKENS, (CURRENT,)):
        chosen[question].update(tokens.split())
    asked = {question: set(segment.tokens(question)) for question in chosen}
    questions = Counter(w for words in asked.values() for w in words)
    answers = Counter(u for words in chosen.values() for u in words)
    pairs: Counter = Counter()
    for question, words in asked.items():
        statute = [u for u in chosen[question] if answers[u] >= MIN_PAIRS]
        for word in words:
            if questions[word] >= MIN_PAIRS:
                pairs.update((word, u) for u in statute if u != word)
    found: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for (word, statute_word), count in pairs.items():
        share = count / questions[word]
        lift = share * len(chosen) / answers[statute_word]
        if count >= MIN_PAIRS and lift >= LIFT:
            found[word].append((statute_word, share, lift))
    return {word: [(u, share) for u, share, lift in
                   sorted(candidates, key=lambda c: c[1] * math.log(c[2]), reverse=True)[:PER_WORD]]
            for word, candidates in found.items()}


def save(directory: Path, translations: dict[str, list[tuple[str, float]]]) -> None:
    """Write the translations into an index directory being built."""
    (directory / TRANSLATIONS).write_text(json.dumps(translations, ensure_ascii=False), encoding="utf-8")


def load(directory: Path) -> dict[str, list[tuple[str, float]]]:
    """The translations of an index directory ({} when it has none)."""
    try:
        return json.loads((directory / TRANSLATIONS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def expanded(weights: dict[str, float], translations: dict[str, list[tuple[str, float]]]) -> dict[str, float]:
    """The query's token weights with the statute words of its tokens added (never lowering a
    weight the query already gives)."""
    extra: dict[str, float] = {}
    for token, weight in weights.items():
        for statute_word, share in translations.get(token, ()):
            if statute_word not in weights and WEIGHT * weight * share > 0:
                extra[statute_word] = max(extra.get(statute_word, 0.0), WEIGHT * weight * share)
    return weights | extra if extra else weights
