"""Word document generation for the legal department.

The package turns knowledge-base data into .docx files that follow the
Chinese official-document format (GB/T 9704):

- ``official_format``: page setup, named styles, headings, page numbers;
- ``amounts``: money amounts in figures and in capital (大写) characters;
- ``markdown_docx``: Markdown analysis text rendered as styled Word content;
- ``template_check``: variables used by docxtpl templates, checked against
  the variables the generator knows.
"""
