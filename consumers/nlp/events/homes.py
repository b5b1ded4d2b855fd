"""A group's act aimed at no one named is aimed at its home state.

"Peru's Shining Path declared a truce", "Zambian opposition leaders demanded
a recount": the country the group is named as belonging to is the side it
stops fighting or makes its demand of.
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.entities import Actor
from schemas import EventType

# The events that answer a side even when the sentence names none: forces mobilise against one, groups protest,
# demand, refuse or cease fire toward their state.
ANSWERED_EVENTS = {EventType.MOBILIZE, EventType.PROTEST, EventType.REQUEST, EventType.RETREAT, EventType.REJECT}
NON_STATE_SECTORS = {"rebels", "opposition"}


def home_state(reader: ActorReader, head: Token, sources: list[Actor]) -> list[Actor]:
    """The country a non-state subject is named as belonging to ("Peru's Shining Path"), if any."""
    if not sources or any(s.sector not in NON_STATE_SECTORS for s in sources):
        return []
    countries = {s.id: s for s in sources if s.id.startswith("country:")}
    if countries:  # "Kenyan opposition leaders demanded a recount": of their own government, if they share one
        return [Actor(home.id, home.name, "government") for home in countries.values()] if len(countries) == 1 else []
    for subject in (c for c in head.children if c.dep_ == "nsubj"):
        named = [subject, *(c for c in subject.children if c.dep_ == "appos")]  # "the rebels, Peru's X,"
        for noun in named:
            for owner in (c for c in noun.children if c.dep_ == "poss"):
                country = reader.single(owner)
                if country is not None and country.id.startswith("country:"):
                    return [Actor(country.id, country.name, "government")]
    return []
