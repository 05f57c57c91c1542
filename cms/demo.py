"""Demo news column: three short articles about the movement in the demo ward.

The articles are data files, one per article: `cms/demo_content/news/<NN>-<slug>.toml`
(the page's fields and its body as StreamField blocks, as lessons are written:
`learning/demo_content/README.md`). Idempotent: pages are found by slug under their
parent, and written again only when their file changed, never after an editor
changed them (`cms.seeding.demo_child_page`). Runs before learning's demo
(INSTALLED_APPS order), so the articles link to no course.
"""

import re
from pathlib import Path

from .models import HomePage, NewsIndexPage, NewsPage
from .seeding import (
    DemoDataError,
    DemoImages,
    demo_child_page,
    demo_read,
    demo_stream,
)

CONTENT = Path(__file__).parent / "demo_content"
INDEX_SLUG = "tin-tuc"
ARTICLE_FILE = re.compile(r"(?P<number>\d+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.toml")
ARTICLE_FIELDS = {"title", "date", "lead", "tags", "body"}


def demo_articles() -> list[tuple[str, Path, dict]]:
    """Every demo article as (slug, file, what the file says), in file-name order."""
    articles = []
    for path in (CONTENT / "news").glob("*.toml"):
        name = ARTICLE_FILE.fullmatch(path.name)
        if name is None:
            raise DemoDataError(f"{path}: an article file is named <NN>-<slug>.toml")
        data = demo_read(path, keys=ARTICLE_FIELDS, required={"title", "date"})
        articles.append((int(name["number"]), name["slug"], path, data))
    articles.sort(key=lambda article: article[:2])
    return [(slug, path, data) for _number, slug, path, data in articles]


def seed_demo(*, log) -> None:
    log("cms: news column")
    home = HomePage.objects.first()
    if home is None:
        log("  no home page: skipped")
        return
    index = demo_child_page(
        home,
        NewsIndexPage,
        INDEX_SLUG,
        log,
        title="Tin tức",
        intro="<p>Tin về phong trào Bình dân học vụ số trong phường.</p>",
    )
    images = DemoImages(CONTENT / "images")
    body_block = NewsPage._meta.get_field("body").stream_block
    for slug, path, data in demo_articles():
        fields = dict(data)
        tags = fields.pop("tags", [])
        fields["body"] = demo_stream(
            body_block, fields.pop("body", []), images=images, where=str(path)
        )
        demo_child_page(index, NewsPage, slug, log, tags=tags, **fields)
