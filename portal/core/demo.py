"""Pictures for demo content, drawn locally (no stock photos, nothing fetched): an abstract
illustration different for every seed, and an emblem. Each app's demo.py uses these."""

from __future__ import annotations

import io
import math
import random

from PIL import Image as PILImage
from PIL import ImageDraw

PALETTE = [
    (11, 79, 138),
    (179, 18, 27),
    (18, 120, 84),
    (196, 120, 20),
    (90, 60, 140),
    (20, 120, 140),
    (120, 90, 40),
    (60, 60, 60),
]


def draw_picture(seed: int, size=(960, 600)) -> bytes:
    """An abstract illustration (gradient, hills, sun), different for every seed."""
    rnd = random.Random(seed)
    base = PALETTE[seed % len(PALETTE)]
    img = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(img)
    w, h = size
    for y in range(h):
        t = y / h
        draw.line([(0, y), (w, y)], fill=tuple(int(c * (1 - t) + 235 * t) for c in base))
    draw.ellipse([w * 0.7, h * 0.1, w * 0.7 + 120, h * 0.1 + 120], fill=(250, 220, 120))
    for layer in range(3):
        points = [(0, h)]
        for x in range(0, w + 80, 80):
            points.append((x, h * (0.55 + 0.12 * layer) + rnd.randint(-40, 40)))
        points.append((w, h))
        shade = tuple(max(0, c - 40 * layer) for c in (40, 120 + 20 * layer, 60))
        draw.polygon(points, fill=shade)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82)
    return out.getvalue()


def draw_emblem() -> bytes:
    img = PILImage.new("RGBA", (160, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse([4, 4, 156, 156], fill=(200, 16, 46), outline=(250, 200, 40), width=6)
    points = []
    for i in range(10):
        radius = 58 if i % 2 == 0 else 23
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((80 + radius * math.cos(angle), 80 + radius * math.sin(angle)))
    draw.polygon(points, fill=(250, 220, 40))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def demo_image(title: str, seed: int, *, emblem: bool = False):
    """The Wagtail image of that title, drawn and stored the first time."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    content = draw_emblem() if emblem else draw_picture(seed)
    name = f"demo-{seed}.{'png' if emblem else 'jpg'}"
    image = Image(title=title, file=ImageFile(io.BytesIO(content), name=name))
    image.save()
    return image
