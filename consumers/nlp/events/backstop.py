"""A last reading for a sentence the rules code no event in.

When no rule codes an event in a sentence, yet a verb in it names one, is
asserted and has a subject the reader knows, the subject acts on the first
other actor the verb's clause names after it ("Mauritania walked away from
talks with Mali"). Such sentences are mostly ones the parser misread, or
idioms the rules do not know, which is why no rule found the target; the first actor after
the verb is the analyst's target far more often than not (``stancewire
eval``: one to four points of dyad recall on the dev batches for at most two
of precision). Events read this way carry a lower confidence.
"""

from collections.abc import Callable

from spacy.tokens import Span, Token

from consumers.nlp.events.assertion import asserted, cancelled, intended, negated
from consumers.nlp.events.coded import CodedEvent
from consumers.nlp.events.entities import Actor
from consumers.nlp.events.lexicon import Trigger
from consumers.nlp.events.pairing import paired_events
from consumers.nlp.events.parties import Parties
from consumers.nlp.events.rules import is_alleged
from schemas import TextField

CONFIDENCE = 0.5
OTHER_CLAUSES = frozenset({"conj", "parataxis"})
OCCASIONS = frozenset({"after", "before", "since", "following", "amid", "during", "despite", "ahead", "for"})


def last_reading(
    parties: Parties, sentence: Span, trigger_of: Callable[[Token], Trigger | None], field: TextField
) -> list[CodedEvent]:
    """The event of the first asserted trigger verb with a known subject and an actor after it, or ``[]``."""
    for verb in sentence:
        if verb.pos_ != "VERB" or negated(verb) or cancelled(verb) or is_alleged(verb) or not asserted(verb):
            continue
        trigger = trigger_of(verb)
        sources = parties.subjects(verb)[0] if trigger is not None else []
        target = first_actor_after(parties, verb, sources) if sources else None
        if trigger is not None and target is not None:
            for actor in sources:
                parties.reader.remember(verb, actor)
            trigger = intended(verb, trigger)  # "vowed to crush X": a threat, "would send troops": a promise
            return paired_events(sources, [target], trigger, verb, CONFIDENCE, field, mutual=False)
    return []


def first_actor_after(parties: Parties, verb: Token, sources: list[Actor]) -> Actor | None:
    """The first named actor in the verb's clause after it that is not one of ``sources``; places are no actors.

    Phrases of time or occasion name no target ("after China's ban"), nor does
    the kind of an occasion ("sent troops for a NATO exercise").
    """
    aside = {t.i for p in verb.subtree if p.lower_ in OCCASIONS and p.dep_ in ("prep", "advmod") for t in p.subtree}
    # a coordinated clause with its own subject acts on its own: "Germany pledged aid and France sent troops"
    others = [c for c in verb.children if c.dep_ in OTHER_CLAUSES and any(g.dep_ == "nsubj" for g in c.children)]
    aside |= {t.i for c in others for t in c.subtree}
    for token in (t for t in verb.subtree if t.i > verb.i and t.i in parties.reader.owners and t.i not in aside):
        actor = parties.reader.single(token)
        if actor is not None and not actor.id.startswith("gpe:") and not any(actor.same_party(s) for s in sources):
            return actor
    return None
