"""Reads for the site's frame: the news column and the posters' visit counts."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet

from .models import NewsIndexPage, NewsPage, Poster

NEWS_PER_PAGE = 10
FEED_LENGTH = 20


def news_of(
    *, index: NewsIndexPage | None = None, tag: str = "", with_tags: bool = True
) -> QuerySet:
    """Live articles, newest first (by date, then by publication), maybe by topic."""
    news = NewsPage.objects.live()
    if index is not None:
        news = news.child_of(index)
    if tag:
        news = news.filter(tags__slug=tag)
    news = news.select_related("cover").prefetch_related("cover__renditions")
    if with_tags:
        news = news.prefetch_related("tags")
    return (
        news.defer_streamfields()
        .order_by("-date", "-first_published_at", "-pk")
        .distinct()
    )


def news_page_of(*, index: NewsIndexPage, tag: str = "", number=None) -> PaginatorPage:
    """One page of the listing; a bad or too-high `?page=` shows the nearest page."""
    return Paginator(news_of(index=index, tag=tag), NEWS_PER_PAGE).get_page(number)


def latest_news(*, limit: int = 3) -> list[NewsPage]:
    return list(news_of(with_tags=False)[:limit])


def poster_visits(*, page_ids=None) -> QuerySet:
    """Posters with their visit counts, for reports (stats reads this)."""
    posters = Poster.objects.select_related("page", "created_by")
    if page_ids is not None:
        posters = posters.filter(page_id__in=list(page_ids))
    return posters.order_by("-created_at")


def poster_content_for(*, poster: Poster):
    """What a poster prints, read from its page by duck typing (cms knows no other
    app): a course gives its promise and first lessons; any page its description
    and first children."""
    from .posters import PosterContent
    from .sharing import page_absolute_url, page_description

    page = poster.page.specific
    first = getattr(page, "promise", "") or page_description(page)
    children = page.get_children().live().order_by("path")
    lines = [first, *children.values_list("title", flat=True)[:2]]
    lines = [line for line in lines if line]
    url = page_absolute_url(page)
    return PosterContent(
        title=page.title,
        lines=tuple(lines),
        url=f"{url}?p={poster.code}",
        display_url=url.split("://", 1)[-1],
        size=poster.size,
    )
