from django import template

from documents.text import markdown_html

register = template.Library()
register.filter("markdown", markdown_html)
