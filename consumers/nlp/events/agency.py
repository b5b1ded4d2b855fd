"""Who a "by" phrase names as the doer, on a passive verb or on a participle that describes a noun.

The passive puts the doer in a "by" phrase ("was seized by Estonian
authorities"), and so does a past participle describing a noun: "rockets
fired by Hezbollah hit the town", "troops sent by Rwanda attacked": the noun
is only the instrument or the people sent, and the one who fired or sent
them is the actor of the clause. The parser hangs such a "by" as an agent or
as a plain preposition; both are read.
"""

from spacy.tokens import Token


def by_objects(verb: Token) -> list[Token]:
    """ "by X" on a passive verb, inside its object ("was promised 270 million euros in support by X"), or hung
    on the noun or clause of one of its phrases ("was barred from the election by the top court", "were blocked
    from reaching the shoal by Chinese ships")."""
    inside = [t for c in verb.children if c.dep_ in ("dobj", "oprd") for t in c.subtree]  # "declared persona non grata"
    phrases = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ in ("pobj", "pcomp")]
    hung = [g for o in phrases for g in o.children]
    preps = [p for p in (*verb.children, *inside, *hung) if p.dep_ == "prep" and p.lower_ == "by"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def participle_agents(noun: Token) -> list[Token]:
    """ "Rockets fired by Hezbollah", "aid flown in by Qatar": the doer of the participle describing the noun.

    Only a past participle after the noun counts, so that a clause
    of its own ("rockets that Hezbollah fired") is left to the relative-clause
    reading and a participle further on is not taken for the noun's.
    """
    agents: list[Token] = []
    for clause in noun.children:
        if clause.dep_ != "acl" or clause.tag_ != "VBN" or clause.i <= noun.i:
            continue
        bys = [c for c in clause.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
        agents += [o for b in bys for o in b.children if o.dep_ == "pobj"]
    return agents


def misread_subject(verb: Token) -> Token:
    """The subject of a main verb the parser hung as a participle on a noun.

    "Jihadist fighters on motorbikes killed 40 villagers" comes out as
    "motorbikes [killed ...]": the noun the clause hangs on may be inside a
    phrase of the real subject, so a noun reached through "on", "in" or "from"
    gives way to the noun that phrase describes.
    """
    noun = verb.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a second clause the parser joined to the first clause's object.

    "The rebels freed two hostages and Kenya released 40 prisoners" comes out as
    "hostages and Kenya": the name right before the second verb, a conjunct of
    the first verb's object or of a noun in its prepositional phrase ("on
    Saturday and Israel released ..."), is the second verb's subject.
    """
    if verb.dep_ != "conj" or verb.i == 0 or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    phrased = before.head.dep_ == "pobj" and verb.head in before.head.ancestors  # "on Saturday and Israel"
    joined = before.dep_ == "conj" and before.pos_ == "PROPN" and (before.head in objects or phrased)
    return before if joined and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else None


def is_stranded(token: Token) -> bool:
    """Whether a conjunct is really the subject of the verb right after it ("on Saturday and Israel released")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        after is not None
        and after.pos_ == "VERB"
        and (found := stranded_subject(after)) is not None
        and (found.i == token.i)
    )


def fronted_subject(verb: Token) -> Token | None:
    """ "Eritrea massed troops": a name before a finite verb with no subject, hung as an adverbial noun."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    fronted = [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < verb.i]
    return fronted[0] if fronted else None


def copular_subject(verb: Token) -> Token | None:
    """Who "became the first state to recognise" X: the subject of the copula, not the noun the clause hangs on."""
    noun = verb.head
    marked = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ not in ("relcl", "acl") or not marked or noun.dep_ != "attr":
        return None
    if noun.head.lemma_.lower() not in ("be", "become", "remain"):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
