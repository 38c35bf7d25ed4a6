"""The Leitbild PDF, made by a background task whenever the Leitbild's content changes."""

from django.db.models.signals import post_delete, post_save
from django.tasks import task

from generated import makers
from leitbild import pdf as leitbild_pdf
from leitbild.models import Chapter, Commitment, Leitbild, PreamblePoint


def pdf_source() -> makers.Source | None:
    leitbild = Leitbild.objects.with_content().current()
    if leitbild is None:
        return None
    html = leitbild_pdf.document_html(leitbild)
    # The render function is looked up when called, so that tests can watch it.
    return makers.Source(digest=leitbild_pdf.content_digest(html), render=lambda: leitbild_pdf.render_pdf(html))


@task
def make_leitbild_pdf() -> None:
    makers.make(leitbild_pdf.KEY)


makers.register(makers.Maker(leitbild_pdf.KEY, leitbild_pdf.FILENAME, pdf_source, make_leitbild_pdf))


def content_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata: no tasks for fixtures
        return
    makers.enqueue(leitbild_pdf.KEY)


def connect_signals() -> None:
    for model in (Leitbild, Chapter, Commitment, PreamblePoint):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"leitbild-pdf-save-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"leitbild-pdf-delete-{model.__name__}")
