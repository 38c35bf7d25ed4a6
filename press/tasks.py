"""The key-figures sheet, made by a background task whenever a key figure changes."""

from django.db.models.signals import post_delete, post_save
from django.tasks import task

from generated import makers
from press import pdf as press_pdf
from press.models import KeyFigure


def sheet_source() -> makers.Source | None:
    figures = list(KeyFigure.objects.published())
    if not figures:
        return None
    html = press_pdf.document_html(figures)
    return makers.Source(
        digest=press_pdf.shared_pdf.content_digest(html, press_pdf.STYLESHEET),
        render=lambda: press_pdf.render_pdf(html),
    )


@task
def make_key_figures_pdf() -> None:
    makers.make(press_pdf.KEY)


makers.register(makers.Maker(press_pdf.KEY, press_pdf.FILENAME, sheet_source, make_key_figures_pdf))


def figures_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    makers.enqueue(press_pdf.KEY)


def connect_signals() -> None:
    post_save.connect(figures_changed, sender=KeyFigure, dispatch_uid="key-figures-pdf-save")
    post_delete.connect(figures_changed, sender=KeyFigure, dispatch_uid="key-figures-pdf-delete")
