from django.core.management.base import BaseCommand

from search import index as search


class Command(BaseCommand):
    help = "Baut den Index der Suche (/suche/) vollständig neu auf."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Datenbank-Alias (Standard: default)")

    def handle(self, *args, **options):
        count = search.rebuild(options["database"])
        self.stdout.write(self.style.SUCCESS(f"Suchindex neu aufgebaut: {count} Einträge."))
