"""Every login is throttled (django-axes): by account and by address, for a while."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-2026"
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # Argon2 is slow on purpose; these tests log in some thirty times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "staff-member", password=PASSWORD, is_staff=True, is_superuser=True
    )


def _login(client, password, *, username="staff-member", **extra):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, **extra
    )


def _fail(client, times, **extra):
    return [_login(client, f"wrong-{n}", **extra).status_code for n in range(times)]


def test_right_password_after_five_wrong_ones_is_refused(client, staff):
    assert _fail(client, 5) == [200, 200, 200, 200, 429]

    response = _login(client, PASSWORD)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(client, staff):
    _fail(client, 4)

    response = _login(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_account_is_locked_from_another_address_too(client, staff):
    _fail(client, 5, REMOTE_ADDR="203.0.113.9")

    response = _login(client, PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert response.status_code == 429


def test_address_is_locked_for_another_account_too(client, staff, django_user_model):
    django_user_model.objects.create_user("trainer-one", password=PASSWORD)
    _fail(client, 5, REMOTE_ADDR="203.0.113.9")

    response = _login(client, PASSWORD, username="trainer-one", REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 429


def test_forged_forwarded_for_does_not_reset_the_count(client, staff, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for n in range(5):
        _login(client, "wrong", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    response = _login(
        client, PASSWORD, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.99"
    )

    assert response.status_code == 429


def test_lockout_ends_after_the_cool_off(client, staff):
    _fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))

    response = _login(client, PASSWORD)

    assert response.status_code == 302
