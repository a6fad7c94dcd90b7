"""Facts that several findings of one review state about the same provision — that its text could
not be read, which version it cites — stated once in an opinion.

Each finding's sentence loses the words another finding has already said (fd.Said); the
provisions whose text could not be read get one sentence each, naming everything that could
therefore not be checked, after the first finding that needed it. What each finding concludes
stays in its own sentence, and what could not be checked is still said (the conclusion is then
never 同意: see generator.review.findings).
"""

from __future__ import annotations

import re

from generator.review import findings as fd

# Separators left behind where words were taken out of a message.
_LEFT_OVER = re.compile(r"[；，]+(?=[；，。]|$)|^[；，]+|(?<=：)[；，]+")


def said_once(findings: list[fd.Finding]) -> dict[int, tuple[str, str]]:
    """id(finding) → (its message without the words stated by an earlier finding or in the unread
    sentence, the sentence to write after its own ('' for none)), for the findings of `findings`
    (in the order the document writes them) whose messages hold such words."""
    stated: set[tuple[str, str]] = set()
    unread: dict[str, list[str]] = {}     # provision → what could not be checked, in order
    first: dict[str, int] = {}            # provision → the first finding that could not read it
    shown: dict[int, list[str]] = {}
    for finding in findings:
        message = finding.message
        held = [said for said in finding.said if said.clause and said.clause in message]
        for said in held:
            if said.fact == fd.UNREAD:
                cannot = unread.setdefault(said.provision, [])
                cannot += [said.cannot] if said.cannot not in cannot else []
                first.setdefault(said.provision, id(finding))
                message = message.replace(said.clause, "", 1)
            elif (said.provision, said.fact) in stated:
                message = message.replace(said.clause, "", 1)
            else:
                stated.add((said.provision, said.fact))
        if held:
            shown[id(finding)] = [_tidy(message), ""]
    for provision, cannot in unread.items():
        shown[first[provision]][1] += f"{provision}的条文未能取得，无法{_listed(cannot)}。"
    return {key: (message, after) for key, (message, after) in shown.items()}


def _tidy(message: str) -> str:
    """The message without separators left over; '' when nothing but a label (（一）…：) is left."""
    text = _LEFT_OVER.sub("", message).strip()
    return "" if not text or text.endswith("：") else text


def _listed(cannot: list[str]) -> str:
    """比对原条文、核对……，也无法读取其处罚规定."""
    if len(cannot) == 1:
        return cannot[0]
    return "、".join(cannot[:-1]) + "，也无法" + cannot[-1]


def remedy_implied(findings: list[fd.Finding]) -> set[int]:
    """id of each 法律依据 finding whose every wrong citation is a version that the standing 适用版本
    finding also names: its remedy (更正所引条文) is the 适用版本 one (按第三十七条确定应当适用的版本
    并改引), which an opinion suggests once."""
    versions = {(said.provision, said.fact) for f in findings if f.check_id == fd.VERSION and f.standing
                and f.outcome == fd.PROBLEM for said in f.said if said.fact != fd.UNREAD}
    implied = set()
    for finding in findings:
        if finding.check_id != fd.LEGAL_BASIS or not finding.standing:
            continue
        wrong = [line for line in finding.details if line in finding.message]
        named = [said for said in finding.said if (said.provision, said.fact) in versions]
        if wrong and all(any(said.provision in line and said.clause in line for said in named) for line in wrong):
            implied.add(id(finding))
    return implied
