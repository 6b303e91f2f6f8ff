"""Programme staff see the trainers' completion overrides and the certificates, issue
and revoke them: the training app's models came after the groups were made."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["certificate", "completionoverride"]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="training", content_type__model__in=MODELS
    )


def grant(apps, schema_editor):
    app_config = apps.get_app_config("training")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_programme_staff_emails"),
        ("training", "0002_completion_and_certificates"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
