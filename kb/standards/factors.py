"""Circumstances (裁量情节) with a statutory effect under 《中华人民共和国行政处罚法》.

第三十二条: any one of its circumstances means the penalty 应当从轻或者减轻.
第三十三条第一款: 违法行为轻微 + 及时改正 + 没有造成危害后果 → 不予行政处罚;
初次违法 + 危害后果轻微 + 及时改正 → 可以不予行政处罚 (首违不罚).
第三十三条第二款: evidence that the party had no fault → 不予行政处罚.
"""

from dataclasses import dataclass

from kb.errors import KnowledgeError
from kb.refs import Ref

LAW = "中华人民共和国行政处罚法"
MITIGATING = "从轻或者减轻"
CONDITION = "第三十三条条件"


@dataclass(frozen=True)
class Factor:
    """A named circumstance, the provision giving it effect, and other names it is known by."""

    name: str
    effect: str
    ref: Ref
    aliases: tuple[str, ...] = ()


FACTORS = (
    Factor("主动消除或者减轻违法行为危害后果", MITIGATING, Ref(LAW, 32, item=1),
           ("主动消除危害后果", "主动减轻危害后果")),
    Factor("受他人胁迫或者诱骗实施违法行为", MITIGATING, Ref(LAW, 32, item=2), ("受他人胁迫", "受他人诱骗")),
    Factor("主动供述行政机关尚未掌握的违法行为", MITIGATING, Ref(LAW, 32, item=3), ("主动供述",)),
    Factor("配合行政机关查处违法行为有立功表现", MITIGATING, Ref(LAW, 32, item=4), ("立功表现", "有立功表现")),
    Factor("法律、法规、规章规定其他应当从轻或者减轻行政处罚的", MITIGATING, Ref(LAW, 32, item=5),
           ("其他法定从轻减轻情形",)),
    Factor("违法行为轻微", CONDITION, Ref(LAW, 33, paragraph=1)),
    Factor("及时改正", CONDITION, Ref(LAW, 33, paragraph=1)),
    Factor("没有造成危害后果", CONDITION, Ref(LAW, 33, paragraph=1), ("未造成危害后果",)),
    Factor("初次违法", CONDITION, Ref(LAW, 33, paragraph=1), ("首次违法",)),
    Factor("危害后果轻微", CONDITION, Ref(LAW, 33, paragraph=1)),
    Factor("没有主观过错", CONDITION, Ref(LAW, 33, paragraph=2), ("有证据足以证明没有主观过错",)),
)
NO_PENALTY = ("违法行为轻微", "及时改正", "没有造成危害后果")
FIRST_OFFENCE = ("初次违法", "危害后果轻微", "及时改正")
NO_FAULT = ("没有主观过错",)
_BY_NAME = {name: factor for factor in FACTORS for name in (factor.name, *factor.aliases)}


def find_factors(names) -> list[Factor]:
    """Return the factors for the given names or aliases, in order and without repeats; raise
    KnowledgeError for an unknown name, listing the known ones."""
    found = []
    for name in names:
        factor = _BY_NAME.get(str(name).strip())
        if factor is None:
            raise KnowledgeError(f"未知的裁量情节“{name}”，可用：{'、'.join(f.name for f in FACTORS)}")
        if factor not in found:
            found.append(factor)
    return found
