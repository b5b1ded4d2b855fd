"""Objects named through the speaker's own label: "condemned what she called dangerous manoeuvres by X".

A free relative "what X called N" / "what X described as N" stands for N:
the act condemned (or praised) is N, and its doer the target, as in
"condemned dangerous manoeuvres by Chinese vessels".
"""

from spacy.tokens import Token

NAMING_VERBS = {"call", "describe", "term", "label", "brand", "dub", "characterise", "characterize"}


def labelled_objects(verb: Token) -> list[Token]:
    """The nouns ``verb``'s free-relative object names ("what she called <N>", "what it described as <N>"),
    or the doer named with them ("what it termed harassment by <X>")."""
    found: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in NAMING_VERBS:
            continue
        if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            continue
        found += [c for c in clause.children if c.dep_ in ("oprd", "attr") or (c.dep_ == "dobj" and c.lower_ != "what")]
        found += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children]
        # "what it termed harassment of fishermen by Chinese ships": the parser hangs the doer on "termed"
        doers = [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children]
        found = doers or found
    return [word for word in found if word.pos_ in ("NOUN", "PROPN")]
