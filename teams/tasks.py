"""Background jobs of the workspace: applying an imported list (DESIGN.md §5).

Inline by default (ImmediateBackend); a real worker in production, so a list of ten
thousand people never makes a web request wait.
"""

from django_tasks import task

from .importing import job_run


@task()
def import_job_run_task(job_id: int) -> None:
    job_run(job_id=job_id)
