"""Where fazhi keeps its data: one directory holding the SQLite store and the search index."""

import os
from pathlib import Path

import click

from kb.errors import StoreError
from kb.store import Store

ENV_VAR = "FAZHI_DATA"
DB_NAME = "fazhi.sqlite"


def data_dir(explicit: str | Path | None = None) -> Path:
    """Return the data directory: `--data`, else $FAZHI_DATA, else the per-user app folder."""
    chosen = explicit or os.environ.get(ENV_VAR) or click.get_app_dir("fazhi")
    path = Path(chosen).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"无法创建数据目录 {path}（{error.strerror or error}）：请用 --data 或环境变量 "
                         f"{ENV_VAR} 指定一个可写的目录") from None
    return path


def open_store(ctx: click.Context) -> Store:
    """Open the store of the data directory chosen on the command line (kept on the context)."""
    root = ctx.find_root()
    root.ensure_object(dict)
    if "store" not in root.obj:
        root.obj["store"] = Store(data_dir(root.obj.get("data")) / DB_NAME)
        root.call_on_close(root.obj["store"].close)
    return root.obj["store"]
