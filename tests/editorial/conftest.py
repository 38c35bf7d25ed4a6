import pytest

from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.factories import editor


@pytest.fixture
def dueren_editor(db):
    return editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren", email="presse@kreis-dueren.example")


@pytest.fixture
def central_editor(db):
    return editor(CENTRAL_EDITORS, username="zentrale", email="redaktion@jobcenter.example")


@pytest.fixture
def dueren(client, dueren_editor):
    client.force_login(dueren_editor)
    return client


@pytest.fixture
def central(client, central_editor):
    client.force_login(central_editor)
    return client
