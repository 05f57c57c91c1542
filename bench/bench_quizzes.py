"""Quiz submission latency, in-process, against its budget: p95 under 50 ms.

Each sample is one POST of a whole quiz (the demo final test of the first course, 9
questions) through Django's test client: URL routing, session, the view, grading on
the server with the attempt's row locked, and - on a pass - the lesson's completion
through learning. Starting the attempt is not timed. Half the submissions pass, half
fail, spread over 20 residents. Runs on the embedded default (SQLite) or on
PostgreSQL when DATABASE_URL is set, in a throw-away test database.

    python bench/bench_quizzes.py [--smoke]
    DATABASE_URL=postgres://... python bench/bench_quizzes.py
"""

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import Report, median, percentile, setup_django, test_database

BUDGET_P95_MS = 50
SUBMISSIONS, SMOKE_SUBMISSIONS = 240, 10
RESIDENTS = 20


def main(smoke: bool) -> int:
    setup_django()
    from django.core.management import call_command
    from django.test import Client

    from accounts.models import User
    from learning.demo import demo_courses
    from quizzes.models import Choice, Quiz
    from quizzes.services import attempt_start

    count = SMOKE_SUBMISSIONS if smoke else SUBMISSIONS
    with test_database() as connection:
        call_command("seed_demo", stdout=open("/dev/null", "w"))
        quiz = Quiz.objects.get(lesson__slug=demo_courses()[0].lessons[-1].slug)
        right = {}
        wrong = {}
        for choice in Choice.objects.filter(question__quiz=quiz).order_by("sort_order"):
            if choice.is_correct:
                right.setdefault(choice.question_id, []).append(str(choice.pk))
            else:
                wrong.setdefault(choice.question_id, [str(choice.pk)])
        users = [
            User.objects.create_user(phone=f"+8498{n:07d}", password="bench-pass-1")
            for n in range(RESIDENTS)
        ]
        clients = []
        for user in users:
            client = Client()
            client.force_login(user)
            clients.append(client)

        samples = []
        for n in range(count):
            user, client = users[n % RESIDENTS], clients[n % RESIDENTS]
            attempt = attempt_start(user=user, quiz=quiz)
            chosen = right if n % 2 == 0 else wrong
            data = {f"q-{q}": chosen[q] for q in attempt.question_ids}
            start = time.perf_counter()
            response = client.post(f"/quizzes/attempts/{attempt.pk}/", data)
            samples.append((time.perf_counter() - start) * 1000)
            if response.status_code != 302 or "/result/" not in response["Location"]:
                raise SystemExit(f"submission {n} refused: {response.status_code}")

        report = Report(
            f"Quiz submission, in-process, {connection.vendor}: "
            f"{count} submissions of {len(attempt.question_ids)} questions "
            f"(budget: p95 < {BUDGET_P95_MS} ms)"
        )
        report.line("median", median(samples), "ms")
        report.line("p95", percentile(samples, 0.95), "ms", BUDGET_P95_MS)
        report.line("max", max(samples), "ms")
        return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(smoke="--smoke" in sys.argv))
