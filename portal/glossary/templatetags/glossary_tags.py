from django import template
from django.utils.safestring import mark_safe

from ..selectors import abbreviate_html

register = template.Library()


@register.tag
def abbreviations(parser, token):
    """{% abbreviations %}…{% endabbreviations %}: the first occurrence of each glossary
    abbreviation in the enclosed HTML becomes <abbr title="full form">."""
    nodelist = parser.parse(("endabbreviations",))
    parser.delete_first_token()
    return AbbreviationsNode(nodelist)


class AbbreviationsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return mark_safe(abbreviate_html(self.nodelist.render(context)))
