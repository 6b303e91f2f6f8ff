import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_renders_with_local_assets_and_no_csp_violation(page):
    page.goto("/")

    assert page.title() == "Home · Regional Support Office"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Regional Support Office training portal"
    )
    # Bootstrap's CSS really loaded from static/: the navbar is laid out as flex.
    assert page.locator("nav.navbar").evaluate("el => getComputedStyle(el).display") == "flex"
    assert page.failed_requests == []
    assert page.console_errors == []


def test_staff_logs_into_admin_through_the_login_form(page):
    get_user_model().objects.create_user(
        "coordinator", password="a-long-staff-password", is_staff=True, is_superuser=True
    )

    page.goto("/admin/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill("a-long-staff-password")
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url("**/admin/")
    assert page.get_by_role("heading", level=1).inner_text() == "Site administration"
    assert page.locator("#user-tools strong").inner_text() == "COORDINATOR"
