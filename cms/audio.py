"""Audio narration of pages, for download and for the ward's loudspeakers.

Any page whose StreamField `body` has `audio` blocks (a struct with a `file`
document) has narration: found by duck typing, so cms knows no other app.
"""

from collections.abc import Iterable

AUDIO_BLOCK = "audio"


def page_audio_files(page) -> list:
    """The documents of the page's audio blocks, in the order they appear."""
    body = getattr(page, "body", None) or []
    return [
        block.value["file"]
        for block in body
        if block.block_type == AUDIO_BLOCK and block.value.get("file") is not None
    ]


def _has_audio_block(page) -> bool:
    body = getattr(page, "body", None)
    # Raw data: no document is fetched just to know that there is one.
    return bool(body) and any(
        block.get("type") == AUDIO_BLOCK for block in body.raw_data
    )


def children_with_audio_count(page) -> int:
    """How many live children have narration: one query per child page type that
    has a `body` (a course: its lessons), reading no document."""
    total = 0
    for model in page.specific_class.allowed_subpage_models():
        if "body" not in {field.name for field in model._meta.get_fields()}:
            continue
        children = model.objects.live().child_of(page).only("body")
        total += sum(1 for child in children if _has_audio_block(child))
    return total


def playlist_m3u(*, title: str, entries: Iterable[tuple[str, str]]) -> str:
    """An extended M3U playlist (UTF-8) of (title, absolute URL) entries."""

    def clean(text: str) -> str:
        return " ".join(str(text).split())  # one line per field, whatever was typed

    lines = ["#EXTM3U", f"#PLAYLIST:{clean(title)}"]
    for entry_title, url in entries:
        lines += [f"#EXTINF:-1,{clean(entry_title)}", clean(url)]
    return "\n".join(lines) + "\n"
