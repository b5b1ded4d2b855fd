"""Cue words for cooperation and conflict near a predicate (lemmas, lower case).

A general lexicon in the spirit of CAMEO/PLOVER event verbs: it decides the
direction when the path between two actors contains one of these words, and
the sentence classifier supplies the confidence. Nothing here names a
particular actor.
"""

from spacy.tokens import Token

COOPERATIVE = {
    "cooperate", "cooperation", "co-operation", "collaborate", "collaboration", "partner", "partnership", "ally",
    "alliance", "tie", "ties", "relation", "relationship", "friendship", "friend", "support", "back", "endorse",
    "help", "assist", "assistance", "aid", "praise", "welcome", "thank", "congratulate", "agree", "agreement", "deal",
    "accord", "treaty", "pact", "sign", "meet", "meeting", "visit", "host", "talk", "negotiate", "negotiation",
    "dialogue", "coordinate", "coordination", "deepen", "strengthen", "boost", "expand", "improve", "invest",
    "investment", "trade", "supply", "donate", "pledge", "promise", "reconcile", "reconciliation", "mediate",
    "embrace", "closeness", "closer", "solidarity", "unity", "joint", "mutual", "invite", "reassure",
    "stand", "together", "defend", "protect", "rescue", "release", "ease", "commend", "applaud", "honor", "honour",
    "respect", "join", "restore", "export",
}  # fmt: skip
HOSTILE = {
    "criticize", "criticise", "criticism", "critical", "condemn", "condemnation", "denounce", "warn", "warning",
    "threaten", "threat", "accuse", "accusation", "blame", "attack", "bomb", "invade", "invasion",
    "sanction", "sanctions", "punish", "retaliate", "retaliation", "provoke", "provocation", "interfere",
    "interference", "meddle", "destabilize", "destabilise", "oppose", "opposition", "reject", "protest", "defeat",
    "fight", "war", "conflict", "hostility", "hostile", "tension", "tensions", "dispute", "clash", "confront",
    "confrontation", "expel", "ban", "boycott", "suspend", "cut", "freeze", "seize", "arrest", "detain", "kill",
    "shoot", "shell", "deny", "denial", "allege", "complain", "blast", "slam", "rebuke", "lambast", "chide",
    "spy", "hack", "coerce", "coercion", "pressure", "bully", "intimidate", "aggression", "aggressive", "crisis",
    "danger", "dangerous", "risk", "escalate", "escalation", "undermine", "violate", "violation",
    "demand", "terrorist", "terrorism", "propaganda", "fire", "strike", "tariff", "tariffs", "embargo", "blockade",
    "annex", "annexation", "occupy", "occupation", "block", "veto", "killing", "assassinate", "assassination",
}  # fmt: skip
# Nouns after which "of" introduces the one acted upon ("invasion of Ukraine", "critical of Beijing").
OF_CUES = {
    "invasion", "criticism", "critical", "occupation", "annexation", "condemnation", "support", "supportive",
    "recognition", "blockade", "bombing", "shelling", "ally", "friend", "enemy", "rival", "critic",
}  # fmt: skip
# Objects that make a conflict verb harmless: "strike a deal", "fire a warning" stays hostile.
HARMLESS_OBJECTS = {"deal", "agreement", "accord", "balance", "tone", "chord", "note", "compromise", "bargain", "pose"}
# Words that cancel a cue under them: "did not condemn", "refused to help", "ending a freeze", "lift sanctions".
NEGATORS = {
    "not", "n't", "never", "no", "without", "instead", "refuse", "fail", "decline", "avoid", "end", "lift", "resolve",
}  # fmt: skip


def cue_of(token: Token) -> str | None:
    """The cue one token carries: "cooperative", "hostile" or None."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if lemma in HOSTILE or lower in HOSTILE:
        if any(child.dep_ == "dobj" and child.lemma_.lower() in HARMLESS_OBJECTS for child in token.children):
            return None
        return "hostile"
    if lemma in COOPERATIVE or lower in COOPERATIVE:
        return "cooperative"
    return None


def is_negated(token: Token) -> bool:
    """A negation on the word, or on the verb that governs it ("did not condemn", "instead of condemning")."""
    for word in (token, token.head):
        if any(child.dep_ == "neg" or child.lower_ in ("never",) for child in word.children):
            return True
    for ancestor in list(token.ancestors)[:2]:
        if ancestor.lemma_.lower() in NEGATORS or ancestor.lower_ in NEGATORS:
            return True
    return False
