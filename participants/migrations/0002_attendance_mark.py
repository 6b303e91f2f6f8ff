"""Attendance: a mark (present, late, absent) instead of is_present.

Backwards, late becomes present (True): the participant was there.
"""

from django.db import migrations, models

MARKS = [("present", "Present"), ("late", "Late"), ("absent", "Absent")]


def marks_from_is_present(apps, schema_editor):
    Attendance = apps.get_model("participants", "Attendance")
    # Two UPDATEs, whatever the number of rows; .update() leaves recorded_at as it was.
    Attendance.objects.filter(is_present=True).update(mark="present")
    Attendance.objects.filter(is_present=False).update(mark="absent")


def is_present_from_marks(apps, schema_editor):
    Attendance = apps.get_model("participants", "Attendance")
    Attendance.objects.filter(mark__in=["present", "late"]).update(is_present=True)
    Attendance.objects.filter(mark="absent").update(is_present=False)


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="mark",
            field=models.CharField(choices=MARKS, default="present", max_length=10),
            preserve_default=False,
        ),
        migrations.RunPython(marks_from_is_present, is_present_from_marks),
        migrations.RemoveField(model_name="attendance", name="is_present"),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.CheckConstraint(
                condition=models.Q(mark__in=["present", "late", "absent"]),
                name="participants_attendance_mark_valid",
            ),
        ),
    ]
