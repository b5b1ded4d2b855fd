"""The targets of a trigger: objects, addressees, recipients, places and the act reacted to.

Targets are the object, the addressee and the objects of to/with/against/
on/at/toward/into/from, also inside the object ("suspended arms exports to
X"); what is given or moved is no party when a recipient is named ("sent
troops to Mali"). With no party named, an act done to a place targets the
country it lies in; "condemned the strike" targets whoever struck last.
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.assertion import CIRCUMSTANCES
from consumers.nlp.events.civil import protest_setting
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.homes import home_state
from consumers.nlp.events.labels import labelled_objects
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.protests import home_government
from consumers.nlp.events.purpose import helped
from consumers.nlp.events.relatives import reacted_in_relative
from consumers.nlp.events.rules import (
    BENEFICIARY_VERBS,
    DONE_TO_EVENTS,
    LOCATED_EVENTS,
    LOCATING_DEPS,
    PLACE_ONLY_PREPS,
    PLACED_EVENTS,
    REFERRING_NOUNS,
    SUBJECT_DEPS,
    THEME_EVENTS,
    TIME_PREPS,
    TOPIC_VERBS,
    VISIT_VERBS,
    WITH_PARTNERS,
    is_reciprocal,
    judges,
    supplied_with,
    target_preps,
    unique,
)
from consumers.nlp.events.sectors import STATE_SECTORS
from consumers.nlp.events.triggers import CROWD_WEAPON_VERBS, declared_unwelcome, is_light, makes_pay, noun_trigger
from schemas import EventType, stance_of

STATES = ("country:", "org:", "bloc:")
SITE_PREPS = {"in", "outside", "at", "near", "across", "throughout", "before"}  # where a rally is held
MISSION_NOUNS = {"embassy", "consulate", "mission", "legation"}  # a state's premises abroad stand for it


class Targets(Parties):
    """Parties, and the targets of the triggers; ``coded`` are the events coded so far, in text order."""

    def __init__(self, reader: ActorReader, coded: list[CodedEvent]) -> None:
        """``coded`` is the coder's own list, read when an object refers back to an earlier act."""
        super().__init__(reader)
        self.coded = coded

    def objects(self, head: Token, event: EventType) -> list[Actor]:
        """Targets in object slots under a verb or event noun.

        The object is what is given or moved when a recipient is named ("sent
        troops to Mali", "withdrew its troops from Niger"): then only the
        recipient counts, unless the object is itself a named actor.
        """
        themes: list[Actor] = []
        recipients: list[Actor] = []
        topics: list[Actor] = []  # what a refused thing is about, when the thing itself names no one
        # "voiced full support for Ruto": the noun's phrase the parser hung on its support verb is the noun's
        supported = is_light(head) and any(c.dep_ == "dobj" and noun_trigger(c) is not None for c in head.children)
        preps = target_preps(event, noun=head.pos_ in ("NOUN", "PROPN") or supported)
        if any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
            preps = preps | {"at"}  # "lashed out at Berlin", "hit out at the EU"
        if head.lemma_.lower() in CROWD_WEAPON_VERBS:
            preps = preps | {"at", "on", "against"}  # "fired tear gas at students"
        if head.lemma_.lower() in ("invest", "investment", "deposit"):
            preps = preps | {"in"}  # "invest $10 billion in Jordan", "deposited $2 billion in its central bank"
        if head.pos_ == "NOUN" and (head.lemma_.lower() in ("release", "recognition") or event in DONE_TO_EVENTS):
            preps = preps | {"of"}  # "the release of 14 jailed journalists", "recognition of its statehood"
        topical = event is EventType.CONSULT and head.lemma_.lower() in TOPIC_VERBS  # "discussed X's launches"
        if declared_unwelcome(head):  # the parser's "declared [a Russian embassy official persona] non grata"
            unwelcome = [w for c in head.children if c.lower_ == "persona" for w in c.children if w.pos_ == "NOUN"]
            if found := unique([a for w in unwelcome for a in self.reader.actors(w)]):
                return found
        for label in labelled_objects(head):  # "condemned what she called dangerous manoeuvres by Chinese vessels"
            if labelled := self.noun_agents(label, via_support=False) or self.object_actors(label, preps, 0):
                return labelled
        has_object = any(c.dep_ == "dobj" for c in head.children)
        for child in head.children:
            if child.dep_ in ("dobj", "attr", "oprd") and not topical:
                if is_reciprocal(child):
                    continue
                named = child.i in self.reader.owners
                found = self.object_actors(child, preps, 0)
                beneficiary = head.lemma_.lower() in BENEFICIARY_VERBS  # "rescued 200 migrants": they are helped
                beneficiary = beneficiary or supplied_with(head)  # "supplied Hamas fighters with rockets"
                if not named and event in THEME_EVENTS and not beneficiary:  # what is given is no party
                    given = {a.id for a in self.reader.actors(child)}
                    found = [a for a in found if a.id not in given or (a.id.startswith(STATES) and a.sector is None)]
                (recipients if named else themes).extend(found)
            elif child.dep_ == "dative" and child.pos_ != "ADP":
                recipients.extend(self.object_actors(child, preps, 0))
            elif child.dep_ == "ccomp" and (
                event in (EventType.CONCEDE, EventType.REQUEST) or declared_unwelcome(head) or makes_pay(head)
            ):
                # "allowed Afghan refugees to stay", "demanded that Sweden extradite", "declared X persona non grata"
                recipients += [a for s in child.children if s.dep_ == "nsubj" for a in self.reader.actors(s)]
            elif event is EventType.REJECT and child.lower_ == "on" and any(c.dep_ == "dobj" for c in head.children):
                topics.extend(self._prep_recipients(head, child, event, preps))  # "vetoed an EU declaration on X"
            elif child.lower_ == "as" and not has_object and event is EventType.REJECT:
                # "dismissed as absurd accusations by Britain": the parser hung the object on "as"
                themes.extend(a for o in child.children if o.dep_ == "pobj" for a in self.object_actors(o, preps, 0))
            elif event is EventType.SANCTION and child.lower_ == "out" and has_object:
                continue  # "ordered the Spanish ambassador out of Caracas": the place expelled from is no party
            else:
                recipients.extend(self._prep_recipients(head, child, event, preps))
        own = noun_trigger(head) if head.pos_ == "NOUN" and head.dep_ == "dobj" else None
        if not recipients and own is not None and own.event is event and judges(head.head):
            # "denounced Turkish strikes on Iraq": the parser hung the strikes' target on the verb
            for prep in (c for c in head.head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")):
                dated = any(o.ent_type_ in ("DATE", "TIME") for o in prep.children)
                recipients += [] if dated else [a for o in prep.children for a in self.object_actors(o, preps, 0)]
        if not recipients and event is EventType.COOPERATE and head.pos_ == "VERB":
            recipients = self._partners_under_object(head)  # "shared evidence on the attackers with India"
        if not recipients and event in (EventType.AID, EventType.AGREE):  # "sent planes to help Greece"
            recipients = [a for word in helped(head) for a in self.reader.actors(word)]
        # "Iranian tankers were seized off Greece": a passive's named patient is the target, not the place's country
        patient = any(c.dep_ == "nsubjpass" and self.object_actors(c, preps, 0) for c in head.children)
        if not (recipients or themes or patient) and event in LOCATED_EVENTS:
            return self.located(head)
        if event is EventType.RETREAT and any(t.sector == "civilians" and t.id.startswith("country:") for t in themes):
            return unique(themes)  # "handed four Israeli hostages to the Red Cross": freed to their own country
        # "ambushed a Malian army convoy near Timbuktu": Mali, the place's country, with the convoy's sector
        sectored = {actor.id: actor for actor in themes if actor.sector is not None}
        return unique([sectored.get(a.id, a) if a.sector is None else a for a in recipients] or themes or topics)

    def _partners_under_object(self, verb: Token) -> list[Actor]:
        """Actors after a "with" the parser hung inside the verb's object or one of its phrases."""
        partners: list[Actor] = []
        for obj in (c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ != "with")):
            for word in obj.subtree:
                if word.lower_ == "with" and word.dep_ == "prep" and word.head.pos_ != "VERB":
                    partners += [a for o in word.children if o.dep_ == "pobj" for a in self.reader.actors(o)]
        return partners

    def _prep_recipients(self, head: Token, child: Token, event: EventType, preps: set[str]) -> list[Actor]:
        """The recipients a prepositional or dative child of ``head`` names."""
        recipients: list[Actor] = []
        if child.dep_ in ("prep", "agent") and child.lower_ == "by" and event is EventType.CONSULT:  # "by phone with X"
            for means in (o for o in child.children if o.dep_ == "pobj"):
                recipients += [
                    a for p in means.children if p.lower_ == "with" for o in p.children for a in self.reader.actors(o)
                ]
        elif child.dep_ == "prep" and (
            (child.lower_ in ("on", "upon") and head.lemma_.lower() == "call")
            or (child.lower_ == "for" and event is EventType.AID and head.pos_ == "VERB")  # "sent tents for victims"
        ):
            recipients += [a for o in child.children if o.dep_ == "pobj" for a in self.reader.actors(o)]
        elif child.dep_ == "prep" and child.lower_ in PLACE_ONLY_PREPS and event in PLACED_EVENTS:
            for obj in (o for o in child.children if o.dep_ == "pobj"):  # "massed troops along the border"
                recipients += [a for a in self.object_actors(obj, preps, 0) if a.id.startswith("country:")]
        elif child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for obj in (o for p in (child, *child.conjuncts) for o in p.children):  # "flights to and from Panama"
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ == "with" and obj.i not in self.reader.owners:
                    hostile_act = event in (EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE)
                    if hostile_act and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in WITH_PARTNERS:
                        continue  # "attacked with drones": an instrument
                recipients.extend(self.object_actors(obj, preps, 0))
        elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "NOUN" and event is EventType.RETREAT:
            for moved in (o for o in child.children if o.dep_ == "pobj"):  # "the withdrawal of French troops from Chad"
                recipients += [
                    a
                    for p in moved.children
                    if p.lower_ == "from"
                    for o in p.children
                    if o.dep_ == "pobj"
                    for a in self.object_actors(o, preps, 0)
                ]
        elif child.dep_ == "prep" and child.lower_ in ("out", "away") and "from" in preps:  # "out of Lebanon"
            for inner in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
                recipients += [a for o in inner.children if o.dep_ == "pobj" for a in self.object_actors(o, preps, 0)]
        elif (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and (head.lemma_.lower() in VISIT_VERBS or (head.pos_ == "NOUN" and event in PLACED_EVENTS))
        ):  # "arrived in Beijing", "Israel's military campaign in Gaza": a country named as the place
            recipients.extend(a for o in child.children if o.dep_ == "pobj" for a in self.places(o))
        return recipients

    def located(self, head: Token) -> list[Actor]:
        """The first country named where an act is done, inside its object and place phrases."""
        doer = ("amod", "compound", "poss", "nmod") if head.pos_ == "NOUN" else ()  # "an Israeli strike": the striker
        frontier = [c for c in head.children if c.dep_ in LOCATING_DEPS and c.lower_ not in TIME_PREPS]
        frontier = [c for c in frontier if c.dep_ not in doer]
        while frontier:
            token = min(frontier, key=lambda t: t.i)
            frontier.remove(token)
            place = self.places(token)
            if place:
                return place
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":
                continue  # a clause of its own ("knocking out power to homes") has its own events
            frontier += [c for c in token.children if c.dep_ in LOCATING_DEPS and c.lower_ not in TIME_PREPS]
        return []

    def places(self, token: Token) -> list[Actor]:
        """A country named as a place ("arrived in Beijing"): only named countries count."""
        actor = self.reader.place(token) if token.i in self.reader.owners else None
        return [actor] if actor is not None and actor.id.startswith("country:") else []

    def reacted_to(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """The doer of the act last coded, when the object refers back to it: "condemned the strike"."""
        relative = reacted_in_relative(self.reader, self.coded, verb, sources)  # "a move Israel denounced"
        if relative:
            return relative
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or not any(d.lower_ in ("the", "this", "these", "that") for d in objects[0].children):
            return []
        word = objects[0]
        if word.i in self.reader.owners or self.reader.single(word) is not None:
            return []
        if noun_trigger(word) is None and word.lemma_.lower() not in REFERRING_NOUNS:
            return []
        own = {s.id for s in sources}
        start = self.reader.previous_sentence_start(verb)
        before = [e for e in self.coded if e.trigger.i < verb.i and e.source.id not in own]
        named, candidates = noun_trigger(word), []
        if named is not None:  # "the strike": the last strike (or assault) the text coded, however far back
            same_word = [e for e in before if e.trigger.lemma_.lower() == word.lemma_.lower()]
            same_kind = [e for e in before if e.event is named.event]
            # "deported 2,000 Malians ... condemned the expulsions": a near act of the same stance
            near = [e for e in before if e.trigger.i >= start and stance_of(e.event) == stance_of(named.event)]
            candidates = same_word or same_kind or near
        if not candidates and word.lemma_.lower() in REFERRING_NOUNS:  # "the move", "the exercises": what was
            candidates = [e for e in before if e.trigger.i >= start]  # done in this or the previous sentence
            # "withdrew a bill after mass protests ... welcomed the decision": the act told, not its occasion
            candidates = [e for e in candidates if not _occasion(e.trigger)] or candidates
        if candidates:  # "Japan and the Philippines signed a pact ... criticised the agreement": both signers
            return unique([e.source for e in candidates if e.trigger.i == candidates[-1].trigger.i])
        if noun_trigger(word) is None:  # "rejected the allegation": whoever spoke last
            for index, actor, _ in reversed(self.reader.recent):
                if start <= index < verb.sent.start and actor.id not in own:
                    return [actor]
        return []

    def answered(self, head: Token, sources: list[Actor], event: EventType) -> list[Actor]:
        """The side a mobilisation, a protest or a group's demand or ceasefire answers, when the act names no target."""
        if event is EventType.MOBILIZE:
            return self.adversary(head, sources)
        return (self.protested(head, sources) if event is EventType.PROTEST else []) or home_state(
            self.reader, head, sources
        )

    def adversary(self, head: Token, sources: list[Actor]) -> list[Actor]:
        """The other side a mobilisation answers, when it names no target.

        "massed troops after fresh tensions with China", "put on alert as Chinese
        warships gathered", "ahead of an expected RSF offensive": the first
        state or armed group the clause names besides the mobilising side.
        """
        armed = all(s.sector in (None, "military", "police", "government", "rebels") for s in sources)
        if head.dep_ == "acl" or not armed:  # "troops deployed in the area", "exporters scrambled"
            return []
        own = {s.id for s in sources}
        for actor in self._clause_actors(head):
            if actor.sector != "igo" and actor.id not in own:
                armed_group = actor.sector in ("rebels", "criminals")  # not an outlet ("according to CCTV")
                if actor.id.startswith(("country:", "bloc:")) or armed_group:
                    return [actor]
        return []

    def protested(self, head: Token, sources: list[Actor]) -> list[Actor]:
        """Whom a strike or rally with no target named is against: "a strike in a pay dispute with the
        government", "went on strike to demand better pay from the government", "a sit-in outside parliament"."""
        setting = protest_setting(head)  # "detained dozens at a protest in Minsk": the protest's, not the verb's
        named = self._clause_actors(setting if setting is not None else head)
        for actor in named:
            state = actor.id.startswith(STATES) and actor.sector in STATE_SECTORS  # not "through Nairobi"
            if state and not any(actor.same_party(s) for s in sources):
                return [actor]
        near = [*head.children, *(setting.children if setting is not None else ())]
        preps = [p for c in near if c.dep_ == "prep" and c.lower_ in SITE_PREPS for p in (c, *c.conjuncts)]
        sites = [w for p in preps for o in p.children for w in (o, *o.conjuncts)]  # "in Lima and (in) Santiago"
        for site in (o for o in sites if o.dep_ == "pobj" and o.lemma_.lower() in MISSION_NOUNS):
            owners = [a for c in site.children if c.dep_ in ("amod", "compound", "poss") for a in self.reader.actors(c)]
            states = [a for a in owners if a.id.startswith(STATES)]
            if len(states) == 1:  # "picketed the Iranian embassy in Oslo": against Iran
                return [Actor(states[0].id, states[0].name, "government")]
        if setting is not None:  # "detained dozens at a protest in Minsk": where, not whom
            placed = {a.id for o in sites if o.dep_ == "pobj" for a in self.places(o)}
            named = [a for a in named if a.id not in placed]
        else:  # "went on strike, shutting clinics": what the strike did names no one it is against
            named = [a for a in self._clause_actors(head, effects=False) if a in named]
        if named or not sources or any(not s.id.startswith("group:") for s in sources):
            return home_government(sources, named)
        against = [t for p in head.children if p.lower_ in ("against", "over") for t in p.subtree]
        if any(t.i in self.reader.owners for t in against):
            return []  # "rallied in London against the war in Gaza": about a place abroad, not the host
        # "farmers marched in Quito against a fuel levy": unnamed protesters against the place's government
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        subjects = [head.head if s.lower_ in ("who", "that") and head.dep_ == "relcl" else s for s in subjects]
        sites += [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children]
        countries = unique([a for o in sites if o.dep_ == "pobj" for a in self.places(o)])
        return [Actor(c.id, c.name, "government") for c in countries] if len(countries) == 1 else []

    def _clause_actors(self, head: Token, *, effects: bool = True) -> list[Actor]:
        """The actors a clause names besides its subject, in text order, acts of their own beside it left out;
        without ``effects``, those of a participle telling what it did ("..., shutting clinics") too."""
        skipped = {t.i for c in head.children if c.dep_ in (*SUBJECT_DEPS, "nsubjpass", "conj") for t in c.subtree}
        if not effects:
            skipped |= {t.i for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG" for t in c.subtree}
        found: list[Actor] = []
        for token in head.subtree:
            if token.i in skipped or token.i == head.i or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            if token.dep_ == "compound" and token.i not in self.reader.owners:
                continue  # "fighter jets": a kind of aircraft, not fighters
            actor = self.reader.single(token)
            if actor is not None:
                found.append(actor)
        return found

    def present_at(self, verb: Token, event: EventType, noun: Token) -> list[Actor]:
        """Who an act named as a verb's circumstance is done to.

        "urged Pezeshkian in a phone call": the call is with the one urged;
        "pardoned 52 prisoners after a visit by a US envoy": the visit was to the one pardoning;
        "two soldiers were killed in an Israeli drone strike": the strike hit the killed.
        """
        visited = any(p.dep_ == "prep" and p.lower_ == "by" for p in noun.children)
        if event is EventType.CONSULT and visited:
            return self.subjects(verb)[0]
        if event is EventType.CONSULT:
            deps: tuple[str, ...] = ("dobj", "dative")
        elif event in (EventType.ASSAULT, EventType.COERCE) and any(c.dep_ == "auxpass" for c in verb.children):
            deps = ("nsubjpass",)
        else:
            return []
        return unique([a for c in verb.children if c.dep_ in deps for a in self.reader.actors(c)])


def _occasion(word: Token) -> bool:
    """Whether ``word`` is inside a clause's occasion ("after two nights of protests"), not its act."""
    for ancestor in word.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ in CIRCUMSTANCES:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False
