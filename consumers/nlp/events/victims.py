"""People harmed by an armed group are its target, not the country of the place where it struck them.

When insurgents, gangs or bandits kill or abduct unnamed people ("Nine
farmers were abducted by militants from their fields in Sokoto state"), the
analyst codes the group against the people (``group:civilians``); the
country of the place is where it happened, not a party. A state's forces
striking a town abroad are another matter (the town's country is attacked),
and victims with a nationality or a state sector ("Nigerian soldiers",
"a Chinese engineer") carry their country: only a country found with no
sector of its own (a place's) gives way.
"""

from consumers.nlp.events.entities import Actor
from schemas import EventType

HARM = (EventType.ASSAULT, EventType.COERCE)
NON_STATE_ARMED = ("rebels", "criminals")


def victims_over_places(sources: list[Actor], targets: list[Actor], event: EventType) -> list[Actor]:
    """``targets`` less a bare country beside the unnamed people a non-state armed source harmed."""
    if event not in HARM or not sources or not any(t.id.startswith("group:") for t in targets):
        return targets
    if not all(s.sector in NON_STATE_ARMED and not s.id.startswith("country:") for s in sources):
        return targets
    return [t for t in targets if not (t.id.startswith("country:") and t.sector is None)]
