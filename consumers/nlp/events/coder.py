"""Agent → patient for every event trigger of a text, read off the dependency parse.

The coder walks the sentences: a verb or event noun with a trigger
(``lexicon``) is coded when it is asserted (``assertion``), with its sources
(``parties``) and targets (``targets``, ``complements``), paired into events
(``pairing``); protests a government faces or yields to: ``protests``; a
group's act aimed at no one named is toward its home state: ``homes``.

Reported speech: "said", "reported" and the like are not events; what was
said is coded with its own actors, and the outlet or reporter is never a
party. A speech act that is itself an event ("accused", "warned", "urged")
is the speaker's. Compound actors code one event per member; coordinated
subjects of a symmetric event with no other target ("Egypt and Sudan agreed")
code it both ways.
"""

from spacy.tokens import Span, Token

from consumers.nlp import budget
from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.answers import (
    addressees,
    answered_by_governor,
    answered_charge,
    answered_in_kind,
    charged_in_clause,
    defied,
    prompted_by,
    retaliated_against,
    turned_down,
)
from consumers.nlp.events.approaches import forces_approaching
from consumers.nlp.events.assertion import asserted, cancelled, intended, negated, while_protesting
from consumers.nlp.events.background import clause_targets, undone
from consumers.nlp.events.backstop import last_reading
from consumers.nlp.events.civil import as_protesters, held_at_protest
from consumers.nlp.events.claims import claimed_attacks
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.complements import nested_targets
from consumers.nlp.events.conditions import conditional_threats, supposed, to_the_press
from consumers.nlp.events.ellipsis import shared_target
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.gaps import gap_objects
from consumers.nlp.events.homes import ANSWERED_EVENTS
from consumers.nlp.events.lexicon import SPEECH_VERBS, Trigger
from consumers.nlp.events.mediation import mediators_of
from consumers.nlp.events.members import listed_members
from consumers.nlp.events.nominals import between_parties, framed_events, framed_trigger
from consumers.nlp.events.pairing import paired_events
from consumers.nlp.events.passives import comes_under
from consumers.nlp.events.protests import civil_strike, conceded_to_protests, faced_protest
from consumers.nlp.events.rules import (
    ADDRESSED_NOUNS,
    ASPECT_VERBS,
    CIRCUMSTANCE_PREPS,
    GIVING_VERBS,
    LOCATED_EVENTS,
    REACTIONS,
    RECIPROCAL_VERBS,
    SUBJECT_DEPS,
    THEME_EVENTS,
    UNASSERTING,
    UNDOING_VERBS,
    UNREALISED,
    VOICED_PRONOUNS,
    addresses,
    gives_aid,
    governing_verb,
    is_alleged,
    is_reciprocal,
    labels_an_act,
    refined_trigger,
    sets_deadline,
    talks_with_counterpart,
    unique,
)
from consumers.nlp.events.targets import Targets
from consumers.nlp.events.triggers import (
    is_core,
    is_light,
    noun_trigger,
    reversal_of,
    speech_event,
    verb_trigger,
)
from consumers.nlp.events.verdicts import judged_acts, verdict_events
from consumers.nlp.events.victims import harmed
from schemas import EventType, TextField, stance_of

__all__ = ["CodedEvent", "EventCoder"]

PREPARING_VERBS = {"prepare", "brace", "gear", "ready", "rehearse"}


class EventCoder:
    """Codes the events of one parsed text; actors come from an ``ActorReader``."""

    def __init__(self, reader: ActorReader, field: TextField = "body") -> None:
        """``reader`` knows the text's entities and remembers who acted; ``field`` names the text."""
        self.reader = reader
        self.field: TextField = field
        self.doc = reader.doc
        self._coded: list[CodedEvent] = []
        self.parties = Targets(reader, self._coded)

    def events(self) -> list[CodedEvent]:
        """Every coded event of the text, in text order."""
        self._coded.clear()
        found = self._coded
        for sentence in self.doc.sents:
            self._mark_voiced(sentence)
            consumed: set[int] = set()
            for token in sentence:
                budget.check()
                if token.i in consumed:
                    continue
                if token.pos_ in ("VERB", "AUX"):
                    found.extend(self._verb_events(token, consumed))
                    found.extend(claimed_attacks(self.parties, token, self.field))  # "X claimed responsibility"
                    found.extend(  # "will retaliate if X"; "said Israel's strike was unacceptable"
                        conditional_threats(self.parties, token, self.field)
                        + verdict_events(self.parties, token, self.field)
                    )
                elif token.pos_ in ("NOUN", "PROPN") and token.i not in self.reader.owners:
                    found.extend(self._noun_events(token))
            if not any(e.sentence.start == sentence.start for e in found):  # no rule read an event here
                found.extend(last_reading(self.parties, sentence, lambda v: self._verb_trigger(v, set()), self.field))
        return list(found)  # the coder's own list is cleared by the next call

    def _verb_events(self, verb: Token, consumed: set[int]) -> list[CodedEvent]:
        sources, patients = self.parties.subjects(verb)
        sources = unique(sources + listed_members(self.reader, verb, ("nsubj",)))  # "states, including Chad, ..."
        if while_protesting(verb):  # "students marched ..., demanding elections": protesters demand
            sources = [as_protesters(s) for s in sources]
        for actor in sources:
            self.reader.remember(verb, actor)
        for actor in patients:
            self.reader.remember(verb, actor, acted=False)
        mediated = mediators_of(self.parties, verb)
        if mediated is not None:  # "a truce brokered by Malaysia": the mediator consults each side
            return paired_events(*mediated, Trigger(EventType.CONSULT, "mediate"), verb, 0.7, self.field, mutual=False)
        if approached := forces_approaching(self.parties, verb, sources):  # "after Chinese warplanes crossed ..."
            return paired_events(sources, approached, Trigger(EventType.MOBILIZE), verb, 0.7, self.field, mutual=False)
        trigger = civil_strike(self._verb_trigger(verb, consumed), verb, sources)  # "doctors began a strike"
        conceded = self._conceded(verb, sources)
        if trigger is None or is_alleged(verb) or not asserted(verb):
            return conceded
        if cancelled(verb):
            modal = any(c.dep_ == "aux" and c.lower_ in ("would", "will", "wo", "can", "ca") for c in verb.children)
            if not (stance_of(trigger.event) == "cooperative" and negated(verb) and modal):
                return []
            trigger = Trigger(EventType.REJECT)  # "would not allow observers": a refusal
        if labels_an_act(verb):
            trigger = Trigger(EventType.ACCUSE)  # "calling the move a violation": a judgement on the act
        if trigger.event is EventType.PROTEST and all(s.sector in (None, "government") for s in sources):
            trigger = Trigger(EventType.ACCUSE, "allege")  # a state protests by complaining, not by marching
        if patients and not sources and trigger.event in THEME_EVENTS:
            sources, patients = patients, []  # "Ethiopian troops were deployed to the border"
        given = any(c.dep_ == "dobj" for c in verb.children)  # "were granted asylum": the subject receives
        if trigger.event in THEME_EVENTS and not given:
            patients = [p for p in patients if p.sector is None]  # "intelligence was shared with X"
        objects = self.parties.objects(verb, trigger.event) if not comes_under(verb) else []  # "near Baidoa"
        for actor in objects:
            self.reader.remember(verb, actor, acted=False)
        targets = unique(patients + objects + listed_members(self.reader, verb))  # "..., among them a Briton"
        addressed = any(c.dep_ in ("dobj", "dative") or addresses(c) for c in verb.children)
        if not targets and not (addressed and trigger.event in (EventType.REQUEST, EventType.THREATEN)):
            targets = nested_targets(self.parties, verb, trigger.event, sources)
        targets = targets or (self.parties.reacted_to(verb, sources) if trigger.event in REACTIONS else [])
        targets = targets or prompted_by(self.parties, verb, sources, intended(verb, trigger).event)  # "prompting X to"
        if trigger.event in LOCATED_EVENTS and all(any(t.same_party(s) for s in sources) for t in targets):
            targets = self.parties.located(verb)  # "pulled its troops out of districts in Ethiopia"
        targets = [  # "met ... their talks"; "told reporters"
            t for t in to_the_press(self.parties, verb, trigger, targets) if not any(t.same_party(s) for s in sources)
        ]
        targets = targets or clause_targets(self.parties, verb, sources, consumed)  # "lifted sanctions it imposed on X"
        targets = unique(targets + defied(self.parties, verb, trigger.event))  # "refused ... despite appeals from X"
        if not targets and trigger.event in ANSWERED_EVENTS:
            targets = self.parties.answered(verb, sources, trigger.event)
        if not targets:  # "Buenos Aires refused", "Kigali sent troops", "eased curbs after pressure from X"
            targets, trigger = answered_in_kind(self.parties, self._coded, verb, sources, trigger)
        targets = targets or shared_target(self._coded, verb, sources, trigger.event)  # "..., while Y recalled its"
        targets = harmed(self.parties, self._coded, verb, targets)  # "pounded Kharkiv, killing five": Ukraine's
        targets = held_at_protest(verb, trigger.event, targets)  # "arrested 20 people during a rally"
        return self._paired(verb, sources, targets, trigger, 0.8 if not patients else 0.75) + conceded

    def _paired(
        self, verb: Token, sources: list[Actor], targets: list[Actor], trigger: Trigger, confidence: float
    ) -> list[CodedEvent]:
        """The verb's events: each source toward each target, or toward each other where they act together."""
        own_subject = any(c.dep_ in (*SUBJECT_DEPS, "agent") for c in verb.children)  # "agreed by Britain and India"
        own_subject = own_subject or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS)  # "have begun"
        reciprocal = any(is_reciprocal(c) for c in verb.children if c.dep_ in ("dobj", "pobj"))
        near = [*verb.children, *(g for c in verb.children if c.dep_ in SUBJECT_DEPS for g in c.children)]
        each = any(c.lower_ == "each" and c.dep_ in ("advmod", "npadvmod", "appos", "det") for c in near)
        if (each or verb.lemma_.lower() in RECIPROCAL_VERBS) and len(sources) > 1:  # "each released prisoners"
            targets = [t for t in targets if not t.id.startswith("group:")]
            reciprocal = reciprocal or not targets
        trigger = intended(verb, trigger)
        coded = paired_events(
            sources, targets, trigger, verb, confidence, self.field, mutual=own_subject, reciprocal=reciprocal
        )
        if trigger.event is EventType.CONSULT and talks_with_counterpart(verb):  # "held talks with his counterpart"
            coded += paired_events(targets, sources, trigger, verb, confidence * 0.9, self.field, mutual=False)
        return coded

    def _conceded(self, verb: Token, sources: list[Actor]) -> list[CodedEvent]:
        """The states among ``sources`` giving way to protests at ``verb`` concede to the protesters."""
        gave_way = conceded_to_protests(self.parties, verb, sources)
        if gave_way is None:
            return []
        return paired_events(*gave_way, Trigger(EventType.CONCEDE), verb, 0.7, self.field, mutual=False)

    def _verb_trigger(self, verb: Token, consumed: set[int]) -> Trigger | None:
        """The verb's own event, or its object's when the verb only supports it ("held talks")."""
        if (verb.lemma_.lower() in SPEECH_VERBS and not speech_event(verb)) or judged_acts(verb):
            return None  # what was said is coded on its own; "called the raid a crime" in ``verdicts``
        if sets_deadline(verb):
            return Trigger(EventType.THREATEN)  # "gave the company 48 hours to pay": an ultimatum
        trigger = verb_trigger(verb)
        if trigger is not None and verb.lemma_.lower() in GIVING_VERBS and not gives_aid(verb):
            trigger = None if not is_light(verb) else trigger  # "gave importance to", "sent a message"
        if trigger is not None and not trigger.light:
            if verb.lemma_.lower() in ("release", "free") and not self.parties.frees_people(verb):
                return None  # "released treated water", "released a statement"
            for child in verb.children:  # "signed a deal with Israel": the deal is the signing, coded once
                if child.dep_ == "dobj" and noun_trigger(child) is not None:
                    if not self.parties.noun_agents(child, via_support=False) and not self._hosted(verb, child):
                        consumed.add(child.i)
            return trigger
        if is_light(verb) or trigger is not None:
            # "the sanctions it had imposed": the noun a clause hangs on is the object of a verb with no own event
            gap = gap_objects(verb) if not (is_core(verb) or undone(verb.head)) else []
            for child in [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")] + gap:
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

    def _hosted(self, verb: Token, noun: Token) -> bool:
        """ "hosted talks between X and Y": X and Y meet each other too, when neither is the host."""
        between = between_parties(self.reader, noun) or []
        hosts = {a.id for a in self.parties.subjects(verb)[0]}
        return bool(between) and not any(a.id in hosts for a in between)

    def _noun_events(self, noun: Token) -> list[CodedEvent]:
        trigger = noun_trigger(noun) or framed_trigger(noun)  # "clashes between", "at the insistence of"
        if trigger is None or (cancelled(noun) and not answered_charge(noun, trigger)) or supposed(noun):
            return []
        if noun.dep_ == "dobj" and stance_of(trigger.event) == "cooperative" and turned_down(noun):
            return []  # "rejected an American offer of talks": the offer is not coded, the rejection is
        if noun.lower_ in ("relations", "ties") and noun.dep_ != "dobj":
            return []  # "relations between the two neighbours soured": a state of affairs, not an act
        if any(c.dep_ == "amod" and c.lemma_.lower() in UNREALISED for c in noun.children):
            return []  # "a planned round of talks", "an imminent strike": not done (yet)
        readied = governing_verb(noun)
        if trigger.event is EventType.ASSAULT and readied is not None and readied.lemma_.lower() in PREPARING_VERBS:
            trigger = Trigger(EventType.MOBILIZE, "troops")  # "prepared for a ground offensive": readied, not done
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # "a round of talks"
        undone = head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in UNDOING_VERBS
        undone = undone and trigger.event not in UNASSERTING  # "rejected Hamas's demands": they were made
        if undone or (head.dep_ == "dobj" and reversal_of(head.head)) or not asserted(noun):
            return []  # "blocked an aid package", "called for a withdrawal": wanted or undone, not done
        if (between := between_parties(self.reader, noun)) is not None:  # "talks between Serbia and Kosovo"
            return paired_events(between, [], trigger, noun, 0.7, self.field, mutual=True)
        if (framed := framed_events(self.parties, noun, trigger, self.field)) is not None:
            return framed  # "at Kyiv's request": Kyiv asks whoever acts; "in a clash with X": both sides fight
        faced = faced_protest(self.parties, noun, trigger)
        if faced is not None:
            return paired_events(*faced, trigger, noun, 0.7, self.field, mutual=False)
        sources = self.parties.noun_agents(noun)
        if not sources:
            return []
        addressed = noun.lemma_.lower() in ADDRESSED_NOUNS or trigger.event is EventType.REQUEST  # "a call for"
        if addressed:  # "demands for a withdrawal": the content, not a party; "calls for Iran to free X": Iran
            targets = addressees(self.reader, noun)
        else:
            targets = self.parties.objects(noun, trigger.event)
        targets = targets or self.parties.drawn_by(noun) or retaliated_against(self.parties, noun, trigger.event)
        targets = targets or charged_in_clause(self.reader, noun)  # "accusations that X had ..."
        kind = refined_trigger(trigger, noun, sources, targets).event  # "a strike by doctors" is a protest
        if not targets and kind in ANSWERED_EVENTS:
            targets = self.parties.answered(governing_verb(noun) or noun, sources, kind)
        clauses = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        for clause in clauses if not targets and trigger.event is EventType.THREATEN else ():
            own = verb_trigger(clause)
            targets += self.parties.objects(clause, own.event if own is not None else trigger.event)
        if len(sources) > 1:  # "a blockade by Saudi Arabia, the UAE and Egypt": no member is its own target
            targets = [t for t in targets if not any(t.same_party(s) for s in sources)]
        governor = governing_verb(noun)
        circumstance = noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS
        if not targets and governor is not None and answered_by_governor(noun, trigger, governor, addressed=addressed):
            # "yielded to IMF demands", "rejected Poland's demand": made of whoever answers them
            targets = [a for a in self.parties.subjects(governor)[0] if a not in sources]
        harm = trigger.event in (EventType.ASSAULT, EventType.COERCE)
        if circumstance and governor is not None and (not targets or harm):
            # "YPG fighters were killed in a Turkish strike near Kobani": the killed, not the place
            victims = self.parties.present_at(governor, trigger.event, noun)
            named = [v for v in victims if not v.id.startswith("group:")]  # "five children ... on Rafah": Rafah's
            targets = (named or victims) if not targets or named else targets
        # "talks between", "joint drills": the parties act on each other; "at a summit" names no one met
        coded = paired_events(sources, targets, trigger, noun, 0.7, self.field, mutual=not circumstance)
        if circumstance and len(sources) > 1 and any(c.lower_ == "joint" for c in noun.children):  # "in a joint raid"
            coded += paired_events(sources, [], Trigger(EventType.COOPERATE), noun, 0.7, self.field, mutual=True)
        return coded

    def _mark_voiced(self, sentence: Span) -> None:
        """Pronouns inside what a speaker said ("the army said its troops...") are the speaker's."""
        for token in sentence:
            if token.pos_ != "VERB" or not any(c.dep_ == "ccomp" for c in token.children):
                continue
            speakers, _ = self.parties.subjects(token)
            if len(speakers) != 1:
                continue
            for clause in (c for c in token.children if c.dep_ == "ccomp"):
                for word in clause.subtree:  # "Its fighters ..., the U.N. said" refers back, not to the speaker
                    if word.lower_ in VOICED_PRONOUNS and word.i > token.i:
                        self.reader.voiced.setdefault(word.i, speakers[0])
