"""The names laws are cited by, and finding the one a question mentions."""

from search import segment


def law_names(laws) -> dict[str, str]:
    """Every name a law may be cited by → its key; national laws win over same-named others. A
    code in parts (民法典: 总则, 物权编 …) is named by its own name as a whole, under its title
    (see code_parts), and each part by the code's name and the part's (民法典合同编)."""
    names: dict[str, str] = {}
    for law in sorted(laws, key=lambda law: not law.is_national):
        for name in {law.title + law.part, law.short_title + law.part}:
            names.setdefault(segment.normalize(name), law.key)
        for name in {law.title, law.short_title}:
            names.setdefault(segment.normalize(name), law.title if law.part else law.key)
    return names


def code_parts(laws) -> dict[str, list[str]]:
    """The keys of the parts of each code in parts, by its title (the key its name stands for)."""
    parts: dict[str, list[str]] = {}
    for law in laws:
        if law.part and law.key not in parts.get(law.title, []):
            parts.setdefault(law.title, []).append(law.key)
    return parts


def names_by_start(names: dict[str, str]) -> dict[str, list[str]]:
    """Law names of 3+ characters grouped by their first character, to find mentions quickly."""
    grouped: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= 3:
            grouped.setdefault(name[0], []).append(name)
    return grouped


def mentioned(text: str, names: dict[str, str], by_start: dict[str, list[str]]) -> str | None:
    """The key of the law whose name (3+ characters) the text mentions; the longest name wins."""
    best = ""
    for start, char in enumerate(text):
        for name in by_start.get(char, ()):
            if len(name) > len(best) and text.startswith(name, start):
                best = name
    return names[best] if best else None
