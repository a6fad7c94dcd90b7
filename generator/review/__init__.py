"""The machine's judgement in legal review: case files, checks, the review ledger and the
citation check of drafts.

- ``casefile``: the case-file model of the three documents, loaded from YAML/JSON (CASEFILE.md);
- ``checks``: the checks of each document, the proposed conclusion and the appendix
  (``review_case`` is the one call the generator needs);
- ``thresholds``: the 较大数额 thresholds of 行政处罚法第六十三条, from ``hearing_thresholds.yaml``;
- ``ledger``: the review ledger in the statute store's database;
- ``draft_check``: the citation check of a draft decision or opinion.
"""
