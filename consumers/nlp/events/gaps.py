"""Clauses whose object is the noun they hang on: "the accord signed by X", "sanctions it imposed on Y".

In "the treaty that Moscow signed with Pyongyang" the treaty is what was
signed: the clause's verb takes the noun it modifies as its object, so a
support verb there carries that noun's event ("signed" + "treaty"), as in
"Moscow signed a treaty with Pyongyang". A subject gap ("a deal that gives
X ...", "troops fighting Y") is not an object gap.

When the clause's doer is the main verb's own subject, the main act is done
to whoever the clause names: "ECOWAS lifted the sanctions it had imposed on
Guinea" lifts them from Guinea, "Kenya withdrew the troops it had sent to
Somalia" withdraws them from Somalia; the clause is background and, where
the main act undoes it, not coded again.
"""

from spacy.tokens import Token

RELATIVE_PRONOUNS = ("that", "which", "who", "whom")


def gap_objects(verb: Token) -> list[Token]:
    """The noun a relative or participial clause's verb takes as its object, if the clause leaves one out."""
    head = verb.head
    if head.i == verb.i or head.pos_ != "NOUN":
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS]
    if objects or any(c.dep_ in ("nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return []
    if verb.dep_ == "relcl":  # "the treaty (that) Moscow signed": a subject of its own, not "that"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return [head] if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS else []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the accord signed by Congo and Rwanda"
        return [head]
    return []
