"""Programme staff pick the trainers of a workshop: they need to see users (and
only see them; accounts stay the superuser's job)."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view_user = Permission.objects.filter(content_type__app_label="auth", codename="view_user")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.add(*view_user)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view_user = Permission.objects.filter(content_type__app_label="auth", codename="view_user")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(*view_user)


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, revoke)]
