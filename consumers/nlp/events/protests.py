"""Protests a government faces or gives way to: the protesters act on it, and giving way concedes to them.

"The government withdrew the bill after weeks of protests" is the
protesters → the government (PROTEST) and the government → the protesters
(CONCEDE); "faced violent student protests" is the first alone.
"""

from spacy.tokens import Token

from consumers.nlp.events.agency import participle_agents
from consumers.nlp.events.assertion import negated
from consumers.nlp.events.civil import agents_of_people, as_protesters, by_people, by_phrases, civil_action
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.rules import (
    CONCEDING_VERBS,
    PROTEST_OCCASIONS,
    PROTESTED_VERBS,
    refined_trigger,
)
from consumers.nlp.events.sectors import STATE_SECTORS
from consumers.nlp.events.triggers import noun_trigger
from schemas import EventType

Dyads = tuple[list[Actor], list[Actor]]
SPARKING_VERBS = frozenset({"spark", "trigger", "provoke", "prompt", "fuel", "ignite", "cause", "unleash"})
GATHERING_VERBS = frozenset({"gather", "assemble", "convene", "meet", "congregate"})
STRIKE_STATES = frozenset({"go", "be", "remain", "stay"})  # "went on strike", "have been on strike"
# Who marches or strikes against their own state: not the state itself, nor armed groups or foreign bodies.
PEOPLE_SECTORS = frozenset({"civilians", "opposition", "protesters", "health", "business", "media", "judiciary"})


def home_government(sources: list[Actor], named: list[Actor]) -> list[Actor]:
    """ "Kenyan doctors went on strike": a protest naming no one is against the protesters' own government.

    Only people a nationality word ties to a country ("Kenyan doctors",
    "Bolivian farmers") say whose government it is; unnamed "protesters in
    Paris" may be foreigners protesting anyone, and a clause ``named`` with
    another state or group in it ("marched in protest against Israel") may be
    aimed at that one.
    """
    homes = {s.id: s for s in sources if s.id.startswith("country:") and s.sector in PEOPLE_SECTORS}
    # "Kenyan doctors and Ugandan nurses went on strike": each against their own, which one pairing can't say
    if len(homes) != 1 or any(a.id not in homes for a in named):
        return []
    return [Actor(home.id, home.name, "government") for home in homes.values()]


def civil_strike(trigger: Trigger | None, verb: Token, sources: list[Actor]) -> Trigger | None:
    """A strike a support verb carries is a protest when workers strike: "doctors began a strike", "went on strike".

    The verb's own reading takes the strike for an attack, or none at all;
    read as a protest, the strike is aimed at whom it answers (the state that
    governs the strikers, ``Targets.protested``).
    """
    if trigger is None and verb.lemma_.lower() in STRIKE_STATES:
        struck = any(p.lower_ == "on" and o.lemma_.lower() == "strike" for p in verb.children for o in p.children)
        return Trigger(EventType.PROTEST, "boycott") if struck else None
    if trigger is None and verb.lemma_.lower() == "walk" and _off_work(verb):
        return Trigger(EventType.PROTEST, "boycott")  # "nurses walked off the job"
    gathered = trigger is not None and trigger.event is EventType.CONSULT and verb.lemma_.lower() in GATHERING_VERBS
    if gathered and sources and all(s.sector == "protesters" for s in sources):
        return Trigger(EventType.PROTEST, "demo")  # "protesters gathered outside parliament": no meeting
    acted = trigger is not None and trigger.event in (EventType.REJECT, EventType.COERCE)
    if acted and (civil_action(verb, sources) or (_in_protest(verb) and by_people(sources))):
        return Trigger(EventType.PROTEST, "demo")  # "students blocked a highway", "occupied the campus": no refusal
    if trigger is None or trigger.event is not EventType.ASSAULT:
        return trigger
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        refined = refined_trigger(trigger, noun, sources, [])
        if refined.event is EventType.PROTEST:
            return refined
    return trigger


def _off_work(verb: Token) -> bool:
    """ "walked off the job", "walked out of work": workers leaving work in protest."""
    left = [o for p in verb.children if p.lower_ in ("off", "out") for o in (p, *p.children)]
    return any(w.lemma_.lower() in ("job", "work", "shift") for o in left for w in (o, *o.children))


def _in_protest(verb: Token) -> bool:
    """ "shut down the port in protest against pension reforms": the act is done as a protest."""
    return any(p.lower_ == "in" and o.lemma_.lower() == "protest" for p in verb.children for o in p.children)


def conceded_to_protests(parties: Parties, verb: Token, sources: list[Actor]) -> Dyads | None:
    """The states that give way at ``verb`` and the protesters they give way to, if the verb gives way to protests."""
    gave_in = verb.lemma_.lower() == "give" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)
    if (verb.lemma_.lower() not in CONCEDING_VERBS and not gave_in) or negated(verb):
        return None  # "bowed to protests", "gave in to weeks of protests"
    states = [s for s in sources if s.id.startswith("country:") and s.sector in (None, *STATE_SECTORS)]
    occasions = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PROTEST_OCCASIONS]
    if verb.dep_ == "conj":  # "bowed to protests and reversed the rise"
        occasions += [c for c in verb.head.children if c.dep_ == "prep" and c.lower_ in PROTEST_OCCASIONS]
    for occasion in occasions:
        for noun in (w for o in occasion.children if o.dep_ == "pobj" for w in protest_nouns(parties, o)):
            return states, protesters(parties, noun)
        demanding = [a for o in occasion.children if o.dep_ == "pobj" for a in demanders(parties, o)]
        if demanding:  # "gave in to the demands of striking miners"
            return states, demanding
    for noun in (w for o in sparked_by(verb) for w in protest_nouns(parties, o)):
        return states, protesters(parties, noun)
    return None


def demanders(parties: Parties, noun: Token) -> list[Actor]:
    """Protesters whose demands or pressure a noun names ("the demands of protesting farmers"), or ``[]``."""
    if noun.lemma_.lower() not in ("demand", "pressure", "call"):
        return []
    makers = [o for p in noun.children if p.lower_ in ("of", "from", "by") for o in p.children]
    people = [a for o in makers if o.dep_ == "pobj" for a in parties.reader.actors(o)]
    # "of protesting students": the parser reads "protesting" as a clause whose object is the students
    marching = [d for o in makers if o.dep_ == "pcomp" and o.lemma_.lower() == "protest" for d in o.children]
    people += [as_protesters(a) for d in marching if d.dep_ == "dobj" for a in parties.reader.actors(d)]
    return [a for a in people if a.sector == "protesters"]


def sparked_by(verb: Token) -> list[Token]:
    """ "scrapped the levy that had set off weeks of protests": what the verb's object set off."""
    clauses = [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "relcl"]
    return [o for c in clauses if c.lemma_.lower() in SPARKING_VERBS for o in c.children if o.dep_ == "dobj"]


def protest_nouns(parties: Parties, word: Token) -> list[Token]:
    """ "weeks of street protests", "days of roadblocks by farmers": the protest noun, or inside a span of time."""
    inner = [o for p in word.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return [o for o in [word, *inner] if is_protest(parties, o)][:1]


def is_protest(parties: Parties, noun: Token) -> bool:
    """A protest noun, or a blockade or march that people, not a state, carry out."""
    found = noun_trigger(noun)
    return (found is not None and found.event is EventType.PROTEST) or agents_of_people(noun, by_actors(parties, noun))


def by_actors(parties: Parties, noun: Token) -> list[Actor]:
    """The actors a noun's "by" phrase names, also through a participle ("protests led by students")."""
    named = [o for p in by_phrases(noun) for o in p.children if o.dep_ == "pobj"] + participle_agents(noun)
    return parties.reader.actors(named[0]) if named else []  # "a shutdown by traders", "protests led by students"


def protesters(parties: Parties, noun: Token) -> list[Actor]:
    """Who protests, when a protest noun names no one: "a shutdown by traders", else unnamed protesters."""
    return [as_protesters(a) for a in by_actors(parties, noun)] or [Actor("group:protesters", noun.text, "protesters")]


def faced_protest(parties: Parties, noun: Token, trigger: Trigger) -> Dyads | None:
    """ "faced protests", "withdrew the bill after protests": the protesters and the state that faced them."""
    protest = trigger.event is EventType.PROTEST or agents_of_people(noun, by_actors(parties, noun))
    if not protest or any(c.dep_ == "poss" for c in noun.children):
        return None
    word = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # "weeks of protests"
    occasion = word.dep_ == "pobj" and word.head.lower_ in PROTEST_OCCASIONS and word.head.head.pos_ == "VERB"
    faced = word.dep_ == "dobj" and word.head.lemma_.lower() in PROTESTED_VERBS
    undone = word.head.dep_ == "relcl" and word.head.head.dep_ == "dobj" and word in sparked_by(word.head.head.head)
    if not (occasion or faced or undone):
        return None
    governor = word.head.head.head if undone else word.head.head if occasion else word.head
    states = [s for s in parties.subjects(governor)[0] if s.id.startswith("country:")]
    return (protesters(parties, noun), states) if states else None
