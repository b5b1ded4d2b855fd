"""The name a named group is coded under, whichever form of it the text uses.

News names a group called by a plural ("the Houthis") in the adjective
("Houthi rebels", "a Houthi drone", "Yemen's Houthi movement"), and adds a
generic noun to a name ("the Hamas movement", "the M23 rebel group"): all
are the one group, so they must give one id and the groups table's record.
"""

from spacy.tokens import Token

from consumers.nlp.event_tables import Group, known_actors
from consumers.nlp.events.sectors import STATE_SECTORS
from consumers.nlp.gazetteer import default_gazetteer

# Generic nouns news puts after a group's name: "the Houthi movement", "the Hamas militant group".
GROUP_NOUNS = {"movement", "group", "militia", "militias", "rebels", "militants", "fighters", "organisation"}


def _record(name: str) -> Group | None:
    """The groups table's entry for a name as written (blanks collapsed, case and a leading "the" dropped)."""
    return known_actors().groups.get(" ".join(name.lower().split()).removeprefix("the "))


def group_name(name: str) -> str:
    """ "Houthi", "Houthi movement" -> "Houthis"; "Hamas movement" -> "Hamas"; any other name as it is."""
    if _record(name) is not None:
        return name
    words = name.removeprefix("the ").removeprefix("The ").split()
    while len(words) > 1 and words[-1].lower() in GROUP_NOUNS:
        words.pop()
        if len(words) > 1 and words[-1].lower() in ("militant", "rebel", "armed"):  # "the Hamas militant group"
            words.pop()
    if len(words) > 1 and a_demonym(words[0]):  # "the Afghan Taliban", "Somali al-Shabaab"
        rest = " ".join(words[1:])
        inner = named_group(rest)
        if inner is not None and inner.sector not in STATE_SECTORS:  # not the "Czech Senate" for the U.S. one
            return group_name(rest)
    stem = " ".join(words)
    plural: tuple[str, ...] = () if stem.isupper() else (stem + "s",)  # "ISI" (Pakistan's spy agency) is not "ISIS"
    for candidate in (stem, *plural):  # the adjective of a plural name: "Houthi" is one of "the Houthis"
        if stem and _record(candidate) is not None:
            return candidate
    return name


def a_demonym(word: str) -> bool:
    """Whether ``word`` is a nationality word ("Afghan", "Russian")."""
    place = default_gazetteer().lookup(word, "NORP", fuzzy=False)
    return place is not None and place.kind == "demonym"


def named_group(name: str) -> Group | None:
    """The groups table's record for a group in any of its forms (``group_name``), or None."""
    return _record(name) or _record(group_name(name))


def a_group(token: Token) -> bool:
    """A one-word plural name after "the" ("the Houthis") is a group, whatever the tagger said."""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    first_name = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)  # "Antonio Guterres"
    return (token.tag_ == "NNPS" and not first_name) or (token.text.endswith("s") and the)
