"""Shared fixtures: the real annotator (loaded once) and the sample articles."""

from collections.abc import Callable
from pathlib import Path

import pytest

from consumers.nlp.annotator import Annotation
from consumers.nlp.pipeline import NlpAnnotator, build_annotator
from consumers.settings import Settings
from schemas import RawArticle

ARTICLES = Path(__file__).with_name("articles")
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_bbb3b0f043b1dfd2.json"


def article_from_text(text: str, article_id: str = "a1", source: str = "dw") -> RawArticle:
    """First line is the title, the rest the body."""
    title, _, body = text.partition("\n")
    return RawArticle(
        id=article_id, url=f"https://example.com/{article_id}", title=title.strip(), body=body, source=source
    )


@pytest.fixture(scope="session")
def annotator() -> NlpAnnotator:
    built = build_annotator(Settings(nlp={"torch_threads": 2}))
    assert isinstance(built, NlpAnnotator)
    return built


@pytest.fixture(scope="session")
def annotate_text(annotator: NlpAnnotator) -> Callable[[str], Annotation]:
    cache: dict[str, Annotation] = {}

    def run(text: str) -> Annotation:
        if text not in cache:
            result = annotator.annotate([article_from_text(text)])[0]
            assert not isinstance(result, Exception), result
            cache[text] = result
        return cache[text]

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as "title, newline, body" (the form ``article_from_text`` reads)."""
    seed = RawArticle.model_validate_json(SEED.read_bytes())
    return f"{seed.title}\n{seed.body}"
