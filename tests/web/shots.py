"""Screenshots of a page at 1366×768 and 1024 px wide, when FAZHI_SCREENSHOTS names a folder
(for looking at the pages by hand; the tests do not need them)."""

import os
from pathlib import Path

WIDTHS = ((1366, 768), (1024, 768))


def screenshots(page, name: str) -> None:
    """Save full-page shots of `page` as NAME-1366.png and NAME-1024.png in $FAZHI_SCREENSHOTS."""
    folder = os.environ.get("FAZHI_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(Path(folder) / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(original)
