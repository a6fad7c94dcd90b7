"""Word document generation for the legal department.

The package turns knowledge-base data into .docx files that follow the Chinese official-document
format (GB/T 9704):

- ``official_format``: page setup, named styles, headings, page numbers;
- ``amounts``: money amounts in figures and in capital (大写) characters;
- ``markdown_docx``: Markdown analysis text rendered as styled Word content;
- ``template_check``: variables used by docxtpl templates, checked against the known ones;
- ``filters``: the one Jinja environment of the templates and its filters (yuan, capital, date);
- ``review``: case files, the automatic review checks, the review ledger and the draft check;
- ``contexts``, ``appendix``: what each document's template receives, and the quoted articles;
- ``render``, ``signature``: docxtpl rendering with the official format and the signature block;
- ``documents``: validate → review → render → record in the ledger, the one call the CLI makes;
- ``draft_report``: the draft citation-check report as a .docx.
"""
