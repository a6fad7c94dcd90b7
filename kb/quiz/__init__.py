"""The question bank (题库): questions built from statutes and standards, each keeping its source
article and version, reviewed before use, retired when its source changes; papers and results.

- `models` the dataclasses; `store` the SQLite tables beside the statutes;
- `facts` the facts of an article a question can ask about (amounts, periods, subjects, lists);
- `generate` builds questions from a law's current version (and `standards` from a discretion standard);
- `check` proves a question by its article: 有依据 / 与条文不符 / 未找到依据;
- `refresh` retires the questions whose source article changed in a newly imported version;
- `xlsx` exports and imports a bank; `papers` assembles papers, scores answers and records results.
"""
