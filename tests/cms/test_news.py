"""The news column: newest first, ten a page, by topic, a feed, on the home page."""

from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.models import HomePage, NewsIndexPage, NewsPage

ATOM = "{http://www.w3.org/2005/Atom}"


def make_news_index() -> NewsIndexPage:
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    return index


def make_article(index, number: int, *, day: date, tags=()) -> NewsPage:
    article = NewsPage(
        title=f"Tin số {number}",
        slug=f"tin-{number}",
        date=day,
        lead=f"Tóm tắt tin số {number}.",
        body=[("text", f"<p>Nội dung tin số {number}.</p>")],
    )
    index.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
    article.save_revision().publish()
    return article


@pytest.fixture
def news(db):
    """Twelve articles, one a day; every third about VNeID; inserted oldest last."""
    index = make_news_index()
    start = date(2026, 1, 1)
    for number in (12, 3, 7, 1, 5, 9, 2, 11, 4, 8, 10, 6):
        make_article(
            index,
            number,
            day=start + timedelta(days=number),
            tags=["VNeID"] if number % 3 == 0 else ["Phong trào"],
        )
    return index


def titles(html: str) -> list[str]:
    import re

    return re.findall(r'class="news-item__title" href="[^"]+">([^<]+)</a>', html)


def test_listing_is_newest_first_ten_a_page(client, news):
    first = client.get(news.url)
    assert first.status_code == 200
    assert titles(first.content.decode()) == [f"Tin số {n}" for n in range(12, 2, -1)]
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = client.get(news.url + "?page=2").content.decode()
    assert titles(second) == ["Tin số 2", "Tin số 1"]
    # A page number past the end, or not a number, shows a real page, not an error.
    assert titles(client.get(news.url + "?page=99").content.decode()) == titles(second)
    assert client.get(news.url + "?page=abc").status_code == 200


def test_listing_filters_by_topic(client, news):
    html = client.get(news.url + "?tag=vneid").content.decode()
    assert titles(html) == ["Tin số 12", "Tin số 9", "Tin số 6", "Tin số 3"]
    assert titles(client.get(news.url + "?tag=nothing").content.decode()) == []


def test_article_shows_its_lead_body_and_topics(client, news):
    article = NewsPage.objects.get(slug="tin-9")
    html = client.get(article.url).content.decode()
    assert "Tóm tắt tin số 9." in html and "Nội dung tin số 9." in html
    assert f'{news.url}?tag=vneid">VNeID</a>' in html


def test_feed_is_atom_with_the_latest_twenty_and_absolute_links(client, news, settings):
    settings.SITE_BASE_URL = "https://hocvuso.example.vn"
    index = news
    for number in range(13, 25):
        make_article(index, number, day=date(2026, 2, 1) + timedelta(days=number))
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 20
    first = entries[0]
    assert first.find(f"{ATOM}title").text == "Tin số 24"
    link = first.find(f"{ATOM}link").get("href")
    assert link == "https://hocvuso.example.vn/tin-tuc/tin-24/"
    assert first.find(f"{ATOM}summary").text == "Tóm tắt tin số 24."
    assert f'href="{index.url}feed/"' in client.get(index.url).content.decode()


def test_home_page_shows_the_latest_three(client, news, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        html = client.get("/").content.decode()
    assert titles(html) == ["Tin số 12", "Tin số 11", "Tin số 10"]
    assert f'href="{news.url}"' in html


def test_page_type_rules():
    assert NewsIndexPage.parent_page_types == ["cms.HomePage"]
    assert NewsIndexPage.subpage_types == ["cms.NewsPage"]
    assert NewsPage.parent_page_types == ["cms.NewsIndexPage"]
    assert NewsPage.subpage_types == []


@pytest.mark.django_db
def test_an_article_cannot_go_straight_under_the_home_page():
    assert not NewsPage.can_exist_under(HomePage.objects.get())
    assert NewsPage.can_exist_under(make_news_index())
    assert not NewsIndexPage.can_exist_under(Page.get_first_root_node())


@pytest.mark.django_db
def test_demo_news_is_vietnamese_and_idempotent():
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    articles = NewsPage.objects.live()
    assert articles.count() == 3
    assert NewsIndexPage.objects.count() == 1
    assert all(article.tags.exists() for article in articles)
    assert any("phường" in article.title for article in articles)
