"""The Leitbild's pages and its PDF. Each costs a fixed number of queries (tests pin them)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from generated.views import serve
from leitbild import pdf as leitbild_pdf
from leitbild.models import Chapter, Leitbild, number_chapters


def current_leitbild() -> Leitbild:
    """The Leitbild with everything it prints, in four queries."""
    leitbild = Leitbild.objects.with_content().current()
    if leitbild is None:
        raise Http404(_("Das Leitbild ist nicht angelegt."))
    return leitbild


def overview_crumb() -> dict:
    return {"label": _("Leitbild 2030"), "url": reverse("leitbild:overview")}


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    leitbild = current_leitbild()
    return render(
        request,
        "leitbild/leitbild_detail.html",
        {
            "leitbild": leitbild,
            "chapters": leitbild.numbered_chapters(),
            "closing_sections": leitbild.closing_sections(),
            "breadcrumb": [overview_crumb()],
        },
    )


class ChapterDetailView(DetailView):
    """One numbered chapter: three queries (chapter with its Leitbild, its commitments,
    the list of all chapters for the number and the previous/next links)."""

    queryset = Chapter.objects.numbered().select_related("leitbild").prefetch_related("commitments")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chapter = self.object
        siblings = list(
            Chapter.objects.filter(leitbild_id=chapter.leitbild_id).only("kind", "position", "slug", "title")
        )
        number_chapters(siblings)
        numbered = [sibling for sibling in siblings if sibling.is_numbered]
        index = next(i for i, sibling in enumerate(numbered) if sibling.pk == chapter.pk)
        chapter.number = numbered[index].number
        context.update(
            {
                "leitbild": chapter.leitbild,
                "chapter_count": len(numbered),
                "previous_chapter": numbered[index - 1] if index > 0 else None,
                "next_chapter": numbered[index + 1] if index + 1 < len(numbered) else None,
                "breadcrumb": [overview_crumb(), {"label": chapter.title, "url": ""}],
            }
        )
        return context


@require_safe
def pdf(request: HttpRequest) -> HttpResponse:
    """The whole Leitbild as a tagged PDF, made by a background task (leitbild/tasks.py)."""
    if not Leitbild.objects.exists():
        raise Http404(_("Das Leitbild ist nicht angelegt."))
    return serve(request, leitbild_pdf.KEY, leitbild_pdf.FILENAME)
