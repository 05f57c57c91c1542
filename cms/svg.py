"""SVG pictures uploaded by editors, made safe to serve from the site's own origin.

An SVG is a document, not only a picture: opened directly (`/media/...svg` in a new
tab) it runs its own `<script>` and event attributes with the site's cookies, and it
can load or link anything. `svg_sanitise(data)` returns the same picture without
them, or raises `SvgRefused` for a file that is not a readable SVG:

1. The file is read with defusedxml first: entity declarations (the "billion
   laughs") and external entities are refused, and the root must be an SVG element.
2. Cloudflare's svg-hush (the `py-svg-hush` wheel) rewrites it from its allowlist of
   elements and attributes: no script, no event attribute, no `<foreignObject>` or
   other embedded document, no cross-origin URL, `data:` URLs only for raster
   images. A kept library with a large allowlist, so ordinary drawings (Inkscape,
   Illustrator, Figma exports) come through unchanged in what they show.
3. A stricter pass of ours over its output, because svg-hush keeps same-origin
   paths (and turns `https://other.example/x.png` into `/x.png`): references
   (`href`, `url(...)` in styles and presentation attributes) may only point inside
   the picture (`#id`) or be a raster `data:image/...`; `@import`, `image-set()`,
   CSS escapes, `javascript:` values and `on*` attributes are removed again.

Media is also served with `Content-Security-Policy: sandbox` (cms.media), so a file
that got past this would still run nothing.
"""

import re
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from py_svg_hush import filter_svg

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RASTER_TYPES = ("png", "jpeg", "gif", "webp")
RASTER_DATA_URL = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
# CSS that can fetch or hide a fetch: never kept, whatever it points to.
CSS_REFUSED = ("@import", "image-set(", "image(", "src(", "expression(", "\\")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Elements that run code or embed a document; svg-hush drops them already.
ELEMENTS_REFUSED = {
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "audio",
    "video",
}
# Animations that set an attribute: svg-hush drops a dangerous `attributeName`,
# which leaves the element without a target; we drop such elements whole.
ANIMATIONS = {"set", "animate"}
# Whitespace and control characters a browser ignores inside a URL's scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


class SvgRefused(ValueError):
    """Not an SVG picture this site can read."""


def svg_sanitise(data: bytes) -> bytes:
    """The picture of `data` with nothing that runs, loads or links (see above)."""
    plain = _write(_plain(_parse(data)))
    try:
        cleaned = filter_svg(plain, {"image": list(RASTER_TYPES)})
    except ValueError as exc:
        raise SvgRefused(str(exc)) from exc
    root = _parse(cleaned)
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgRefused("The sanitised picture lost its SVG namespace")
    _tighten(root)
    # Always written by us, so that sanitising twice (the form, then the storage)
    # gives the same bytes and the size and hash Wagtail keeps stay true.
    return _write(_plain(root))


def _write(root: ET.Element) -> bytes:
    """An element tree of `_plain` as a file."""
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode()


def _plain(root: ET.Element) -> ET.Element:
    """The picture written as svg-hush reads it right: SVG elements unprefixed under
    one `xmlns`, `xlink:href` as `href`, nothing of another vocabulary (editors'
    metadata such as Inkscape's, or XHTML). Willow writes its renditions as
    `<ns0:svg xmlns:ns0=...>`, which svg-hush would turn into an `<svg>` with no
    namespace, a picture no browser draws."""
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgRefused(f"The root element is {root.tag!r}, not an SVG picture")
    try:
        plain = _plain_element(root)
    except RecursionError as exc:
        raise SvgRefused("The picture is nested too deeply") from exc
    plain.set("xmlns", SVG_NS)
    return plain


def _plain_element(element: ET.Element) -> ET.Element:
    plain = ET.Element(_local(element.tag))
    for name, value in element.attrib.items():
        if not name.startswith("{"):
            plain.set(name, value)
        elif name == f"{{{XLINK_NS}}}href":
            plain.attrib.setdefault("href", value)
        elif name.startswith(f"{{{XML_NS}}}"):
            plain.set(name, value)  # xml:space, xml:lang
    plain.text = element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag.startswith(f"{{{SVG_NS}}}"):
            kept = _plain_element(child)
            kept.tail = child.tail
            plain.append(kept)
        elif child.tail:  # the text after a dropped element stays where it was
            if len(plain):
                plain[-1].tail = (plain[-1].tail or "") + child.tail
            else:
                plain.text = (plain.text or "") + child.tail
    return plain


def _parse(data: bytes) -> ET.Element:
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True)
    except (ET.ParseError, DefusedXmlException, ValueError) as exc:
        raise SvgRefused(str(exc)) from exc


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _reference_allowed(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or bool(RASTER_DATA_URL.match(value))


def _css_allowed(text: str) -> bool:
    lowered = text.lower()
    if any(token in lowered for token in CSS_REFUSED):
        return False
    targets = [match.group(2).strip() for match in CSS_URL.finditer(text)]
    if lowered.count("url(") != len(targets):
        return False
    return all(target.startswith("#") for target in targets)


def _style_attribute(value: str) -> str:
    """The declarations of a `style="..."` that load nothing."""
    declarations = value.split(";")
    if all(_css_allowed(declaration) for declaration in declarations):
        return value
    return ";".join(
        declaration
        for declaration in declarations
        if declaration.strip() and _css_allowed(declaration)
    )


def _animation_allowed(element: ET.Element) -> bool:
    target = element.get("attributeName", "").strip().lower()
    return bool(target) and not (
        target.startswith("on") or target in {"href", "xlink:href", "style"}
    )


def _tighten(root: ET.Element) -> bool:
    """Apply our stricter rules in place; True if anything was removed."""
    changed = False
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag.startswith(f"{{{SVG_NS}}}") or _local(tag) in ELEMENTS_REFUSED:
            if element is root:
                raise SvgRefused("The root element is not an SVG picture")
            parents[element].remove(element)
            changed = True
            continue
        if (_local(tag) == "style" and not _css_allowed(element.text or "")) or (
            _local(tag) in ANIMATIONS and not _animation_allowed(element)
        ):
            parents[element].remove(element)
            changed = True
            continue
        for name, value in list(element.attrib.items()):
            kept = _attribute(name, value)
            if kept is None:
                del element.attrib[name]
                changed = True
            elif kept != value:
                element.attrib[name] = kept
                changed = True
    return changed


def _attribute(name: str, value: str) -> str | None:
    """The attribute's value to keep, or None to drop it."""
    local = _local(name).lower()
    if local.startswith("on"):
        return None
    if _URL_NOISE.sub("", value).lower().startswith(SCRIPT_SCHEMES):
        if not (local == "href" and _reference_allowed(value)):
            return None
    if local == "href":
        return value if _reference_allowed(value) else None
    if local == "style":
        kept = _style_attribute(value)
        return kept or None
    if "url(" in value.lower() and not _css_allowed(value):
        return None
    return value
