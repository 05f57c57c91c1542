"""Background jobs of the statistics (DESIGN.md §5).

Inline by default (ImmediateBackend); on a worker in production, so that moving,
removing or merging residents never makes a web request wait for a re-count (about
a second per neighbourhood of a 200,000-resident city).
"""

import logging

from django_tasks import task

from .services import stats_rebuild

logger = logging.getLogger(__name__)


@task()
def neighbourhoods_recount_task(neighbourhood_ids: list[int]) -> int:
    """Re-count the summary rows of these neighbourhoods from the raw rows."""
    differences = stats_rebuild(neighbourhood_ids=neighbourhood_ids)
    logger.debug(
        "stats re-counted %s: %d differences", neighbourhood_ids, len(differences)
    )
    return len(differences)
