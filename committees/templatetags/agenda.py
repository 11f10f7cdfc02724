from django import template

from committees.documents import decision_heading, item_heading, meeting_when

register = template.Library()

register.filter("item_heading", item_heading)
register.filter("decision_heading", decision_heading)
register.filter("meeting_when", meeting_when)
