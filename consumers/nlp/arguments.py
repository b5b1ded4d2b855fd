"""Which entities fill a predicate's slots, read off the dependency parse.

Source: the grammatical subject (or passive agent) of a predicate, or the
owner named in it ("China's defence ministry", "Chinese officials",
"officials from China"). Target: an entity in an object slot of the same
predicate: direct object, addressee, or the object of with/toward/against/
on/to/for/over, also inside a noun ("cooperation with X", "Russia's attacks on
Ukraine"). ``roles`` pairs them into links.
"""

from spacy.tokens import Doc, Token

from consumers.nlp.lexicon import OF_CUES, cue_of
from consumers.nlp.resolve import Resolution
from schemas import EntityType

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


class ArgumentReader:
    """The actors of one parsed text, and which of them stand as a predicate's subjects and targets."""

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


def _is_contrastive(prep: Token) -> bool:
    """After "instead of", "rather than", "unlike", "without", what follows is not what the subject does."""
    return prep.lower_ in CONTRASTIVE or any(child.lower_ in CONTRASTIVE for child in prep.children)
