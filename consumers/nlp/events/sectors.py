"""Sectors: what part of a country or society an actor is (government, military, police, ...).

A curated core of the agent nouns wire news uses most, backed by the agents
table derived from the Phoenix dictionaries (``consumers.nlp.event_tables``)
for the long tail; officials the tables know give their country and role.
"""

from functools import cache

from spacy.tokens import Token

from schemas import Sector

STATE_SECTORS: frozenset[Sector] = frozenset(
    {"government", "military", "police", "judiciary", "legislature", "intelligence"}
)
# Bodies of an organisation act for it: "the European Commission", "the U.N. refugee agency".
IGO_BODIES = {
    "european commission": "org:european-union", "european council": "org:european-union",
    "european parliament": "org:european-union", "council of the european union": "org:european-union",
    "security council": "org:united-nations", "general assembly": "org:united-nations",
}  # fmt: skip
IGO_PREFIXES = {
    "u.n.": "org:united-nations", "un": "org:united-nations", "united nations": "org:united-nations",
    "eu": "org:european-union", "e.u.": "org:european-union", "nato": "org:nato", "african union": "org:african-union",
}  # fmt: skip
IGO_NAMES = {
    "org:european-union": "European Union", "org:united-nations": "United Nations", "org:nato": "NATO",
    "org:african-union": "African Union", "org:arab-league": "Arab League", "org:asean": "ASEAN", "org:opec": "OPEC",
}  # fmt: skip
IGO_IDS = {
    "org:european-union", "org:nato", "org:united-nations", "org:african-union", "org:asean", "org:arab-league",
    "org:brics", "org:g7", "org:g20", "org:opec", "org:shanghai-cooperation-organisation", "org:ecowas",
}  # fmt: skip

_CORE: dict[Sector, set[str]] = {
    "government": {
        "government", "governments", "official", "officials", "authorities", "authority", "ministry", "ministries",
        "minister", "ministers", "diplomat", "diplomats", "ambassador", "ambassadors", "envoy", "envoys",
        "president", "prime minister", "premier", "spokesman", "spokeswoman", "spokesperson", "administration",
        "cabinet", "regime", "leader", "leaders", "negotiators", "negotiator", "delegation", "mayor", "governor",
        "foreign minister", "foreign ministry", "defence ministry", "defense ministry", "interior ministry",
        "embassy", "king", "emir", "junta", "state department", "chancellor", "counterpart", "chief", "head",
        "military government", "military junta", "council", "transitional council", "presidency", "mediators", "board",
        "monitors", "inspectors", "observers", "treasury", "foreign office", "kremlin", "white house",
        "agency", "agencies", "watchdog", "office", "embassy staff", "embassy employees", "embassy personnel",
        "consular staff", "diplomatic staff", "diplomatic personnel", "secretary", "secretaries", "commissioner",
        "sultan", "queen", "monarch",
    },
    "military": {
        "army", "armies", "military", "militaries", "troops", "troop", "soldier", "soldiers", "forces", "force",
        "warplane", "warplanes", "jets", "jet", "fighter jets", "navy", "navies", "warship", "warships",
        "air force", "artillery", "tanks", "tank", "drones", "drone", "paratroopers", "marines", "commandos",
        "general", "generals", "commander", "commanders", "helicopters", "helicopter", "gunships", "gunboats",
        "battalion", "brigade", "units", "unit", "aircraft", "submarine", "submarines", "peacekeepers",
        "armed forces", "defence forces", "defense forces", "special forces", "military forces", "coalition",
        "command", "pentagon", "sailors", "sniper", "snipers", "infantry", "reservists", "conscripts",
        "frigate", "frigates", "destroyer", "destroyers", "fighter planes",
    },
    "police": {
        "police", "policemen", "police officers", "officers", "riot police", "security forces", "gendarmes",
        "gendarmerie", "border guards", "border guard", "coast guard", "coastguard", "guards", "border police",
        "investigators", "detectives", "border agents", "federal agents", "customs agents", "immigration agents",
        "guard service", "border service", "border force", "immigration service", "immigration police",
    },
    "judiciary": {"court", "courts", "judge", "judges", "prosecutor", "prosecutors", "tribunal", "judiciary"},
    "legislature": {
        "parliament", "lawmakers", "legislators", "senate", "senators", "congress", "mps", "legislature", "speaker",
    },
    "intelligence": {
        "intelligence", "spies", "spy agency", "intelligence agency", "intelligence services", "security service",
        "security services", "agents", "operatives",
    },
    "rebels": {
        "rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "jihadist", "jihadists", "fighters",
        "gunmen", "gunman", "guerrillas", "guerrilla", "separatists", "separatist", "secessionists", "extremists",
        "terrorists", "militia", "militias", "militiamen", "armed group", "armed groups", "attackers", "assailants",
        "bombers", "insurgency",
    },
    "opposition": {"opposition", "activist", "activists", "dissident", "dissidents", "opponents", "critics"},
    "protesters": {
        "protesters", "protestors", "protester", "demonstrators", "demonstrator", "rioters", "marchers", "strikers",
    },
    "civilians": {
        "civilians", "civilian", "villagers", "residents", "citizens", "people", "refugees", "migrants", "farmers",
        "workers", "students", "families", "children", "women", "pilgrims", "worshippers", "passengers",
        "fishermen", "settlers", "tourists", "hostages", "prisoners", "detainees", "nationals", "population",
        "man", "men", "woman", "person", "persons", "youths", "teenagers", "relatives", "mourners",
        "pensioners", "retirees", "truckers", "drivers", "miners", "unionists", "labourers", "laborers",
        "crew", "crews", "seafarers", "pupils", "schoolchildren", "schoolgirls", "schoolboys", "commuters",
        "shoppers", "herders", "herdsmen", "shepherds", "dockworkers", "dockers",
    },
    "media": {
        "journalist", "journalists", "reporter", "reporters", "media", "newspaper", "newspapers", "broadcaster",
        "broadcasters", "cameraman", "cameramen", "photographer", "photographers", "photojournalist",
        "photojournalists", "correspondent", "correspondents", "editors",
    },
    "business": {"company", "companies", "firm", "firms", "bank", "banks", "investors", "businesses", "exporters"},
    "ngo": {"aid group", "aid groups", "aid workers", "charity", "charities", "aid agency", "aid agencies", "ngo"},
    "health": {"doctors", "doctor", "medics", "nurses", "hospital", "hospitals", "health workers"},
    "criminals": {"suspects", "gang", "gangs", "smugglers", "pirates", "traffickers", "cartel", "cartels",
    "bandits", "kidnappers", "smuggling network", "smuggling ring", "trafficking network", "trafficking ring",
    "drug ring"},
}  # fmt: skip
CORE_AGENTS: dict[str, Sector] = {word: sector for sector, words in _CORE.items() for word in words}

_ORG_WORDS: dict[str, Sector] = {
    "army": "military", "navy": "military", "forces": "military", "force": "military", "military": "military",
    "guard": "military", "police": "police", "ministry": "government", "government": "government",
    "office": "government", "department": "government", "council": "government", "embassy": "government",
    "parliament": "legislature", "assembly": "legislature", "senate": "legislature", "congress": "legislature",
    "court": "judiciary", "tribunal": "judiciary", "party": "opposition", "front": "rebels", "brigades": "rebels",
    "news": "media", "times": "media", "post": "media", "agency": "media", "tv": "media", "television": "media",
    "radio": "media", "journal": "media", "press": "media", "herald": "media", "telegraph": "media",
    "guardian": "media", "reuters": "media", "bank": "business", "corp": "business", "inc": "business",
    "group": "business", "company": "business", "airlines": "business", "cross": "ngo", "watch": "ngo",
    "international": "ngo", "foundation": "ngo", "fund": "igo", "organization": "igo", "organisation": "igo",
}  # fmt: skip
_TITLE_WORDS: dict[str, Sector] = {
    "general": "military", "gen.": "military", "commander": "military", "admiral": "military", "colonel": "military",
    "chief of staff": "military", "commander-in-chief": "military", "major": "military", "lieutenant": "military",
    "army": "military",  # "the army chief"
    "police": "police", "judge": "judiciary", "justice": "judiciary", "prosecutor": "judiciary",
    "senator": "legislature", "lawmaker": "legislature", "speaker": "legislature", "mp": "legislature",
    "opposition": "opposition", "activist": "opposition", "dissident": "opposition", "rebel": "rebels",
    "journalist": "media", "reporter": "media", "editor": "media", "ceo": "business", "executive": "business",
}  # fmt: skip


def agent_sector(phrase: str) -> Sector | None:
    """The sector of a generic agent noun phrase ("border guards", "warplanes"), or None."""
    phrase = phrase.lower()
    if phrase.split()[-1:] and phrase.split()[-1] in PLACES:
        return None
    if len(phrase.split()) > 1 and phrase.split()[-1] in CRAFT:  # "coast guard vessels" are the coast guard's
        return agent_sector(phrase.rsplit(" ", 1)[0])
    last = phrase.split()[-1] if phrase else ""
    last_two = " ".join(phrase.split()[-2:])  # "US border agents" are police, though "agents" alone are spies
    if phrase in CORE_AGENTS or last_two in CORE_AGENTS or last in CORE_AGENTS:  # before the trades: "lawmakers"
        return CORE_AGENTS.get(phrase) or CORE_AGENTS.get(last_two) or CORE_AGENTS[last]
    if phrase.endswith(("makers", "producers", "manufacturers", "operators", "exporters", "importers")):
        return "business"
    derived = _derived_agents()
    return derived.get(phrase) or derived.get(last)


def org_sector(name: str) -> Sector | None:
    """The sector of a named organisation: the derived tables' word, else its name's last telling word."""
    known = known_group(name)
    if known is not None:
        return known[1]
    words = name.lower().replace(".", "").split()
    for word in reversed(words):
        if word in _ORG_WORDS:
            armed = _ORG_WORDS[word] in ("military", "police")
            return "rebels" if armed and is_movement(name) else _ORG_WORDS[word]  # "Syrian Democratic Forces"
    return None


def is_movement(name: str) -> bool:
    """A name in the words armed movements give themselves ("Democratic Forces"), not a state body's."""
    return bool(MOVEMENT_WORDS & set(name.lower().split()))


MOVEMENT_WORDS = {
    "democratic", "liberation", "independence", "popular", "patriotic", "islamic", "resistance", "salvation",
    "freedom", "people's", "mujahideen", "jihad", "front", "allied",
}  # fmt: skip


# Places the derived tables sometimes list among agents ("border" for border guards): never an actor.
PLACES = {
    "border", "borders", "area", "areas", "region", "regions", "zone", "zones", "road", "roads", "territory",
    "waters", "coast", "city", "cities", "town", "towns", "street", "streets", "district", "province", "capital",
}  # fmt: skip
# Craft a body sails or flies: "coast guard vessels", "navy patrol boats" act for the body named before them.
CRAFT = {"vessel", "vessels", "ship", "ships", "boat", "boats", "cutter", "cutters", "helicopter", "helicopters"}
GOVERNMENT_TITLES = {
    "president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "secretary", "governor", "mayor", "prince", "chief",
}  # fmt: skip


def is_titled(words: list[str]) -> bool:
    """Whether the words before a name hold an office title ("President", "Foreign Minister", "General")."""
    return any(word in GOVERNMENT_TITLES or word in _TITLE_WORDS for word in words)


def title_sector(words: list[str]) -> Sector | None:
    """The sector a title before a name gives ("General", "Judge"); None for civilian office."""
    for word in words:
        if word in _TITLE_WORDS:
            return _TITLE_WORDS[word]
    return None


def igo_body(name: str) -> str | None:
    """The organisation a body belongs to: "European Commission", "UN refugee agency", "U.N. Security Council"."""
    key = name.lower().removeprefix("the ")
    if key in IGO_BODIES:
        return IGO_BODIES[key]
    for prefix, igo in IGO_PREFIXES.items():
        if key.startswith(prefix + " ") and key.removeprefix(prefix + " ") not in ("", "s"):
            return igo
    return None


def known_group(name: str) -> tuple[str | None, Sector] | None:
    """(country ISO3 or None, sector) of a named armed group, IGO or NGO the derived tables know."""
    from consumers.nlp.events.named_groups import named_group

    group = named_group(name)  # "Houthi rebels" and "the Hamas movement" too
    return (group.country, group.sector) if group is not None else None


def names_an_igo(name: str) -> bool:
    """Whether the groups table knows ``name`` as an intergovernmental organisation ("IMF", "the WHO"), not
    a state's body named like one ("the Russian Security Council")."""
    from consumers.nlp.events.named_groups import a_demonym

    if "org:" + "-".join(name.lower().removeprefix("the ").split()) in IGO_IDS:
        return True  # "the African Union"
    group = known_group(name) if name else None
    return group is not None and group[1] == "igo" and not a_demonym(name.split()[0])


@cache
def _derived_agents() -> dict[str, Sector]:
    from consumers.nlp import event_tables

    return dict(event_tables.agent_sectors())


def left_words(token: Token | None) -> list[str]:
    """The words just before a name and in its apposition, where its title is ("Defence Minister", "the envoy")."""
    if token is None:
        return []
    words: list[str] = []
    index = token.i - 1
    while index >= 0 and token.i - index <= 6:
        word = token.doc[index]
        if (word.is_punct and word.text != "-") or (word.pos_ in ("VERB", "AUX") and not word.is_title):
            break  # "Indian police arrested Nawaz Sharif": the police are not his title
        words.append(word.lower_)
        index -= 1
    for child in token.children:
        if child.dep_ == "appos":
            words.extend(t.lower_ for t in child.subtree)
    if token.dep_ == "appos":
        words.extend(t.lower_ for t in token.head.subtree if t.i < token.i)
    return words


# Organisations that act under their own name, whatever country they belong to ("India's Tata").
OWN_NAME_SECTORS: frozenset[Sector] = frozenset({"business", "media", "ngo"})
# Nouns that describe a company before or beside its name: "brewer Heineken", "Spanish utility Iberdrola".
_BUSINESS_NOUNS = {
    "brewer", "utility", "chipmaker", "carmaker", "automaker", "giant", "lender", "miner", "insurer", "retailer",
    "conglomerate", "manufacturer", "producer", "maker", "operator", "firm", "company", "group", "startup",
    "corporation", "exporter", "shipper", "airline", "developer", "supplier", "contractor", "bank", "monopoly",
}  # fmt: skip
_MEDIA_NOUNS = {"newspaper", "broadcaster", "outlet", "site", "channel", "daily", "weekly", "magazine", "station"}


def described_kind(words: list[str]) -> Sector | None:
    """The sector the words describing a name give it ("state nuclear company", "independent news site")."""
    if any(word in _MEDIA_NOUNS for word in words):
        return "media"
    return "business" if any(word in _BUSINESS_NOUNS for word in words) else None
