"""The roles of a passive verb: the "by" agent acts on the subject ("soldiers were killed by Pakistani fire").

An agent that is an act rather than an actor ("by Pakistani fire", "by
Russian shelling") stands for whoever did the act; a passive with no agent
that undoes an act ("U.S. sanctions on Belarus were lifted") is done by
whoever did the act; one that shuts a member out with no agent ("was suspended
from the African Union") is done by the body it is shut out of; an arrest with
no agent that a state body reports is that body's; "came under fire from X"
is X's attack.
"""

from typing import TYPE_CHECKING

from spacy.tokens import Token

from consumers.nlp.events.agency import by_objects
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import SPEECH_VERBS
from consumers.nlp.events.rules import SUBJECT_DEPS, target_preps
from consumers.nlp.events.triggers import noun_trigger, verb_trigger
from schemas import EventType, stance_of

if TYPE_CHECKING:
    from consumers.nlp.events.parties import Parties

Roles = tuple[list[Actor], list[Actor]]
AUTHORITIES = {"government", "police", "military", "intelligence"}  # who arrests and deports
EXCLUDING_VERBS = {"suspend", "expel", "exclude", "bar", "ban", "eject"}  # "was suspended from ECOWAS"


def passive_roles(parties: "Parties", verb: Token) -> Roles | None:
    """The "by" agent and the patient of a passive verb; None where the verb is not passive."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            agents = agents or [o for o in by_objects(verb) if parties.reader.actors(o)]  # "by" read as a prep
            agents = agents or _shared_agents(verb)  # "was shot and wounded by snipers"
            own = verb_trigger(verb)
            undone = noun_trigger(child)
            if not agents and own is not None and undone is not None and stance_of(own.event) == "cooperative":
                # "U.S. sanctions on Belarus were lifted": whoever imposed them lifts them
                patients = parties.object_actors(child, target_preps(undone.event, noun=True), 0)
                return parties.noun_agents(child, via_support=False), patients
            event = own.event if own is not None else EventType.CONSULT
            patients = parties.object_actors(child, target_preps(event, noun=True), 0)
            if not agents and verb.lemma_.lower() in EXCLUDING_VERBS:
                return _excluding_body(parties, verb), patients  # "was suspended from the African Union"
            if not agents and own is not None and own.event is EventType.COERCE:
                return _reporting_authority(parties, verb), patients  # "were detained, the border guard said"
            return (_agent_actors(parties, agents[0]) if agents else []), patients
    return None


def _reporting_authority(parties: "Parties", verb: Token) -> list[Actor]:
    """The state body that reports an arrest or deportation it names no agent for: it made it.

    "Twelve migrants were detained overnight, Poland's border guard said" is
    Poland's; a killing so reported is not (police report deaths they did not cause).
    """
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS or verb.head.i < verb.i:
        return []
    speakers = [a for c in verb.head.children if c.dep_ == "nsubj" for a in parties.reader.actors(c)]
    return [a for a in speakers if a.id.startswith("country:") and a.sector in AUTHORITIES]


def _shared_agents(verb: Token) -> list[Token]:
    """The "by" agent of a passive verb's conjunct that has no subject of its own: it is the first verb's too."""
    shared = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    shared = [c for c in shared if not any(g.dep_.startswith("nsubj") for g in c.children)]
    return [o for c in shared for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def _excluding_body(parties: "Parties", verb: Token) -> list[Actor]:
    """The organisation a member is suspended or expelled from: with no agent named, it is the one acting."""
    bodies = [o for p in verb.children if p.lower_ in ("from", "by") for o in p.children if o.dep_ == "pobj"]
    return [a for o in bodies for a in parties.reader.actors(o) if a.id.startswith("org:")]


def _agent_actors(parties: "Parties", agent: Token) -> list[Actor]:
    """The agent's actors; for an act ("by Pakistani fire"), its doers."""
    actors = parties.reader.actors(agent)
    if not actors and noun_trigger(agent) is not None:
        actors = parties.noun_agents(agent, via_support=False)
    return actors


def comes_under(verb: Token) -> bool:
    """ "came under fire": the verb's roles are the attacker and the attacked, it has no object of its own."""
    return verb.lemma_.lower() == "come" and any(c.lower_ == "under" for c in verb.children)


def came_under(parties: "Parties", verb: Token) -> Roles:
    """ "The convoy came under fire from a rival militia": the militia attacks the convoy's owner."""
    under = [g for c in verb.children if c.lower_ == "under" for g in c.children]
    attackers = [
        o for p in (*verb.children, *under) if p.lower_ in ("from", "by") for o in p.children if o.dep_ == "pobj"
    ]
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    attacked = (parties.reader.actors(subjects[0]) or parties.object_actors(subjects[0], set(), 0)) if subjects else []
    return (parties.reader.actors(attackers[0]) if attackers else []), attacked
