from django.core.management.base import BaseCommand

from generated import makers


class Command(BaseCommand):
    help = "Queues every generated file (PDFs, share cards) for the task worker; --now makes them in this process."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Make the files now, without a worker.")

    def handle(self, *args, now=False, **options):
        if now:
            made = makers.make_all()
            self.stdout.write(self.style.SUCCESS(f"Erzeugt: {', '.join(made) or '–'}"))
        else:
            makers.enqueue_all()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Eingereiht: {', '.join([*makers.REGISTRY, *(f'{p}-*' for p in makers.FAMILIES)]) or '–'}"
                )
            )
