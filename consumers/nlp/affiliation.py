"""Who a person speaks for, when the text says so.

Two generic patterns of news prose, read off the parse:
  * a title before the name, modified by a country, bloc or organisation:
    "Russian Defense Minister Sergei Shoigu", "US President Joe Biden",
    "China's top diplomat Wang Yi";
  * an appositive naming one: "Zhang Yuxia, vice chairman of China's military
    commission", "the foreign minister of Iran, Hossein Amir-Abdollahian".
"""

from spacy.tokens import Doc, Token

from consumers.nlp.gazetteer import Gazetteer
from consumers.nlp.mentions import TITLE_WORDS
from consumers.nlp.resolve import EntityRecord, Resolution
from schemas import EntityType, TextField

ROLE_NOUNS = TITLE_WORDS | {
    "correspondent", "representative", "negotiator", "delegate", "adviser", "advisor", "aide", "ceo", "founder",
    "commissioner", "foreign", "member", "vice-chairman", "vice-president", "president-elect", "attorney",
}  # fmt: skip
TITLE_QUALIFIERS = {"supreme", "grand", "high"}  # "Supreme Leader", "Grand Mufti", "High Representative"
_STOP_DEPS = {"punct", "cc", "case", "prep", "det", "mark", "advmod"}
_MAX_WINDOW = 7


GOVERNMENT_WORDS = {
    "ministry", "foreign", "affairs", "defense", "defence", "government", "army", "navy", "air", "force", "forces",
    "military", "embassy", "parliament", "cabinet", "police", "coast", "guard", "office", "council", "interior",
    "external", "state", "department", "armed", "presidency", "senate", "congress", "legislature", "kremlin",
    "treasury", "commerce", "finance", "justice",
}  # fmt: skip


def assign_org_countries(resolution: Resolution, gazetteer: Gazetteer) -> None:
    """A state body ("Chinese Foreign Ministry", "Indian External Affairs") speaks for its country."""
    for record in resolution.entities.values():
        if record.type is not EntityType.ORG or record.affiliation is not None:
            continue
        country = body_country(record.name, gazetteer)
        if country is not None and country in resolution.entities:
            record.affiliation = country


def body_country(name: str, gazetteer: Gazetteer) -> str | None:
    """The country a state body is named after ("Indian External Affairs"), whether or not the text names it."""
    words = name.split()
    if len(words) < 2 or not any(word.lower() in GOVERNMENT_WORDS for word in words[1:]):
        return None
    place = gazetteer.lookup(words[0], "NORP") or gazetteer.lookup(words[0], "GPE", fuzzy=False)
    return place.id if place is not None and place.id.startswith("country:") else None


def _can_be_affiliation(record: EntityRecord) -> bool:
    return record.type in (EntityType.GPE, EntityType.ORG) and not record.id.startswith("gpe:")


def assign_affiliations(resolution: Resolution, docs: dict[TextField, Doc]) -> None:
    """Set ``affiliation`` on people; the first stated affiliation in the article wins."""
    for field_name, doc in docs.items():
        owners = resolution.token_entity[field_name]
        for mention in resolution.mentions(field_name):
            person = resolution.entities[mention.entity_id]
            if person.type is not EntityType.PERSON or person.affiliation is not None:
                continue
            cand = mention.candidate
            found = _before(doc, cand.tok_start, owners, resolution) or _appositive(
                doc, cand.tok_start, cand.tok_end, owners, resolution
            )
            if found is not None and found != person.id:
                person.affiliation = found


def _affiliation_at(token: Token, owners: dict[int, str], resolution: Resolution) -> str | None:
    entity_id = owners.get(token.i)
    if entity_id is None:
        return None
    record = resolution.entities[entity_id]
    return entity_id if _can_be_affiliation(record) else None


def _before(doc: Doc, start: int, owners: dict[int, str], resolution: Resolution) -> str | None:
    """Pattern "<Country> <title words> <Name>": walk left over titles, possessives and the country."""
    titled = False
    found: str | None = None
    index = start - 1
    while index >= 0 and start - index <= _MAX_WINDOW:
        token = doc[index]
        owner = _affiliation_at(token, owners, resolution)
        if owner is not None and _title_word(token, owner, resolution):
            titled = True  # "the Supreme Leader X": the tagger took "Supreme" for an organisation
        elif owner is not None:
            found = found or owner
        elif token.tag_ == "POS" or token.lower_ in ("'s", "’s"):
            pass
        elif token.lower_ in ROLE_NOUNS:
            titled = True
        elif token.pos_ in ("ADJ", "PROPN", "NOUN") and token.dep_ not in _STOP_DEPS and not token.is_punct:
            pass
        elif token.i in owners:  # another entity (e.g. a person) ends the phrase
            break
        else:
            break
        index -= 1
    return found if titled else None


def _title_word(token: Token, owner: str, resolution: Resolution) -> bool:
    """A one-word "organisation" that only qualifies the title after it ("Supreme Leader")."""
    record = resolution.entities[owner]
    return record.type is EntityType.ORG and token.lower_ in TITLE_QUALIFIERS and token.head.lower_ in ROLE_NOUNS


def _appositive(doc: Doc, start: int, end: int, owners: dict[int, str], resolution: Resolution) -> str | None:
    """Pattern "<Name>, <title> of <Country's> ..." or "<title> of <Country>, <Name>"."""
    head = doc[end - 1]
    while head.head.i in range(start, end) and head.head.i != head.i:
        head = head.head
    candidates: list[Token] = [child for child in head.children if child.dep_ == "appos"]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for noun in candidates:
        if noun.lower_ not in ROLE_NOUNS and not any(t.lower_ in ROLE_NOUNS for t in noun.lefts):
            continue
        for token in noun.subtree:
            if start <= token.i < end:
                continue
            owner = _affiliation_at(token, owners, resolution)
            if owner is not None:
                return owner
    return None
