from django import template

from editorial import dashboard

register = template.Library()


@register.inclusion_tag("editorial/dashboard.html", takes_context=True)
def editorial_dashboard(context):
    request = context["request"]
    return {"panels": dashboard.panels(request)}
