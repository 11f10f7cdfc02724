from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("complaints", "0012_thread_subject_label")]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="acknowledged_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        # Complaints filed before this had their receipt queued at intake (or by the routing sweeper): marked
        # sent, so the new receipt sweeper does not write to every citizen again.
        migrations.RunSQL(
            "UPDATE complaints_complaint SET acknowledged_at = created_at", reverse_sql=migrations.RunSQL.noop
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                condition=models.Q(("acknowledged_at__isnull", True)),
                fields=["created_at"],
                name="complaint_unacknowledged",
            ),
        ),
    ]
