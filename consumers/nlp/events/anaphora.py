"""Plural definite descriptions ("the two countries", "both sides") read off the names before them.

"The two countries" can only mean a pair the reader has just met. The coder
first looks for that pair among the parties it has already seen act or be
acted upon; but a party it found only in a place or a modifier ("reopened its
border with Togo") never took part at a verb, so the pair falls short. English
gives a second, plainer cue: where exactly two parties are named in the
sentence so far and the one before it, "the two" can only be those two. With
three or more named the reference is ambiguous and nothing is returned
(precision first).

The same pair stands behind an agent noun that says where its people come
from: "envoys from the two countries", "the leaders of both sides" are one
party per member of the pair, in the role the noun names; and a plural group
noun can list its members itself ("the Sahel states of Mali, Burkina Faso and
Niger").
"""

from collections.abc import Callable

from spacy.tokens import Token

from consumers.nlp.events.entities import Actor, EntityReader
from consumers.nlp.events.sectors import agent_sector

# What "the two countries" may stand for: states, organisations and blocs, not people or towns.
PAIR_PREFIXES = ("country:", "org:", "bloc:")


def named_pair(reader: EntityReader, token: Token, start: int, own: set[str]) -> list[Actor]:
    """The two parties named from ``start`` up to ``token``, ``own`` (the clause's actor) aside, or ``[]``
    unless there are exactly two."""
    found: list[Actor] = []
    for index in range(start, token.i):
        owner = reader.owners.get(index)
        actor = reader.of_entity(owner, reader.doc[index]) if owner is not None else None
        if actor is None or not actor.id.startswith(PAIR_PREFIXES) or actor.id in own:
            continue
        if not any(actor.id == seen.id for seen in found):
            found.append(actor)
    return found if len(found) == 2 else []


def pair_members(token: Token, pair_of: Callable[[Token], list[Actor]]) -> list[Actor]:
    """ "envoys from the two countries": each party of the pair ``pair_of`` reads, with the agent noun's sector."""
    sector = agent_sector(token.lower_) if token.pos_ == "NOUN" else None
    if sector is None:
        return []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
            continue
        for obj in prep.children:
            pair = pair_of(obj) if obj.dep_ == "pobj" else []
            if pair:
                return [Actor(actor.id, actor.name, sector) for actor in pair]
    return []


# A plural group noun whose "of" phrase lists its members: "the Sahel states of Mali, Burkina Faso and Niger".
LISTING_NOUNS = {"states", "countries", "nations", "neighbours", "neighbors", "allies", "governments"}


def listed_states(token: Token, actors: Callable[[Token], list[Actor]]) -> list[Actor]:
    """The states an "of" phrase lists after a plural group noun, or ``[]``."""
    if token.lower_ not in LISTING_NOUNS:
        return []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            members = actors(obj)
            if len(members) >= 2 and all(m.id.startswith("country:") for m in members):
                return members
    return []


def misread_list(token: Token, owners: dict[int, str]) -> list[Token]:
    """Members of a list the parser hung on its last name instead of coordinating them.

    "Mali, Burkina Faso and Niger": countries read as one named with an
    apposition. "President Lula da Silva and President Javier Milei": the
    first person read as a modifier of the second, the "and" left on it.
    """
    kind = owners.get(token.i, "").partition(":")[0]
    if kind == "country":
        for appos in (c for c in token.children if c.dep_ == "appos" and owners.get(c.i, "").startswith("country:")):
            if appos.conjuncts:
                return [appos, *appos.conjuncts]
    if kind == "person":
        people = [c for c in token.children if c.dep_ == "nmod" and owners.get(c.i, "").startswith("person:")]
        for modifier in (p for p in people if owners[p.i] != owners[token.i]):
            if any(g.dep_ == "cc" and g.lower_ == "and" for g in modifier.children):
                return [modifier]
    return []


def misread_pair(token: Token) -> list[Token]:
    """ "Yemen's government and Houthi rebels": a pair the parser read as one noun with a listed modifier.

    The first member hangs on the last one's noun as a modifier with a
    conjunct; each member is read on its own, the last without that noun.
    """
    for modifier in (c for c in token.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.conjuncts):
        if any(g.dep_ == "poss" for g in modifier.children):  # "Colombia's government": a party of its own
            return [modifier, *modifier.conjuncts]
    return []
