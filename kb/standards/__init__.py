"""Discretion standards (行政处罚裁量基准): model, YAML/XLSX formats, storage next to the
statutes, layering of supplements on a base, and the discretion calculator. See FORMAT.md."""
