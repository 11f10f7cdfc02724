from django.db import migrations
from django.utils import timezone


def label_the_threads(apps, schema_editor):
    """Threads made before they had a label get the complaint's reference (Complaint.reference, written out:
    historical models have no properties), so the thread page's breadcrumb names the case."""
    Complaint = apps.get_model("complaints", "Complaint")
    Thread = apps.get_model("dialogue", "Thread")
    for complaint in Complaint.objects.filter(thread__isnull=False, thread__subject_label="").only(
        "id", "created_at", "thread_id"
    ):
        reference = f"K-{timezone.localtime(complaint.created_at).year}-{complaint.id:05d}"
        Thread.objects.filter(pk=complaint.thread_id).update(subject_label=reference)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0011_attachment_event"),
        ("dialogue", "0003_thread_subject_label"),
    ]

    operations = [migrations.RunPython(label_the_threads, migrations.RunPython.noop)]
