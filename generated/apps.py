from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class GeneratedConfig(AppConfig):
    default = True  # this module holds a second config (the task queue's, below): this one is the app's
    name = "generated"
    verbose_name = _("Erzeugte Dateien")

    def ready(self):
        from generated import makers

        # After every migrate (a deploy, a fresh database): make sure each product gets made.
        post_migrate.connect(makers.enqueue_after_migrate, sender=self)


class TasksDatabaseConfig(TasksAppConfig):
    """django-tasks-db's queue under a German name in the admin (its models' own names are translated
    in locale/de/: „Hintergrundaufgaben“); label and tables unchanged."""

    default = False
    verbose_name = _("Hintergrunddienst")
