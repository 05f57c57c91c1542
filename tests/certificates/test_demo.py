from django.core.management import call_command

from accounts.models import User
from certificates.models import Certificate
from certificates.services import certificate_pdf

from .conftest import pdf_qr_texts, pdf_text


def seed(capture):
    with capture(execute=True):
        call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_the_demo_resident_holds_one_real_certificate(
    db, client, django_capture_on_commit_callbacks
):
    seed(django_capture_on_commit_callbacks)
    resident = User.objects.get(phone="+84900000001")
    certificate = Certificate.objects.get(user=resident)
    assert certificate.is_valid and certificate.pdf
    assert certificate.holder_name == resident.full_name
    assert certificate.ward.certificate_signer_name

    seed(django_capture_on_commit_callbacks)
    assert list(Certificate.objects.filter(user=resident)) == [certificate]

    pdf = certificate_pdf(certificate=certificate)
    assert resident.full_name in pdf_text(pdf)
    assert pdf_qr_texts(pdf)[0].endswith(f"/certificates/verify/{certificate.code}/")
    client.force_login(resident)
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert response.status_code == 200
