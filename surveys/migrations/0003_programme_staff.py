"""Programme staff build survey templates, choose a workshop's templates and read the
results: the surveys app came after the staff groups were made (reports, 0002).
Communications get nothing of it (answers are about participants' training)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("surveys")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="surveys"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="surveys"))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_default_templates"),
        ("reports", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
