import pytest


@pytest.fixture
def dueren(client, dueren_editor):
    client.force_login(dueren_editor)
    return client


@pytest.fixture
def central(client, central_editor):
    client.force_login(central_editor)
    return client
