"""Fill the English plural forms of resources/i18n/bri_facts_en.ts (run by `make translations`).

English is the source language, so only messages with a count (``%Ln fact(s)``) need an English
catalogue: Qt picks "%Ln fact" or "%Ln facts" from it. The forms follow from the source text:
``(s)`` and ``(es)`` are dropped for one and spelled out for many."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

PLURAL = re.compile(r"\((e?s)\)")


def forms(source: str) -> tuple[str, str]:
    return PLURAL.sub("", source), PLURAL.sub(lambda m: m.group(1), source)


def main(path: str) -> int:
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop("type", None)
        for form in forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
