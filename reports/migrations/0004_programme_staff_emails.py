"""Programme staff see each workshop's emails and resend the failed ones: the
notifications app came after the groups were made."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("notifications")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="notifications"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="notifications")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_programme_staff_view_users"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
