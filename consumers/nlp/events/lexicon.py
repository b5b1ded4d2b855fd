"""The curated word tables of the event coder: verbs, verb + particle or object patterns and event nouns.

A short core of the verbs and nouns wire news uses most; ``triggers`` reads
them, and falls back to the tables derived from the CAMEO verb dictionary
for the long tail. Nothing here names an actor.
"""

from dataclasses import dataclass

from schemas import EventType

E = EventType


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event a word signals, and how it takes its arguments."""

    event: EventType
    mode: str | None = None
    light: bool = False  # a support verb: the event comes from its object noun ("imposed sanctions")
    one_sided: bool = False  # an act on a thing ("took part", "held elections"): partners do it side by side


def _t(event: EventType, mode: str | None = None) -> Trigger:
    return Trigger(event, mode)


CORE_VERBS: dict[str, Trigger] = {
    # cooperative
    "agree": _t(E.AGREE), "promise": _t(E.AGREE), "pledge": _t(E.AGREE), "vow": _t(E.AGREE),
    "offer": _t(E.AGREE), "commit": _t(E.AGREE),
    "meet": _t(E.CONSULT), "visit": _t(E.CONSULT, "visit"), "host": _t(E.CONSULT, "visit"),
    "welcome": _t(E.SUPPORT), "phone": _t(E.CONSULT, "phone"), "call": _t(E.CONSULT, "phone"),
    "negotiate": _t(E.CONSULT), "speak": _t(E.CONSULT, "phone"), "discuss": _t(E.CONSULT), "consult": _t(E.CONSULT),
    "receive": _t(E.CONSULT, "visit"),
    "mediate": _t(E.CONSULT), "talk": _t(E.CONSULT),
    "praise": _t(E.SUPPORT), "back": _t(E.SUPPORT), "endorse": _t(E.SUPPORT), "support": _t(E.SUPPORT),
    "defend": _t(E.SUPPORT), "recognise": _t(E.SUPPORT), "recognize": _t(E.SUPPORT), "apologise": _t(E.SUPPORT),
    "apologize": _t(E.SUPPORT), "congratulate": _t(E.SUPPORT), "thank": _t(E.SUPPORT), "commend": _t(E.SUPPORT),
    "applaud": _t(E.SUPPORT), "hail": _t(E.SUPPORT), "sign": _t(E.SUPPORT), "forgive": _t(E.SUPPORT),
    "concede": _t(E.CONCEDE), "yield": _t(E.CONCEDE), "ease": _t(E.CONCEDE), "accede": _t(E.CONCEDE),
    "relax": _t(E.CONCEDE), "allow": _t(E.CONCEDE), "grant": _t(E.CONCEDE), "pardon": _t(E.CONCEDE),
    "accept": _t(E.CONCEDE), "cave": _t(E.CONCEDE), "let": _t(E.CONCEDE),
    "cooperate": _t(E.COOPERATE), "collaborate": _t(E.COOPERATE), "trade": _t(E.COOPERATE, "economic"),
    "share": _t(E.COOPERATE), "invest": _t(E.COOPERATE, "economic"), "partner": _t(E.COOPERATE),
    "train": _t(E.COOPERATE, "military"), "exercise": _t(E.COOPERATE, "military"), "build": _t(E.COOPERATE),
    "export": _t(E.COOPERATE, "economic"), "sell": _t(E.COOPERATE, "economic"), "buy": _t(E.COOPERATE, "economic"),
    "extradite": _t(E.COOPERATE, "legal"), "join": _t(E.COOPERATE),
    "give": _t(E.AID), "send": _t(E.AID), "provide": _t(E.AID), "donate": _t(E.AID), "supply": _t(E.AID),
    "dispatch": _t(E.AID), "despatch": _t(E.AID),
    "extend": _t(E.AID),  # "extended a credit line to Kyiv"; "extended sanctions" keeps the noun's event
    "deliver": _t(E.AID), "lend": _t(E.AID, "economic"), "loan": _t(E.AID, "economic"), "fund": _t(E.AID, "economic"),
    "finance": _t(E.AID, "economic"), "airlift": _t(E.AID, "humanitarian"), "ship": _t(E.AID), "rescue": _t(E.AID),
    "telephone": _t(E.CONSULT, "phone"), "stonewall": _t(E.REJECT),
    "lambaste": _t(E.ACCUSE), "excoriate": _t(E.ACCUSE), "upbraid": _t(E.ACCUSE), "scramble": _t(E.MOBILIZE),
    "airdrop": _t(E.AID, "humanitarian"), "disperse": _t(E.COERCE),
    "disburse": _t(E.AID, "economic"), "deposit": _t(E.AID, "economic"),
    "arm": _t(E.AID, "military"), "evacuate": _t(E.AID, "humanitarian"), "shelter": _t(E.AID, "asylum"),
    "withdraw": _t(E.RETREAT, "withdraw"), "release": _t(E.RETREAT, "release"), "free": _t(E.RETREAT, "release"),
    "return": _t(E.RETREAT, "return"), "lift": _t(E.RETREAT, "ease"), "disarm": _t(E.RETREAT, "disarm"),
    "retreat": _t(E.RETREAT, "withdraw"), "surrender": _t(E.RETREAT, "disarm"), "repatriate": _t(E.RETREAT, "return"),
    "demobilise": _t(E.RETREAT, "disarm"), "demobilize": _t(E.RETREAT, "disarm"), "hand": _t(E.RETREAT, "return"),
    "reopen": _t(E.RETREAT, "access"), "unfreeze": _t(E.RETREAT, "ease"),
    # hostile
    "ask": _t(E.REQUEST), "urge": _t(E.REQUEST), "demand": _t(E.REQUEST), "appeal": _t(E.REQUEST),
    "request": _t(E.REQUEST), "press": _t(E.REQUEST), "implore": _t(E.REQUEST), "plead": _t(E.REQUEST),
    "accuse": _t(E.ACCUSE), "blame": _t(E.ACCUSE), "criticise": _t(E.ACCUSE), "criticize": _t(E.ACCUSE),
    "condemn": _t(E.ACCUSE), "denounce": _t(E.ACCUSE), "investigate": _t(E.ACCUSE, "investigate"),
    "sue": _t(E.ACCUSE, "allege"), "summon": _t(E.ACCUSE, "allege"), "charge": _t(E.ACCUSE, "allege"),
    "fault": _t(E.ACCUSE), "rebuke": _t(E.ACCUSE),
    "slam": _t(E.ACCUSE), "blast": _t(E.ACCUSE), "lambast": _t(E.ACCUSE), "castigate": _t(E.ACCUSE),
    "decry": _t(E.ACCUSE), "deplore": _t(E.ACCUSE), "chide": _t(E.ACCUSE), "scold": _t(E.ACCUSE),
    "convict": _t(E.ACCUSE, "allege"), "indict": _t(E.ACCUSE, "allege"), "complain": _t(E.ACCUSE, "allege"),
    "reject": _t(E.REJECT), "refuse": _t(E.REJECT), "veto": _t(E.REJECT), "rebuff": _t(E.REJECT),
    "spurn": _t(E.REJECT), "defy": _t(E.REJECT), "snub": _t(E.REJECT), "dismiss": _t(E.REJECT),
    "decline": _t(E.REJECT), "oppose": _t(E.REJECT), "boycott": _t(E.REJECT), "block": _t(E.REJECT),
    "obstruct": _t(E.REJECT), "lobby": _t(E.REQUEST), "travel": _t(E.CONSULT, "visit"),
    "fly": _t(E.CONSULT, "visit"), "arrive": _t(E.CONSULT, "visit"), "tour": _t(E.CONSULT, "visit"),
    "threaten": _t(E.THREATEN), "warn": _t(E.THREATEN), "menace": _t(E.THREATEN),
    "protest": _t(E.PROTEST), "demonstrate": _t(E.PROTEST, "demo"), "rally": _t(E.PROTEST, "demo"),
    "march": _t(E.PROTEST, "demo"), "riot": _t(E.PROTEST, "riot"), "picket": _t(E.PROTEST, "demo"),
    "expel": _t(E.SANCTION, "expel"), "suspend": _t(E.SANCTION, "discontinue"), "recall": _t(E.SANCTION, "withdraw"),
    "sever": _t(E.SANCTION, "withdraw"), "halt": _t(E.SANCTION, "discontinue"), "cut": _t(E.SANCTION, "discontinue"),
    "freeze": _t(E.SANCTION, "discontinue"), "downgrade": _t(E.SANCTION, "withdraw"), "stop": _t(E.SANCTION),
    "mobilise": _t(E.MOBILIZE, "troops"), "mobilize": _t(E.MOBILIZE, "troops"), "deploy": _t(E.MOBILIZE, "troops"),
    "mass": _t(E.MOBILIZE, "troops"), "station": _t(E.MOBILIZE, "troops"),
    "arrest": _t(E.COERCE, "arrest"), "detain": _t(E.COERCE, "arrest"), "jail": _t(E.COERCE, "arrest"),
    "imprison": _t(E.COERCE, "arrest"), "deport": _t(E.COERCE, "deport"), "seize": _t(E.COERCE, "seize"),
    "confiscate": _t(E.COERCE, "seize"), "ban": _t(E.COERCE, "ban"), "sanction": _t(E.COERCE, "restrict"),
    "blockade": _t(E.COERCE, "restrict"), "occupy": _t(E.COERCE, "seize"), "annex": _t(E.COERCE, "seize"),
    "raid": _t(E.COERCE), "dissolve": _t(E.COERCE, "ban"), "disband": _t(E.COERCE, "ban"),
    "dismantle": _t(E.COERCE),  # "dismantled a smuggling network"
    "outlaw": _t(E.COERCE, "ban"), "censor": _t(E.COERCE, "restrict"),
    "impound": _t(E.COERCE, "seize"), "capture": _t(E.COERCE, "seize"), "intercept": _t(E.COERCE, "seize"),
    "retake": _t(E.COERCE, "seize"), "recapture": _t(E.COERCE, "seize"), "reclaim": _t(E.COERCE, "seize"),
    "prosecute": _t(E.ACCUSE, "allege"), "embargo": _t(E.COERCE, "restrict"), "sentence": _t(E.COERCE, "arrest"),
    "attack": _t(E.ASSAULT), "strike": _t(E.ASSAULT), "bomb": _t(E.ASSAULT, "aerial"),
    "shell": _t(E.ASSAULT, "shelling"), "shoot": _t(E.ASSAULT, "firearms"), "kill": _t(E.ASSAULT),
    "ambush": _t(E.ASSAULT, "firearms"), "abduct": _t(E.ASSAULT, "abduct"), "kidnap": _t(E.ASSAULT, "abduct"),
    "assassinate": _t(E.ASSAULT, "assassinate"), "invade": _t(E.ASSAULT), "fire": _t(E.ASSAULT),
    "hit": _t(E.ASSAULT), "target": _t(E.ASSAULT), "pound": _t(E.ASSAULT, "shelling"),
    "bombard": _t(E.ASSAULT, "shelling"), "massacre": _t(E.ASSAULT, "massacre"), "torture": _t(E.ASSAULT, "torture"),
    "beat": _t(E.ASSAULT, "beat"), "murder": _t(E.ASSAULT), "storm": _t(E.ASSAULT), "assault": _t(E.ASSAULT),
    "fight": _t(E.ASSAULT), "clash": _t(E.ASSAULT), "wound": _t(E.ASSAULT), "injure": _t(E.ASSAULT),
    "destroy": _t(E.ASSAULT), "hijack": _t(E.ASSAULT, "abduct"), "execute": _t(E.ASSAULT),
    "behead": _t(E.ASSAULT), "torpedo": _t(E.ASSAULT), "overrun": _t(E.ASSAULT), "besiege": _t(E.COERCE),
    "distribute": _t(E.AID, "humanitarian"), "bar": _t(E.COERCE, "restrict"), "strip": _t(E.COERCE, "restrict"),
    "torch": _t(E.ASSAULT), "sink": _t(E.ASSAULT), "ratify": _t(E.SUPPORT), "quit": _t(E.RETREAT, "withdraw"),
    "fine": _t(E.COERCE, "restrict"),
}  # fmt: skip

# Verb + particle: the particle changes the event ("pull out" is a retreat, "call on" a request).
CORE_PHRASAL: dict[tuple[str, str], Trigger] = {
    ("pull", "out"): _t(E.RETREAT, "withdraw"), ("pull", "back"): _t(E.RETREAT, "withdraw"),
    ("call", "on"): _t(E.REQUEST), ("call", "upon"): _t(E.REQUEST), ("call", "for"): _t(E.REQUEST),
    ("carry", "out"): Trigger(E.ASSAULT, None, True), ("break", "off"): _t(E.SANCTION, "withdraw"),
    ("cut", "off"): _t(E.SANCTION, "discontinue"), ("lash", "out"): _t(E.ACCUSE), ("hit", "out"): _t(E.ACCUSE),
    ("crack", "down"): _t(E.COERCE), ("set", "free"): _t(E.RETREAT, "release"), ("hand",
    "over"): _t(E.RETREAT, "return"),
    ("open", "fire"): _t(E.ASSAULT, "firearms"), ("step", "up"): Trigger(E.MOBILIZE, None, True),
    ("shut", "down"): _t(E.COERCE, "restrict"), ("round", "up"): _t(E.COERCE, "arrest"),
    ("stand", "by"): _t(E.SUPPORT), ("speak", "out"): _t(E.ACCUSE), ("send", "back"): _t(E.COERCE, "deport"),
    ("brush", "aside"): _t(E.REJECT), ("turn", "down"): _t(E.REJECT), ("shoot", "down"): _t(E.ASSAULT),
    ("tip", "off"): _t(E.COOPERATE, "intelligence"), ("cordon", "off"): _t(E.COERCE, "restrict"),
    ("call", "up"): _t(E.MOBILIZE, "troops"), ("sign", "off"): _t(E.AGREE), ("back", "down"): _t(E.CONCEDE),
    ("give", "in"): _t(E.CONCEDE), ("lock", "up"): _t(E.COERCE, "arrest"), ("beat", "back"): _t(E.ASSAULT),
    ("roll", "back"): _t(E.CONCEDE), ("walk", "out"): _t(E.PROTEST, "boycott"), ("come", "under"): _t(E.ASSAULT),
    ("order", "out"): _t(E.SANCTION, "expel"), ("gun", "down"): _t(E.ASSAULT, "firearms"),
    ("walk", "away"): _t(E.SANCTION, "discontinue"), ("rule", "out"): _t(E.REJECT),
    ("turn", "back"): _t(E.COERCE, "deport"), ("drive", "out"): _t(E.ASSAULT), ("flush", "out"): _t(E.ASSAULT),
}  # fmt: skip

# Verbs whose event is the object's: "imposed sanctions on", "held talks with", "launched strikes on".
LIGHT_VERBS = {
    "impose", "launch", "hold", "conduct", "carry", "stage", "make", "issue", "express", "announce", "reach",
    "strike", "extend", "approve", "unveil", "begin", "start", "resume", "continue", "step", "intensify",
    "escalate", "mount", "level", "lodge", "file", "voice", "deliver", "pay", "sign", "conclude", "seal",
    "want", "seek", "propose", "plan", "prepare", "open", "renew", "slap", "apply", "enact", "order", "declare",
    "give", "send", "provide", "offer", "pledge", "promise", "grant", "agree", "commit", "vote", "adopt", "take",
    "ratify", "use",
}  # fmt: skip

CORE_NOUNS: dict[str, Trigger] = {
    "agreement": _t(E.AGREE), "deal": _t(E.COOPERATE), "accord": _t(E.AGREE), "treaty": _t(E.AGREE),
    "pact": _t(E.AGREE), "pledge": _t(E.AGREE), "assurance": _t(E.AGREE), "guarantee": _t(E.AGREE),
    "contract": _t(E.COOPERATE, "economic"), "promise": _t(E.AGREE), "memorandum": _t(E.AGREE),
    "talks": _t(E.CONSULT), "talk": _t(E.CONSULT), "meeting": _t(E.CONSULT), "visit": _t(E.CONSULT, "visit"),
    "summit": _t(E.CONSULT), "negotiation": _t(E.CONSULT), "consultation": _t(E.CONSULT),
    "call": _t(E.CONSULT, "phone"), "dialogue": _t(E.CONSULT), "mediation": _t(E.CONSULT),
    "trip": _t(E.CONSULT, "visit"),  # "on a trip to Beijing": a visit (of a state, by ``pairing.TRAVEL_NOUNS``)
    "support": _t(E.SUPPORT), "praise": _t(E.SUPPORT), "recognition": _t(E.SUPPORT), "apology": _t(E.SUPPORT),
    "endorsement": _t(E.SUPPORT), "backing": _t(E.SUPPORT), "solidarity": _t(E.SUPPORT),
    "concession": _t(E.CONCEDE), "amnesty": _t(E.CONCEDE),
    "cooperation": _t(E.COOPERATE), "co-operation": _t(E.COOPERATE), "partnership": _t(E.COOPERATE),
    "alliance": _t(E.COOPERATE), "exercise": _t(E.COOPERATE, "military"), "drill": _t(E.COOPERATE, "military"),
    "investment": _t(E.COOPERATE, "economic"), "trade": _t(E.COOPERATE, "economic"),
    "ties": _t(E.COOPERATE), "relations": _t(E.COOPERATE), "export": _t(E.COOPERATE, "economic"),
    "aid": _t(E.AID), "assistance": _t(E.AID), "loan": _t(E.AID, "economic"), "grant": _t(E.AID, "economic"),
    "donation": _t(E.AID), "relief": _t(E.AID, "humanitarian"), "funding": _t(E.AID, "economic"),
    "financing": _t(E.AID, "economic"),
    "weapons": _t(E.AID, "military"), "arms": _t(E.AID, "military"), "asylum": _t(E.AID, "asylum"),
    "vaccines": _t(E.AID, "humanitarian"), "shipment": _t(E.AID), "package": _t(E.AID),
    "bailout": _t(E.AID, "economic"), "barrage": _t(E.ASSAULT, "shelling"),
    "disbursement": _t(E.AID, "economic"), "payout": _t(E.AID, "economic"),
    "withdrawal": _t(E.RETREAT, "withdraw"), "release": _t(E.RETREAT, "release"),
    "ceasefire": _t(E.RETREAT, "ceasefire"),
    "truce": _t(E.RETREAT, "ceasefire"), "pullout": _t(E.RETREAT, "withdraw"),
    "request": _t(E.REQUEST), "demand": _t(E.REQUEST), "offer": _t(E.AGREE), "proposal": _t(E.AGREE),
    "appeal": _t(E.REQUEST), "plea": _t(E.REQUEST),
    "ultimatum": _t(E.THREATEN), "accusation": _t(E.ACCUSE), "criticism": _t(E.ACCUSE),
    "condemnation": _t(E.ACCUSE), "rebuke": _t(E.ACCUSE), "reprimand": _t(E.ACCUSE), "censure": _t(E.ACCUSE),
    "complaint": _t(E.ACCUSE, "allege"), "lawsuit": _t(E.ACCUSE, "allege"),
    "investigation": _t(E.ACCUSE, "investigate"), "probe": _t(E.ACCUSE, "investigate"),
    "charges": _t(E.ACCUSE, "allege"), "warrant": _t(E.ACCUSE, "allege"), "indictment": _t(E.ACCUSE, "allege"),
    "rejection": _t(E.REJECT), "veto": _t(E.REJECT), "refusal": _t(E.REJECT),
    "threat": _t(E.THREATEN), "warning": _t(E.THREATEN),
    "protest": _t(E.PROTEST), "demonstration": _t(E.PROTEST, "demo"), "rally": _t(E.PROTEST, "demo"),
    "riot": _t(E.PROTEST, "riot"), "boycott": _t(E.PROTEST, "boycott"), "shutdown": _t(E.PROTEST, "boycott"),
    "walkout": _t(E.PROTEST, "boycott"), "sit-in": _t(E.PROTEST, "demo"), "march": _t(E.PROTEST, "demo"),
    "roadblock": _t(E.COERCE, "restrict"),
    "expulsion": _t(E.SANCTION, "expel"), "suspension": _t(E.SANCTION, "discontinue"),
    "mobilisation": _t(E.MOBILIZE, "troops"), "mobilization": _t(E.MOBILIZE, "troops"),
    "deployment": _t(E.MOBILIZE, "troops"), "buildup": _t(E.MOBILIZE, "troops"), "build-up": _t(E.MOBILIZE, "troops"),
    "sanctions": _t(E.COERCE, "restrict"), "sanction": _t(E.COERCE, "restrict"), "embargo": _t(E.COERCE, "restrict"),
    "blockade": _t(E.COERCE, "restrict"), "arrest": _t(E.COERCE, "arrest"), "detention": _t(E.COERCE, "arrest"),
    "crackdown": _t(E.COERCE), "ban": _t(E.COERCE, "ban"), "tariffs": _t(E.COERCE, "restrict"),
    "tariff": _t(E.COERCE, "restrict"), "occupation": _t(E.COERCE, "seize"), "annexation": _t(E.COERCE, "seize"),
    "seizure": _t(E.COERCE, "seize"), "raid": _t(E.COERCE), "deportation": _t(E.COERCE, "deport"),
    "curfew": _t(E.COERCE, "curfew"), "restrictions": _t(E.COERCE, "restrict"),
    "hostilities": _t(E.ASSAULT), "hostility": _t(E.ASSAULT),  # "halted hostilities": a ceasefire
    "attack": _t(E.ASSAULT), "strike": _t(E.ASSAULT), "airstrike": _t(E.ASSAULT, "aerial"),
    "strikes": _t(E.ASSAULT), "airstrikes": _t(E.ASSAULT, "aerial"), "bombing": _t(E.ASSAULT, "aerial"),
    "shelling": _t(E.ASSAULT, "shelling"), "offensive": _t(E.ASSAULT), "invasion": _t(E.ASSAULT),
    "assault": _t(E.ASSAULT), "ambush": _t(E.ASSAULT, "firearms"), "raids": _t(E.COERCE),
    "bombardment": _t(E.ASSAULT, "shelling"), "incursion": _t(E.ASSAULT), "assassination": _t(E.ASSAULT, "assassinate"),
    "kidnapping": _t(E.ASSAULT, "abduct"), "abduction": _t(E.ASSAULT, "abduct"), "massacre": _t(E.ASSAULT, "massacre"),
    "killing": _t(E.ASSAULT), "war": _t(E.ASSAULT), "aggression": _t(E.ASSAULT), "fire": _t(E.ASSAULT, "firearms"),
}  # fmt: skip

# Objects that turn a verb into another event ("cut ties" is a sanction whatever "cut" does alone).
CORE_PATTERNS: dict[tuple[str, str], Trigger] = {
    ("cut", "ties"): _t(E.SANCTION, "withdraw"), ("sever", "ties"): _t(E.SANCTION, "withdraw"),
    ("break", "ties"): _t(E.SANCTION, "withdraw"), ("suspend", "talks"): _t(E.SANCTION, "withdraw"),
    ("restore", "ties"): _t(E.COOPERATE), ("restore", "relations"): _t(E.COOPERATE),
    ("switch", "recognition"): _t(E.SUPPORT), ("shift", "recognition"): _t(E.SUPPORT),
    ("express", "regret"): _t(E.SUPPORT), ("express", "sorrow"): _t(E.SUPPORT), ("express", "remorse"): _t(E.SUPPORT),
    ("order", "closure"): _t(E.COERCE, "restrict"), ("order", "shutdown"): _t(E.COERCE, "restrict"),
    ("strike", "deal"): _t(E.COOPERATE), ("strike", "agreement"): _t(E.AGREE),
    ("sign", "deal"): _t(E.COOPERATE), ("sign", "agreement"): _t(E.COOPERATE), ("sign", "treaty"): _t(E.SUPPORT),
    ("sign", "pact"): _t(E.AGREE), ("sign", "accord"): _t(E.AGREE), ("sign", "memorandum"): _t(E.AGREE),
    ("fire", "missile"): _t(E.ASSAULT), ("fire", "rocket"): _t(E.ASSAULT), ("fire", "shot"): _t(E.ASSAULT, "firearms"),
    ("lift", "sanction"): _t(E.RETREAT, "ease"), ("lift", "ban"): _t(E.CONCEDE), ("lift", "curfew"): _t(E.RETREAT),
    ("ease", "sanction"): _t(E.RETREAT, "ease"), ("recall", "ambassador"): _t(E.SANCTION, "withdraw"),
    ("summon", "ambassador"): _t(E.ACCUSE, "allege"), ("close", "embassy"): _t(E.SANCTION, "withdraw"),
    ("close", "border"): _t(E.COERCE, "restrict"), ("close", "consulate"): _t(E.SANCTION, "withdraw"), ("send",
    "troops"): _t(E.AID, "military"),
    ("deploy", "troops"): _t(E.MOBILIZE, "troops"), ("release", "prisoner"): _t(E.RETREAT, "release"),
    ("grant", "asylum"): _t(E.AID, "asylum"), ("freeze", "asset"): _t(E.COERCE, "restrict"),
    ("hold", "exercise"): _t(E.COOPERATE, "military"), ("open", "investigation"): _t(E.ACCUSE, "investigate"),
    ("share", "intelligence"): _t(E.COOPERATE, "intelligence"), ("provide",
    "intelligence"): _t(E.COOPERATE, "intelligence"),
    ("end", "cooperation"): _t(E.SANCTION, "withdraw"), ("suspend", "cooperation"): _t(E.SANCTION, "withdraw"),
    ("declare", "ceasefire"): _t(E.RETREAT, "ceasefire"), ("exchange", "fire"): _t(E.ASSAULT, "firearms"),
    ("raise", "alert"): _t(E.MOBILIZE), ("move", "troops"): _t(E.MOBILIZE, "troops"), ("move",
    "tank"): _t(E.MOBILIZE), ("raise", "level"): _t(E.MOBILIZE), ("set", "fire"): _t(E.ASSAULT),
    ("drop", "bomb"): _t(E.ASSAULT, "aerial"), ("take", "hostage"): _t(E.ASSAULT, "abduct"),
    ("throw", "weight"): _t(E.SUPPORT), ("give", "light"): _t(E.AGREE), ("slam", "door"): _t(E.REJECT),
    ("take", "call"): _t(E.CONSULT, "phone"), ("stage", "sit-in"): _t(E.PROTEST, "demo"),
    ("lodge", "protest"): _t(E.ACCUSE, "allege"), ("file", "case"): _t(E.ACCUSE, "allege"),
    ("drop", "objection"): _t(E.CONCEDE), ("drop", "opposition"): _t(E.CONCEDE), ("agree",
    "ceasefire"): _t(E.RETREAT, "ceasefire"),
    ("launch", "drone"): _t(E.ASSAULT, "aerial"), ("launch", "missile"): _t(E.ASSAULT),
    ("launch", "rocket"): _t(E.ASSAULT), ("fire", "drone"): _t(E.ASSAULT, "aerial"),
    ("take", "control"): _t(E.COERCE, "seize"), ("grant", "access"): _t(E.CONCEDE, "access"),
    ("give", "access"): _t(E.CONCEDE, "access"), ("trade", "accusation"): _t(E.ACCUSE),
    ("trade", "insult"): _t(E.ACCUSE), ("trade", "threat"): _t(E.THREATEN), ("trade", "blame"): _t(E.ACCUSE),
    ("exchange", "prisoner"): _t(E.RETREAT, "release"), ("swap", "prisoner"): _t(E.RETREAT, "release"),
    ("use", "gas"): _t(E.COERCE), ("use", "cannon"): _t(E.COERCE),
    ("approve", "bid"): _t(E.SUPPORT), ("approve", "request"): _t(E.SUPPORT), ("approve", "application"): _t(E.SUPPORT),
    ("trade", "fire"): _t(E.ASSAULT, "firearms"), ("trade", "shot"): _t(E.ASSAULT, "firearms"),
    ("trade", "gunfire"): _t(E.ASSAULT, "firearms"), ("exchange", "shot"): _t(E.ASSAULT, "firearms"),
    ("exchange", "gunfire"): _t(E.ASSAULT, "firearms"), ("trade", "strike"): _t(E.ASSAULT),
}  # fmt: skip

SPEECH_VERBS = {
    "say", "tell", "report", "state", "add", "announce", "claim", "note", "write", "quote", "cite", "confirm",
    "explain", "insist", "argue", "stress", "declare", "tweet", "post", "reply", "respond", "suggest", "believe",
    "think", "allege", "predict", "estimate", "indicate", "show", "reveal", "learn", "hear", "see",
}  # fmt: skip
# Heads that cancel what they govern: "denied attacking", "failed to agree", "avoided a clash".
BLOCKERS = {
    "deny", "fail", "avoid", "refrain", "rule", "dismiss", "hesitate", "unable", "reluctant", "refuse", "decline",
    "consider", "weigh", "mull", "decide", "yet",
}  # fmt: skip
# Verbs the CAMEO dictionary codes but news uses for thinking and planning, not acting.
NOT_EVENTS = {
    "consider", "decide", "review", "study", "examine", "weigh", "mull", "plan", "prepare", "expect", "hope",
    "want", "seek", "need", "face", "see", "say", "think", "believe", "know", "follow", "focus", "remain", "keep",
    "continue", "begin", "start", "try", "include", "involve", "cite", "mark", "become", "come", "get", "go",
    "lead", "run", "bring", "put", "set", "use", "show", "tell", "leave", "turn", "hold", "take", "give", "make",
}  # fmt: skip
HYPOTHETICAL = {"could", "might", "may", "should"}


# Moving armed forces is mobilising them, whatever the verb: "ordered troops to the border", "shifted units".
BORDER_NOUNS = {"border", "frontier", "boundary"}
# Forces that move themselves toward a border mobilise too: "troops have been moving toward the border".
ADVANCING_VERBS = {"move", "advance", "head", "roll", "converge", "gather", "push", "pour", "mass"}
MOVING_VERBS = {"order", "move", "shift", "redeploy", "reposition", "relocate", "rush", "dispatch", "pour"}
FORCE_WORDS = {
    "troop", "force", "soldier", "unit", "tank", "artillery", "battalion", "brigade", "warship", "reinforcement",
    "armour", "armor", "howitzer", "launcher", "jet", "warplane", "frigate", "peacekeeper", "paratrooper", "marine",
}  # fmt: skip
# Verbs whose "to death" makes an attack ("hacked to death"); "sentenced to death" keeps its own event.
# "ordered the mission to leave": an order to go is an expulsion.
LEAVING_VERBS = {"leave", "go", "depart", "quit", "exit"}
CLOSING_VERBS = {"close", "shut"}  # "ordered the broadcaster to shut its bureau": coerced, not expelled
# "put its forces on high alert": readiness raised is a mobilisation.
ALERT_VERBS = {"put", "place", "keep"}
KILLING_VERBS = {"hack", "beat", "stone", "stab", "burn", "shoot", "club", "bludgeon", "kick", "torture", "lynch"}


# Nouns that name an event only with their modifier: "military campaign", "credit line", "peace talks".
CORE_NOUN_PHRASES: dict[tuple[str, str], Trigger] = {
    ("military", "campaign"): _t(E.ASSAULT), ("military", "operation"): _t(E.ASSAULT),
    ("ground", "operation"): _t(E.ASSAULT), ("air", "campaign"): _t(E.ASSAULT, "aerial"),
    ("bombing", "campaign"): _t(E.ASSAULT, "aerial"), ("military", "action"): _t(E.ASSAULT),
    ("credit", "line"): _t(E.AID, "economic"), ("military", "buildup"): _t(E.MOBILIZE, "troops"),
    ("hunger", "strike"): _t(E.PROTEST, "hunger"), ("general", "strike"): _t(E.PROTEST, "boycott"),
    ("peace", "process"): _t(E.CONSULT), ("state", "visit"): _t(E.CONSULT, "visit"),
    ("joint", "operation"): _t(E.COOPERATE, "military"), ("joint", "patrol"): _t(E.COOPERATE, "military"),
    ("joint", "venture"): _t(E.COOPERATE), ("joint", "project"): _t(E.COOPERATE),
    **{(kind, "duty"): _t(E.COERCE, "restrict") for kind in ("retaliatory", "import", "punitive", "anti-dumping")},
    # weapons sold or sent, military aid to whoever receives them: "an arms sale to Poland"
    **{(arms, sent): _t(E.AID, "military") for arms in ("arms", "weapons") for sent in ("sale", "package", "shipment")},
    ("drone", "strike"): _t(E.ASSAULT, "aerial"), ("air", "strike"): _t(E.ASSAULT, "aerial"),
    # crowd control used on people: "used water cannon against protesters", "tear gas on students"
    ("water", "cannon"): _t(E.COERCE), ("tear", "gas"): _t(E.COERCE), ("pepper", "spray"): _t(E.COERCE),
    ("rubber", "bullet"): _t(E.COERCE), ("stun", "grenade"): _t(E.COERCE),
    ("intelligence", "sharing"): _t(E.COOPERATE, "intelligence"), ("military", "cooperation"): _t(E.COOPERATE),
}  # fmt: skip
