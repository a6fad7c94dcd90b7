"""Circumstances of a case (情节) as facts, and the provisions of 行政处罚法第三十条至第三十三条 that
give them effect.

Each circumstance names the article, and the words of the article that state its effect with the
law's own modal verb (应当 / 可以 / 不予); the check quotes those words only when the statute store
holds them, so a missing article is 需核实, never an assumed rule. 第三十三条第一款 applies to
combinations: 违法行为轻微 + 及时改正 + 没有造成危害后果 (不予), 初次违法 + 危害后果轻微 + 及时改正
(可以不予).
"""

from dataclasses import dataclass

PENALTY_LAW = "中华人民共和国行政处罚法"

NOT_PUNISHED, MAY_NOT_PUNISH = "不予行政处罚", "可以不予行政处罚"
MITIGATE, MAY_MITIGATE = "应当从轻或者减轻行政处罚", "可以从轻或者减轻行政处罚"
MUST_PUNISH = "应当给予行政处罚"


@dataclass(frozen=True)
class Rule:
    """A provision giving circumstances effect: the article (款, 项), the circumstances that must
    all be present, the effect and the statutory words that state it."""

    number: int
    paragraph: int | None
    item: int | None
    needs: tuple[str, ...]
    effect: str
    words: str

    @property
    def reduces(self) -> bool:
        """True for 从轻或者减轻 (the fine may go below the statutory minimum when 减轻)."""
        return "减轻" in self.effect

    @property
    def exempts(self) -> bool:
        """True for 不予行政处罚 (mandatory or discretionary)."""
        return "不予" in self.effect


# name -> other names accepted in case files
NAMES = {
    "不满十四周岁": ("不满十四周岁的未成年人",),
    "已满十四周岁不满十八周岁": ("未成年", "未成年人"),
    "不能辨认或者不能控制自己行为的精神病人、智力残疾人": ("精神病人", "智力残疾人", "精神病人/智力残疾人"),
    "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人": ("限制行为能力的精神病人",),
    "间歇性精神病人在精神正常时": (),
    "主动消除或者减轻违法行为危害后果": ("主动消除危害后果", "主动减轻危害后果", "主动消除或者减轻危害后果"),
    "受他人胁迫或者诱骗实施违法行为": ("受他人胁迫", "受他人诱骗", "受他人胁迫或者诱骗"),
    "主动供述行政机关尚未掌握的违法行为": ("主动供述",),
    "配合行政机关查处违法行为有立功表现": ("立功表现", "有立功表现", "配合查处有立功表现"),
    "法律、法规、规章规定其他应当从轻或者减轻行政处罚的": ("其他法定从轻减轻情形",),
    "违法行为轻微": (),
    "及时改正": (),
    "没有造成危害后果": ("未造成危害后果",),
    "初次违法": ("首次违法",),
    "危害后果轻微": (),
    "没有主观过错": ("有证据足以证明没有主观过错",),
}
ALIASES = {alias: name for name, aliases in NAMES.items() for alias in (name, *aliases)}

RULES = (
    Rule(30, None, None, ("不满十四周岁",), NOT_PUNISHED, "不满十四周岁的未成年人有违法行为的，不予行政处罚"),
    Rule(30, None, None, ("已满十四周岁不满十八周岁",), MITIGATE,
         "已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚"),
    Rule(31, None, None, ("不能辨认或者不能控制自己行为的精神病人、智力残疾人",), NOT_PUNISHED,
         "在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚"),
    Rule(31, None, None, ("间歇性精神病人在精神正常时",), MUST_PUNISH, "间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚"),
    Rule(31, None, None, ("尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人",), MAY_MITIGATE,
         "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚"),
    Rule(32, None, 1, ("主动消除或者减轻违法行为危害后果",), MITIGATE, "应当从轻或者减轻行政处罚"),
    Rule(32, None, 2, ("受他人胁迫或者诱骗实施违法行为",), MITIGATE, "应当从轻或者减轻行政处罚"),
    Rule(32, None, 3, ("主动供述行政机关尚未掌握的违法行为",), MITIGATE, "应当从轻或者减轻行政处罚"),
    Rule(32, None, 4, ("配合行政机关查处违法行为有立功表现",), MITIGATE, "应当从轻或者减轻行政处罚"),
    Rule(32, None, 5, ("法律、法规、规章规定其他应当从轻或者减轻行政处罚的",), MITIGATE, "应当从轻或者减轻行政处罚"),
    Rule(33, 1, None, ("违法行为轻微", "及时改正", "没有造成危害后果"), NOT_PUNISHED,
         "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚"),
    Rule(33, 1, None, ("初次违法", "危害后果轻微", "及时改正"), MAY_NOT_PUNISH,
         "初次违法且危害后果轻微并及时改正的，可以不予行政处罚"),
    Rule(33, 2, None, ("没有主观过错",), NOT_PUNISHED, "当事人有证据足以证明没有主观过错的，不予行政处罚"),
)


def canonical(name: str) -> str | None:
    """The circumstance a name or alias stands for, or None when it is not one."""
    return ALIASES.get(str(name).strip())


def applicable(names: list[str]) -> list[Rule]:
    """The rules whose circumstances are all among `names` (canonical names)."""
    given = set(names)
    return [rule for rule in RULES if set(rule.needs) <= given]


def known_names() -> str:
    """The accepted circumstance names, for error messages."""
    return "、".join(NAMES)
