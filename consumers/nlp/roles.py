"""Who acts toward whom, read off the dependency parse of each sentence.

Source: the grammatical subject (or passive agent) of a predicate, or the
owner named in it ("China's defence ministry", "Chinese officials",
"officials from China"). Target: an entity in an object slot of the same
predicate: direct object, addressee, or the object of with/toward/against/
on/to/for/over, also inside a noun ("cooperation with X", "Russia's attacks on
Ukraine"). Reported speech ("X said that ...", "X warned Y that ...",
"According to X, ...") is attributed to the speaker: the speaker's stance
goes to the clause's subject, and what the clause says about the speaker (or
the country the speaker speaks for, or "we") stays a relation of that source.
Other claims inside reported speech are not emitted: they are the speaker's
words, not observed relations.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from consumers.nlp import budget
from consumers.nlp.lexicon import OF_CUES, cue_of
from consumers.nlp.resolve import Resolution, same_side
from schemas import EntityType

SPEECH_VERBS = {
    "say", "tell", "warn", "allege", "complain", "claim", "accuse", "state", "add", "argue", "insist", "stress",
    "note", "announce", "declare", "assert", "emphasize", "emphasise", "reiterate", "vow", "pledge", "promise",
    "deny", "suggest", "write", "believe", "acknowledge", "admit", "predict", "caution", "charge", "contend",
    "maintain", "explain", "confirm", "signal", "indicate", "hint", "reply", "respond", "tweet", "post",
}  # fmt: skip
TARGET_PREPS = {"with", "toward", "towards", "against", "on", "to", "for", "over", "into", "upon", "onto"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
WALK_DEPS = OBJECT_DEPS | {
    "prep",
    "pobj",
    "pcomp",
    "acomp",
    "xcomp",
    "conj",
    "compound",
    "amod",
    "poss",
    "appos",
    "nmod",
}
INHERIT_DEPS = {"xcomp", "conj"}
ACTOR_TYPES = {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP}
MAX_DEPTH = 7
CONTRASTIVE = {"instead", "rather", "unlike", "without", "except", "besides", "than"}


@dataclass(frozen=True, slots=True)
class RoleLink:
    """A candidate directed relation with the words that link its two ends."""

    source: str
    target: str
    sentence: Span
    path: tuple[Token, ...]
    speaker: str | None = None
    via: str = "direct"  # direct | speech | according | mutual
    needs_cue: bool = False  # True where only a cue word (not the classifier alone) may label it


class RoleReader:
    """Finds role links in one parsed text given which tokens belong to which entity."""

    def __init__(self, doc: Doc, owners: dict[int, str], resolution: Resolution) -> None:
        """``owners``: token index -> entity id (named mentions and resolved pronouns)."""
        self.doc = doc
        self.resolution = resolution
        self.owners = {
            i: e
            for i, e in owners.items()
            if e in resolution.entities
            and resolution.entities[e].type in ACTOR_TYPES
            and not (e.startswith("norp:") and doc[i].pos_ == "ADJ")
        }

    # -- actors ---------------------------------------------------------------------------
    def own(self, token: Token) -> str | None:
        """The entity a token belongs to, if it can act."""
        return self.owners.get(token.i)

    def actors(self, token: Token) -> list[str]:
        """Entities a noun phrase stands for (with its conjuncts: "China and Russia")."""
        found: list[str] = []
        for head in (token, *token.conjuncts):
            for entity_id in self._np_actor(head):
                if entity_id not in found:
                    found.append(entity_id)
        return found

    def _np_actor(self, token: Token) -> list[str]:
        owner = self.own(token)
        if owner is not None:
            return [owner]
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        # a named possessor first; a possessive pronoun only after a nationality word:
        # "his Ghanaian counterpart" is Ghana's, "its allies" are the pronoun's
        for deps, pronoun in (
            (("appos",), False),
            (("poss",), False),
            (("compound", "amod"), False),
            (("poss",), True),
        ):
            for child in token.children:
                if child.dep_ in deps and (child.pos_ == "PRON") == pronoun and self.own(child) is not None:
                    return [str(self.own(child))]
        for child in token.children:
            if child.dep_ == "compound":
                nested = [self.own(g) for g in child.children if g.dep_ in ("amod", "compound", "poss")]
                if any(nested):
                    return [str(next(e for e in nested if e))]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        inner = [self.own(t) for t in (obj, *obj.conjuncts)]
                        if any(inner):
                            return [e for e in inner if e]
                        return self._np_actor(obj) if obj.pos_ == "NOUN" else []
        return []

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[str], list[Token]]:
        """Source entities of a predicate, and passive subjects that become targets."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return self.actors(child), []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                agents = [obj for a in verb.children if a.dep_ == "agent" for obj in a.children if obj.dep_ == "pobj"]
                return (self.actors(agents[0]) if agents else []), [child]
        if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
            return self.subjects(verb.head, depth + 1)
        return [], []

    # -- targets --------------------------------------------------------------------------
    def targets(self, predicate: Token) -> list[tuple[str, tuple[Token, ...]]]:
        """Entities in object slots under a predicate, with the path of tokens to each."""
        found: list[tuple[str, tuple[Token, ...]]] = []
        has_object = any(c.dep_ in ("dobj", "dative") for c in predicate.children)
        stack: list[tuple[Token, tuple[Token, ...], bool]] = [
            (child, (predicate, child), child.dep_ in OBJECT_DEPS)
            for child in predicate.children
            if child.dep_ in WALK_DEPS
            and child.dep_ != "conj"
            and not (child.dep_ == "prep" and _is_contrastive(child))
        ]
        while stack:
            token, path, slot = stack.pop()
            owner = self.own(token)
            if owner is not None:
                if slot:
                    found.append((owner, path))
                stack.extend((c, (*path, c), slot) for c in token.children if c.dep_ == "conj")
                continue
            if len(path) > MAX_DEPTH:
                continue
            if self._owned_by_other(token, path, has_object):
                # "criticized Moscow for its threats against NATO": what follows is the possessor's;
                # but "talks with his Ghanaian counterpart" are with Ghana, not with "his"
                possessors = [c for c in token.children if c.dep_ == "poss"]
                named = [c for c in token.children if c.dep_ in ("amod", "compound") and self.own(c) is not None]
                keep = named if named and all(p.pos_ == "PRON" for p in possessors) else possessors
                stack.extend((c, (*path, c), slot) for c in keep)
                continue
            if has_object and token.pos_ in ("VERB", "AUX") and token.dep_ in ("pcomp", "xcomp"):
                continue
            for child in token.children:
                if child.dep_ not in WALK_DEPS or (child.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
                    continue
                if child.dep_ == "prep" and _is_contrastive(child):
                    continue
                stack.append((child, (*path, child), self._slot(token, child, slot)))
        return sorted(found, key=lambda f: (f[1][-1].i, f[0]))

    @staticmethod
    def _owned_by_other(token: Token, path: tuple[Token, ...], has_object: bool) -> bool:
        """A noun with its own possessor, other than the subject ("its" after an object is the object's)."""
        owners = [c for c in token.children if c.dep_ == "poss"]
        if not owners or token.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(o.pos_ != "PRON" for o in owners):
            return True
        direct_object = len(path) == 2 and token.dep_ in OBJECT_DEPS
        return has_object and not direct_object

    @staticmethod
    def _slot(parent: Token, child: Token, parent_slot: bool) -> bool:
        """Whether ``child`` sits where a target can be."""
        if child.dep_ in OBJECT_DEPS:
            return parent.pos_ in ("VERB", "AUX", "ADJ")
        if child.dep_ == "pobj":
            prep = parent.lower_
            head = parent.head
            if prep == "at":  # "fired at X", "lashed out at X"
                return head.pos_ == "VERB" and cue_of(head) == "hostile"
            return prep in TARGET_PREPS or (prep == "of" and head.lemma_.lower() in OF_CUES)
        if child.dep_ in ("poss", "compound", "amod", "conj", "appos", "nmod"):
            return parent_slot
        return False

    # -- links ----------------------------------------------------------------------------
    def links(self) -> list[RoleLink]:
        """All role links of the text, reported speech attributed to its speakers."""
        content = self.reported_content()
        result: list[RoleLink] = []
        for token in self.doc:
            budget.check()
            if token.pos_ not in ("VERB", "AUX"):
                if token.pos_ == "NOUN" and cue_of(token) is not None:
                    result.extend(self._nominal_links(token, content))
                continue
            sources, passive = self.subjects(token)
            for source, target, path in self._pairs(token, sources, passive):
                result.append(self._attribute(RoleLink(source, target, token.sent, path), token, content))
            if len(sources) > 1 and self._named_subjects(token) and not self.targets(token):
                # "Japan and the Philippines signed a pact": each toward the other, if a cue says how
                mutual = [
                    RoleLink(
                        a,
                        b,
                        token.sent,
                        (token, *(c for c in token.children if c.dep_ == "dobj")),
                        None,
                        "mutual",
                        True,
                    )
                    for a in sources
                    for b in sources
                    if a != b
                ]
                result.extend(self._attribute(link, token, content) for link in mutual)
        for root, (speech, speakers, via) in content.items():
            clause_subjects, passive = self.subjects(root)
            # "agents of India may have been involved": a passive clause is about its subject
            clause_subjects = clause_subjects or [a for p in passive for a in self.actors(p)]
            for speaker in speakers:
                result.extend(
                    RoleLink(speaker, target, root.sent, (speech, root), None, via, True)
                    for target in clause_subjects
                    if not self._same_side(speaker, target)
                )
        return [link for link in result if link.source and not self._same_side(link.source, link.target)]

    def _named_subjects(self, verb: Token) -> bool:
        """Whether the subject is a coordination of named entities ("Japan and the Philippines")."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and all(self.own(t) is not None for t in (subject, *subject.conjuncts))

    def _pairs(
        self, predicate: Token, sources: list[str], passive: list[Token]
    ) -> list[tuple[str, str, tuple[Token, ...]]]:
        pairs = [(s, t, path) for s in sources for t, path in self.targets(predicate)]
        pairs += [(s, t, (predicate, p)) for s in sources for p in passive for t in self.actors(p)]
        return pairs

    def _nominal_links(self, noun: Token, content: dict[Token, tuple[Token, list[str], str]]) -> list[RoleLink]:
        """Nominal predicates with a possessor ("Russia's attacks on Ukraine"): the possessor acts."""
        owners = [self.own(c) for c in noun.children if c.dep_ == "poss"]
        sources = [o for o in owners if o]
        return [
            self._attribute(RoleLink(s, t, noun.sent, path), noun, content)
            for s in sources
            for t, path in self.targets(noun)
        ]

    def reported_content(self) -> dict[Token, tuple[Token, list[str], str]]:
        """Clause root -> (speech word, speakers, how): "X said that <clause>", "According to X, <clause>"."""
        content: dict[Token, tuple[Token, list[str], str]] = {}
        for token in self.doc:
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
                speakers, _ = self.subjects(token)
                for child in token.children:
                    if child.dep_ == "ccomp" and speakers:
                        content[child] = (token, speakers, "speech")
            if token.lower_ == "according" and token.head.pos_ in ("VERB", "AUX"):
                objs = [o for to in token.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"]
                speakers = self.actors(objs[0]) if objs else []
                if speakers:
                    content[token.head] = (token, speakers, "according")
        return content

    def _attribute(
        self, link: RoleLink, predicate: Token, content: dict[Token, tuple[Token, list[str], str]]
    ) -> RoleLink:
        """Inside reported speech, keep a link only when it is the speaker's own side acting."""
        for root, (speech, speakers, via) in content.items():
            inside = predicate.i in {t.i for t in root.subtree}
            if not inside or (via == "according" and predicate.i in {t.i for t in speech.subtree}):
                continue
            for speaker in speakers:
                affiliation = self.resolution.entities[speaker].affiliation
                if link.source in (speaker, affiliation):
                    speaker_id = speaker if link.source != speaker else None
                    return RoleLink(
                        link.source, link.target, link.sentence, (speech, *link.path), speaker_id, via, link.needs_cue
                    )
            return RoleLink("", link.target, link.sentence, link.path)  # someone else's claim: dropped
        return link

    def _same_side(self, first: str, second: str) -> bool:
        """Self-relations and relations with one's own affiliation are not stances."""
        return same_side(self.resolution, first, second)


def _is_contrastive(prep: Token) -> bool:
    """After "instead of", "rather than", "unlike", "without", what follows is not what the subject does."""
    return prep.lower_ in CONTRASTIVE or any(child.lower_ in CONTRASTIVE for child in prep.children)
