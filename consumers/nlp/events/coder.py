"""Agent → patient for every event trigger of a text, read off the dependency parse.

For a verb: the subject acts (the "by" agent in the passive, whose subject is
then the patient); targets are the object, the addressee and the objects of
to/with/against/on/at/toward/into/from, also inside the object ("suspended
arms exports to X"); a subject-less clause ("agreed to resume talks", "who
attacked") takes its head's. For an event noun: the possessor or nationality
word acts ("Israel's strike on Gaza", "Turkish air strikes"), or the subject
of the support verb it is the object of ("imposed sanctions on Russia").

Reported speech: "said", "reported" and the like are not events; what was
said is coded with its own actors, and the outlet or reporter is never a
party. A speech act that is itself an event ("accused", "warned", "urged")
is the speaker's. Negated, denied or hypothetical acts are not coded.
Compound actors code one event per member; coordinated subjects of a
symmetric event with no other target ("Egypt and Sudan agreed") code it both
ways.
"""

from dataclasses import dataclass

from spacy.tokens import Span, Token

from consumers.nlp.events.actors import Actor, ActorReader
from consumers.nlp.events.lexicon import (
    BLOCKERS,
    HYPOTHETICAL,
    SPEECH_VERBS,
    Trigger,
    is_core,
    is_light,
    noun_trigger,
    verb_trigger,
)
from consumers.nlp.events.rules import (
    ADDRESSED_NOUNS,
    ALLEGING_VERBS,
    ASPECT_VERBS,
    CIRCUMSTANCE_PREPS,
    CONCEDING_VERBS,
    DRAWING_VERBS,
    GIVING_VERBS,
    HEARSAY_NOUNS,
    INNER_PREPS,
    INTENT_HEADS,
    LOCATED_EVENTS,
    LOCATING_DEPS,
    MAX_OBJECT_DEPTH,
    NEEDING,
    OWNED_NOUNS,
    PLACE_ONLY_PREPS,
    PLACED_EVENTS,
    PROTEST_OCCASIONS,
    PROTESTED_VERBS,
    REACTIONS,
    REFERRING_NOUNS,
    SUBJECT_DEPS,
    SYMMETRIC,
    THEME_EVENTS,
    TIME_PREPS,
    UNASSERTING,
    UNDOING_VERBS,
    UNREALISED,
    VISIT_VERBS,
    VOICED_PRONOUNS,
    WANTING,
    WITH_PARTNERS,
    as_protesters,
    gives_aid,
    governing_verb,
    is_alleged,
    is_reciprocal,
    labels_an_act,
    refined_trigger,
    target_preps,
    unique,
)
from consumers.nlp.events.sectors import STATE_SECTORS
from schemas import EventType, TextField, stance_of


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One event between two coded actors, with the sentence it was read from."""

    source: Actor
    target: Actor
    event: EventType
    mode: str | None
    sentence: Span
    trigger: Token
    confidence: float
    field: TextField = "body"


STATES = ("country:", "org:", "bloc:")


class EventCoder:
    """Codes the events of one parsed text; actors come from an ``ActorReader``."""

    def __init__(self, reader: ActorReader, field: TextField = "body") -> None:
        """``reader`` knows the text's entities and remembers who acted; ``field`` names the text."""
        self.reader = reader
        self.field: TextField = field
        self.doc = reader.doc
        self._coded: list[CodedEvent] = []

    def events(self) -> list[CodedEvent]:
        """Every coded event of the text, in text order."""
        self._coded = found = []
        for sentence in self.doc.sents:
            self._mark_voiced(sentence)
            consumed: set[int] = set()
            for token in sentence:
                if token.i in consumed:
                    continue
                if token.pos_ in ("VERB", "AUX"):
                    found.extend(self._verb_events(token, consumed))
                elif token.pos_ in ("NOUN", "PROPN") and token.i not in self.reader.owners:
                    found.extend(self._noun_events(token))
        return found

    # -- verbs ------------------------------------------------------------------------------
    def _verb_events(self, verb: Token, consumed: set[int]) -> list[CodedEvent]:
        sources, patients = self._subjects(verb)
        if self._while_protesting(verb):  # "students marched ..., demanding elections": protesters demand
            sources = [as_protesters(s) for s in sources]
        for actor in sources:
            self.reader.remember(verb, actor)
        for actor in patients:
            self.reader.remember(verb, actor, acted=False)
        trigger = self._verb_trigger(verb, consumed)
        conceded = self._conceded_to_protests(verb, sources)
        if trigger is None or is_alleged(verb) or not self._asserted(verb):
            return conceded
        if self._cancelled(verb):
            modal = any(c.dep_ == "aux" and c.lower_ in ("would", "will", "wo", "can", "ca") for c in verb.children)
            if not (stance_of(trigger.event) == "cooperative" and self._negated(verb) and modal):
                return []
            trigger = Trigger(EventType.REJECT)  # "would not allow observers": a refusal
        if labels_an_act(verb):
            trigger = Trigger(EventType.ACCUSE)  # "calling the move a violation": a judgement on the act
        if trigger.event is EventType.PROTEST and all(s.sector in (None, "government") for s in sources):
            trigger = Trigger(EventType.ACCUSE, "allege")  # a state protests by complaining, not by marching
        if patients and not sources and trigger.event in THEME_EVENTS:
            sources, patients = patients, []  # "Ethiopian troops were deployed to the border"
        if trigger.event in THEME_EVENTS:
            patients = [p for p in patients if p.sector is None]  # "intelligence was shared with X"
        objects = self._objects(verb, trigger.event)
        for actor in objects:
            self.reader.remember(verb, actor, acted=False)
        targets = unique(patients + objects)
        addressed = any(c.dep_ in ("dobj", "dative") or c.lower_ in ("on", "upon") for c in verb.children)
        if not targets and not (addressed and trigger.event in (EventType.REQUEST, EventType.THREATEN)):
            targets = self._nested_targets(verb, trigger.event, consumed)
        if not targets and trigger.event in REACTIONS:
            targets = self._reacted_to(verb, sources)
        if trigger.event in LOCATED_EVENTS and all(any(t.same_party(s) for s in sources) for t in targets):
            targets = self._located(verb)  # "pulled its troops out of districts in Ethiopia"
        targets = [t for t in targets if not any(t.same_party(s) for s in sources)]  # "met ... their talks"
        if self._harm_of_coded_act(verb):  # "pounded Kharkiv, killing five people": Ukraine is the target
            targets = [t for t in targets if not t.id.startswith("group:")]
        confidence = 0.8 if not patients else 0.75
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        # "have begun sharing intelligence": the aspect verb's subjects do it together
        own_subject = own_subject or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS)
        reciprocal = any(is_reciprocal(c) for c in verb.children if c.dep_ in ("dobj", "pobj"))
        trigger = self._intended(verb, trigger)
        coded = self._pairs(sources, targets, trigger, verb, confidence, mutual=own_subject, reciprocal=reciprocal)
        return coded + conceded

    def _conceded_to_protests(self, verb: Token, sources: list[Actor]) -> list[CodedEvent]:
        """ "The government withdrew the bill after weeks of protests": it concedes to the protesters."""
        if verb.lemma_.lower() not in CONCEDING_VERBS or self._negated(verb):
            return []
        states = [s for s in sources if s.id.startswith("country:") and s.sector in (None, *STATE_SECTORS)]
        occasions = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PROTEST_OCCASIONS]
        heads = [verb, *(verb.head,) * (verb.dep_ == "conj")]  # "bowed to protests and reversed the rise"
        occasions += [c for h in heads[1:] for c in h.children if c.dep_ == "prep" and c.lower_ in PROTEST_OCCASIONS]
        for occasion in occasions:
            for noun in (w for o in occasion.children if o.dep_ == "pobj" for w in self._protest_nouns(o)):
                protesters = self._protesters(noun)
                return self._pairs(states, protesters, Trigger(EventType.CONCEDE), verb, 0.7, mutual=False)
        return []

    @staticmethod
    def _protest_nouns(word: Token) -> list[Token]:
        """ "weeks of street protests": the protest noun itself, or inside a span of time."""
        found = noun_trigger(word)
        if found is not None and found.event is EventType.PROTEST:
            return [word]
        inner = [o for p in word.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return [o for o in inner if (t := noun_trigger(o)) is not None and t.event is EventType.PROTEST]

    def _protesters(self, noun: Token) -> list[Actor]:
        """Who protests, when a protest noun names no one: "a shutdown by traders", else unnamed protesters."""
        named = [o for p in noun.children if p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        found = self.reader.actors(named[0]) if named else []
        return [as_protesters(a) for a in found] or [Actor("group:protesters", noun.text, "protesters")]

    @staticmethod
    def _while_protesting(verb: Token) -> bool:
        inherits = verb.dep_ in ("advcl", "conj", "xcomp") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        protest = verb_trigger(verb.head) if inherits and verb.head.pos_ == "VERB" else None
        return protest is not None and protest.event is EventType.PROTEST

    def _intended(self, verb: Token, trigger: Trigger) -> Trigger:
        """A stated intent is a promise or a threat: "would send troops", "is ready to deepen cooperation"."""
        if trigger.event is EventType.AGREE:  # "vowed to crush the group": a promise of harm is a threat
            promised = [verb_trigger(c) for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if any(p is not None and p.event is EventType.ASSAULT for p in promised):
                return Trigger(EventType.THREATEN)
        if trigger.event in UNASSERTING:
            return trigger
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)
        ready = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS
        ready = ready or (verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in INTENT_HEADS)
        if not (future or ready):
            return trigger
        return Trigger(EventType.AGREE if stance_of(trigger.event) == "cooperative" else EventType.THREATEN)

    def _asserted(self, word: Token) -> bool:
        """False for what a request, promise, threat or refusal is about ("urged X to withdraw").

        An object of a demand, promise or threat is wanted, not done ("called
        for a ceasefire", "threatened strikes"); a clause under a refusal is
        not done either ("refused to meet"). What is condemned or rejected was
        done ("condemned Russia's attacks", "rejected Hamas's demands").
        """
        purpose = word.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)
        if purpose and word.lemma_.lower() not in ("protest", "demonstrate", "rally", "march"):
            return False  # a purpose ("sent troops to fight insurgents"), not an act
        child, head = word, word.head
        for _ in range(5):
            if head.i == child.i:
                return True
            if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child.lemma_.lower() in ("protest", "demonstrate", "rally", "march")
            if child.dep_ == "xcomp" and head.lemma_.lower() in NEEDING:
                return False  # "needed to be able to hit sites": a want, not an act
            if child.dep_ == "ccomp" and head.lemma_.lower() in ALLEGING_VERBS | {"claim"}:
                return False  # "alleged that the West was trying to defeat Russia": a claim, not an act
            if child.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and head.lemma_.lower() in HEARSAY_NOUNS:
                return False  # "reports that its troops killed civilians"
            trigger = verb_trigger(head) if head.pos_ in ("VERB", "AUX") else noun_trigger(head)
            if child.dep_ in ("conj", "advcl", "parataxis"):
                return True  # a second act beside the first ("urged X ... and asked Y"), not its content
            if trigger is not None:
                clause = child.dep_ in ("xcomp", "ccomp")
                if trigger.event in WANTING or (clause and trigger.event is EventType.REJECT):
                    return False
            if head.pos_ in ("VERB", "AUX") and child.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep"):
                return True
            child, head = head, head.head
        return True

    def _verb_trigger(self, verb: Token, consumed: set[int]) -> Trigger | None:
        """The verb's own event, or its object's when the verb only supports it ("held talks")."""
        if verb.lemma_.lower() in SPEECH_VERBS:
            return None
        trigger = verb_trigger(verb)
        if trigger is not None and verb.lemma_.lower() in GIVING_VERBS and not gives_aid(verb):
            trigger = None if not is_light(verb) else trigger  # "gave importance to", "sent a message"
        if trigger is not None and not trigger.light:
            if verb.lemma_.lower() in ("release", "free") and not self._frees_people(verb):
                return None  # "released treated water", "released a statement"
            for child in verb.children:  # "signed a deal with Israel": the deal is the signing, coded once
                if child.dep_ == "dobj" and noun_trigger(child) is not None:
                    if not self._noun_agents(child, via_support=False):
                        consumed.add(child.i)
            return trigger
        if is_light(verb) or trigger is not None:
            for child in verb.children:
                if child.dep_ in ("dobj", "nsubjpass", "attr"):
                    for word in (child, *child.conjuncts):  # "launched a missile and drone attack"
                        noun = noun_trigger(word)
                        if noun is not None:
                            consumed.add(word.i)
                            return noun
        if trigger is not None and verb.lemma_.lower() in GIVING_VERBS and not gives_aid(verb):
            return None  # a giving verb that gives no help and names no event
        if trigger is not None and trigger.light and not is_core(verb):
            return None  # "began pulling", "made", "took": a support verb with no event noun says nothing
        return trigger

    def _commenting_speaker(self, verb: Token) -> list[Actor]:
        """ "X said Y fired on Z, calling it a violation": the closing comment is the speaker's, not Y's."""
        if verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return []
        trigger = verb_trigger(verb)
        if trigger is None or trigger.event not in (*UNASSERTING, EventType.SUPPORT, EventType.CONSULT):
            return []
        for clause in verb.ancestors:
            speech = [clause.head] if clause.dep_ == "ccomp" else []
            # "X did Y, Z said, calling it ...": the speech verb hung beside the act
            speech += [c for c in clause.children if c.dep_ == "parataxis" and c.i < verb.i]
            for said in (s for s in speech if s.lemma_.lower() in SPEECH_VERBS):
                subjects = [c for c in said.children if c.dep_ in SUBJECT_DEPS]
                return self.reader.actors(subjects[0]) if subjects else []
        return []

    @staticmethod
    def _between(token: Token) -> set[str]:
        """ "talks between Russia and Ukraine": the parties are inside an event noun's "between"."""
        return {"between"} if noun_trigger(token) is not None else set()

    def _frees_people(self, verb: Token) -> bool:
        """Whether what is released is people (prisoners, hostages, a named person), not water or a report."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return not objects or any(self.reader.single(o) is not None for o in objects)

    def _subjects(self, verb: Token, depth: int = 0) -> tuple[list[Actor], list[Actor]]:
        """Who acts at a verb, and (passive) who is acted upon."""
        speaker = self._commenting_speaker(verb)
        if speaker:
            return speaker, []
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                act = self._act_referred_to(verb, child)
                if act is not None:  # "Israel's strike on Gaza, which killed 30 people": the strike killed
                    return self._noun_agents(act, via_support=False), []
                return unique(self._listed_before(verb, child) + self.reader.actors(child)), []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                own = verb_trigger(verb)
                undone = noun_trigger(child)
                if not agents and own is not None and undone is not None and stance_of(own.event) == "cooperative":
                    # "U.S. sanctions on Belarus were lifted": whoever imposed them lifts them
                    return self._noun_agents(child, via_support=False), self._objects(child, undone.event)
                event = own.event if own is not None else EventType.CONSULT
                patients = self._object_actors(child, target_preps(event, noun=True), 0)
                return (self.reader.actors(agents[0]) if agents else []), patients
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return self.reader.actors(verb.head), []
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBN":
            agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if not agents and any(c.dep_ == "dobj" for c in verb.children):
                return self.reader.actors(verb.head), []  # "Bandits abducted 25 pupils": misread as a passive
            return (self.reader.actors(agents[0]) if agents else []), self.reader.actors(verb.head)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.pos_ == "VERB":
            accused = [c for c in verb.head.head.children if c.dep_ == "dobj"]  # "accused Baku of shelling"
            if accused:
                return self.reader.actors(accused[0]), []
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "Berlin's decision to close a consulate"
            owners = [c for c in verb.head.children if c.dep_ == "poss"]
            if owners:
                return self.reader.actors(owners[0]), []
            governor = verb.head.head
            if verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and governor.pos_ == "VERB" and depth < 3:
                return self._subjects(governor, depth + 1)[0], []  # "passed a motion condemning X"
        if verb.dep_ == "xcomp":  # "urged China to help": the one urged does the helping
            controllers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if controllers and verb.head.lemma_.lower() not in ("promise", "offer", "pledge", "vow"):
                return self.reader.actors(controllers[0]), []
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and depth < 3:  # "was ready to deepen"
            return self._subjects(verb.head.head, depth + 1)[0], []
        inherits = verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX")
        if inherits and depth < 3 and verb.head.i != verb.i:
            sources, _ = self._subjects(verb.head, depth + 1)
            return sources, []
        return [], []

    def _harm_of_coded_act(self, verb: Token) -> bool:
        """Harm ("killing five people", "which killed 30") done by an act already coded against a country."""
        while verb.dep_ == "conj" and verb.tag_ == "VBG":  # "killing five people and damaging a hospital"
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not subjects:
            act = verb.head
        elif subjects and (referred := self._act_referred_to(verb, subjects[0])) is not None:
            act = referred
        else:
            return False
        return any(e.trigger.i == act.i and e.target.id.startswith("country:") for e in self._coded)

    @staticmethod
    def _act_referred_to(verb: Token, subject: Token) -> Token | None:
        """The event noun a relative "which" refers to when the parser hung it on the noun's object."""
        if verb.dep_ != "relcl" or subject.lower_ not in ("which", "that") or verb_trigger(verb) is None:
            return None
        antecedent = verb.head
        if antecedent.dep_ == "pobj" and noun_trigger(antecedent.head.head) is not None:
            return antecedent.head.head
        return None

    def _listed_before(self, verb: Token, subject: Token) -> list[Actor]:
        """ "Chad, Niger and Sudan rejected": a list's first name the parser hung on the verb."""
        return [
            actor
            for c in verb.children
            if c.i < subject.i and c.dep_ in ("parataxis", "dep", "npadvmod") and c.i in self.reader.owners
            if c.i + 1 < len(self.doc) and self.doc[c.i + 1].text == ","
            for actor in self.reader.actors(c)
        ]

    def _objects(self, head: Token, event: EventType) -> list[Actor]:
        """Targets in object slots under a verb or event noun.

        The object is what is given or moved when a recipient is named ("sent
        troops to Mali", "withdrew its troops from Niger"): then only the
        recipient counts, unless the object is itself a named actor.
        """
        themes: list[Actor] = []
        recipients: list[Actor] = []
        preps = target_preps(event, noun=head.pos_ in ("NOUN", "PROPN"))
        for child in head.children:
            if child.dep_ in ("dobj", "attr", "oprd"):
                if is_reciprocal(child):
                    continue
                named = child.i in self.reader.owners
                found = self._object_actors(child, preps, 0)
                if not named and event in THEME_EVENTS:  # what is given is no party; who receives it is
                    given = {a.id for a in self.reader.actors(child)}
                    found = [a for a in found if a.id not in given or (a.id.startswith(STATES) and a.sector is None)]
                (recipients if named else themes).extend(found)
            elif child.dep_ == "dative" and child.pos_ != "ADP":
                recipients.extend(self._object_actors(child, preps, 0))
            elif (
                child.dep_ == "prep" and child.lower_ == "by" and event is EventType.CONSULT
            ):  # "spoke by phone with X"
                for means in (o for o in child.children if o.dep_ == "pobj"):
                    recipients += [
                        a
                        for p in means.children
                        if p.lower_ == "with"
                        for o in p.children
                        for a in self.reader.actors(o)
                    ]
            elif child.dep_ == "prep" and child.lower_ in ("on", "upon") and head.lemma_.lower() == "call":
                recipients += [a for o in child.children if o.dep_ == "pobj" for a in self.reader.actors(o)]
            elif child.dep_ == "prep" and child.lower_ in PLACE_ONLY_PREPS and event in PLACED_EVENTS:
                for obj in (o for o in child.children if o.dep_ == "pobj"):  # "massed troops along the border"
                    recipients += [a for a in self._object_actors(obj, preps, 0) if a.id.startswith("country:")]
            elif child.dep_ in ("prep", "dative") and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if child.lower_ == "with" and obj.i not in self.reader.owners:
                        hostile_act = event in (EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE)
                        if hostile_act and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in WITH_PARTNERS:
                            continue  # "attacked with drones": an instrument
                    recipients.extend(self._object_actors(obj, preps, 0))
            elif child.dep_ == "prep" and child.lower_ in ("out", "away") and "from" in preps:  # "out of Lebanon"
                for inner in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
                    recipients += [
                        a for o in inner.children if o.dep_ == "pobj" for a in self._object_actors(o, preps, 0)
                    ]
            elif (
                child.dep_ == "prep"
                and child.lower_ == "in"
                and (head.lemma_.lower() in VISIT_VERBS or (head.pos_ == "NOUN" and event in PLACED_EVENTS))
            ):  # "arrived in Beijing", "Israel's military campaign in Gaza": a country named as the place
                recipients.extend(a for o in child.children if o.dep_ == "pobj" for a in self._places(o))
        if not (recipients or themes) and event in LOCATED_EVENTS:
            return self._located(head)
        return unique(recipients or themes)

    def _located(self, head: Token) -> list[Actor]:
        """The first country named where an act is done, inside its object and place phrases."""
        frontier = [c for c in head.children if c.dep_ in LOCATING_DEPS and c.lower_ not in TIME_PREPS]
        while frontier:
            token = min(frontier, key=lambda t: t.i)
            frontier.remove(token)
            place = self._places(token)
            if place:
                return place
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":
                continue  # a clause of its own ("knocking out power to homes") has its own events
            frontier += [c for c in token.children if c.dep_ in LOCATING_DEPS and c.lower_ not in TIME_PREPS]
        return []

    def _places(self, token: Token) -> list[Actor]:
        """A country named as a place ("arrived in Beijing"): only named countries count."""
        actor = self.reader.place(token) if token.i in self.reader.owners else None
        return [actor] if actor is not None and actor.id.startswith("country:") else []

    def _object_actors(self, token: Token, preps: set[str], depth: int) -> list[Actor]:
        """The actors an object phrase stands for, or those inside it.

        A named actor is the target itself; inside a generic or non-actor
        object, a recipient or owner is ("exports to Saudi Arabia", "its
        ambassador from Paris", "a resolution put forward by Japan",
        "Japan's plan"); else the generic actor ("three Estonian diplomats").
        """
        direct = self.reader.actors(token)
        if token.i in self.reader.owners and direct:
            return direct
        country = self.reader.country_of_place(token) if depth == 0 else None
        if country is not None and not direct:
            return [country]
        reacting = token.head.pos_ in ("VERB", "AUX") and token.head.lemma_.lower() not in UNDOING_VERBS
        if noun_trigger(token) is not None and not direct and reacting:  # "condemned Israel's strike": the striker
            agents = self._noun_agents(token, via_support=False)
            if agents:
                return agents
        owner = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owner and token.lemma_.lower() in OWNED_NOUNS:  # "backed Morocco's autonomy plan for Western Sahara"
            owned = self.reader.actors(owner[0])
            if owned:
                return owned
        inner: list[Actor] = []
        if depth < MAX_OBJECT_DEPTH:
            for child in token.children:
                if child.dep_ == "acl":  # "a draft put forward by Japan"
                    inner += [
                        a
                        for g in child.children
                        if g.dep_ == "agent"
                        for o in g.children
                        for a in self.reader.actors(o)
                    ]
                elif child.dep_ == "prep" and child.lower_ in (preps | INNER_PREPS | self._between(token)):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            inner.extend(self._object_actors(obj, preps, depth + 1))
        if inner:
            return unique(inner)
        if direct:
            return direct
        if token.pos_ == "NOUN":  # "criticised Japan's plan", "the Russian move"
            for child in token.children:
                named_owner = child.dep_ == "poss" and child.pos_ != "PRON"
                if named_owner or (child.dep_ in ("amod", "compound") and child.i in self.reader.owners):
                    owned = self.reader.actors(child)
                    if owned:
                        return owned
        return []

    def _nested_targets(self, verb: Token, event: EventType, consumed: set[int]) -> list[Actor]:
        """ "agreed to resume talks with Japan", "urged ... to": the complement's targets count."""
        found: list[Actor] = []
        for child in verb.children:
            purpose = child.dep_ == "advcl" and event in (EventType.AGREE, EventType.AID)  # "pledged $4bn to help X"
            if (child.dep_ in ("xcomp", "ccomp") or purpose) and child.pos_ in ("VERB", "AUX"):
                subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
                if subjects and event in UNASSERTING:  # "demanded that Kabul act", "warned that Israel would pay"
                    found.extend(self._object_actors(subjects[0], target_preps(event, noun=False), 0))
                elif not subjects:
                    own = verb_trigger(child)
                    found.extend(self._objects(child, own.event if own is not None else event))
                    if not found:  # "pledged to help rebuild Lebanon's army"
                        found.extend(self._nested_targets(child, event, consumed))
                    for grandchild in child.children:
                        if grandchild.dep_ == "dobj" and noun_trigger(grandchild) is not None:
                            found.extend(self._objects(grandchild, event))
        return unique(found)

    def _reacted_to(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """The doer of the act last coded, when the object refers back to it: "condemned the strike"."""
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
        before = [e for e in self._coded if e.trigger.i < verb.i and e.source.id not in own]
        named = noun_trigger(word)
        if named is not None:  # "the strike": the last strike (or assault) the text coded, however far back
            same_word = [e for e in before if e.trigger.lemma_.lower() == word.lemma_.lower()]
            same_kind = [e for e in before if e.event is named.event]
            candidates = same_word or same_kind
        else:  # "the move", "the decision": what was done in this or the previous sentence
            candidates = [e for e in before if e.trigger.i >= start]
        if candidates:
            return [candidates[-1].source]
        if noun_trigger(word) is None:  # "rejected the allegation": whoever spoke last
            for index, actor, _ in reversed(self.reader.recent):
                if start <= index < verb.sent.start and actor.id not in own:
                    return [actor]
        return []

    @staticmethod
    def _negated(word: Token) -> bool:
        return any(c.dep_ == "neg" for c in (*word.children, *word.head.children))

    def _cancelled(self, word: Token) -> bool:
        """Negated ("did not attack"), denied ("denied attacking") or hypothetical ("could strike")."""
        for subject in (c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")):
            if any(d.lower_ in ("neither", "no", "none") for d in subject.subtree if d.i < subject.i + 1):
                return True  # "Neither Armenian nor Azerbaijani forces opened fire"
        chain = [word, *list(word.ancestors)[:2]]
        for index, token in enumerate(chain):
            if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ == "det") for c in token.children):
                return True
            if index > 0 and token.lemma_.lower() in BLOCKERS:
                return True
            if token.dep_ not in ("xcomp", "conj", "pcomp", "dobj", "pobj", "prep", "compound"):
                break
        return (
            any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in word.children)
            or any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in word.children)
            or any(c.lower_ == "whether" for c in word.children)
        )

    # -- nouns ------------------------------------------------------------------------------
    def _noun_events(self, noun: Token) -> list[CodedEvent]:
        trigger = noun_trigger(noun)
        if trigger is None or self._cancelled(noun):
            return []
        if any(c.dep_ == "amod" and c.lemma_.lower() in UNREALISED for c in noun.children):
            return []  # "a planned round of talks", "an imminent strike": not done (yet)
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # "a round of talks"
        undone = head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in UNDOING_VERBS
        if (undone and trigger.event not in UNASSERTING) or not self._asserted(noun):
            return []  # "blocked an aid package", "called for a withdrawal": wanted or undone, not done
        between = [o for p in noun.children if p.lower_ == "between" for o in p.children if o.dep_ == "pobj"]
        if between:  # "talks between Serbia and Kosovo"
            parties = self.reader.actors(between[0])
            return self._pairs(parties, [], trigger, noun, 0.7, mutual=True)
        faced = self._faced_protest(noun, trigger)
        if faced is not None:
            return faced
        sources = self._noun_agents(noun)
        if not sources:
            return []
        if noun.lemma_.lower() in ADDRESSED_NOUNS:  # "demands for a withdrawal": the content, not a party
            targets = [
                a
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in ("to", "against", "on", "upon")
                for o in p.children
                if o.dep_ == "pobj"
                for a in self.reader.actors(o)
            ]
        else:
            targets = self._objects(noun, trigger.event)
        targets = targets or self._drawn_by(noun)
        clauses = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        for clause in clauses if not targets and trigger.event is EventType.THREATEN else ():
            own = verb_trigger(clause)
            targets += self._objects(clause, own.event if own is not None else trigger.event)
        governor = governing_verb(noun)
        circumstance = noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS
        if not targets and noun.lemma_.lower() in ADDRESSED_NOUNS and governor is not None:
            # "yielded to IMF demands", "rejected Poland's demand": made of whoever answers them
            targets = [a for a in self._subjects(governor)[0] if a not in sources]
        # "talks between", "joint drills": the parties act on each other; "at a summit" names no one met
        coded = self._pairs(sources, targets, trigger, noun, 0.7, mutual=not circumstance)
        if circumstance and len(sources) > 1 and any(c.lower_ == "joint" for c in noun.children):
            coded += self._pairs(sources, [], Trigger(EventType.COOPERATE), noun, 0.7, mutual=True)  # "in a joint raid"
        return coded

    def _faced_protest(self, noun: Token, trigger: Trigger) -> list[CodedEvent] | None:
        """ "faced protests", "withdrew the bill after protests": the protesters act on the state that faced them."""
        if trigger.event is not EventType.PROTEST or any(c.dep_ == "poss" for c in noun.children):
            return None
        word = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # "weeks of protests"
        occasion = word.dep_ == "pobj" and word.head.lower_ in PROTEST_OCCASIONS and word.head.head.pos_ == "VERB"
        faced = word.dep_ == "dobj" and word.head.lemma_.lower() in PROTESTED_VERBS
        if not (occasion or faced):
            return None
        governor = word.head.head if occasion else word.head
        states = [s for s in self._subjects(governor)[0] if s.id.startswith("country:")]
        if not states:
            return None
        return self._pairs(self._protesters(noun), states, trigger, noun, 0.7, mutual=False)

    def _noun_agents(self, noun: Token, *, via_support: bool = True) -> list[Actor]:
        """ "Israel's strike", "Turkish air strikes", "strikes by X", or the support verb's subject."""
        governor = governing_verb(noun)
        claimant = self._claimant(noun)
        if claimant:
            return claimant
        if governor is not None and noun.dep_ == "dobj" and governor.lemma_.lower() in DRAWING_VERBS:
            preps = (*noun.children, *governor.children)  # however the parser hung "from"
            drawn = [o for p in preps if p.lower_ == "from" for o in p.children if o.dep_ == "pobj"]
            if drawn:  # "drew a sharp rebuke from Ankara"
                return self.reader.actors(drawn[0])
        for child in noun.children:
            light = governor is not None and (is_light(governor) or verb_trigger(governor) is None)
            if child.dep_ == "poss" and child.pos_ == "PRON" and via_support and governor is not None and light:
                subjects = self._subjects(governor)[0]  # "announced their withdrawal": the announcers
                if subjects:
                    return subjects
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i in self.reader.owners):
                actors = self.reader.actors(child)
                if actors:
                    return actors
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.reader.actors(obj)
            if child.dep_ == "relcl":  # "the deal that Congo and Rwanda signed"
                signers = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which")]
                if signers and (found := self.reader.actors(signers[0])):
                    return found
        if via_support and governor is not None:
            circumstance = noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS  # "during a visit"
            if circumstance or is_light(governor) or verb_trigger(governor) is None:
                return self._subjects(governor)[0]
        return []

    def _claimant(self, noun: Token) -> list[Actor]:
        """ "Al-Shabaab claimed (responsibility for) the bombing": the act is the claimant's."""
        word = noun
        if (
            word.dep_ == "pobj"
            and word.head.lower_ == "for"
            and word.head.head.lemma_.lower() in ("responsibility", "credit")
        ):
            word = word.head.head
        if word.dep_ == "dobj" and word.head.lemma_.lower() == "claim":
            return self._subjects(word.head)[0]
        return []

    def _drawn_by(self, noun: Token) -> list[Actor]:
        """ "Greece's deployment drew a rebuke from Ankara": the rebuke answers the deployment's doer."""
        governor = noun.head
        if noun.dep_ != "dobj" or governor.lemma_.lower() not in DRAWING_VERBS:
            return []
        subjects = [c for c in governor.children if c.dep_ in SUBJECT_DEPS]
        return self._object_actors(subjects[0], set(), 0) if subjects else []

    # -- reported speech --------------------------------------------------------------------
    def _mark_voiced(self, sentence: Span) -> None:
        """Pronouns inside what a speaker said ("the army said its troops...") are the speaker's."""
        for token in sentence:
            if token.pos_ != "VERB" or not any(c.dep_ == "ccomp" for c in token.children):
                continue
            speakers, _ = self._subjects(token)
            if len(speakers) != 1:
                continue
            for clause in (c for c in token.children if c.dep_ == "ccomp"):
                for word in clause.subtree:
                    if word.lower_ in VOICED_PRONOUNS:
                        self.reader.voiced.setdefault(word.i, speakers[0])

    # -- pairs ------------------------------------------------------------------------------
    def _pairs(
        self,
        sources: list[Actor],
        targets: list[Actor],
        trigger: Trigger,
        word: Token,
        confidence: float,
        *,
        mutual: bool,
        reciprocal: bool = False,
    ) -> list[CodedEvent]:
        trigger = refined_trigger(trigger, word, sources, targets)
        if trigger.event is EventType.PROTEST:  # people who march are protesters
            sources = [as_protesters(s) for s in sources]
        modifiers = [*word.children, *(g for c in word.children if c.dep_ == "dobj" for g in c.children)]
        # "joint raids against traffickers": the partners cooperate; "joint drills with Australia": each with Z
        partnered = any(c.dep_ == "prep" and c.lower_ == "with" for c in modifiers)
        joint = any(c.lower_ == "joint" for c in modifiers) and len(sources) > 1 and bool(targets) and not partnered
        if joint or reciprocal or (mutual and not targets and len(sources) > 1 and trigger.event in SYMMETRIC):
            # each party toward the others: "Egypt and Sudan agreed", "accused each other", "joint raids"
            together = trigger if not joint else Trigger(EventType.COOPERATE)
            events = [
                self._event(a, b, together, word, confidence * 0.9) for a in sources for b in sources if a.id != b.id
            ]
            if not joint:
                return events
        else:
            events = []
        return events + [
            self._event(source, target, trigger, word, confidence)
            for source in sources
            for target in targets
            if not source.same_party(target)
        ]

    def _event(self, source: Actor, target: Actor, trigger: Trigger, word: Token, confidence: float) -> CodedEvent:
        return CodedEvent(source, target, trigger.event, trigger.mode, word.sent, word, confidence, self.field)
