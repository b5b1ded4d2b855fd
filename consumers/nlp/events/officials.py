"""Officials the derived tables do not know, or know otherwise, read off what the text says of them.

The officials table holds the dictionaries' people (to about 2015) and a
hand-kept list of the main office holders since, so many officials are
still missing; such an official is coded from the text: the title in an
apposition ("Asim Munir, Pakistan's army chief"), the state body a person
was tied to ("Indian External Affairs Minister S. Jaishankar"), or, for a
name the model took for a place ("Erdogan condemned ..."), the table when
it knows the name. A group's leader titled with the group ("Hezbollah
leader X") acts for the group, and a title the tables list with the name
("Pope Leo") is tried with it. A private person described by nationality
and occupation ("French aid worker X") is that country's, as a civilian.
"""

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from consumers.nlp.affiliation import TITLE_QUALIFIERS
from consumers.nlp.events.sectors import STATE_SECTORS, agent_sector, is_movement, is_titled, org_sector, title_sector
from consumers.nlp.gazetteer import Gazetteer
from schemas import Sector

if TYPE_CHECKING:
    from consumers.nlp.events.entities import Actor, EntityReader

# Titles of who speaks and acts for an organisation: "Hamas leader", "Wagner chief", "Meta chief executive".
LEADER_TITLES = {"leader", "chief", "head", "commander", "founder", "boss", "chairman", "spokesman", "spokeswoman"}


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


def led_group(reader: "EntityReader", entity_id: str, token: Token | None) -> "Actor | None":
    """The non-state organisation a leader's title before the name names ("al-Qaeda leader X"), or None."""
    titles = [c for c in token.children if c.dep_ == "compound" and c.lower_ in LEADER_TITLES] if token else []
    for word in (w for title in titles for w in title.subtree if w.i < title.i and w.i in reader.owners):
        actor = reader.of_entity(reader.owners[word.i], word)
        qualifier = word.lower_ in TITLE_QUALIFIERS  # "Supreme Leader": the tagger's one-word "organisation"
        if actor is not None and actor.id.startswith("org:") and actor.sector not in (*STATE_SECTORS, "igo"):
            if not qualifier:
                return replace(actor, person=entity_id)
    return None


def titled_name(name: str, token: Token | None) -> str:
    """The name with the one-word title before it, as the tables list monarchs and popes ("Pope Francis")."""
    start = token.i - len(name.split()) if token is not None else -1
    before = token.doc[start] if token is not None and start >= 0 else None
    return f"{before.text} {name}" if before is not None and before.is_title and before.dep_ == "compound" else name


def private_person(reader: "EntityReader", entity_id: str, token: Token | None) -> "Actor | None":
    """ "French aid worker X", "British teacher X": the country of a person described by trade, not office."""
    if token is None:
        return None
    index = token.i
    while index > 0 and reader.owners.get(index - 1) == entity_id:
        index -= 1  # the name's first word
    trade: list[str] = []
    while index > 0 and token.doc[index - 1].pos_ == "NOUN" and token.doc[index - 1].is_lower:
        index -= 1
        trade.insert(0, token.doc[index].lower_)
    owner = reader.owners.get(index - 1) if trade and index > 0 else None
    actor = reader.of_entity(owner, token.doc[index - 1]) if owner is not None else None
    if actor is None or not actor.id.startswith("country:") or is_titled(trade):
        return None
    sector = agent_sector(" ".join(trade)) or agent_sector(trade[-1]) or "civilians"
    return replace(actor, sector=sector, person=entity_id)
