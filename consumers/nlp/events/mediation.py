"""A third party who brokers, mediates or hosts what two others do: it consults each of them.

"agreed to a truce brokered by Malaysia", "an exchange mediated by the
UAE", "talks hosted by Qatar": the mediator is no party to the truce or the
exchange, but it consults each side (PLOVER codes mediation as CONSULT).
"""

from spacy.tokens import Token

from consumers.nlp.events.entities import Actor
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.rules import MEDIATING_VERBS, governing_verb, unique


def mediators_of(parties: Parties, verb: Token) -> tuple[list[Actor], list[Actor]] | None:
    """(mediators, the sides they mediate between) for "X brokered by M"; None where the verb is no mediation."""
    if verb.lemma_.lower() not in MEDIATING_VERBS or verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return None
    agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    mediators = parties.reader.actors(agents[0]) if agents else []
    between = [o for p in verb.head.children if p.lower_ == "between" for o in p.children if o.dep_ == "pobj"]
    governor = governing_verb(verb.head)
    sides = parties.reader.actors(between[0]) if between else []
    if not sides and governor is not None:
        sides = parties.subjects(governor)[0]  # "Russia and Ukraine released prisoners in an exchange brokered by"
    sides = [s for s in unique(sides) if not any(s.same_party(m) for m in mediators)]
    return (mediators, sides) if mediators and len(sides) >= 2 else None
