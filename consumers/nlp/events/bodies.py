"""A body named as the UN's is the United Nations: "the UN's World Food Programme", "the U.N.'s refugee agency".

The analyst codes a UN agency named as the UN's as the United Nations
(the events README), as "the UN refugee agency" already is.
"""

from spacy.tokens import Token

from consumers.nlp.events.entities import Actor, EntityReader

UNITED_NATIONS = "org:united-nations"


def un_body(reader: EntityReader, token: Token) -> Actor | None:
    """The United Nations where ``token`` names a body the UN's possessive owns, else None."""
    for child in token.children:
        if child.dep_ == "poss" and child.i in reader.owners:
            owner = reader.of_entity(reader.owners[child.i], child)
            if owner is not None and owner.id == UNITED_NATIONS:
                return Actor(owner.id, owner.name, "igo")
    return None
