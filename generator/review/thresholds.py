"""The 较大数额 thresholds of 行政处罚法第六十三条, read from configuration (never constants in code).

The packaged `hearing_thresholds.yaml` documents the source of every figure; an authority can
pass its own file. A case file (听证标准) or the caller chooses the entry; otherwise 默认.
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from generator.review.schema import Problems, convert, spec
from kb.standards.models import UNIT

PACKAGED = Path(__file__).with_name("hearing_thresholds.yaml")


class ThresholdError(ValueError):
    """The threshold configuration cannot be used; the message names the file and the field."""


@dataclass
class Thresholds:
    """One entry: the amounts from which a fine or a confiscation counts as 较大数额."""

    unit_fine: Decimal | None = spec("单位罚款", required=True)
    person_fine: Decimal | None = spec("个人罚款", required=True)
    confiscation: Decimal | None = spec("没收违法所得")
    source: str = spec("来源", "", required=True)
    unconfirmed: bool = spec("需确认", True)
    note: str = spec("说明", "")
    name: str = ""

    def fine_threshold(self, party_kind: str) -> Decimal:
        """The 较大数额罚款 threshold for a 单位 or a 个人."""
        return self.unit_fine if party_kind == UNIT else self.person_fine

    @property
    def caveat(self) -> str:
        """The sentence a finding adds about where the figures come from."""
        text = f"较大数额标准取自配置“{self.name}”（来源：{self.source}）"
        return text + ("；该标准尚待对照现行规定确认" if self.unconfirmed else "")


@dataclass
class ThresholdConfig:
    """Every configured entry and the default one."""

    default: str = spec("默认", "", required=True)
    entries: dict[str, Thresholds] = spec("标准", factory=dict, required=True)

    def select(self, name: str | None = None) -> Thresholds:
        """The entry called `name` (or the default); raise ThresholdError listing the known ones."""
        chosen = name or self.default
        if chosen not in self.entries:
            raise ThresholdError(f"听证较大数额标准中没有“{chosen}”，已配置：{'、'.join(self.entries)}")
        return self.entries[chosen]


def load_thresholds(path: Path | str | None = None) -> ThresholdConfig:
    """Read a threshold configuration (default: the packaged one); raise ThresholdError naming the
    file and every field in error."""
    path = Path(path) if path else PACKAGED
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ThresholdError(f"{path}：无法读取听证较大数额标准：{error}") from None
    problems = Problems()
    config = convert(ThresholdConfig, data, "", problems)
    if not problems and config.default not in config.entries:
        problems.add("默认", f"“{config.default}”不在“标准”中")
    if problems:
        raise ThresholdError(f"{path}：" + "；".join(problems.items))
    for name, entry in config.entries.items():
        entry.name = name
    return config

