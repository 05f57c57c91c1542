from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, NewsBodyBlock


class HomePage(Page):
    """The front door of the whole city's site."""

    lead = models.CharField(
        _("lead"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title."),
    )
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("intro"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class NewsIndexPage(RoutablePageMixin, Page):
    """The news column: articles newest first, by topic, with an Atom feed."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news column")

    @path("")
    def index_route(self, request):
        from .selectors import news_page_of

        news = news_page_of(
            index=self, tag=request.GET.get("tag", ""), number=request.GET.get("page")
        )
        return self.render(request, context_overrides={"news": news})

    @path("feed/", name="feed")
    def feed_route(self, request):
        from .feeds import NewsFeed

        return NewsFeed(index=self)(request)

    def feed_url(self) -> str:
        return self.url + self.reverse_subpage("feed")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(Page):
    """One news article of the ward: what happened, with pictures and video."""

    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.CharField(
        _("lead"),
        max_length=300,
        help_text=_("One or two sentences: shown in lists, shares and the feed."),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("topics"), through=NewsPageTag, blank=True
    )

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("cover"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class Poster(models.Model):
    """A printed poster of a page: its QR code carries `?p=<code>` to count visits."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    size = models.CharField(_("paper size"), max_length=2, default="A4")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    visits = models.PositiveIntegerField(_("visits"), default=0)
    # Where the batch is put up, when the editor said so: the statistics count its
    # visits there. A string reference: cms imports no other app of ours.
    neighbourhood = models.ForeignKey(
        "community.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("poster")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code


class PosterVisit(models.Model):
    """Visits through one poster on one day (one per browser session)."""

    poster = models.ForeignKey(
        Poster, on_delete=models.CASCADE, related_name="daily_visits"
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("poster visits on a day")
        constraints = [
            models.UniqueConstraint(
                fields=["poster", "day"], name="cms_poster_visit_once_per_day"
            )
        ]

    def __str__(self):
        return f"{self.poster_id} / {self.day}"


class DemoSeed(models.Model):
    """A revision that `seed_demo` wrote, with a hash of the data it wrote it from.

    While a page's (or a snippet's) latest revision is one of these, the seed may
    write it again when its data file changes; a later revision is an editor's, and
    from then on the seed leaves that page alone (`cms.seeding.demo_state`).
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("demo data record")

    def __str__(self):
        return f"{self.revision_id} / {self.digest[:12]}"
