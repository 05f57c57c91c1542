"""Forms of the site's frame: Wagtail's image form, with uploaded SVGs sanitised.

`SafeImageForm` is the base of every image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`):
the admin's upload, the multiple upload, the chooser's upload and the image API use
it. It stores the sanitised picture (cms.svg), and refuses a file that is not a
readable SVG with a message the editor understands. cms.storage sanitises whatever
else writes an SVG.
"""

from io import BytesIO

import willow
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .svg import SvgRefused, svg_sanitise

REFUSED_MESSAGE = _(
    "This SVG picture cannot be read. Save it again as a plain SVG file (or as a "
    "PNG picture) and upload it again."
)


class SafeImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        image = getattr(upload, "image", None)  # set by Wagtail on a new upload only
        if image is None or image.format_name != "svg":
            return upload
        upload.seek(0)
        try:
            cleaned = svg_sanitise(upload.read())
        except SvgRefused as exc:
            raise ValidationError(REFUSED_MESSAGE, code="svg_refused") from exc
        safe = SimpleUploadedFile(upload.name, cleaned, content_type="image/svg+xml")
        safe.image = willow.Image.open(BytesIO(cleaned))
        return safe
