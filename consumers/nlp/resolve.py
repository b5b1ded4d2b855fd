"""Groups an article's mentions (title and body) into one canonical entity per real-world thing.

Countries, capitals standing for governments, demonyms and blocs resolve
through the gazetteer; people merge by name parts ("Shoigu" and "Sergei
Shoigu"); everything else by its normalised name. A name typed differently
across mentions takes the majority type, and a name ever typed PERSON stays a
person. Ids are stable: ``country:ISO3``, ``bloc:...``, or ``<type>:<slug>``.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from consumers.nlp import event_tables
from consumers.nlp.folding import fold
from consumers.nlp.gazetteer import Gazetteer, Place, normalise
from consumers.nlp.mentions import Candidate
from schemas import EntityType, TextField

LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "around", "across", "throughout", "inside"}
# Verbs whose "at" names whom they are aimed at, not where ("lashed out at Berlin", "fired at", "took aim at").
AIMED_AT_VERBS = {"lash", "hit", "fire", "shoot", "aim", "swipe", "jab", "rail", "snipe", "lob", "point", "glare"}


@dataclass(slots=True)
class ResolvedMention:
    """A mention linked to its entity."""

    candidate: Candidate
    entity_id: str


@dataclass(slots=True)
class EntityRecord:
    """An entity being assembled for one article."""

    id: str
    name: str
    type: EntityType
    mentions: list[ResolvedMention] = field(default_factory=list)
    affiliation: str | None = None


@dataclass(slots=True)
class Resolution:
    """All entities of one article and, per field, which entity each token belongs to."""

    entities: dict[str, EntityRecord]
    token_entity: dict[TextField, dict[int, str]]

    def mentions(self, field_name: TextField) -> list[ResolvedMention]:
        """Mentions in one field, in text order."""
        found = [m for e in self.entities.values() for m in e.mentions if m.candidate.field == field_name]
        return sorted(found, key=lambda m: m.candidate.start)


def slugify(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Deutsche Welle" -> "deutsche-welle"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = _POSSESSIVE_MARK.sub("", ascii_text)  # "People's", "Workers'": one word, as a curly mark gives
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


_POSSESSIVE_MARK = re.compile(r"(?<=\w)'(?=s\b)|(?<=s)'(?!\w)")


def _is_locative(doc: Doc, cand: Candidate) -> bool:
    """A capital after "in/at/near..." is the city itself, not its government ("in Sokoto state" too)."""
    head = doc[cand.tok_end - 1]
    while head.dep_ == "compound" and head.head.i > head.i:  # "Sokoto" in "in Sokoto state"
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return False
    governor = head.head.head
    return not (head.head.lower_ == "at" and (governor.lemma_ in AIMED_AT_VERBS or governor.lower_ == "aim"))


# Demonyms (and "Congo") two countries share, the likelier in news first: the article's own places decide.
SHARED_DEMONYMS = {"congolese": ("COD", "COG"), "congo": ("COD", "COG"), "dominican": ("DOM", "DMA")}


def _is_shared_demonym(text: str) -> bool:
    return normalise(text).removesuffix("s") in SHARED_DEMONYMS


def _shared_demonym(text: str, named: set[str], gazetteer: Gazetteer) -> Place | None:
    """ "Congolese" is the Congo the article names (Kinshasa or Brazzaville), else the likelier one."""
    choices = SHARED_DEMONYMS.get(normalise(text).removesuffix("s"))
    if choices is None:
        return None
    return gazetteer.country(next((c for c in choices if f"country:{c}" in named), choices[0]))


def resolve(candidates: list[tuple[Candidate, Doc]], gazetteer: Gazetteer) -> Resolution:
    """Link every candidate mention to one entity; deterministic for the same input."""
    assigned: list[tuple[Candidate, str, str, EntityType]] = []  # candidate, id, display name, type
    rest: list[Candidate] = []
    name_parts = {
        part
        for cand, _ in candidates
        if cand.label == "PERSON" and len(cand.text.split()) > 1
        for part in cand.text.split()
    }
    for cand, doc in candidates:
        lone_name = cand.label == "PERSON" and " " not in cand.text and cand.text not in name_parts
        # a lone "Kyiv" tagged PERSON is a place if the gazetteer knows the exact name
        place = gazetteer.lookup(cand.text, "GPE" if lone_name else cand.label, fuzzy=not lone_name)
        if place is None and cand.label == "ORG":  # "Sri Lankan navy sailors": a demonym the model took for a name
            demonym = gazetteer.lookup(cand.text, "NORP", fuzzy=False)
            place = demonym if demonym is not None and demonym.kind == "demonym" else None
        if place is not None and not (place.kind in ("capital", "city") and _is_locative(doc, cand)):
            assigned.append((cand, place.id, place.name, place.type))
        else:
            rest.append(cand)
    if any(_is_shared_demonym(cand.text) for cand, *_ in assigned):  # the article's places, only when needed
        places = (gazetteer.lookup(cand.text, "GPE", fuzzy=False) for cand, _ in candidates)
        named = {place.id for place in places if place is not None and place.kind in ("country", "capital")}
        for index, (cand, *_) in enumerate(assigned):
            shared = _shared_demonym(cand.text, named, gazetteer)
            if shared is not None:
                assigned[index] = (cand, shared.id, shared.name, shared.type)
    assigned.extend(_resolve_names(rest))
    entities: dict[str, EntityRecord] = {}
    token_entity: dict[TextField, dict[int, str]] = {"title": {}, "body": {}}
    for cand, entity_id, name, entity_type in sorted(assigned, key=lambda a: (a[0].field != "title", a[0].start)):
        record = entities.setdefault(entity_id, EntityRecord(entity_id, name, entity_type))
        record.mentions.append(ResolvedMention(cand, entity_id))
        for index in range(cand.tok_start, cand.tok_end):
            token_entity[cand.field][index] = entity_id
    return Resolution(entities, token_entity)


def _name_key(text: str) -> str:
    return normalise(text)


def _resolve_names(cands: list[Candidate]) -> list[tuple[Candidate, str, str, EntityType]]:
    """People by name parts, the rest by normalised name with the majority type."""
    in_text = {_name_key(cand.text) for cand in cands}
    written = {id(cand): _written(cand, in_text) for cand in cands}
    labels: dict[str, Counter[str]] = {}
    for cand in cands:
        labels.setdefault(_name_key(written[id(cand)]), Counter())[cand.label] += 1
    person_names = {key for key, count in labels.items() if count["PERSON"] > 0}
    full_names = sorted({key for key in person_names if len(key.split()) >= 2}, key=lambda k: (-len(k), k))

    def person_for(key: str) -> str | None:
        """The one full name this (partial) name belongs to, if exactly one fits."""
        if key in full_names:
            return key
        parts = key.split()
        fits = [full for full in full_names if _is_part(parts, full.split())]
        return fits[0] if len(fits) == 1 else None

    groups: dict[str, list[Candidate]] = {}
    for cand in cands:
        key = _name_key(written[id(cand)])
        label = labels[key].most_common(1)[0][0] if key not in person_names else "PERSON"
        full = person_for(key)
        if full is not None and (label == "PERSON" or len(key.split()) == 1):
            group = "PERSON|" + full
        else:
            group = label + "|" + key
        groups.setdefault(group, []).append(cand)
    result: list[tuple[Candidate, str, str, EntityType]] = []
    for group, members in sorted(groups.items()):
        label = group.split("|", 1)[0]
        if label == "MISC":
            continue  # unrecognised miscellany (products, works...) is not an entity type we publish
        entity_type = EntityType.LOC if label == "LOC" else EntityType(label)
        name = _display_name([written[id(member)] for member in members])
        entity_id = f"{entity_type.value.lower()}:{slugify(name)}"
        result.extend((cand, entity_id, name, entity_type) for cand in members)
    return result


NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _is_part(parts: list[str], full: list[str]) -> bool:
    """Whether a partial name belongs to a full one: "shoigu" -> "sergei shoigu", "xi" -> "xi jinping"."""
    full = [part for part in full if part not in NAME_SUFFIXES] or full
    if len(parts) >= len(full):
        return False
    if len(parts) == 1:  # a surname, a Chinese-order family name, or a known middle name ("Lula")
        return parts[0] == full[-1] or (parts[0] in full and len(parts[0]) >= 2)
    return full[-len(parts) :] == parts


def _written(cand: Candidate, in_text: set[str]) -> str:
    """The name a mention is resolved by: an organisation's initials ("the IMF") stand for its name in full
    where the article writes that too; else the initials are the name it goes by there, as analysts code it."""
    full = event_tables.known_actors().full_name(cand.text) if cand.label == "ORG" else None
    if full is not None and _name_key(full) in in_text:
        return full
    return _plural_group(cand.text) if cand.label == "ORG" else cand.text


ARMED_SECTORS = ("rebels", "opposition", "criminals")


def _plural_group(name: str) -> str:
    """ "Houthi rebels", "Naxalite attacks": the one-word group known by its plural ("the Houthis") is that group."""
    plural = event_tables.known_actors().groups.get(fold(name.lower()) + "s")
    one_word = " " not in name and len(name) >= 5 and not name.isupper()
    return name + "s" if one_word and plural is not None and plural.sector in ARMED_SECTORS else name


def _display_name(names: list[str]) -> str:
    """The longest form (then the most frequent, then the first) names the entity."""
    counts = Counter(names)
    first = {text: i for i, text in reversed(list(enumerate(names)))}
    return min(counts, key=lambda t: (-len(t.split()), -counts[t], first[t]))


def sides(resolution: Resolution, entity_id: str) -> list[str]:
    """The entity and what it speaks for, transitively (minister -> ministry -> country)."""
    chain = [entity_id]
    while len(chain) < 4:
        nxt = resolution.entities[chain[-1]].affiliation
        if nxt is None or nxt in chain or nxt not in resolution.entities:
            break
        chain.append(nxt)
    return chain


def same_side(resolution: Resolution, first: str, second: str) -> bool:
    """True for an entity and itself, or one of its affiliations (either way)."""
    return first in sides(resolution, second) or second in sides(resolution, first)
