"""bench/RESULTS.md holds one section per benchmark; each run replaces only its own section."""

from pathlib import Path


def write_section(path: Path, text: str) -> None:
    """Put `text` (starting with its `# heading` line) into `path`, replacing the earlier section
    with the same heading and keeping every other section."""
    heading = text.splitlines()[0]
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if heading in old:
        before, _, rest = old.partition(heading)
        following = rest.find("\n# ")
        old = before + (rest[following + 1:] if following >= 0 else "")
    path.write_text(old.rstrip("\n") + ("\n\n" if old.strip() else "") + text.rstrip("\n") + "\n",
                    encoding="utf-8")
