"""The public media storage: MEDIA_ROOT, served at MEDIA_URL by cms.views.media_serve.

Every `.svg` written to it is sanitised (cms.svg), whatever wrote it: the image form
(cms.forms) has done it already, with a message for the editor; this also covers
the multiple upload's "finish the details later" path, renditions, `seed_demo` and
scripts. A storage that replaces it (S3, for several machines) must do the same.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from .svg import svg_sanitise


class PublicMediaStorage(FileSystemStorage):
    """No SVG is written unsanitised."""

    def _save(self, name, content):
        if name.lower().endswith(".svg"):
            content.seek(0)
            content = ContentFile(svg_sanitise(content.read()))
        return super()._save(name, content)
