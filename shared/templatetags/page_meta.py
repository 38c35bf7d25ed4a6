"""Tags of templates/includes/meta_tags.html: canonical address, share image, JSON-LD."""

from django import template

from shared import structured_data

register = template.Library()

# Query parameters that make a page of its own (a second gallery page, a year of the press
# archive), when they are a number; every other parameter (filters, tracking, the barrier
# form's `?seite=/pfad/`) is left out of the canonical address.
CANONICAL_PARAMETERS = ("seite", "jahr")


@register.filter
def json_ld(data):
    return structured_data.to_json_ld(data)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The view's `canonical_url`, else this page's address with only its page-making parameters."""
    if context.get("canonical_url"):
        return context["canonical_url"]
    request = context["request"]
    kept = request.GET.copy()
    for name in list(kept):
        value = kept.get(name, "")
        if name not in CANONICAL_PARAMETERS or not value.isascii() or not value.isdigit() or value == "1":
            del kept[name]
    query = kept.urlencode()
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


@register.simple_tag(takes_context=True)
def page_share_image(context) -> structured_data.ShareImage:
    return context.get("share_image") or structured_data.campaign_card(context["request"])


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, items):
    return structured_data.to_json_ld(structured_data.breadcrumb_list(context["request"], items))
