from django import template

from committees.documents import decision_heading, item_heading, meeting_when

register = template.Library()

register.filter("item_heading", item_heading)
register.filter("decision_heading", decision_heading)
register.filter("meeting_when", meeting_when)


@register.filter
def of_item(by_item: dict, item):
    """The item's entry in a dict keyed by item id, e.g. its own published document (paper_files)."""
    return by_item.get(item.id)
