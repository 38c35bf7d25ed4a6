"""Draw every demo story's pictures into a folder, to look at them without loading the demo.

    .venv/bin/python scripts/demo_pictures.py OUT_DIR

`manage.py load_demo` draws the same pictures itself (stories/demo_art.py); nothing here is
committed. A red ring marks the focal point load_demo stores with each picture.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw

from stories.demo_art import drawing
from stories.demo_content import STORIES


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for story in STORIES:
        for variant in range(story.photos):
            art = drawing(story.name, variant, story.role)
            path = out / f"{story.slug}-{variant + 1}.jpg"
            path.write_bytes(art.jpeg)
            with Image.open(path) as image:
                x, y = art.focal[0] * image.width, art.focal[1] * image.height
                ImageDraw.Draw(image).ellipse((x - 30, y - 30, x + 30, y + 30), outline=(220, 0, 0), width=6)
                image.save(out / f"{story.slug}-{variant + 1}-focal.png")
            print(path, art.focal, art.alt)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
