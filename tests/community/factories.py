import factory
from django.utils import timezone

from accounts.models import User
from community.models import Neighbourhood, ResidentProfile, Ward

PASSWORD = "mat-khau-thu-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    phone = factory.Sequence(lambda n: f"+8491{n:07d}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Người {n}")
    birth_year = 1965
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward

    name = factory.Sequence(lambda n: f"Phường Thử {n}")
    city = "Hải Phòng"
    certificate_authority = factory.LazyAttribute(lambda w: f"Ủy ban nhân dân {w.name}")


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    ward = factory.SubFactory(WardFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.LazyAttribute(lambda o: f"Tổ dân phố số {o.number}")
    adult_population = 300


class ResidentProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResidentProfile

    user = factory.SubFactory(UserFactory)
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    consent_given_at = factory.LazyFunction(timezone.now)
