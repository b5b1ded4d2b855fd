"""The word lists and small parse tests the event coder's rules are made of.

Kept apart from ``coder`` so that the rules read as one table: which
prepositions name a target for which event, which verbs undo or only want
what they govern, which nouns refer back to an earlier act.
"""

from spacy.tokens import Token

from consumers.nlp.events.civil import PEOPLE, civil_action
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.triggers import noun_trigger, sends_forces, to_a_border, verb_trigger
from schemas import EventType

TARGET_PREPS = {"to", "with", "against", "toward", "towards"}
HOSTILE_PREPS = {"on", "into", "upon", "onto"}  # "strikes on", "an incursion into"; else a topic
INNER_PREPS = {"of", "from", "for", "by"}  # inside an object, beside the event's own prepositions
PLACED_EVENTS = {EventType.MOBILIZE, EventType.ASSAULT}
PLACE_ONLY_PREPS = {"near", "along"}  # "near the town of Nabatieh": only a country named there is a party
NOUN_PREPS = {"for"}  # "support for Ukraine"; a verb's "for" is a reason
# What is given, sent or moved is never the target: "sent troops", "shared intelligence", "deployed tanks".
THEME_EVENTS = {EventType.AID, EventType.MOBILIZE, EventType.COOPERATE}
# ... except where the object is the one helped: "rescued 200 migrants", "evacuated civilians".
BENEFICIARY_VERBS = {
    "rescue", "evacuate", "shelter", "feed", "treat", "help", "assist", "protect", "save", "arm", "equip", "train",
}  # fmt: skip
# Events whose complement clause is wanted, not done: "urged Rwanda to withdraw", "called for a ceasefire".
WANTING = {EventType.REQUEST, EventType.THREATEN, EventType.AGREE}
UNASSERTING = WANTING | {EventType.REJECT, EventType.ACCUSE}
# "with" names an instrument ("attacked with drones") unless the verb is done together ("clashed with police").
WITH_PARTNERS = {"clash", "fight", "battle", "meet", "talk", "negotiate", "cooperate", "side", "trade", "agree"}
VISIT_VERBS = {"travel", "fly", "arrive", "visit", "go", "head", "land", "tour", "invest"}  # "in <country>"
UNREALISED = {"planned", "proposed", "expected", "possible", "potential", "future", "imminent", "feared"}
UNDOING_VERBS = {
    "block", "reject", "veto", "oppose", "suspend", "halt", "cancel", "scrap", "end", "stop", "freeze", "cut",
    "deny", "refuse", "postpone", "delay", "withdraw", "abandon", "lift", "ease", "relax", "loosen", "remove",
    "revoke", "drop",
}  # fmt: skip
CIVIL_SECTORS = PEOPLE  # who strikes to protest
TOPIC_VERBS = {"discuss", "debate", "review", "address"}  # what is discussed is a topic, not a party met
# What is cited or remembered is someone else's act: "citing the war in Gaza", "marked the anniversary of the raid".
MENTIONING_VERBS = {"cite", "mention", "commemorate", "mark", "remember", "recount", *TOPIC_VERBS}
TOPIC_PREPS = {"over", "about", "against", "regarding", "concerning"}  # "sanctions over the war in Ukraine"
CIRCUMSTANCE_PREPS = {"during", "in", "after", "amid", "on", "at", "before", "under"}  # "freed under a deal with X"
# Acts done to a place: with no party named, the country the place lies in is the target
# ("bombed sites near the Syrian capital", "pulled troops out of districts in Ethiopia").
LOCATED_EVENTS = {
    EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE, EventType.RETREAT,
}  # fmt: skip
# Where a place is looked for: the object and its phrases, never a time ("after talks in Qatar") or a clause.
LOCATING_DEPS = {"dobj", "prep", "pobj", "poss", "compound", "amod", "nmod", "conj", "appos", "advmod", "npadvmod"}
TIME_PREPS = {"after", "before", "during", "amid", "despite", "since", "until", "following", "ahead", "on", "at"}
REFERRING_NOUNS = {
    "move", "decision", "claim", "claims", "allegation", "allegations", "accusation", "accusations", "remark",
    "remarks", "comment", "comments", "statement", "plan", "launch", "test", "step", "action", "report",
    "measure", "exercise", "drill", "manoeuvre", "maneuver", "ruling", "verdict", "announcement", "gesture",
    "outcome", "breakthrough", "development",
}  # fmt: skip
ADDRESSED_NOUNS = {"demand", "request", "appeal", "plea", "ultimatum", "threat", "warning", "offer", "proposal"}
OWNED_NOUNS = {
    "plan", "proposal", "policy", "decision", "bid", "effort", "programme", "program", "move", "position", "stance",
    "request", "demand", "offer", "initiative", "candidacy", "membership", "claim", "role", "conduct", "handling",
    "call", "appeal", "plea", "ultimatum", "invitation", "resolution", "independence", "sovereignty", "statehood",
    "statement", "declaration", "draft",
}  # fmt: skip
STATEHOOD = {"independence", "sovereignty", "statehood"}  # what recognition is of: its holder is recognised
VOICED_PRONOUNS = {"it", "its", "itself", "we", "our", "us"}  # "the army said its troops ...": the speaker's
WANTED_NOUNS = {"bid", "plan", "proposal", "effort", "attempt", "push", "intention", "ambition", "aim", "goal", "hope"}
HEARSAY_NOUNS = {"report", "claim", "allegation", "rumour", "rumor", "accusation", "suggestion", "speculation"}
ALLEGING_VERBS = {"accuse", "charge", "suspect", "blame", "allege", "deny"}
GIVING_VERBS = {
    "give",
    "provide",
    "offer",
    "send",
    "dispatch",
    "despatch",
    "deliver",
    "grant",
    "extend",
    "ship",
    "hand",
}
AID_THEMES = {
    "team", "teams", "hospital", "hospitals", "rescuer", "rescuers", "expert", "experts", "personnel", "adviser",
    "advisers", "aircraft", "ship", "ships", "truck", "trucks", "convoy", "billion", "million", "officer", "officers",
    "vehicle", "vehicles", "ambulance", "ambulances", "generator", "generators",
}  # fmt: skip
AID_THEMES |= {
    "aid", "assistance", "money", "fund", "funds", "funding", "loan", "loans", "credit", "grant", "weapon", "weapons",
    "arm", "arms", "ammunition", "missile", "missiles", "tank", "tanks", "equipment", "supply", "supplies", "food",
    "medicine", "medicines", "vaccine", "vaccines", "fuel", "tent", "tents", "blanket", "blankets", "shelter",
    "asylum", "refuge", "troop", "troops", "soldier", "soldiers", "support", "relief", "help", "dollar", "euro",
    "drone", "drones", "jet", "jets", "system", "systems", "package", "donation", "grain", "wheat", "water",
    "intelligence", "training", "protection", "electricity", "gas", "oil", "doctors", "peacekeepers", "police",
}  # fmt: skip
AID_THEMES |= {  # goods by the load: "50 tonnes of rice", "hygiene kits", "rations"
    "ration", "rations", "meal", "meals", "rice", "flour", "seed", "seeds", "fertiliser", "fertilizer", "cash",
    "kit", "kits", "tonne", "tonnes", "ton", "tons", "shipment", "shipments", "consignment", "planeload",
    "planeloads", "truckload", "truckloads", "cargo", "shell", "shells", "artillery", "howitzer", "howitzers",
    "rocket", "rockets", "radar", "radars", "helicopter", "helicopters", "vessel", "vessels", "boat", "boats",
    "warship", "warships", "fighter", "fighters", "plane", "planes", "battery", "batteries", "vehicle",
}  # fmt: skip
# "drew a rebuke from Ankara": the "from" party acts on the subject's doer.
DRAWING_VERBS = {
    "draw", "receive", "face", "earn", "attract", "prompt", "provoke", "spark", "trigger", "meet", "get", "secure",
    "obtain", "win", "clinch", "take", "answer", "accept",
}  # fmt: skip
ASPECT_VERBS = {"begin", "start", "continue", "resume", "keep", "stop", "finish"}  # "began sharing"
# A government that gives way to protests concedes to the protesters: "withdrew the bill after protests".
CONCEDING_VERBS = {
    "withdraw", "lift", "scrap", "reverse", "drop", "cancel", "abandon", "shelve", "repeal", "revoke", "rescind",
    "bow", "yield", "cave", "suspend", "ease", "concede", "retreat", "back", "u-turn", "relent",
}  # fmt: skip
# Where protests are the occasion of a verb: "after weeks of protests", "bowed to protests", "faced protests".
PROTEST_OCCASIONS = {"after", "following", "amid", "to", "despite"}
PROTESTED_VERBS = {"face", "bow", "yield", "cave", "confront", "weather", "survive"}
NEEDING = {"need", "able", "wish"}  # "needed to be able to strike": not done
INTENT_HEADS = {
    "ready", "willing", "prepared", "plan", "intend", "aim", "seek", "want", "hope", "determined", "try", "attempt",
}  # fmt: skip
# Reactions to an act named a sentence earlier: "Tokyo condemned the launches", "Baku denied the claim".
REACTIONS = {EventType.ACCUSE, EventType.REJECT, EventType.SUPPORT}
# Nouns of acts done to someone, whose "of" names the patient: "the expulsion of", "the arrest of".
DONE_TO_EVENTS = {EventType.SANCTION, EventType.COERCE, EventType.ASSAULT}
FROM_EVENTS = {EventType.RETREAT, EventType.SANCTION, EventType.COERCE, EventType.MOBILIZE}
RECIPROCAL_VERBS = {"trade", "exchange", "swap"}  # "traded accusations", "exchanged prisoners": each with the other
SYMMETRIC = {EventType.AGREE, EventType.CONSULT, EventType.COOPERATE, EventType.ASSAULT}
SUBJECT_DEPS = ("nsubj", "csubj")
MEDIATING_VERBS = {"broker", "mediate", "host", "facilitate"}  # "a truce brokered by Malaysia"
TALK_WORDS = {"talk", "talks", "negotiate", "negotiation", "negotiations", "confer", "discussion", "discussions"}
MAX_OBJECT_DEPTH = 3


def refined_trigger(trigger: Trigger, word: Token, sources: list[Actor], targets: list[Actor]) -> Trigger:
    """Event types that depend on who acts on whom: a general strike, leaving a bloc."""
    if trigger.event is EventType.ASSAULT and word.lemma_.lower() == "strike" and word.pos_ == "NOUN":
        civil = all(s.sector in CIVIL_SECTORS for s in sources)
        if civil or any(c.lower_ in ("general", "hunger", "labour", "labor") for c in word.children):
            return Trigger(EventType.PROTEST, "boycott")
    if civil_action(word, sources):
        return Trigger(EventType.PROTEST, "demo")  # "the ministry was blockaded by students"
    if trigger.event is EventType.REJECT and word.lemma_.lower() == "block" and _security_forces(sources):
        return Trigger(EventType.COERCE, "restrict")  # "coast guard ships blocked fishing boats": a force stops them
    leaving = trigger.mode not in ("return", "release", "disarm")  # "handed its weapons to UN monitors" gives
    if trigger.event is EventType.RETREAT and leaving and targets and all(_an_institution(t) for t in targets):
        return Trigger(EventType.SANCTION, "withdraw")  # withdrawing from an organisation or court is leaving it
    if trigger.event is EventType.AID and (trigger.mode == "military" or sends_forces(word)) and to_a_border(word):
        return Trigger(EventType.MOBILIZE, "troops")  # "troops were sent to the Cambodian border"
    return trigger


def _security_forces(actors: list[Actor]) -> bool:
    """Whether all of ``actors`` are armed bodies of a state: what they block, they stop by force."""
    return bool(actors) and all(a.sector in ("military", "police") for a in actors)


def _an_institution(actor: Actor) -> bool:
    """An organisation states belong to: an IGO, or an international court ("the International Criminal Court")."""
    return actor.sector == "igo" or (actor.id.startswith("org:") and actor.sector == "judiciary")


def talks_with_counterpart(verb: Token) -> bool:
    """ "held talks with his Omani counterpart": talks between peers go both ways (talks with X are X's too
    only when X is named as the speaker's counterpart)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in TALK_WORDS)]
    talking = verb.lemma_.lower() in TALK_WORDS or len(heads) > 1
    partners = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    return talking and any(o.lemma_.lower() == "counterpart" for o in partners)


def labels_an_act(word: Token) -> bool:
    """ "calling the move a violation" names an act (not "the islands Tokyo calls X", not a phone call)."""
    referring = any(
        c.dep_ == "dobj" and (c.pos_ == "PRON" or c.lemma_.lower() in REFERRING_NOUNS) for c in word.children
    )
    return word.lemma_.lower() == "call" and referring and any(c.dep_ in ("oprd", "attr") for c in word.children)


def supplied_with(verb: Token) -> bool:
    """ "supplied Hamas fighters with rockets", "provided the army with drones": the object is who receives."""
    given = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    return verb.pos_ == "VERB" and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in given)


def gives_aid(verb: Token) -> bool:
    """Whether what a giving verb gives is help: money, arms, supplies, troops, shelter (or, "handed over",
    the particle makes the act its own)."""
    if any(c.dep_ == "prt" and c.lower_ in ("over", "back") for c in verb.children):
        return True
    # "provided Ukraine with mine-clearing equipment", "Ukraine was given tanks": any object given counts
    given = [o for p in verb.children if p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return True  # "provided to X", no object named
    words = {w for o in (*objects, *given) for c in o.subtree for w in (c.lemma_.lower(), c.lower_)}
    numbers = any(c.like_num or c.ent_type_ == "MONEY" for o in objects for c in o.subtree)  # "a batch of jets"
    return bool(words & AID_THEMES) or numbers


DEADLINE_UNITS = {"hour", "day", "week", "month"}


def sets_deadline(verb: Token) -> bool:
    """ "gave Barrick 48 hours to pay or lose its licence": an ultimatum, no help given."""
    if verb.lemma_.lower() != "give":
        return False
    spans = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in DEADLINE_UNITS]
    clauses = [w for c in (verb, *spans) for w in c.children if w.dep_ in ("advcl", "xcomp", "relcl", "acl")]
    return bool(spans) and any(a.dep_ == "aux" and a.lower_ == "to" for w in clauses for a in w.children)


def target_preps(event: EventType, *, noun: bool) -> set[str]:
    """Prepositions whose object can be the target of this event."""
    preps = set(TARGET_PREPS)
    if event in (EventType.ASSAULT, EventType.COERCE, EventType.SANCTION, EventType.MOBILIZE):
        preps |= HOSTILE_PREPS
    if event in (EventType.ASSAULT, EventType.THREATEN):
        preps.add("at")  # "fired at", "lashed out at"
    if event is EventType.MOBILIZE:
        preps |= {"around", "off", "outside"}  # "drills around Taiwan", "a build-up off its coast"
    if event in (EventType.AID, EventType.CONCEDE):
        preps.add("into")  # "allowed aid trucks into Gaza"
    if event in (EventType.CONCEDE, EventType.RETREAT):
        preps.add("on")  # "eased restrictions on imports from Australia"
    if event is EventType.ACCUSE:
        preps.add("into")  # "an investigation into the president"
    if event is EventType.REJECT:
        preps.add("on")  # "slammed the door on a U.S. request"
    if event is EventType.CONSULT:
        preps.add("between")  # "offered to mediate between Kyrgyzstan and Tajikistan"
    if event is EventType.SUPPORT:
        preps.add("behind")  # "threw its weight behind Ukraine's bid"
    if event is EventType.COOPERATE:
        preps.add("from")  # "will buy fighter jets from South Korea", "imports gas from Qatar"
    if event is EventType.PROTEST:
        preps |= {"outside", "at", "before", "on"}  # "rallied outside the embassy", "marched on parliament"
    if event in FROM_EVENTS:
        preps.add("from")
    if noun:
        preps |= NOUN_PREPS
    return preps


def addresses(prep: Token) -> bool:
    """ "called on France" addresses a party; "threatened on Saturday" only dates the act."""
    dated = all(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")
    return prep.lower_ in ("on", "upon") and not dated


def is_reciprocal(token: Token) -> bool:
    """ "each other", "one another": the subjects act on each other."""
    return token.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in token.children)


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, through "interested in", "ties with": at most three steps up."""
    word = noun
    for _ in range(4):
        if word.dep_ not in ("dobj", "attr", "pobj", "prep", "acomp", "oprd", "nsubjpass", "xcomp"):
            return None
        word = word.head
        if word.pos_ in ("VERB", "AUX") and word.dep_ != "prep":  # "following a request": a preposition
            return word
        if noun_trigger(word) is not None:
            return None  # "sanctions over the war": the war is not the sanctioner's
    return None


def is_alleged(verb: Token) -> bool:
    """An act someone is accused of ("accused Washington of giving ...") is an allegation, not an event."""
    head = verb.head
    return verb.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.lemma_.lower() in ALLEGING_VERBS


def preposition_objects(word: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """The objects of ``word``'s prepositions among ``prepositions`` ("between X and Y", "a clash with X")."""
    return [o for p in word.children if p.lower_ in prepositions for o in p.children if o.dep_ == "pobj"]


def unique(actors: list[Actor]) -> list[Actor]:
    seen: list[Actor] = []
    for actor in actors:
        if actor not in seen:
            seen.append(actor)
    return seen


def claiming_verb(noun: Token) -> Token | None:
    """ "claimed the bombing", "claimed responsibility for the attack": the verb whose subject did the act."""
    word = noun
    if (
        word.dep_ == "pobj"
        and word.head.lower_ == "for"
        and word.head.head.lemma_.lower() in ("responsibility", "credit")
    ):
        word = word.head.head
    return word.head if word.dep_ == "dobj" and word.head.lemma_.lower() == "claim" else None


def judges(verb: Token) -> bool:
    """Whether a verb praises or blames what it names as done ("condemned the strikes", "hailed the deal"),
    not one that only alleges it ("blamed Kyiv for an attack", "summoned the envoy over a killing")."""
    judging = verb_trigger(verb) if verb.pos_ == "VERB" else None
    judged = judging is not None and judging.event in (EventType.ACCUSE, EventType.SUPPORT)
    return judged and verb.lemma_.lower() not in (*ALLEGING_VERBS, "summon")
