"""Pronoun resolution, deliberately simple: a pronoun takes the most recent compatible entity.

"he/she/him/her/his" -> the last PERSON mentioned within a few sentences; a
"He" or "She" opening a sentence -> the person the previous sentence is about
(its subject), as news prose goes on about its subject;
"they/them/their" -> the last bloc (e.g. "the Western world") in the same or
previous sentence; "we"/"I" inside reported speech -> the speaker's side / the speaker.
Anything less certain stays unresolved (precision first).
"""

from spacy.attrs import POS, TAG
from spacy.symbols import PRON
from spacy.tokens import Doc

from consumers.nlp.resolve import Resolution
from consumers.nlp.roles import RoleReader
from schemas import EntityType

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "themselves"}
MAX_SENTENCE_GAP = 3
FIRST_PERSON_GROUP = {"we", "us", "our", "ours"}
FIRST_PERSON_SINGLE = {"i", "me", "my"}


def resolve_pronouns(doc: Doc, resolution: Resolution, owners: dict[int, str]) -> dict[int, str]:
    """Token index -> entity id for the pronouns that can be resolved; ``owners`` maps named mentions."""
    sentence_of: dict[int, int] = {}
    for index, sent in enumerate(doc.sents):
        sentence_of.update(dict.fromkeys(range(sent.start, sent.end), index))
    last_person: tuple[int, str] | None = None  # sentence index, entity id
    last_group: tuple[int, str] | None = None
    subject_person: dict[int, str] = {}  # sentence index -> the person who is its subject
    resolved: dict[int, str] = {}
    for index in sorted({*owners, *_pronoun_indices(doc)}):  # no other word changes the outcome
        sentence = sentence_of[index]
        entity_id = owners.get(index)
        if entity_id is not None:
            record = resolution.entities[entity_id]
            if record.type is EntityType.PERSON:
                last_person = (sentence, entity_id)
                if _main_subject(doc, index):
                    subject_person.setdefault(sentence, entity_id)
            elif entity_id.startswith("bloc:"):
                last_group = (sentence, entity_id)
            continue
        lower = doc[index].lower_
        opening = doc[index].is_sent_start and _main_subject(doc, index)  # "X met Y. He also said ..."
        if lower in PERSON_PRONOUNS and opening and sentence - 1 in subject_person:
            resolved[index] = subject_person.setdefault(sentence, subject_person[sentence - 1])  # "He ... He"
        elif lower in PERSON_PRONOUNS and last_person and sentence - last_person[0] <= MAX_SENTENCE_GAP:
            resolved[index] = last_person[1]
        elif lower in GROUP_PRONOUNS and last_group and sentence - last_group[0] <= 1:
            resolved[index] = last_group[1]
    return resolved


def _main_subject(doc: Doc, index: int) -> bool:
    """Whether the word is the subject of its sentence's main verb (not of a clause inside it)."""
    word = doc[index]
    return word.dep_ in ("nsubj", "nsubjpass") and (word.head.dep_ == "ROOT" or word.head.head.dep_ == "ROOT")


def _pronoun_indices(doc: Doc) -> list[int]:
    """The tokens tagged as pronouns, read as arrays rather than one Token object per word."""
    pronoun_tags = {doc.vocab.strings[tag] for tag in ("PRP", "PRP$")}
    return [i for i, (pos, tag) in enumerate(doc.to_array([POS, TAG]).tolist()) if pos == PRON or tag in pronoun_tags]


def first_person_owners(doc: Doc, resolution: Resolution, owners: dict[int, str]) -> dict[int, str]:
    """In "X said: 'we ...'", resolve "we" to what X speaks for and "I" to X; needs the speaker's clause."""
    extra: dict[int, str] = {}
    reader = RoleReader(doc, owners, resolution)
    for root, (_, speakers, _) in reader.reported_content().items():
        if len(speakers) != 1:
            continue
        speaker = speakers[0]
        group = resolution.entities[speaker].affiliation or speaker
        for token in root.subtree:
            if token.i in owners or token.pos_ != "PRON":
                continue
            if token.lower_ in FIRST_PERSON_GROUP:
                extra[token.i] = group
            elif token.lower_ in FIRST_PERSON_SINGLE:
                extra[token.i] = speaker
    return extra
