"""Working days under the official holiday calendar (holidays.yaml) and the review time limit
(review_time_limit.yaml): both are configuration with their source named, never constants."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from generator.review.schema import to_date
from kb.errors import KnowledgeError
from kb.yamlfile import read_yaml_data

HERE = Path(__file__).parent
HOLIDAYS = HERE / "holidays.yaml"
TIME_LIMIT = HERE / "review_time_limit.yaml"


class CalendarError(ValueError):
    """A calendar or time-limit file that cannot be used; the message names the file and entry."""


@dataclass
class Calendar:
    """Holidays and make-up working days by year, with each year's source."""

    off: set[date] = field(default_factory=set)
    on: set[date] = field(default_factory=set)
    sources: dict[int, tuple[str, bool]] = field(default_factory=dict)     # year -> (source, to confirm)

    def covers(self, day: date) -> bool:
        """True when the calendar has the year of `day`."""
        return day.year in self.sources

    def working(self, day: date) -> bool:
        """True for a working day: a weekday that is not a holiday, or a make-up working day."""
        return day in self.on or (day.weekday() < 5 and day not in self.off)

    def add_working_days(self, start: date, days: int) -> date | None:
        """The `days`-th working day after `start`; None when a year needed is not in the calendar."""
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if not self.covers(day):
                return None
            counted += self.working(day)
        return day


@dataclass
class TimeLimit:
    """The review time limit in working days, its extension, and its source."""

    days: int
    extra: int
    source: str
    to_confirm: bool


def load_calendar(path: Path = HOLIDAYS) -> Calendar:
    """Read the holiday calendar; raise CalendarError naming the year and entry that is wrong."""
    data = _read(path)
    calendar = Calendar()
    for year, entry in (data.get("年份") or {}).items():
        try:
            for text in entry.get("放假") or []:
                first, _, last = str(text).partition("至")
                start, end = to_date(first.strip()), to_date((last or first).strip())
                calendar.off |= {start + timedelta(days=n) for n in range((end - start).days + 1)}
            calendar.on |= {to_date(text) for text in entry.get("上班") or []}
        except (ValueError, AttributeError) as error:
            raise CalendarError(f"{path}：{year}年：{error}") from None
        calendar.sources[int(year)] = (str(entry.get("来源", "")), bool(entry.get("需确认", False)))
    return calendar


def load_time_limit(path: Path = TIME_LIMIT) -> TimeLimit:
    """Read the review time limit; raise CalendarError naming a missing or wrong field."""
    data = _read(path)
    if "工作日" not in data:
        raise CalendarError(f"{path}：缺少“工作日”（审核期限的工作日数，如 7）")
    days = {}
    for name, default in (("工作日", None), ("延长工作日", 0)):
        value = data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CalendarError(f"{path}：“{name}”应为不小于 0 的整数（如 7），而不是“{value}”")
        days[name] = value
    return TimeLimit(days["工作日"], days["延长工作日"], str(data.get("来源", "")), bool(data.get("需确认", False)))


def _read(path: Path) -> dict:
    try:
        data = read_yaml_data(path)
    except KnowledgeError as error:
        raise CalendarError(str(error)) from None
    if not isinstance(data, dict):
        raise CalendarError(f"{path}：顶层应为“字段: 值”的映射")
    return data
