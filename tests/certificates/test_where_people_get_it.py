"""The holder finds the download on "my learning" and on the course page."""

from django.urls import reverse


def test_my_learning_and_the_course_page_link_the_certificate(client, holder, issued):
    client.force_login(holder)
    pdf_url = reverse("certificates:pdf", args=[issued.code])

    assert pdf_url in client.get(reverse("learning:my")).content.decode()
    assert pdf_url in client.get(issued.course.url).content.decode()
    assert client.get(pdf_url)["Content-Type"] == "application/pdf"


def test_no_link_before_the_course_is_complete(client, holder, course):
    client.force_login(holder)
    course_page, _lessons = course
    assert "certificate-download" not in client.get(course_page.url).content.decode()
