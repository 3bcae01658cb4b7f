"""Shared fixtures of the extract tests."""

import pytest

from kg.extract.entities import extract_mentions
from kg.ingest import ingest_text


@pytest.fixture
def found():
    """A function giving the (name, type) pairs extracted from a text read through ingest."""

    def pairs(text: str) -> set[tuple[str, str]]:
        return {(m.name, m.type) for m in extract_mentions(ingest_text(text))}

    return pairs
