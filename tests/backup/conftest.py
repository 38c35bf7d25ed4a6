import uuid

import pytest
from django.db import connection, connections

from tests.backup.sample_site import Target


def _admin_url(name: str = "postgres") -> str:
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgresql://{user}{password}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"


@pytest.fixture(scope="module")
def pg_template(django_db_setup, django_db_blocker):
    """PostgreSQL: a copy of the (migrated) test database that each target is copied from."""
    if connection.vendor != "postgresql":
        yield None
        return
    import psycopg

    name = f"backup_tpl_{uuid.uuid4().hex[:10]}"
    with django_db_blocker.unblock():
        connections.close_all()
        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{connection.settings_dict["NAME"]}"')
    yield name
    with psycopg.connect(_admin_url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def target(tmp_path, pg_template):
    """A freshly migrated database and empty folders for a restore in another process."""
    made = Target(tmp_path / "target")
    if pg_template:
        import psycopg

        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{made.name}" TEMPLATE "{pg_template}"')
        made.url = _admin_url(made.name)
    yield made
    if pg_template:
        import psycopg

        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{made.name}" WITH (FORCE)')
