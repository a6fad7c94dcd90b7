"""Whether an article gives the kind of answer a question asks for (lexicon/question_cues.tsv):
a time limit or a frequency anywhere in its text, an enumeration (conditions, duties, kinds,
contents) in the words that open its list of items — not in a list of alternatives
("有下列行为之一的"), which names acts or cases rather than what is asked."""

from search.passages import ITEM_START

ALTERNATIVES = "之一"           # "下列…之一": the list is of alternatives, not an enumeration


def list_openings(paragraphs: list[str]) -> list[str]:
    """The words that open each list of items (the paragraph before （一）, or the text before an
    inline （一）), without the openings of lists of alternatives."""
    openings = []
    for index, paragraph in enumerate(paragraphs):
        start = ITEM_START.search(paragraph)
        if start and start.start() == 0:
            continue
        following = index + 1 < len(paragraphs) and ITEM_START.match(paragraphs[index + 1])
        if start or following:
            opening = paragraph[:start.start()] if start else paragraph
            if ALTERNATIVES not in opening:
                openings.append(opening)
    return openings


def answered(kinds: list[tuple[tuple[str, ...], bool]], paragraphs: list[str]) -> int:
    """How many of the asked kinds of answer (article cues, whether they must open a list) the
    article gives."""
    if not kinds:
        return 0
    text, openings = "\n".join(paragraphs), None
    count = 0
    for cues, listed in kinds:
        if listed:
            openings = list_openings(paragraphs) if openings is None else openings
            count += any(cue in opening for opening in openings for cue in cues)
        else:
            count += any(cue in text for cue in cues)
    return count
