"""The volunteer's import, around community's engine (`community.imports`).

The engine reads the file and writes residents; teams adds what a volunteer's import
needs on top: rows for neighbourhoods the uploader does not serve become bad rows
(the engine knows the ward, not who is importing), and the apply runs as a
background task that records its progress on the `ImportJob`.
"""

from dataclasses import replace

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.access import is_city_admin, neighbourhoods_served_by
from community.imports import (
    ImportFileError,
    ImportPreview,
    RowProblem,
    import_apply,
    import_preview,
)

from .models import ImportJob

__all__ = ["ImportFileError", "job_preview", "job_run"]


def job_preview(*, job: ImportJob) -> ImportPreview:
    """What applying this job would do, limited to the uploader's neighbourhoods."""
    preview = import_preview(
        data=bytes(job.data),
        filename=job.filename,
        ward=job.ward,
        neighbourhood=job.neighbourhood,
    )
    uploader = job.uploaded_by
    if uploader is None or is_city_admin(uploader):
        return preview
    served = set(neighbourhoods_served_by(uploader).values_list("pk", flat=True))
    kept, refused = [], []
    for row in preview.rows:
        if row.neighbourhood.pk in served:
            kept.append(row)
        else:
            refused.append(
                RowProblem(
                    line=row.line,
                    reason=_(
                        "You do not serve “%(name)s”: the volunteers there import "
                        "its residents."
                    )
                    % {"name": row.neighbourhood.name},
                    values=row.values(),
                )
            )
    if not refused:
        return preview
    bad = sorted([*preview.bad, *refused], key=lambda problem: problem.line)
    return replace(preview, rows=kept, bad=bad)


def _progress_key(job_id: int) -> str:
    return f"teams:import-progress:{job_id}"


def _progress(job_id: int):
    """Progress goes through the cache (Redis in production), not the job row.

    The import runs in one transaction, so nothing it writes to the database is seen
    by the page polling it until the end (and SQLite is locked meanwhile).
    """

    def report(done: int, total: int) -> None:
        cache.set(_progress_key(job_id), (done, total), timeout=24 * 60 * 60)

    return report


def job_progress(job: ImportJob) -> ImportJob:
    """The job with the live progress of a running import filled in."""
    if job.status == ImportJob.Status.RUNNING:
        live = cache.get(_progress_key(job.pk))
        if live:
            job.progress_done, job.progress_total = live
    return job


def _failed(job: ImportJob, message: str) -> ImportJob:
    job.status, job.error, job.finished_at, job.data = (
        ImportJob.Status.FAILED,
        message,
        timezone.now(),
        b"",
    )
    job.save(update_fields=["status", "error", "finished_at", "data"])
    return job


def job_run(*, job_id: int) -> ImportJob | None:
    """Apply a confirmed job (the background task's body); runs each job once."""
    with transaction.atomic():
        job = (
            # of=("self",): PostgreSQL cannot lock the nullable side of the
            # outer join to the neighbourhood.
            ImportJob.objects.select_for_update(of=("self",))
            .select_related("ward", "neighbourhood", "uploaded_by")
            .filter(pk=job_id, status=ImportJob.Status.QUEUED)
            .first()
        )
        if job is None:
            return None
        job.status = ImportJob.Status.RUNNING
        job.save(update_fields=["status"])
    try:
        preview = job_preview(job=job)
        ImportJob.objects.filter(pk=job.pk).update(progress_total=len(preview.rows))
        result = import_apply(
            preview=preview,
            mode=job.mode,
            imported_by=job.uploaded_by,
            progress=_progress(job.pk),
        )
    except ImportFileError as error:
        return _failed(job, str(error))
    except Exception:
        # Never leave the page saying "importing" for ever; the worker logs the rest.
        _failed(job, _("The import stopped because of an error. Nobody was imported."))
        raise
    job.refresh_from_db(fields=["progress_done", "progress_total"])
    cache.delete(_progress_key(job.pk))
    job.status = ImportJob.Status.DONE
    job.created_count = result.created
    job.duplicate_count = result.skipped_duplicates
    job.bad_count = result.not_imported_bad
    job.progress_done = job.progress_total
    job.finished_at = timezone.now()
    # The uploaded file (names, phones) must not outlive its job.
    job.data = b""
    job.save(
        update_fields=[
            "data",
            "status",
            "created_count",
            "duplicate_count",
            "bad_count",
            "progress_done",
            "finished_at",
        ]
    )
    return job
