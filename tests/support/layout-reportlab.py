"""A hospital-style 处方笺 drawn with ReportLab and an embedded TrueType subset (WenQuanYi Zen Hei).

Reads the form as JSON on stdin ({"title", "cells": [[label, value], ...], "columns": [...],
"rows": [[...], ...]}) and writes the PDF to stdout. Used by tests/support/layout-pdfs.ts.
"""
import json
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def main() -> None:
    form = json.load(sys.stdin)
    pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
    out = sys.stdout.buffer
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    width, height = A4
    c.setFont("ZenHei", 16)
    c.drawCentredString(width / 2, height - 60, form["title"])
    y = height - 100
    c.setFont("ZenHei", 10)
    cells = form["cells"]
    for i in range(0, len(cells), 2):
        for j, (label, value) in enumerate(cells[i : i + 2]):
            x = 50 + j * 260
            c.rect(x, y - 6, 80, 20)
            c.rect(x + 80, y - 6, 180, 20)
            c.drawString(x + 4, y, label)
            c.drawString(x + 84, y, value)
        y -= 20
    y -= 20
    xs = [50, 230, 330, 390]
    for x, head in zip(xs, form["columns"]):
        c.drawString(x + 4, y, head)
    for row in form["rows"]:
        y -= 20
        for x, cell in zip(xs, row):
            c.drawString(x + 4, y, cell)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
