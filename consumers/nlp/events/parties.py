"""Who takes part at a trigger: the subject or agent that acts, and the actors an object phrase stands for.

For a verb: the subject acts (the "by" agent in the passive, whose subject is
then the patient); a subject-less clause ("agreed to resume talks", "who
attacked") takes its head's. For an event noun: the possessor or nationality
word acts ("Israel's strike", "Turkish air strikes"), the "by" agent, the
claimant ("claimed the bombing") or the subject of the support verb it is the
object of ("imposed sanctions on Russia"). The outlet or reporter of
reported speech is never a party; a closing comment ("..., calling it a
violation") is the speaker's.
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import QUANTITY_NOUNS, ActorReader
from consumers.nlp.events.agency import (
    by_objects,
    copular_subject,
    fronted_subject,
    misread_subject,
    participle_agents,
    stranded_subject,
)
from consumers.nlp.events.civil import protest_setting
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import SPEECH_VERBS
from consumers.nlp.events.passives import came_under, comes_under, passive_roles
from consumers.nlp.events.relatives import judged_in_passing
from consumers.nlp.events.rules import (
    CIRCUMSTANCE_PREPS,
    DRAWING_VERBS,
    INNER_PREPS,
    MAX_OBJECT_DEPTH,
    MEDIATING_VERBS,
    MENTIONING_VERBS,
    OWNED_NOUNS,
    STATEHOOD,
    SUBJECT_DEPS,
    TOPIC_PREPS,
    UNASSERTING,
    UNDOING_VERBS,
    claiming_verb,
    governing_verb,
    judges,
    unique,
)
from consumers.nlp.events.triggers import is_light, noun_trigger, verb_trigger
from schemas import EventType

AUTHORING = frozenset({"draft", "sponsor", "propose", "author", "write"})  # "a British-drafted resolution"


class Parties:
    """Reads sources and object actors off one parsed text; actors come from an ``ActorReader``."""

    def __init__(self, reader: ActorReader) -> None:
        """``reader`` knows the text's entities and remembers who acted."""
        self.reader = reader
        self.doc = reader.doc

    def commenting_speaker(self, verb: Token) -> list[Actor]:
        """ "X said Y fired on Z, calling it a violation": the closing comment is the speaker's, not Y's."""
        if verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return []
        trigger = verb_trigger(verb)
        if trigger is None or trigger.event not in (*UNASSERTING, EventType.SUPPORT, EventType.CONSULT):
            return []
        for clause in verb.ancestors:
            speech = [clause.head] if clause.dep_ == "ccomp" and clause.head.i < verb.i else []
            # "X did Y, Z said, calling it ...": the speech verb hung beside the act
            speech += [c for c in clause.children if c.dep_ == "parataxis" and c.i < verb.i]
            for said in (s for s in speech if s.lemma_.lower() in SPEECH_VERBS):
                subjects = [c for c in said.children if c.dep_ in SUBJECT_DEPS]
                return self.reader.actors(subjects[0]) if subjects else []
        return []

    @staticmethod
    def between(token: Token) -> set[str]:
        """ "talks between Russia and Ukraine": the parties are inside an event noun's "between"."""
        return {"between"} if noun_trigger(token) is not None else set()

    def frees_people(self, verb: Token) -> bool:
        """Whether what is released is people (prisoners, hostages, a named person), not water or a report."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return not objects or any(self.reader.single(o) is not None for o in objects)

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Actor], list[Actor]]:
        """Who acts at a verb, and (passive) who is acted upon."""
        speaker = self.commenting_speaker(verb)
        if speaker:
            return speaker, []
        if comes_under(verb):
            return came_under(self, verb)
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and not self.reader.actors(child) and noun_trigger(child) is not None:
                return self.noun_agents(child, via_support=False), []  # "an Israeli drone strike killed a commander"
            if child.dep_ in SUBJECT_DEPS:
                act = self.act_referred_to(verb, child)
                if act is not None:  # "Israel's strike on Gaza, which killed 30 people": the strike killed
                    return self.noun_agents(act, via_support=False), []
                doers = participle_agents(child)  # "rockets fired by X hit": X fired them
                named = self.reader.actors(child) or [a for o in doers for a in self.reader.actors(o)]
                # "President A and President B held talks": two subjects the parser left uncoordinated
                paired = [c for c in verb.children if c.dep_ == child.dep_ and c.i > child.i]
                joined = any(g.dep_ == "cc" and g.lower_ == "and" for g in child.children)
                named += [a for c in paired if joined for a in self.reader.actors(c)]
                return unique(self.listed_before(verb, child) + named), []
        passive = passive_roles(self, verb)
        if passive is not None:
            return passive
        if (first := copular_subject(verb)) is not None:
            return self.reader.actors(first), []  # "became the first state to recognise Kosovo"
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return self.reader.actors(verb.head), []
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBN", "VBD"):
            agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if verb.tag_ == "VBD" or (not agents and any(c.dep_ == "dobj" for c in verb.children)):
                return self.reader.actors(misread_subject(verb)), []  # "Bandits abducted 25 pupils": not a passive
            return (self.reader.actors(agents[0]) if agents else []), self.reader.actors(verb.head)
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.pos_ == "VERB":
            # "accused Baku of shelling", "praised Damascus for arresting": the one judged did it
            accused = [c for c in verb.head.head.children if c.dep_ == "dobj"]
            judged = self.reader.actors(accused[0]) if accused else []
            if judged or (accused and verb.head.lower_ == "of"):
                return judged, []
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "Berlin's decision to close a consulate"
            owners = [c for c in verb.head.children if c.dep_ == "poss"] or by_objects(verb.head)  # "by X to"
            if owners:
                return self.reader.actors(owners[0]), []
            governor = verb.head.head
            if verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and governor.pos_ == "VERB" and depth < 3:
                if (refusal := verb_trigger(governor)) is not None and refusal.event is EventType.REJECT:
                    return [], []  # "vetoed a statement criticising China": no one criticised
                return self.subjects(governor, depth + 1)[0], []  # "passed a motion condemning X"
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("before", "after", "while", "upon", "by") and depth < 3:
            return self.subjects(verb.head.head, depth + 1)[0], []  # "exchanged fire before agreeing to a truce"
        if verb.dep_ == "xcomp":  # "urged China to help": the one urged does the helping
            controllers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if controllers and verb.head.lemma_.lower() not in ("promise", "offer", "pledge", "vow"):
                return self.reader.actors(controllers[0]), []
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and depth < 3:  # "was ready to deepen"
            return self.subjects(verb.head.head, depth + 1)[0], []
        if (stranded := stranded_subject(verb)) is not None and (actor := self.reader.single(stranded)):
            return [actor], []  # "freed two hostages and Kenya released 40 prisoners"
        if (fronted := fronted_subject(verb)) is not None and (actor := self.reader.single(fronted)):
            return [actor], []
        inherits = verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX")
        if inherits and depth < 3 and verb.head.i != verb.i:
            sources, _ = self.subjects(verb.head, depth + 1)
            return sources, []
        return [], []

    @staticmethod
    def act_referred_to(verb: Token, subject: Token) -> Token | None:
        """The event noun a relative "which" refers to: the attack itself, or the one whose object the parser
        hung it on."""
        if verb.dep_ != "relcl" or subject.lower_ not in ("which", "that") or verb_trigger(verb) is None:
            return None
        antecedent = verb.head
        if antecedent.dep_ == "pobj" and noun_trigger(antecedent.head.head) is not None:
            return antecedent.head.head
        found = noun_trigger(antecedent)  # "claimed a bombing that killed nine worshippers": the bombing killed
        return antecedent if found is not None and found.event is EventType.ASSAULT else None

    def listed_before(self, verb: Token, subject: Token) -> list[Actor]:
        """ "Chad, Niger and Sudan rejected": a list's first name the parser hung on the verb."""
        return [
            actor
            for c in verb.children
            if c.i < subject.i and c.dep_ in ("parataxis", "dep", "npadvmod") and c.i in self.reader.owners
            if c.i + 1 < len(self.doc) and self.doc[c.i + 1].text == ","
            for actor in self.reader.actors(c)
        ]

    def object_actors(self, token: Token, preps: set[str], depth: int) -> list[Actor]:
        """The actors an object phrase stands for, or those inside it.

        A named actor is the target itself; inside a generic or non-actor
        object, a recipient or owner is ("exports to Saudi Arabia", "its
        ambassador from Paris", "a resolution put forward by Japan",
        "Japan's plan"); else the generic actor ("three Estonian diplomats").
        """
        direct = self.reader.actors(token)
        if direct and (token.i in self.reader.owners or self.reader.pair_of(token) or token.lower_ in QUANTITY_NOUNS):
            return direct  # a named actor, "both countries" or "thousands of students marching" is the target itself
        capital = self.reader.place(token) if token.i in self.reader.owners else None
        if capital is not None and capital.id.startswith("country:"):
            return [capital]  # "a visit to Baghdad", "talks with Phnom Penh": the capital is the state
        country = self.reader.country_of_place(token) if depth == 0 else None
        if country is not None and not direct:
            return [country]
        reacting = token.head.pos_ in ("VERB", "AUX") and token.head.lemma_.lower() not in UNDOING_VERBS
        # "paid his first visit to Baghdad": the subject's own act, whose recipient is the target
        reacting = reacting and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
        if noun_trigger(token) is not None and not direct and reacting:  # "condemned Israel's strike": the striker
            agents = self.noun_agents(token, via_support=False)
            if agents:
                return agents
        # "Morocco's plan", "opposition demands", "a UN Security Council resolution"
        owning = (("poss", "NOUN"), ("poss", "PROPN"), ("compound", "NOUN"), ("compound", "PROPN"), ("nmod", "PROPN"))
        # "a British-drafted Security Council resolution", "a US-sponsored draft": its author, before any other owner
        authors = [g for c in token.children if c.dep_ == "amod" and c.lemma_.lower() in AUTHORING for g in c.children]
        owner = [g for g in authors if g.i in self.reader.owners]
        owner += [c for c in token.children if (c.dep_, c.pos_) in owning]
        if token.lemma_.lower() in STATEHOOD:  # "recognition of its statehood": whose, also by a pronoun
            owner += [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        drafted = any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in token.children)
        if token.lemma_.lower() in OWNED_NOUNS and not drafted:  # not "a UN draft put forward by Japan"
            for word in owner:
                if owned := self.reader.actors(word):
                    return owned
        inner: list[Actor] = []
        by = {"by"} if direct else set()  # "four Polish diplomats by Minsk": the parser hung the agent there
        if depth < MAX_OBJECT_DEPTH:
            for child in token.children:
                if child.dep_ == "acl" and child.lemma_.lower() not in MEDIATING_VERBS and not judged_in_passing(child):
                    # "a draft put forward by Japan"; not "a move condemned by the UN", whose agent only reacts
                    inner += [
                        a
                        for g in child.children
                        if g.dep_ == "agent"
                        for o in g.children
                        for a in self.reader.actors(o)
                    ]
                elif child.dep_ == "prep" and child.lower_ in (preps | INNER_PREPS | self.between(token)) - by:
                    for obj in (o for p in (child, *child.conjuncts) for o in p.children):  # "to and from X"
                        reason = direct and child.lower_ == "for" and noun_trigger(obj) is not None
                        if obj.dep_ == "pobj" and not reason:  # "blamed militants for the bombing": not its victims
                            inner.extend(self.object_actors(obj, preps, depth + 1))
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

    def noun_agents(self, noun: Token, *, via_support: bool = True) -> list[Actor]:
        """ "Israel's strike", "Turkish air strikes", "strikes by X", or the support verb's subject."""
        governor = governing_verb(noun)
        claim = claiming_verb(noun)  # "Al-Shabaab claimed (responsibility for) the bombing": the claimant's
        if claim is not None and (claimed := self.subjects(claim)[0]):
            return claimed
        taken = noun_trigger(noun) if governor is not None and governor.lemma_.lower() == "take" else None
        drawn_by = taken is None or taken.event is EventType.CONSULT  # "took a call from X", not "took weapons from"
        if governor is not None and noun.dep_ == "dobj" and governor.lemma_.lower() in DRAWING_VERBS and drawn_by:
            preps = (*noun.children, *governor.children)  # however the parser hung "from"
            drawn = [o for p in preps if p.lower_ == "from" for o in p.children if o.dep_ == "pobj"]
            if drawn:  # "drew a sharp rebuke from Ankara"
                return self.reader.actors(drawn[0])
        if (blamed := self._blamed_for(noun)) is not None:
            return blamed
        compounds = [g for c in noun.children if c.dep_ == "compound" for g in c.children]  # "Indian missile strikes"
        for child in [*noun.children, *compounds]:
            light = governor is not None and (is_light(governor) or verb_trigger(governor) is None)
            if child.dep_ == "poss" and child.pos_ == "PRON" and via_support and governor is not None and light:
                subjects = self.subjects(governor)[0]  # "announced their withdrawal": the announcers
                if subjects:
                    return subjects
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i in self.reader.owners):
                actors = self.reader.actors(child)
                if actors:
                    return actors
        # "the expulsion of four diplomats by Minsk": the parser may hang "by" on the patient
        patients = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        for child in [*noun.children, *(p for o in patients for p in o.children if p.lower_ == "by")]:
            trigger = noun_trigger(noun)
            moved = child.lower_ == "of" and trigger is not None and trigger.mode in ("withdraw", "troops")
            said = child.lower_ == "from" and trigger is not None and trigger.event in UNASSERTING
            if child.dep_ == "prep" and (child.lower_ == "by" or said or moved):  # "appeals from", "withdrawal of"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.reader.actors(obj)
            if child.dep_ == "relcl":  # "the deal that Congo and Rwanda signed"
                signers = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which")]
                if signers and (found := self.reader.actors(signers[0])):
                    return found
        topic = noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPS  # "sanctions over the war": not theirs
        topic = topic or (governor is not None and governor.lemma_.lower() in MENTIONING_VERBS)
        if via_support and governor is not None and not topic:
            circumstance = noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS  # "during a visit"
            kind = noun_trigger(noun)
            if noun.head.lower_ == "on" and (kind is None or kind.event is not EventType.CONSULT):
                circumstance = False  # "on a visit to Paris" is the visitor's, "a statement on the war" no one's
            setting = protest_setting(governor)
            if circumstance and setting is not None and setting.i == noun.i:
                return [Actor("group:protesters", "protesters", "protesters")]  # "arrested 20 people during a rally"
            if circumstance or is_light(governor) or verb_trigger(governor) is None:
                return self.subjects(governor)[0]
        return []

    def _blamed_for(self, noun: Token) -> list[Actor] | None:
        """ "criticized Moscow for its threats", "praised Japan for its aid", "criticised Ankara over an arms
        sale": the act one is judged for is the one judged's own."""
        prep, owned = noun.head, any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
        judged = judges(prep.head)  # not "blamed Kyiv for an attack": only alleged
        if noun.dep_ != "pobj" or prep.lower_ not in ("for", "over") or prep.head.pos_ != "VERB":
            return None
        # "condemned the US over Israeli strikes": an act that names its own doer is not the judged party's
        named = any(c.dep_ == "poss" or c.lower_ == "by" or c.i in self.reader.owners for c in noun.children)
        if not (owned and prep.lower_ == "for") and not (judged and not named):
            return None
        verb = prep.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]  # "hit out at Ankara over ..." too
        objects = objects or [o for p in verb.children if p.lower_ == "at" for o in p.children if o.dep_ == "pobj"]
        return (self.reader.actors(objects[0]) or None) if objects else None

    def drawn_by(self, noun: Token) -> list[Actor]:
        """ "Greece's deployment drew a rebuke from Ankara": the rebuke answers the deployment's doer."""
        governor = noun.head
        if noun.dep_ != "dobj" or governor.lemma_.lower() not in DRAWING_VERBS:
            return []
        subjects = [c for c in governor.children if c.dep_ in SUBJECT_DEPS]
        return self.object_actors(subjects[0], set(), 0) if subjects else self.subjects(governor)[0]  # ", drawing"
