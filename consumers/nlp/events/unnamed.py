"""Unnamed people and groups told by what they are part of or what carries them.

News often names a group by a vague head and a telling modifier: "cartel
figures", "gang members", "opposition figures", "a drug-smuggling boat",
"masked men"; the modifier says the sector. A vessel or vehicle "carrying" people stands for
them ("a boat carrying 80 migrants" was intercepted: the migrants were). An
armed force of a people that is no state ("Kurdish forces", "Tuareg
fighters") is an armed group, not a state's military; and a group's
"dissidents" are a splinter, not the group.
"""

from spacy.tokens import Token

from consumers.nlp.events.sectors import agent_sector
from schemas import Sector

# Heads that say only "people of some kind": the modifier before them tells which ("cartel figures").
VAGUE_HEADS = {
    "figures", "figure", "members", "member", "bosses", "boss", "leaders", "leader", "chiefs", "operatives",
    "elements", "cells", "cell", "associates", "affiliates", "henchmen", "kingpins", "kingpin",
}  # fmt: skip
# "Masked men abducted a journalist", "armed men stormed a bus": men whose faces or names are hidden, or who
# carry arms, are perpetrators, not civilians.
HIDDEN = {"masked", "hooded", "unidentified", "unknown", "armed"}
# Modifiers of a vessel or a cell that make it criminals': "a drug-smuggling boat", "a narco sub".
CRIME_WORDS = {"smuggling", "trafficking", "drug", "drugs", "narco", "cocaine", "heroin", "pirate", "mafia"}
CARRIERS = {"boat", "boats", "ship", "ships", "vessel", "vessels", "dinghy", "truck", "trucks", "bus", "buses",
            "plane", "flight", "flights", "convoy", "van", "lorry"}  # fmt: skip
CARRYING = {"carry", "transport", "ferry"}
# Peoples' adjectives that name a region or an alliance rather than a people without a state.
REGIONAL = {
    "european", "african", "asian", "arab", "western", "eastern", "latin", "nordic", "baltic", "scandinavian",
    "gulf", "international", "foreign", "allied", "coalition", "american", "islamic", "muslim", "christian",
}  # fmt: skip
SPLINTERS = {"dissidents", "dissident", "splinter", "splinters", "holdouts", "breakaway"}


def modifier_sector(token: Token) -> Sector | None:
    """The sector a telling modifier gives a vague head: "cartel figures", "gang members", "opposition figures"."""
    if token.lower_ in ("men", "man", "individuals", "persons"):
        return "criminals" if any(c.dep_ == "amod" and c.lower_ in HIDDEN for c in token.children) else None
    if token.lower_ not in VAGUE_HEADS:
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            sector = agent_sector(child.lower_) or ("criminals" if child.lower_ in CRIME_WORDS else None)
            if sector is not None and sector not in ("government", "civilians"):  # "crew members" say no kind
                return sector
    return None


def crime_vessel(token: Token) -> bool:
    """ "a suspected drug-smuggling boat", "a narco sub": a carrier a crime word describes."""
    if token.lower_ not in CARRIERS:
        return False
    words = [g for c in token.children if c.i < token.i for g in c.subtree]
    return any(word.lower_ in CRIME_WORDS for word in words)


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


def splinter(token: Token) -> bool:
    """ "FARC dissidents", "dissidents of the FARC": a group's splinter, not the group."""
    return token.lower_ in SPLINTERS
