"""The admin's three groups of staff, so that an account gets its rights by group
rather than one permission at a time (issue 14):

- Programme staff: everything about workshops, participants, training records and
  the reports page;
- Communications: news, publications and newsletter issues, and no participant data
  (nor workshops, whose admin page lists registrations);
- Trainers: nothing in the admin (their area is /trainer/); the group names them.

Permissions exist only after post_migrate, so this creates those of the apps it
needs first. Models added to these apps later are not granted here: a later
migration adds them to the group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Programme staff": ["workshops", "participants", "training", "reports"],
    "Communications": ["publications"],
    "Trainers": [],
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, app_labels in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=app_labels))


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0001_report_permission"),
        ("workshops", "0003_trainingrequest"),
        ("participants", "0002_attendance_mark"),
        ("training", "0001_initial"),
        ("publications", "0002_newsarticle_search_vector"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
