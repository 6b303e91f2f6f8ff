import pytest

from tests.factories.workshops import StaffFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Publication files are real uploads; keep them out of the project's media/.
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
