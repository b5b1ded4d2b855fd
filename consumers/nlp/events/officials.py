"""Officials the derived tables do not know, read off what the text says of them.

The officials table holds the dictionaries' people (to about 2015) and a
hand-kept list of the main office holders since, so many officials are
still missing; such an official is coded from the text: the title in an
apposition ("Asim Munir, Pakistan's army chief"), the state body a person was tied to ("Indian External Affairs Minister
S. Jaishankar"), or, for a name the model took for a place ("Erdogan
condemned ..."), the table when it knows the name.
"""

from spacy.tokens import Token

from consumers.nlp.events.sectors import STATE_SECTORS, agent_sector, is_movement, is_titled, org_sector, title_sector
from consumers.nlp.gazetteer import Gazetteer
from schemas import Sector


def titled_apposition(token: Token) -> tuple[Token, Sector] | None:
    """The noun of a name's apposition that holds an office title, with the title's sector, or None."""
    heads: list[tuple[Token, list[str]]] = [
        (c, [t.lower_ for t in c.subtree]) for c in token.children if c.dep_ == "appos"
    ]
    if token.dep_ == "appos" and token.head.pos_ == "NOUN":  # "Pakistan's army chief, Asim Munir"
        heads.append((token.head, [t.lower_ for t in token.head.subtree if t.i < token.i]))
    for head, words in heads:
        if head.pos_ in ("NOUN", "PROPN") and is_titled(words):
            return head, title_sector(words) or "government"
    return None


def mistaken_place(token: Token | None) -> bool:
    """A name tagged as an unknown place that acts like a person: the subject of a verb, or beside a title."""
    if token is None:
        return False
    return token.dep_ in ("nsubj", "nsubjpass") or titled_apposition(token) is not None


def state_body(name: str, gazetteer: Gazetteer) -> tuple[str, str, Sector] | None:
    """(country id, country name, sector) of a body named after its country ("U.S. Treasury", "Indian Navy")."""
    words = name.split()
    for size in (2, 1):
        if len(words) <= size:
            continue
        head = " ".join(words[:size])
        place = gazetteer.lookup(head, "NORP", fuzzy=False) or gazetteer.lookup(head, "GPE", fuzzy=False)
        rest = " ".join(words[size:])
        sector = agent_sector(rest.lower()) or org_sector(rest)
        if place is not None and place.id.startswith("country:") and sector in STATE_SECTORS and not is_movement(rest):
            return place.id, place.name, sector
    return None
