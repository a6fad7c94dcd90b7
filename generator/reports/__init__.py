"""Reports computed from the ledgers: statistics, charts, the annual rule-of-law report, the enforcement analysis.

One call per report, for the CLI and the web app alike; each returns a
``ReportResult`` (the document, the gaps, the chart paths, the 保密审查
points and the notices):

- ``generator.reports.annual.build_annual_report(store, year, out, narrative)``
- ``generator.reports.analysis.build_enforcement_analysis(store, year, out, agency, chart_dir)``
- ``generator.reports.stats.compute_stats(store, year)`` for the figures alone.
"""
