"""Unnamed people and groups told by what they are part of or what carries them.

News often names a group by a vague head and a telling modifier: "cartel
figures", "gang members", "opposition figures", "a drug-smuggling boat",
"masked men"; the modifier says the sector. The crew of a vessel carrying
drugs are the smugglers ("arrested its four crew", "the 11 people aboard").
A vessel or vehicle "carrying" people stands for them ("a boat carrying 80
migrants" was intercepted: the migrants were). An
armed force of a people that is no state ("Kurdish forces", "Tuareg
fighters") is an armed group, not a state's military; and a group's
"dissidents" are a splinter, not the group.
"""

from spacy.tokens import Token

from consumers.nlp.events.sectors import agent_sector, known_group
from schemas import Sector

# Heads that say only "people of some kind": the modifier before them tells which ("cartel figures").
VAGUE_HEADS = {
    "figures", "figure", "members", "member", "bosses", "boss", "leaders", "leader", "chiefs", "operatives",
    "elements", "cells", "cell", "associates", "affiliates", "henchmen", "kingpins", "kingpin", "ring", "rings",
    "network", "networks", "syndicate", "syndicates",
}  # fmt: skip
# "Masked men abducted a journalist", "armed men stormed a bus": men whose faces or names are hidden, or who
# carry arms, are perpetrators, not civilians.
HIDDEN = {"masked", "hooded", "unidentified", "unknown", "armed"}
# Modifiers of a vessel or a cell that make it criminals': "a drug-smuggling boat", "a narco sub".
CRIME_WORDS = {
    "smuggling", "trafficking", "drug", "drugs", "narco", "cocaine", "heroin", "pirate", "mafia", "hashish",
    "cannabis", "marijuana", "methamphetamine", "fentanyl", "contraband", "captagon",
}  # fmt: skip
CARRIERS = {"boat", "boats", "ship", "ships", "vessel", "vessels", "dinghy", "truck", "trucks", "bus", "buses",
            "plane", "flight", "flights", "convoy", "van", "lorry", "speedboat", "speedboats", "submersible",
            "semi-submersible", "sub", "trawler", "yacht", "skiff"}  # fmt: skip
# Who a vessel holds: "its four crew", "the three men aboard", "all 11 people on board".
ABOARD_PEOPLE = {"crew", "crews", "crewmen", "men", "people", "members", "occupants", "sailors"}
CARRYING = {"carry", "transport", "ferry"}
# Peoples' adjectives that name a region or an alliance rather than a people without a state.
REGIONAL = {
    "european", "african", "asian", "arab", "western", "eastern", "latin", "nordic", "baltic", "scandinavian",
    "gulf", "international", "foreign", "allied", "coalition", "american", "islamic", "muslim", "christian",
}  # fmt: skip
PROTESTING = {"protest", "demonstrate", "riot", "march", "rally"}  # what makes people protesters
SPLINTERS = {"dissidents", "dissident", "splinter", "splinters", "holdouts", "breakaway"}


def modifier_sector(token: Token) -> Sector | None:
    """The sector a telling modifier gives a vague head: "cartel figures", "gang members", "opposition figures"."""
    if token.lower_ in ("men", "man", "individuals", "persons"):
        return "criminals" if any(c.dep_ == "amod" and c.lower_ in HIDDEN for c in token.children) else None
    ruling = any(c.lower_ in ("ruling", "governing") for c in token.children)
    if ruling and token.lemma_.lower() in ("party", "coalition"):
        return "government"  # "Zambia's ruling party" governs
    described = [t for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i for t in c.subtree]
    if any(t.lower_ == "opposition" for t in described) and agent_sector(token.lower_) in (None, "government"):
        return "opposition"  # "opposition party officials" are no government's
    if token.lower_ not in VAGUE_HEADS:
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            sector = agent_sector(child.lower_) or ("criminals" if child.lower_ in CRIME_WORDS else None)
            if sector is not None and sector not in ("government", "civilians"):  # "crew members" say no kind
                return sector
    return None


def crime_vessel(token: Token) -> bool:
    """ "a suspected drug-smuggling boat", "a speedboat carrying two tonnes of hashish": a carrier a crime word
    describes, before it or in the clause that says what it carries."""
    if token.lower_ not in CARRIERS and _hyphenated(token) not in CARRIERS:
        return False
    cargo = [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in (*CARRYING, "load")]
    words = [g for c in token.children if c.i < token.i or c in cargo for g in c.subtree]
    return any(word.lower_ in CRIME_WORDS for word in words)


def crew_of_crime(token: Token) -> bool:
    """ "seized a boat carrying cocaine and arrested its four crew", "killing all 11 people aboard": the people a
    crime vessel of the same sentence holds are the smugglers, not civilians."""
    if token.lower_ not in ABOARD_PEOPLE:
        return False
    # "aboard" may hang on the verb whose object the people are ("arrested the three men aboard")
    near = [*token.children, *(token.head.children if token.dep_ == "dobj" else ())]
    held = any(c.lower_ in ("its", "aboard", "onboard") or (c.lower_ == "on" and _board(c)) for c in near)
    return held and any(crime_vessel(word) or _crime_cargo(word) for word in token.sent if word.i < token.i)


def _crime_cargo(word: Token) -> bool:
    """ "carrying three tonnes of cocaine", "loaded with cocaine": a clause that carries drugs, however parsed."""
    return word.lemma_.lower() in (*CARRYING, "load") and any(w.lower_ in CRIME_WORDS for w in word.subtree)


def _board(prep: Token) -> bool:
    """ "on board": the preposition with "board" as its object."""
    return any(o.lower_ == "board" for o in prep.children)


def _hyphenated(token: Token) -> str:
    """ "semi-submersible": the parser splits a hyphenated noun and hangs its first part on the last."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return token.lower_
    return f"{doc[token.i - 2].lower_}-{token.lower_}"


def carried(token: Token) -> Token | None:
    """ "a boat carrying 80 migrants": the people the carrier carries, or None."""
    if token.lower_ not in CARRIERS:
        return None
    for clause in token.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in CARRYING:
            for obj in clause.children:
                if obj.dep_ == "dobj":
                    return obj
    return None


def stateless_people(token: Token, owners: dict[int, str]) -> bool:
    """ "Kurdish forces": a people's adjective the gazetteer gave no country, not a region's ("European")."""
    return any(
        child.dep_ in ("amod", "compound")
        and owners.get(child.i, "").startswith("norp:")
        and child.lower_ not in REGIONAL
        for child in token.children
    )


def people_of_no_group(word: Token, name: str, sector: Sector) -> bool:
    """ "Druze militias": a one-word name the tables know as no group, before armed men or civilians, is a
    people's name (the model tags such words as organisations); an acronym ("ADF fighters") names a group."""
    unknown = " " not in name and not word.is_upper and known_group(name) is None
    return unknown and word.dep_ in ("compound", "amod") and sector in ("rebels", "civilians", "protesters")


# Crimes people are suspected of: then they are coded as criminals, not as the civilians their noun says.
CRIMES = {
    "smuggle", "smuggling", "traffic", "trafficking", "kidnap", "kidnapping", "rob", "robbery", "murder",
    "extort", "extortion", "launder", "laundering", "fraud", "drug", "piracy", "theft", "steal",
}  # fmt: skip


def suspected_of_crime(token: Token) -> bool:
    """ "people suspected of smuggling migrants", "men accused of drug trafficking": suspects of a crime."""
    for clause in token.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in ("suspect", "accuse", "charge"):
            of = [o for p in clause.children if p.lower_ in ("of", "with") for o in p.children]
            if any(w.lemma_.lower() in CRIMES for o in of for w in o.subtree):
                return True
    return False


PROTESTING_VERBS = {"protest", "demonstrate", "march", "rally", "riot"}


def protesting(token: Token) -> bool:
    """ "crowds protesting against a finance bill", "students marching on parliament": people who protest."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in PROTESTING_VERBS for c in token.children)


def splinter(token: Token) -> bool:
    """ "FARC dissidents", "dissidents of the FARC": a group's splinter, not the group."""
    return token.lower_ in SPLINTERS


def people_word(token: Token, owners: dict[int, str]) -> bool:
    """ "Tuareg": a plain capitalised word the model took for a place with no country is a people, not a group name."""
    plain = token.is_title and token.is_alpha and "-" not in token.text
    return plain and owners.get(token.i, "").startswith("gpe:") and token.ent_type_ in ("GPE", "NORP", "LOC")


VAGUE_AGENTS = {
    "officers", "officer", "men", "members", "gunmen", "fighters", "agents", "personnel", "workers", "staff",
    "forces", "units", "troops", "operatives", "guards", "officials", "leader", "leaders", "figures", "hitmen",
    "hitman",
}  # fmt: skip


def noun_phrase(token: Token) -> str:
    """The head with its compound modifiers, lower case: "air force", "border guards", "China's Coast Guard"."""
    compounds = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.pos_ in ("NOUN", "PROPN")]
    words = [w.lower_ for c in compounds for w in c.subtree if w is c or w.dep_ == "compound"]  # "coast guard ships"
    return " ".join([*words, token.lower_])


def refined_sector(token: Token, sector: Sector) -> Sector:
    """A modifier names the kind more precisely than a vague head: "cartel gunmen", "intelligence officers"."""
    if any(c.lower_ == "political" for c in token.children) and token.lower_ in ("prisoners", "detainees"):
        return "opposition"
    protesting = any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in PROTESTING for c in token.children)
    if sector == "civilians" and protesting:  # "protesting farmers", "nurses protesting pay cuts"
        return "protesters"
    if token.lower_ in ("bomber", "bombers") and not any(c.lower_ == "suicide" for c in token.children):
        national = any(c.dep_ in ("amod", "compound") and c.is_title for c in token.children)
        return "military" if national else sector  # "Russian bombers" are aircraft, "suicide bombers" militants
    if token.lower_ not in VAGUE_AGENTS:
        return sector
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            refined = agent_sector(child.lower_)
            if refined is not None and refined != "government":  # "government troops" are troops
                return refined
    return sector
