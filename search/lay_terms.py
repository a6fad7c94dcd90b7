"""The legal terms a question's lay words stand for (search.lexicon), weighed into its query
tokens: a legal term at SYNONYM_WEIGHT of the question's own words, or fully for a lay word that no
indexed text holds (私拉乱接: its legal terms are all that says it), whose single characters
(危化品: 危 化 品) then weigh as sub-words. A lay phrase said in pieces (lexicon.scattered_words)
counts as said; the tokens only it added are kept apart for the card, whose act words must be the
question's own."""

from collections.abc import Callable
from dataclasses import dataclass

from search import lexicon, segment

SUBWORD_WEIGHT = 0.3            # a sub-word cut_for_search adds inside a longer query word
SYNONYM_WEIGHT = 0.5            # a legal term the lay-to-legal dictionary added
UNSAID_WEIGHT = 1.0             # … for a lay word no indexed text holds (私拉乱接): its legal terms say it


@dataclass
class LayTerms:
    """What the lay words of one question added."""

    legal: list[str]            # the legal terms, in the dictionary's order
    unsaid: list[str]           # tokens of lay words said only by their legal terms
    pieced: list[str]           # tokens only a lay phrase said in pieces added
    cited: list[str]            # the articles the dictionary lines of these lay words were written from
    phrased: list[str]          # … of those lay words of two or more words (situations, not names of things)


def weigh(free: str, words: list[str], weights: dict[str, float], holds: Callable[[str], bool]) -> LayTerms:
    """Add to `weights` (query token → weight, changed in place) the legal terms of the lay words of
    `free` (segmented into `words`); `holds` tells whether a token is in the index."""
    said = lexicon.lay_words(free, words)
    pieced = lexicon.scattered_words(free, said)
    said |= pieced
    unsaid: list[str] = []
    pieced_tokens: list[str] = []
    for lay, terms in said.items():
        pieces = segment.tokens(lay)
        held = [t for t in pieces if holds(t)]
        if not any(len(t) > 1 for t in held):
            unsaid += pieces
            for piece in pieces:
                if len(piece) == 1 and piece in weights:
                    weights[piece] = min(weights[piece], SUBWORD_WEIGHT)
        scale = SYNONYM_WEIGHT if held else UNSAID_WEIGHT
        for term in terms:
            whole = segment.words(term)
            for token in segment.tokens(term):
                if lay in pieced and token not in weights:
                    pieced_tokens.append(token)
                weight = scale * (1.0 if token in whole else SUBWORD_WEIGHT)
                weights[token] = max(weights.get(token, 0.0), weight)
    phrases = [lay for lay in said if len(segment.words(lay)) > 1]
    return LayTerms(list(dict.fromkeys(term for terms in said.values() for term in terms)), unsaid, pieced_tokens,
                    _sources(said), _sources(phrases))


def _sources(lays) -> list[str]:
    return list(dict.fromkeys(source for lay in lays for source in lexicon.sources().get(lay, ())))
