"""Helpers for the apps' demo seeds (`<app>/demo.py`): data files in, pages out.

Demo content is data, not code (bakerydemo): TOML files, read with the standard
library, whose StreamField blocks have the shape Wagtail stores, a list of
`{type, value}` tables, with pictures named by their file name. These helpers read
such a file strictly and turn its blocks into the field's value through the block
definitions, so a mistake in a file stops the seed with the file's name instead of
reaching a page.

Then they publish: a page (or a snippet with revisions, such as a quiz) is made once,
written again as a new published revision when its data changed since the seed last
wrote it, and left alone once an editor changed it. Each revision the seed writes is
recorded (`cms.models.DemoSeed`) with a hash of the data it came from.
"""

import hashlib
import json
import tomllib
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import models
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, Revision

from .models import DemoSeed

SAME, CHANGED, EDITED = "same", "changed", "edited"


class DemoDataError(ValueError):
    """A demo data file that cannot be seeded as written: says where and why."""


def demo_read(path: Path, *, keys: set[str], required: set[str] = frozenset()) -> dict:
    """The TOML file at `path`, refused when a key is unknown (a typo) or missing."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path}: {error}") from error
    demo_check_keys(data, keys=keys, required=required, where=str(path))
    return data


def demo_check_keys(
    data: dict, *, keys: set[str], required: set[str] = frozenset(), where: str
) -> None:
    if not isinstance(data, dict):
        raise DemoDataError(f"{where}: expected a table, found {data!r}")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise DemoDataError(f"{where}: unknown key(s) {', '.join(unknown)}")
    missing = sorted(set(required) - set(data))
    if missing:
        raise DemoDataError(f"{where}: missing key(s) {', '.join(missing)}")


class DemoImages:
    """Wagtail images made from the files of one folder, found again by file name.

    The image's title is its file name, so a second run finds what the first made.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._found: dict = {}

    def __call__(self, name: str):
        if name not in self._found:
            Image = get_image_model()
            image = Image.objects.filter(title=name).first()
            if image is None:
                path = self.folder / name
                if not path.is_file():
                    raise DemoDataError(f"no picture {name} in {self.folder}")
                with open(path, "rb") as handle:
                    image = Image(title=name, file=ImageFile(handle, name=name))
                    image.save()
            self._found[name] = image
        return self._found[name]


def demo_image(images: DemoImages, name: str, *, where: str):
    """The picture `name`, or an error that says which file named it."""
    try:
        return images(name)
    except DemoDataError as error:
        raise DemoDataError(f"{where}: {error}") from None


def demo_stream_data(block, data, *, images: DemoImages, where: str):
    """`data` written for `block` as Wagtail stores it (JSON), picture names as ids.

    Stricter than Wagtail, which drops a block of an unknown type and ignores an
    unknown field of a StructBlock without a word: both are errors here.
    """
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(data, list):
            raise DemoDataError(f"{where}: expected a list of blocks")
        result = []
        for number, item in enumerate(data):
            here = f"{where}[{number}]"
            demo_check_keys(item, keys={"type", "value"}, required={"type"}, where=here)
            child = block.child_blocks.get(item["type"])
            if child is None:
                known = ", ".join(block.child_blocks)
                raise DemoDataError(
                    f"{here}: unknown block type {item['type']!r} (known: {known})"
                )
            value = item.get("value", child.get_prep_value(child.get_default()))
            result.append(
                {
                    "type": item["type"],
                    "value": demo_stream_data(
                        child, value, images=images, where=f"{here}.value"
                    ),
                }
            )
        return result
    if isinstance(block, blocks.ListBlock):
        if not isinstance(data, list):
            raise DemoDataError(f"{where}: expected a list")
        return [
            demo_stream_data(
                block.child_block, item, images=images, where=f"{where}[{number}]"
            )
            for number, item in enumerate(data)
        ]
    if isinstance(block, blocks.StructBlock):
        demo_check_keys(data, keys=set(block.child_blocks), where=where)
        return {
            name: demo_stream_data(
                block.child_blocks[name], value, images=images, where=f"{where}.{name}"
            )
            for name, value in data.items()
        }
    if isinstance(block, ImageChooserBlock):
        if not data:
            return None
        if not isinstance(data, str):
            raise DemoDataError(f"{where}: name the picture by its file name")
        return demo_image(images, data, where=where).pk
    if isinstance(block, blocks.ChooserBlock):
        if data:
            raise DemoDataError(f"{where}: demo files can name pictures only")
        return None
    return data


def demo_stream(stream_block, data: list, *, images: DemoImages, where: str):
    """The StreamField value of `data`, cleaned by `stream_block` as the admin would."""
    raw = demo_stream_data(stream_block, data, images=images, where=where)
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        if hasattr(error, "as_json_data"):
            detail = error.as_json_data()
        else:
            detail = error.messages
        raise DemoDataError(f"{where}: {detail}") from error


def demo_digest(data) -> str:
    """A hash of what the seed writes, so that a change in a data file is noticed."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=_plain)
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(value):
    if isinstance(value, models.Model):
        return f"{value._meta.label_lower}:{value.pk}"
    if isinstance(value, StreamValue):
        return _without_ids(value.stream_block.get_prep_value(value))
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot hash {value!r}")


def _without_ids(value):
    """Stored StreamField JSON without the block ids, which are new on every run."""
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        if {"type", "value"} <= set(value):
            return {"type": value["type"], "value": _without_ids(value["value"])}
        return {key: _without_ids(item) for key, item in value.items()}
    return value


def demo_state(obj, *, digest: str) -> str:
    """What the seed may do to `obj` (a page or a snippet with revisions) it found.

    SAME: its latest revision is the seed's, from the same data. CHANGED: the seed's,
    from other data, so it is written again; also when it was seeded before the seed
    kept records and no person ever saved a revision of it. EDITED: anything else (a
    later revision, a draft, unpublished): the seed must not touch it.
    """
    if not obj.live:
        return EDITED
    record = DemoSeed.objects.filter(revision_id=obj.latest_revision_id).first()
    if record is not None:
        return SAME if record.digest == digest else CHANGED
    by_someone = Revision.objects.for_instance(obj).exclude(user=None).exists()
    return EDITED if by_someone or obj.latest_revision_id is None else CHANGED


def demo_publish(obj, *, digest: str) -> None:
    """Publish `obj` as it is in memory, as a revision the seed will recognise."""
    previous = obj.latest_revision_id
    revision = obj.save_revision()
    revision.publish()
    if previous is not None:
        DemoSeed.objects.filter(revision_id=previous).delete()
    DemoSeed.objects.create(revision=revision, digest=digest)


def demo_child_page(parent: Page, model, slug: str, log, tags=(), **fields):
    """The published child page `slug` of `parent` holding `fields` (demo data only).

    Made once; written again when `fields` or `tags` differ from what the seed last
    wrote; left as it is, with a line saying so, once an editor changed it.
    """
    digest = demo_digest({"fields": fields, "tags": sorted(tags)})
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        demo_publish(page, digest=digest)
        log(f"  created {model.__name__} {fields['title']}")
        return page
    state = demo_state(page, digest=digest)
    if state == EDITED:
        log(f"  left {model.__name__} {page.title}: an editor changed it")
    elif state == CHANGED:
        for name, value in fields.items():
            setattr(page, name, value)
        if tags or hasattr(page, "tags"):
            page.tags.set(list(tags))
        demo_publish(page, digest=digest)
        log(f"  updated {model.__name__} {page.title}")
    return page
