"""PLOVER event types, their modes and quad classes, and the sectors actors are coded with.

An event type fixes the stance a relation carries: the first seven types are
cooperative, the other nine hostile (PLOVER's own split), and each belongs to
one CAMEO/PLOVER quad class (verbal or material, cooperation or conflict).
"""

from enum import StrEnum
from typing import Literal

Stance = Literal["cooperative", "hostile", "neutral"]
QuadClass = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "neutral"]


class EventType(StrEnum):
    """The 16 PLOVER event types, cooperative ones first."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


Sector = Literal[
    "government",
    "military",
    "police",
    "judiciary",
    "legislature",
    "intelligence",
    "rebels",
    "opposition",
    "protesters",
    "civilians",
    "media",
    "business",
    "igo",
    "ngo",
    "health",
    "criminals",
]

COOPERATIVE_EVENTS = frozenset(list(EventType)[:7])
_QUADS: dict[EventType, QuadClass] = {
    **dict.fromkeys((EventType.AGREE, EventType.CONSULT, EventType.SUPPORT), "verbal_cooperation"),
    **dict.fromkeys((EventType.CONCEDE, EventType.COOPERATE, EventType.AID, EventType.RETREAT), "material_cooperation"),
    **dict.fromkeys((EventType.REQUEST, EventType.ACCUSE, EventType.REJECT, EventType.THREATEN), "verbal_conflict"),
    **dict.fromkeys(
        (EventType.PROTEST, EventType.SANCTION, EventType.MOBILIZE, EventType.COERCE, EventType.ASSAULT),
        "material_conflict",
    ),
}


def stance_of(event: EventType) -> Stance:
    """The stance an event of this type expresses (PLOVER: cooperative for the first seven types)."""
    return "cooperative" if event in COOPERATIVE_EVENTS else "hostile"


def quad_class_of(event: EventType) -> QuadClass:
    """The quad class an event type belongs to."""
    return _QUADS[event]
