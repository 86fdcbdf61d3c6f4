"""Blocks of an article body."""

from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "hr",
    "superscript",
    "subscript",
]
VIDEO_EXTENSIONS = (".mp4", ".webm")


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it (required)."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "news/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title shown"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Attached document")
        template = "news/blocks/document.html"


class VideoFileBlock(blocks.StructBlock):
    """A video file uploaded to the documents library and played by the browser itself."""

    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    poster = ImageChooserBlock(label=_("Poster image"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video file")
        template = "news/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        video = value.get("video")
        if video and not video.file.name.lower().endswith(VIDEO_EXTENSIONS):
            raise StructBlockValidationError(
                block_errors={"video": ErrorList([ValidationError(_("Only MP4 or WebM video files can be played."))])}
            )
        return value


def iframe_host_allowed(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in settings.PORTAL_IFRAME_HOSTS


class ExternalVideoBlock(blocks.StructBlock):
    """A player from an allow-listed host (IFRAME_HOSTS). It is loaded only when the reader
    asks for it, so opening the article makes no request to a third party."""

    url = blocks.URLBlock(label=_("Player address"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "media"
        label = _("External video")
        template = "news/blocks/external_video.html"

    def clean(self, value):
        value = super().clean(value)
        if not iframe_host_allowed(value.get("url", "")):
            raise StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(_("This video host is not allowed."))])}
            )
        return value


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html"
    )
    image = ImageWithCaptionBlock()
    table = TableBlock(
        label=_("Table"),
        template="news/blocks/table.html",
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        },
    )
    quote = QuoteBlock()
    document = DocumentBlock()
    video = VideoFileBlock()
    external_video = ExternalVideoBlock()
