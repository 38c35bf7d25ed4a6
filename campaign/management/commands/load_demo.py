"""Load demo content: idempotent, safe to run on every `make run`.

Each app that has demo content provides `<app>/demo.py` with a function
`load(command, options)`; this command calls them in INSTALLED_APPS order inside one
transaction, so a failure leaves the database as it was. Demo media are copied into
the configured storage, never referenced from the source tree.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from generated import makers
from search import index as search
from shared import pagecache


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (Geschichten, Presse, Beispielseiten). Mehrfach ausführbar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories",
            type=int,
            default=0,
            metavar="N",
            help="Zusätzlich N generierte Geschichten anlegen (für Benchmarks).",
        )
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="APP",
            help="Nur die Demo-Inhalte dieser App laden (mehrfach möglich), z. B. --only campaign.",
        )

    def handle(self, *args, **options):
        loaded = []
        only = set(options["only"])
        with_demo = [
            c for c in apps.get_app_configs() if not c.name.startswith("django.") and find_spec(f"{c.name}.demo")
        ]
        unknown = only - {config.label for config in with_demo}
        if unknown:
            raise CommandError(
                f"Keine Demo-Inhalte für: {', '.join(sorted(unknown))}. "
                f"Möglich sind: {', '.join(config.label for config in with_demo)}."
            )
        with transaction.atomic():
            for config in with_demo:
                if only and config.label not in only:
                    continue
                module_name = f"{config.name}.demo"
                import_module(module_name).load(self, options)
                loaded.append(config.label)
            # Demo loaders may bulk_create (no signals): make everything findable in /suche/.
            search.rebuild()
            # The PDFs follow the content through signals; bulk loads send none: queue every product.
            makers.enqueue_all()
        # bulk_create sends no signals: start a new page-cache generation.
        pagecache.renew()
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte geladen: {', '.join(loaded) or '–'}"))
