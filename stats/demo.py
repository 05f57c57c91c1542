"""Demo: twelve weeks of history in the demo ward, so the dashboard tells a story.

A few hundred residents spread unevenly over the ward's ten neighbourhoods: Tổ dân phố
số 5 leads (registered early, learns a lot), số 7 and số 9 lag far behind (registered
late, learn little), the others sit in between. Each resident registered on some day
of the last twelve weeks, during one of the ward's campaigns more often than not;
many started a course, some finished one and hold its certificate, some have VNeID
level 2; volunteers held group sessions and posters were scanned.

The services stamp "now", so the history is written as rows with back-dated times
(like an import from an older system), then `stats_rebuild()` makes the summary rows
from them. Idempotent: when the history's residents are there, nothing is added.
"""

import random
from datetime import datetime, timedelta
from datetime import time as clock

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from certificates.codes import code_generate
from certificates.models import Certificate
from cms.models import Poster, PosterVisit
from community.demo import ADULTS, DEMO_WARD
from community.models import Neighbourhood, ResidentProfile
from community.text import search_column
from learning.models import CourseCompletion, CoursePage, LessonPage, LessonProgress
from teams.models import GroupSession, VneidLevel2

from .services import stats_rebuild

# The history's residents have phone numbers from this block (+84 912 34x xxx).
PHONE_PREFIX = "+8491234"
WEEKS = 12
SEED = 7
# Neighbourhood number -> vigour, from 0 (lagging) to 1 (leading).
VIGOUR = {1: 0.6, 2: 0.65, 3: 0.45, 4: 0.55, 5: 1.0, 6: 0.7, 7: 0.08, 8: 0.4, 9: 0.15}
DEFAULT_VIGOUR = 0.5
# Registration campaigns of the ward, as weeks counted from the first.
CAMPAIGNS = ((2, 2.5), (7, 2.0))
SURNAMES = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"]
SURNAMES += ["Bùi", "Đỗ", "Ngô", "Dương", "Phan"]
NAMES = {
    "m": ["Văn An", "Văn Bình", "Đức Cường", "Văn Dũng", "Minh Hải", "Văn Hùng",
          "Quang Huy", "Văn Long", "Hữu Nam", "Văn Phúc", "Công Sơn", "Văn Thắng",
          "Đức Thành", "Minh Tuấn", "Xuân Vinh", "Văn Lộc"],
    "f": ["Thị Anh", "Thị Bích", "Thị Dung", "Thị Hà", "Thị Hạnh", "Thu Hằng",
          "Thị Hoa", "Thị Hương", "Thị Lan", "Ngọc Linh", "Thị Mai", "Thị Nga",
          "Kim Oanh", "Thị Phương", "Thanh Thảo", "Thị Thủy", "Hồng Vân", "Thị Yến"],
}  # fmt: skip


def _places():
    return list(
        Neighbourhood.objects.filter(
            ward__name=DEMO_WARD[0], ward__city=DEMO_WARD[1]
        ).order_by("number")
    )


def _week_weight(week: int) -> float:
    weight = 0.5 + week / WEEKS
    for peak, height in CAMPAIGNS:
        weight += height * max(0.0, 1 - abs(week - peak) / 1.5)
    return weight


class _History:
    """Writes the rows; `at(day, hours)` is a local time on day `day` of the history."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.first_day = self.today - timedelta(weeks=WEEKS) + timedelta(days=1)
        self.days = (self.today - self.first_day).days + 1
        self.tz = timezone.get_current_timezone()

    def at(self, day: int, hours: float) -> datetime:
        moment = datetime.combine(
            self.first_day + timedelta(days=day), clock(0), self.tz
        ) + timedelta(hours=hours)
        return min(moment, self.now)

    def residents(self, places) -> list[ResidentProfile]:
        rng = self.rng
        password = make_password(None)
        people = []  # (user, neighbourhood, registered at)
        serial = 0
        for place in places:
            vigour = VIGOUR.get(place.number, DEFAULT_VIGOUR)
            count = round(
                (place.adult_population or ADULTS[0]) * (0.03 + 0.17 * vigour)
            )
            late = int((1 - vigour) * 5)  # lagging places start weeks later
            weights = [
                _week_weight(d // 7) if d // 7 >= late else 0.05
                for d in range(self.days)
            ]
            for day in rng.choices(range(self.days), weights=weights, k=count):
                sex = "f" if rng.random() < 0.55 else "m"
                name = f"{rng.choice(SURNAMES)} {rng.choice(NAMES[sex])}"
                phone = None if serial % 8 == 7 else f"{PHONE_PREFIX}{serial:04d}"
                registered = self.at(day, rng.uniform(7, 20.5))
                user = User(
                    phone=phone,
                    phone_verified=phone is not None,
                    full_name=name,
                    birth_year=rng.choice(range(1940, 2006)),
                    password=password,
                    date_joined=registered,
                )
                people.append((user, place, registered))
                serial += 1
        User.objects.bulk_create([user for user, _place, _at in people])
        profiles = ResidentProfile.objects.bulk_create(
            ResidentProfile(
                user=user,
                search_name=search_column(user.full_name),
                neighbourhood=place,
                consent_given_at=registered,
                enrolled_how=ResidentProfile.EnrolledHow.SELF,
            )
            for user, place, registered in people
        )
        # `created_at` is stamped "now" on insert: back-date it afterwards.
        for profile, (_user, _place, registered) in zip(profiles, people, strict=True):
            profile.created_at = registered
        ResidentProfile.objects.bulk_update(profiles, ["created_at"])
        return profiles

    def learning(self, profiles, courses) -> None:
        rng = self.rng
        progress, completions, certificates = [], [], []
        for profile in profiles:
            vigour = VIGOUR.get(profile.neighbourhood.number, DEFAULT_VIGOUR)
            if rng.random() > 0.25 + 0.65 * vigour:
                continue
            t = profile.created_at + timedelta(hours=rng.uniform(0.2, 48))
            for course, lessons in rng.sample(courses, rng.randint(1, len(courses))):
                t += timedelta(days=rng.expovariate(1 / 5))
                finish = rng.random() < 0.15 + 0.6 * vigour
                reach = len(lessons) if finish else rng.randint(1, len(lessons))
                done = None
                for number, lesson in enumerate(lessons[:reach], start=1):
                    if t >= self.now:
                        break
                    done = t + timedelta(minutes=rng.uniform(4, 15))
                    if done >= self.now or (number == reach and not finish):
                        done = None
                    progress.append(
                        LessonProgress(
                            user=profile.user, lesson=lesson, started_at=t,
                            completed_at=done,
                        )
                    )  # fmt: skip
                    if done is None:
                        break
                    t = done + timedelta(days=rng.choice([0, 0, 1, 2, 4]), minutes=5)
                else:
                    if done is not None and finish:
                        completions.append(
                            CourseCompletion(
                                user=profile.user, course=course, completed_at=done
                            )
                        )
                        certificates.append(self._certificate(profile, course, done))
        LessonProgress.objects.bulk_create(progress)
        CourseCompletion.objects.bulk_create(completions)
        Certificate.objects.bulk_create(certificates)

    def _certificate(self, profile, course, done) -> Certificate:
        user, place = profile.user, profile.neighbourhood
        return Certificate(
            user=user,
            course=course,
            code=code_generate(),
            issued_at=min(done + timedelta(seconds=2), self.now),
            holder_name=user.full_name,
            holder_birth_year=user.birth_year,
            holder_neighbourhood=place.name,
            course_title=course.title,
            ward_id=place.ward_id,
        )

    def vneid(self, profiles) -> None:
        rng = self.rng
        records = []
        for profile in profiles:
            vigour = VIGOUR.get(profile.neighbourhood.number, DEFAULT_VIGOUR)
            if rng.random() < 0.1 + 0.5 * vigour:
                day = (
                    timezone.localtime(profile.created_at).date() - self.first_day
                ).days
                day = min(self.days - 1, day + int(rng.expovariate(1 / 10)))
                confirmed = rng.random() < 0.7
                records.append(
                    VneidLevel2(
                        user=profile.user,
                        status=VneidLevel2.Status.CONFIRMED
                        if confirmed
                        else VneidLevel2.Status.DECLARED,
                        activated_on=self.first_day + timedelta(days=day),
                        recorded_at=self.at(day, 16),
                    )
                )
        VneidLevel2.objects.bulk_create(records)

    def sessions(self, places, profiles, courses) -> int:
        rng = self.rng
        volunteer = User.objects.filter(phone="+84900000002").first()
        by_place = {}
        for profile in profiles:
            by_place.setdefault(profile.neighbourhood_id, []).append(profile)
        held = 0
        for place in places:
            vigour = VIGOUR.get(place.number, DEFAULT_VIGOUR)
            for week in range(WEEKS):
                if rng.random() > vigour * 0.8:
                    continue
                day = min(self.days - 1, week * 7 + rng.choice([5, 6]))
                session = GroupSession.objects.create(
                    volunteer=volunteer,
                    held_on=self.first_day + timedelta(days=day),
                    place=f"Nhà văn hóa {place.name.lower()}",
                    course=rng.choice(courses)[0] if rng.random() < 0.8 else None,
                    neighbourhood=place,
                    created_at=self.at(day, 19),
                )
                came = [
                    p.user
                    for p in by_place.get(place.pk, [])
                    if timezone.localtime(p.created_at).date() <= session.held_on
                ]
                session.attendees.set(rng.sample(came, min(len(came), 12)))
                held += 1
        return held

    def posters(self, places, courses) -> None:
        if not any(f.name == "neighbourhood" for f in Poster._meta.get_fields()):
            return
        rng = self.rng
        for place in places:
            vigour = VIGOUR.get(place.number, DEFAULT_VIGOUR)
            if vigour < 0.5:
                continue  # the lagging places have no poster up yet
            course = courses[place.number % len(courses)][0]
            poster = Poster.objects.create(
                code=f"DEMO{place.number:02d}",
                page=course,
                neighbourhood=place,
                created_at=self.at(7, 9),
            )
            visits = [
                PosterVisit(
                    poster=poster,
                    day=self.first_day + timedelta(days=day),
                    count=int(rng.expovariate(1 / (1 + 5 * vigour))),
                )
                for day in range(7, self.days)
            ]
            visits = [v for v in visits if v.count]
            PosterVisit.objects.bulk_create(visits)
            poster.visits = sum(v.count for v in visits)
            poster.save(update_fields=["visits"])


def seed_demo(*, log) -> None:
    log("stats: twelve weeks of history in the demo ward")
    places = _places()
    courses = [
        (course, list(LessonPage.objects.live().child_of(course).order_by("path")))
        for course in CoursePage.objects.live().order_by("path")
    ]
    courses = [pair for pair in courses if pair[1]]
    if not places or not courses:
        log("  no demo ward or courses: skipped")
        return
    if User.objects.filter(phone__startswith=PHONE_PREFIX).exists():
        log("  history already there")
    else:
        history = _History(random.Random(SEED))
        profiles = history.residents(places)
        history.learning(profiles, courses)
        history.vneid(profiles)
        held = history.sessions(places, profiles, courses)
        history.posters(places, courses)
        log(f"  {len(profiles)} residents, {held} group sessions")
    differences = stats_rebuild()
    log(f"  summary rows rebuilt ({len(differences)} differences)")
