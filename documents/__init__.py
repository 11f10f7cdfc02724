"""Documents: the one PDF renderer (documents.pdf.render_pdf) and the Markdown text (documents.text).

Below every app but core: it knows no app, and every app may use it.
"""
