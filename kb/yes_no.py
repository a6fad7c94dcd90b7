"""Yes and no as people write them in the files they fill in (ledgers, case files)."""

YES = frozenset({"是", "有", "已", "y", "yes", "true", "1", "√"})
NO = frozenset({"否", "无", "未", "n", "no", "false", "0", "×"})


def read_yes_no(raw) -> bool | None:
    """True for a yes (是, 有, 已, yes, √ …), False for a no (否, 无, 未, no, × …), else None."""
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    return True if text in YES else False if text in NO else None
