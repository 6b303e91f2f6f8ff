import pytest

from tests.factories.workshops import StaffFactory, TrainerAssignmentFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashes(settings):
    # Argon2 costs a noticeable fraction of a second per user made with a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


@pytest.fixture
def other_trainer(db):
    """A trainer of another workshop, who must never see the `workshop` fixture's."""
    return TrainerAssignmentFactory(trainer=UserFactory(username="colleague")).trainer


@pytest.fixture
def staff(db):
    return StaffFactory(username="staff")
