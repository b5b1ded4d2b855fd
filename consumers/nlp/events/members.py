"""The members a group names beside it: "14 prisoners, among them an American", "activists, including a Swede".

An analyst codes the act toward each member the text singles out by
nationality or name, besides the group itself: "detained 400 activists,
among them a Swedish campaigner" is also an arrest of a Swede. The members
come in an "including" phrase on the group, or in "among them X", which
the parser hangs on the group, on the member or on the verb beside both.
"""

from spacy.tokens import Token

from consumers.nlp.events.actors import ActorReader
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.rules import unique

LISTING_WORDS = ("including", "among")
MEMBER_DEPS = ("npadvmod", "appos", "dobj", "dep")  # "among them a French teacher" hung beside the verb
PATIENT_DEPS = ("dobj", "nsubjpass")


def listed_members(reader: ActorReader, verb: Token, deps: tuple[str, ...] = PATIENT_DEPS) -> list[Actor]:
    """The members named in "including"/"among them" beside the groups in ``deps`` of ``verb``.

    With the default, the acted-upon groups (object, passive subject); with
    ``("nsubj",)``, the acting ones ("several states, including Brazil, voted").
    """
    groups = [c for c in verb.children if c.dep_ in deps]
    found = [a for group in groups for word in _member_words(group) for a in _member_actors(reader, word, group)]
    for group in groups:  # "detained 400 activists, among them X": the list hung on the verb, right after
        after = [c for c in verb.children if c.i > group.right_edge.i and c.dep_ in ("prep", *MEMBER_DEPS)]
        first = min(after, key=lambda c: c.i) if after else None
        if first is None or first.left_edge.i > group.right_edge.i + 2:
            continue
        if first.dep_ == "prep" and first.lower_ == "among" and _of_them(first):
            nouns = [c for c in verb.children if c.dep_ in MEMBER_DEPS and c.i > first.i and c.pos_ == "NOUN"]
            first = nouns[0] if nouns else first
        if first.pos_ == "NOUN" and any(p.lower_ == "among" and _of_them(p) for p in first.children):
            found += _member_actors(reader, first, group)
        elif first.pos_ == "NOUN" and first.i > group.i and any(p.lower_ == "among" for p in verb.children):
            found += _member_actors(reader, first, group)
    return unique(found)


def _member_words(group: Token) -> list[Token]:
    """The member nouns under a group noun (or its "of" phrase: "dozens of aid workers, including ...")."""
    heads = [group, *(o for p in group.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
    words: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "including":
                words += [o for o in child.children if o.dep_ == "pobj"]
            elif child.dep_ in ("appos", "npadvmod") and any(
                p.dep_ == "prep" and p.lower_ == "among" and _of_them(p) for p in child.children
            ):
                words.append(child)  # "16 prisoners, among them two Lithuanian citizens"
    return [m for word in words for m in (word, *word.conjuncts)]


def _of_them(prep: Token) -> bool:
    """ "among them", "among whom": the listing form, not "among the rubble"."""
    return any(o.dep_ == "pobj" and o.lower_ in ("them", "whom", "those") for o in prep.children)


def _member_actors(reader: ActorReader, word: Token, group: Token) -> list[Actor]:
    """The member as the country its nationality word names ("an American citizen"), else as read."""
    own = {a.id for a in reader.actors(group)}
    kind = next((a.sector for a in reader.actors(group)), None)
    for child in word.children:
        owner = reader.owners.get(child.i, "")
        if child.dep_ in ("amod", "compound", "nmod") and owner.startswith("country:"):
            country = reader.of_entity(owner)
            read = reader.actors(word)
            sector = next((a.sector for a in read if a.id == owner), None) or kind or "civilians"
            return [Actor(owner, country.name, sector)] if country is not None else []
    named = ("country:", "org:", "bloc:")  # a member with no name or nationality adds nobody: "a journalist"
    return [a for a in reader.actors(word) if a.id not in own and a.id.startswith(named)]
