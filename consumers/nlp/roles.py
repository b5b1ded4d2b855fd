"""Who acts toward whom: the subjects and targets of each predicate paired into links.

The slots come from ``arguments``. Reported speech ("X said that ...", "X
warned Y that ...", "According to X, ...") is attributed to the speaker: the
speaker's stance goes to the clause's subject, and what the clause says about
the speaker (or the country the speaker speaks for, or "we") stays a relation
of that source. Other claims inside reported speech are not emitted: they are
the speaker's words, not observed relations.
"""

from dataclasses import dataclass

from spacy.attrs import LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from consumers.nlp import budget
from consumers.nlp.arguments import ArgumentReader
from consumers.nlp.events.triggers import is_light, noun_trigger, verb_trigger
from consumers.nlp.lexicon import cue_of
from consumers.nlp.resolve import Resolution, same_side

SPEECH_VERBS = {
    "say", "tell", "warn", "allege", "complain", "claim", "accuse", "state", "add", "argue", "insist", "stress",
    "note", "announce", "declare", "assert", "emphasize", "emphasise", "reiterate", "vow", "pledge", "promise",
    "deny", "suggest", "write", "believe", "acknowledge", "admit", "predict", "caution", "charge", "contend",
    "maintain", "explain", "confirm", "signal", "indicate", "hint", "reply", "respond", "tweet", "post",
}  # fmt: skip

# Speech verbs whose clause the speaker says is untrue: its acts are no stance of the speaker's.
DENYING = {"deny"}


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


class RoleReader(ArgumentReader):
    """Finds role links in one parsed text given which tokens belong to which entity."""

    def __init__(self, doc: Doc, owners: dict[int, str], resolution: Resolution) -> None:
        """As ``ArgumentReader``; the subtrees of reported clauses are walked once, not once per link."""
        super().__init__(doc, owners, resolution)
        self._subtrees: dict[int, frozenset[int]] = {}

    def links(self) -> list[RoleLink]:
        """All role links of the text, reported speech attributed to its speakers."""
        content = self.reported_content()
        result: list[RoleLink] = []
        for token in _tokens(self.doc, {VERB, AUX, NOUN}):
            pos = token.pos_
            if pos not in ("VERB", "AUX"):
                if pos == "NOUN" and cue_of(token) is not None:
                    budget.check()
                    result.extend(self._nominal_links(token, content))
                continue
            budget.check()  # at each predicate: the other words cost next to nothing
            sources, passive = self.subjects(token)
            if not sources:
                continue  # no link starts without a source
            targets = self.targets(token)
            sentence = token.sent
            for source, target, path in self._pairs(token, sources, passive, targets):
                result.append(self._attribute(RoleLink(source, target, sentence, path), token, content))
            if len(sources) > 1 and self._named_subjects(token) and not targets:
                # "Japan and the Philippines signed a pact": each toward the other, if a cue says how
                mutual = [
                    RoleLink(
                        a,
                        b,
                        sentence,
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
            if via == "speech" and speech.i > root.i and _tells_an_act(root):
                continue  # "X and Y will hold talks, a Swiss mediator said": who reports an act takes no side by it
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
        self,
        predicate: Token,
        sources: list[str],
        passive: list[Token],
        targets: list[tuple[str, tuple[Token, ...]]],
    ) -> list[tuple[str, str, tuple[Token, ...]]]:
        """Each source with each target of the predicate, then with each passive subject's actors."""
        pairs = [(s, t, path) for s in sources for t, path in targets]
        passive_targets = [(p, t) for p in passive for t in self.actors(p)]
        pairs += [(s, t, (predicate, p)) for s in sources for p, t in passive_targets]
        return pairs

    def _nominal_links(self, noun: Token, content: dict[Token, tuple[Token, list[str], str]]) -> list[RoleLink]:
        """Nominal predicates with a possessor ("Russia's attacks on Ukraine"): the possessor acts."""
        owners = [self.own(c) for c in noun.children if c.dep_ == "poss"]
        sources = [o for o in owners if o]
        if not sources:
            return []
        targets = self.targets(noun)
        sentence = noun.sent
        return [self._attribute(RoleLink(s, t, sentence, path), noun, content) for s in sources for t, path in targets]

    def reported_content(self) -> dict[Token, tuple[Token, list[str], str]]:
        """Clause root -> (speech word, speakers, how): "X said that <clause>", "According to X, <clause>"."""
        content: dict[Token, tuple[Token, list[str], str]] = {}
        for token in _tokens(self.doc, {VERB}, "according"):
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
        """Inside reported speech, keep a link only when it is the speaker's own side acting.

        Not in a denial: "Canada denied that Ottawa had sent weapons to Israel" says the act was not done.
        """
        for root, (speech, speakers, via) in content.items():
            if not self._covers(root, predicate) or (via == "according" and self._covers(speech, predicate)):
                continue
            for speaker in speakers:
                affiliation = self.resolution.entities[speaker].affiliation
                if link.source in (speaker, affiliation) and speech.lemma_.lower() not in DENYING:
                    speaker_id = speaker if link.source != speaker else None
                    return RoleLink(
                        link.source, link.target, link.sentence, (speech, *link.path), speaker_id, via, link.needs_cue
                    )
            return RoleLink("", link.target, link.sentence, link.path)  # someone else's claim: dropped
        return link

    def _covers(self, root: Token, token: Token) -> bool:
        """Whether ``token`` lies in ``root``'s subtree."""
        if root.i not in self._subtrees:
            self._subtrees[root.i] = frozenset(t.i for t in root.subtree)
        return token.i in self._subtrees[root.i]

    def _same_side(self, first: str, second: str) -> bool:
        """Self-relations and relations with one's own affiliation are not stances."""
        return same_side(self.resolution, first, second)


def _tokens(doc: Doc, parts: set[int], lower: str | None = None) -> list[Token]:
    """The tokens with one of ``parts`` of speech, or whose lower case is ``lower``, in order.

    Read off arrays: iterating the doc builds a Token object for every word,
    and most words are no predicate.
    """
    lower_id = doc.vocab.strings[lower] if lower is not None else None
    rows = doc.to_array([POS, LOWER]).tolist()
    return [doc[i] for i, (pos, lower_case) in enumerate(rows) if pos in parts or lower_case == lower_id]


def _tells_an_act(clause: Token) -> bool:
    """Whether a clause reports an act ("X will hold talks", "X stripped Y of ..."), not a view ("X is a threat")."""
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    objects += [o for c in objects for p in c.children if p.lower_ == "of" for o in p.children]  # "a round of talks"
    acts = [o for o in objects if noun_trigger(o) is not None]
    return verb_trigger(clause) is not None or (is_light(clause) and bool(acts))
