"""Generated raw articles for integration tests: short, varied, valid."""

import itertools

from schemas import RawArticle

_PAIRS = [
    ("France", "Germany"),
    ("Japan", "India"),
    ("Brazil", "Argentina"),
    ("Canada", "Mexico"),
    ("Kenya", "Ethiopia"),
]
_SENTENCES = [
    "{a} and {b} agreed on Tuesday to deepen cooperation on energy and trade.",
    "{a} accused {b} of violating the ceasefire and warned of a military response.",
    "Officials from {a} met their counterparts from {b} to discuss fishing quotas.",
]


def generated_articles(count: int, prefix: str = "gen") -> list[RawArticle]:
    """``count`` distinct articles with ids ``{prefix}-0000`` upwards."""
    combos = itertools.cycle(itertools.product(_PAIRS, _SENTENCES))
    articles = []
    for number, ((a, b), sentence) in zip(range(count), combos, strict=False):
        body = sentence.format(a=a, b=b) + f" The talks were the {number + 1}th round this year."
        articles.append(
            RawArticle(
                id=f"{prefix}-{number:04d}",
                url=f"https://example.org/{prefix}/{number}",
                title=f"{a} and {b}",
                body=body,
                source="test-wire",
                language="en",
            )
        )
    return articles
