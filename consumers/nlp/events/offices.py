"""Officials by name: the country (or IGO) the people the tables know stand for on a day.

News names an official in full once ("Marco Rubio") and by surname after
("Rubio"), or by surname alone where readers know them; a surname counts
only while every namesake in office serves one actor.
"""

import re
from datetime import date
from functools import cache

from consumers.nlp.events.sectors import IGO_IDS
from consumers.nlp.folding import fold


def person_country(name: str, published: str | None = None) -> str | None:
    """``country:ISO3`` of an official the derived tables know, in office at ``published`` if dated."""
    found = _office_on(name, published)
    return found if found is not None and found.startswith("country:") else None


def person_igo(name: str, published: str | None = None) -> str | None:
    """The IGO id (``org:nato``) a head of an organisation the tables know stands for at ``published``."""
    found = _office_on(name, published)
    return found if found is not None and found in IGO_IDS else None


def _office_on(name: str, published: str | None) -> str | None:
    """The one actor id (a country, or an IGO for its head) the officials bearing a name stand for on the day."""
    from consumers.nlp import event_tables

    day = published or date.today().isoformat()
    key = name.lower()
    people = event_tables.known_actors().people
    # "Lavrov": the officials with that surname in office on the day, if they all serve one country;
    # a one-word name the tables hold ("Lula", "Jokowi") is that person
    names = [key] if " " in key or key in people else _surnames().get(fold(key), [])
    # in office on the day (today when the article has no date): a former minister named by surname alone
    # no longer acts for the state (the surname may be a namesake's now)
    terms = [t for n in names if (t := event_tables.known_actors().person_on(n, day)) is not None]
    if not terms and " " in key:  # a former president named in full years after their term: still their country's
        ended = [t for t in people.get(key, ()) if t.end is not None and t.end < day]
        terms = [max(ended, key=lambda t: t.end or "")] if ended else []
    # "Guterres": a hand-kept official in office outweighs a namesake's stale dictionary term
    terms = [t for t in terms if t.kept] or terms
    ids = {t.country if t.sector == "igo" else f"country:{t.country}" for t in terms}
    return ids.pop() if len(ids) == 1 else None


@cache
def _surnames() -> dict[str, list[str]]:
    """Surname, accents folded -> the full names of the known officials who bear it ("Wang", a first word, left out).

    "Sánchez" and "Sanchez" are one surname: the namesakes of either spelling all count. The surname is the
    last word, and also the part after an Arabic article ("al-Sharaa" and "Sharaa"); for countries that put
    the family name first in English news too ("Xi Jinping", "Yoon Suk Yeol") it is the first word.
    """
    from consumers.nlp import event_tables

    people = event_tables.known_actors().people
    family_first = {name for name, terms in people.items() if any(t.country in FAMILY_FIRST for t in terms)}
    found: dict[str, list[str]] = {}
    first_words = {name.split()[0] for name in people if name not in family_first}
    # a word the tables know as an agent or a verb ("riot police", "strike") is no surname
    words = first_words | set(event_tables.agent_sectors()) | set(event_tables.verb_lexicon().verbs)
    for name in people:
        if name in family_first:
            surnames = [name.split()[0]] if len(name.split()) > 1 else []
        else:
            last = name.split()[-1]
            surnames = [last] if len(last) >= 4 else []
            surnames += [bare] if (bare := _ARTICLE.sub("", last)) != last and len(bare) >= 4 else []
        for surname in surnames:
            if surname not in words:
                found.setdefault(fold(surname), []).append(name)
    return found


# Countries whose people news names family name first: "Xi", "Lee", "Yoon". Not Japan (given name first in
# English news) nor Vietnam (news calls a Vietnamese official by the given name, the last word: "Chinh").
FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK"}
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)-(?=\w)")  # as ``consumers.nlp.mentions`` reads names


def is_kept_official(name: str) -> bool:
    """Whether a name is one hand-kept official's, in full or by a surname whose kept namesakes serve one actor.

    Any date: a small NER model misses "Rubio" or "Bukele" at the start of a sentence, and the hand-kept
    table (current office holders) is where such short names come from; whether the person acts for a
    country on the article's day is ``person_country``'s question.
    """
    from consumers.nlp import event_tables

    key = name.lower()
    people = event_tables.known_actors().people
    names = [key] if " " in key or key in people else _surnames().get(fold(key), [])
    # "Lavrov" has four spellings in the tables, all one man: the actors they serve are what must be one
    kept = {t.country for n in names for t in people.get(n, ()) if t.kept}
    return len(kept) == 1
