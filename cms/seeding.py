"""Helpers for the apps' demo seeds (`<app>/demo.py`): data files in, Wagtail values.

Demo content is data, not code (bakerydemo): TOML files, read with the standard
library, whose StreamField blocks have the shape Wagtail stores, a list of
`{type, value}` tables, with pictures named by their file name. These helpers read
such a file strictly and turn its blocks into the field's value through the block
definitions, so a mistake in a file stops the seed with the file's name instead of
reaching a page.
"""

import tomllib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock


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
