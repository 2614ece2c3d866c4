#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/seeds/<target>/.

Run from the repository root: `python3 fuzz/seeds/make_seeds.py` (needs
Pillow for the images and `tesseract` for the TSV seeds). Texts come from
the labelled corpus and the embedded rule files; images are drawn here, with
the metadata postvakt reads (EXIF person and GPS fields, PNG text, a JPEG
comment), so the image fuzzers start from well-formed files and mutate into
their corners. Every seed is small: libFuzzer mutates faster.
"""
import io
import json
import os
import subprocess
import sys

from PIL import Image, ImageDraw, PngImagePlugin

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "fuzz", "seeds")


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def corpus_lines():
    with open(os.path.join(ROOT, "corpus", "labelled.jsonl"), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def texts():
    lines = corpus_lines()
    # A spread of records: every 40th, and the first of each file's prefix.
    picked, seen = [], set()
    for i, l in enumerate(lines):
        r = json.loads(l)
        prefix = r["id"].split("-")[0]
        if i % 40 == 0 or prefix not in seen:
            picked.append(r)
            seen.add(prefix)
    return picked


def image(fmt, **save):
    img = Image.new("RGB", (48, 24), "white")
    ImageDraw.Draw(img).text((2, 6), "070", fill="black")
    buf = io.BytesIO()
    img.save(buf, fmt, **save)
    return buf.getvalue()


def exif():
    e = Image.Exif()
    e[0x013B] = "Anna Lindqvist"  # Artist
    e[0x8298] = "Forshaga kommun"  # Copyright
    e[0x010E] = "Ring 070-174 06 05"  # ImageDescription
    gps = {1: "N", 2: (59.0, 31.0, 55.5), 3: "E", 4: (13.0, 29.0, 10.2)}
    e[0x8825] = gps
    return e


def main():
    records = texts()
    for r in records:
        write("scan_text", r["id"], r["text"])
        write("parse_gold", r["id"], json.dumps(r, ensure_ascii=False) + "\n")
        write("parse_record", r["id"], json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    write("parse_record", "mixed", '{"id":"a","text":"x"}\n\n{"id":1}\nnot json\n{"id":"b","text":"\\u00e5"}\n')
    for name in ("confidential_markings.toml", "sensitive_health.toml"):
        with open(os.path.join(ROOT, "patterns", "rules", name), "rb") as f:
            write("rule_file", name, f.read())
    write("rule_file", "user.toml", 'disable = ["samordningsnummer"]\nallow_domains = ["forshaga.se"]\n[[allow]]\ntext = "054-17 20 00"\nkind = "phone"\n')
    with open(os.path.join(ROOT, "corpus", "annotated", "07-contact.txt"), "rb") as f:
        write("annotated", "07-contact.txt", f.read()[:4000])

    png_info = PngImagePlugin.PngInfo()
    png_info.add_text("Author", "Anna Lindqvist")
    png_info.add_itxt("Description", "Ring 070-174 06 05", zip=True)
    images = {
        "plain.png": image("PNG"),
        "text.png": image("PNG", pnginfo=png_info),
        "exif.jpg": image("JPEG", exif=exif(), quality=60),
        "comment.jpg": image("JPEG", comment=b"Anna Lindqvist 070-174 06 05", quality=60),
        "plain.webp": image("WEBP", quality=50),
        "plain.gif": image("GIF"),
        "plain.bmp": image("BMP"),
        "tags.tiff": image("TIFF", tiffinfo={270: "Ring 070-174 06 05", 315: "Anna Lindqvist"}),
    }
    for name, data in images.items():
        write("image_load", name, data)
        write("image_metadata", name, data)

    # Tesseract's TSV for one of the drawn images, when tesseract is here.
    try:
        png = os.path.join(SEEDS, "image_load", "plain.png")
        tsv = subprocess.run(["tesseract", png, "-", "tsv"], capture_output=True, check=True).stdout
        write("ocr_tsv", "plain.tsv", tsv)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"no TSV seed: {e}", file=sys.stderr)
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    words = "5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t91.5\tRing\n5\t1\t1\t1\t1\t2\t55\t10\t60\t12\t88\t070-174\n5\t1\t1\t1\t2\t1\t10\t30\t20\t12\t80\t06\n"
    write("ocr_tsv", "two-lines.tsv", header + words)


if __name__ == "__main__":
    main()
