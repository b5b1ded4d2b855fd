"""Help given for a purpose: "sent 1,000 soldiers to help Congo's army", "dispatched planes to help Greece".

A purpose clause is wanted, not done, so it is no event of its own; but
when it helps someone, the act it explains is aid to them: moving forces,
planes or money somewhere "to help X" gives X help, and a pledge "to help
X" is a pledge to X.
"""

from spacy.tokens import Token

HELPING_VERBS = {"help", "assist", "aid", "support", "bolster", "reinforce", "shore"}
# Acts that deliver help when a purpose clause says whom they help ("entered Congo to help Congolese forces").
DELIVERING_VERBS = {
    "dispatch", "send", "deploy", "enter", "rush", "fly", "airlift", "move", "pour", "station", "ship", "commit",
    "despatch", "mobilise", "mobilize", "transfer",
}  # fmt: skip


def helped(head: Token) -> list[Token]:
    """The words naming whom a purpose clause under ``head`` helps ("to help Greece battle the fires")."""
    found: list[Token] = []
    clauses = [*head.children, *(g for c in head.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "acl")]
    for clause in clauses:  # "committed $2 billion to help Pakistan": the clause may hang on the object
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if clause.dep_ not in ("advcl", "xcomp") or not purpose or clause.lemma_.lower() not in HELPING_VERBS:
            continue
        for child in clause.children:
            if child.dep_ in ("dobj", "dative"):
                found.append(child)
            elif child.dep_ in ("ccomp", "xcomp"):  # "help Greece battle": Greece may hang on the clause
                found += [s for s in child.children if s.dep_ == "nsubj"]
    return found


def delivers_help(verb: Token) -> bool:
    """Whether ``verb`` moves or commits something to help a party the purpose clause names."""
    return verb.lemma_.lower() in DELIVERING_VERBS and bool(helped(verb))
