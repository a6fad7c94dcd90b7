"""The bureau's own copies of the review configuration: the hearing thresholds (听证较大数额标准),
the holiday calendar (节假日安排) and the review time limit (法制审核期限).

Each file ships with the software (generator/review/*.yaml, its sources named inside). A bureau
that has its own figures installs its copy into the data directory (config/<file>), through
`fazhi config import` or the web page 模板与配置; reviews then read that copy. A copy is checked
with the same reader the review uses before it replaces anything, so a file with an error never
becomes the one in use; it is stored as UTF-8 (a GB18030 upload, as Notepad may save it, is
converted); `reset` goes back to the shipped file.
"""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator.review.calendar import HOLIDAYS, TIME_LIMIT, CalendarError, load_calendar, load_time_limit
from generator.review.thresholds import PACKAGED, ThresholdError, load_thresholds
from kb.store import Store

FOLDER = "config"
THRESHOLDS, HOLIDAY_CALENDAR, REVIEW_TIME_LIMIT = "hearing_thresholds.yaml", "holidays.yaml", "review_time_limit.yaml"
MAX_BYTES = 1_000_000


class ConfigError(ValueError):
    """A configuration file cannot be installed or read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class ConfigFile:
    """One configuration file a bureau may replace."""

    key: str                    # the file's name, e.g. hearing_thresholds.yaml
    title: str                  # what it holds, in the words of the legal department
    shipped: Path
    read: Callable[[Path], object]
    summary: Callable[[object], str]        # one sentence on what a read file holds


def _thresholds_summary(config) -> str:
    entries = "；".join(f"{name}：单位{int(t.unit_fine):,}元、个人{int(t.person_fine):,}元"
                       + ("（待确认）" if t.unconfirmed else "") for name, t in config.entries.items())
    return f"默认标准“{config.default}”；{entries}"


def _calendar_summary(calendar) -> str:
    years = "、".join(f"{year}年" + ("（待确认）" if unconfirmed else "")
                     for year, (_, unconfirmed) in sorted(calendar.sources.items()))
    return f"已有{years}的放假和调休安排" if years else "没有任何年份的放假安排"


def _time_limit_summary(limit) -> str:
    extra = f"，延长{limit.extra}个工作日" if limit.extra else ""
    return f"{limit.days}个工作日{extra}（来源：{limit.source}）" + ("（待确认）" if limit.to_confirm else "")


FILES = {entry.key: entry for entry in (
    ConfigFile(THRESHOLDS, "听证较大数额标准", PACKAGED, load_thresholds, _thresholds_summary),
    ConfigFile(HOLIDAY_CALENDAR, "节假日安排", HOLIDAYS, load_calendar, _calendar_summary),
    ConfigFile(REVIEW_TIME_LIMIT, "法制审核期限", TIME_LIMIT, load_time_limit, _time_limit_summary),
)}
ERRORS = (ThresholdError, CalendarError)


def data_of(store: Store) -> Path:
    """The data directory a store belongs to (the store file lies in it)."""
    return store.path.parent


def entry(key: str) -> ConfigFile:
    """The configuration file called `key`; ConfigError lists the known ones."""
    if key not in FILES:
        raise ConfigError(f"没有名为“{key}”的配置文件：可用的有 {'、'.join(FILES)}")
    return FILES[key]


def own_copy(data: Path, key: str) -> Path | None:
    """The bureau's copy of a configuration file in the data directory, or None."""
    path = data / FOLDER / entry(key).key
    return path if path.is_file() else None


def active(data: Path, key: str) -> Path:
    """The file reviews read: the bureau's copy when installed, else the shipped one."""
    return own_copy(data, key) or entry(key).shipped


def read(store: Store, key: str):
    """The configuration reviews on this store use (its data directory's copy, else the shipped
    file), read by the file's own reader (which raises ThresholdError or CalendarError)."""
    return entry(key).read(active(data_of(store), key))


@dataclass
class Status:
    """What reviews on a data directory read from one configuration file."""

    file: ConfigFile
    path: Path
    own: bool                   # the bureau's copy (else the shipped file)
    summary: str                # what it holds, or why it cannot be read


def statuses(data: Path) -> list[Status]:
    """Every configuration file: which copy is in use and what it holds."""
    found = []
    for key, wanted in FILES.items():
        path = active(data, key)
        try:
            summary = wanted.summary(wanted.read(path))
        except ERRORS as error:
            summary = f"无法读取：{error}"
        found.append(Status(wanted, path, path != wanted.shipped, summary))
    return found


def install(data: Path, key: str, content: bytes, name: str) -> Path:
    """Check `content` (uploaded as `name`) with the review's own reader and, when it reads,
    make it the bureau's copy; raise ConfigError naming `name` and the problem otherwise."""
    wanted = entry(key)
    if len(content) > MAX_BYTES:
        raise ConfigError(f"“{name}”超过 {MAX_BYTES // 1000} KB，不像是{wanted.title}配置文件；未采用")
    text = _text(content, name, wanted)
    folder = data / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    candidate = Path(temporary)
    try:
        wanted.read(candidate)
    except ERRORS as error:
        candidate.unlink()
        reason = str(error).removeprefix(f"{candidate}：").replace(str(candidate), name)
        raise ConfigError(f"“{name}”不能作为{wanted.title}：{reason}；未采用") from None
    except BaseException:
        candidate.unlink()
        raise
    return candidate.replace(folder / wanted.key)


def _text(content: bytes, name: str, wanted: ConfigFile) -> str:
    """The uploaded text, UTF-8 or (as Windows Notepad may save it) GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ConfigError(f"“{name}”不是 UTF-8 或 GB18030 编码的文本，不能作为{wanted.title}；未采用")


def reset(data: Path, key: str) -> bool:
    """Go back to the shipped file; False when the bureau had no copy."""
    path = own_copy(data, key)
    if path is None:
        return False
    path.unlink()
    return True
