"""The news column as an Atom feed, for the ward portal and feed readers."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .selectors import FEED_LENGTH, news_of
from .sharing import absolute_url


class NewsFeed(Feed):
    """The latest articles of one news column, absolute links from SITE_BASE_URL."""

    feed_type = Atom1Feed

    def __init__(self, *, index):
        super().__init__()
        self.index = index

    def title(self):
        return f"{self.index.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        return absolute_url(self.index.url)

    def feed_url(self):
        return absolute_url(self.index.feed_url())

    def subtitle(self):
        return self.index.search_description or settings.WAGTAIL_SITE_NAME

    def items(self):
        return news_of(index=self.index)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute_url(item.url)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
