from leitbild.models import Chapter, Leitbild
from shared.sitemaps import ModelSitemap, StaticViewSitemap, newest


class ChapterSitemap(ModelSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Chapter.objects.numbered()

    def lastmod(self, chapter: Chapter):
        return chapter.updated_at


SITEMAPS = {
    "leitbild": StaticViewSitemap(
        ["leitbild:overview", "leitbild:pdf"],
        priority=0.7,
        changefreq="monthly",
        lastmod={
            name: newest(Leitbild.objects.all, Chapter.objects.all) for name in ("leitbild:overview", "leitbild:pdf")
        },
    ),
    "leitbild-kapitel": ChapterSitemap,
}
