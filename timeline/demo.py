"""The bundled demo articles (data/demo/, listed in data/demo/index.json) as Documents."""
from __future__ import annotations

import json
from pathlib import Path

from timeline.ingest import Document, parse_published, read_document
from timeline.settings import package_data

DEMO_DIR = package_data("demo")  # shipped in the package (timeline.settings)


def demo_documents(index: str | Path = DEMO_DIR / "index.json") -> list[Document]:
    """Every demo article in index order, with the title, date, language and URL the index gives.

    The index is the article's metadata, so published_from is "metadata".
    """
    index = Path(index)
    listing = json.loads(index.read_text(encoding="utf-8"))
    documents = []
    for entry in listing["documents"]:
        published = parse_published(entry["published"])
        document = read_document(index.parent / entry["file"], published=published, lang=entry["lang"])
        documents.append(Document(text=document.text, source=entry["file"], url=entry.get("url", ""),
                                  published=published, published_from="metadata", lang=entry["lang"],
                                  title=entry.get("title", "")))
    return documents
