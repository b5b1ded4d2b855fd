"""Undoing a measure is the opposite event: dropping charges concedes, cancelling a deal sanctions.

A verb of ending or revoking ("drop", "scrap", "revoke", "call off",
"halt") names no event of its own; its object does, reversed. Ending a
hostile measure eases it: charges, bans and demands dropped concede (CAMEO
081, 083), sanctions, tariffs and blockades lifted ease (085, RETREAT),
attacks halted de-escalate (087, RETREAT). Ending a cooperative one reduces
relations: a deal cancelled, aid suspended, talks called off (CAMEO 16x,
SANCTION). CAMEO's REVOKE block codes these one object at a time; the rule
follows from what the verbs mean, whatever the object.
"""

from consumers.nlp.events.lexicon import Trigger
from schemas import EventType, stance_of

E = EventType

# Verbs that end or take back what their object names.
REVERSING_VERBS = {
    "drop", "lift", "scrap", "revoke", "rescind", "repeal", "reverse", "annul", "cancel", "withdraw", "abandon",
    "end", "remove", "overturn", "quash", "waive", "halt", "suspend", "stop", "shelve", "axe", "retract",
    "terminate", "nullify", "void", "abolish", "discontinue", "dismantle", "cease", "pause", "curtail",
}  # fmt: skip
# ... and with a particle: "called off the talks", "rolled back the tariffs".
REVERSING_PHRASAL = {("call", "off"), ("roll", "back"), ("wind", "down"), ("back", "out")}
# Verbs that only ever ease ("lifted the ban"): with a cooperative object they say nothing reversed.
EASING_ONLY = {"lift", "waive", "quash", "overturn", "annul", "nullify", "void", "retract", "dismantle"}
# Undoing these eases the target: the harm ends with the measure.
EASED_MODES = {"restrict", "curfew"}
# Objects that are a share of what is undone: "dropped most of its tariffs".
QUANTITIES = {"most", "all", "some", "part", "rest", "remainder", "half", "many", "much", "bulk", "majority"}
# Verbs that end an act whoever does it: only the subject's own act stopped is a climb-down.
STOPPING = {"stop", "halt", "end", "cease", "remove", "dismantle", "suspend", "pause"}
OWN_WORDS = {"its", "their", "his", "her", "our"}
# Rights a state grants: taking one back coerces its holder.
GRANTED = {
    "visa", "licence", "license", "permit", "accreditation", "citizenship", "passport", "residency", "immunity",
    "credential", "credentials", "nationality",
}  # fmt: skip
# Ending talks or a visit is having held them; calling them off or suspending them is the sanction.
CONCLUDING = {"end", "cease", "stop"}
# Things given rather than agreed: withdrawing weapons or troops is a pull-back, not a cut in relations.
GOODS = {"weapon", "weapons", "arms", "vaccines", "shipment", "package", "troops", "forces"}


def reversed_event(verb: str, particle: str | None, noun: str, found: Trigger | None, own: bool) -> Trigger | None:
    """The event of undoing ``noun`` (whose own event is ``found``) with ``verb`` (+ ``particle``), if any.

    ``own``: the object is the subject's ("its offensive"); stopping a hostile act needs it, as "police
    stopped the march" ends someone else's act by force.
    """
    if verb not in REVERSING_VERBS and (verb, particle) not in REVERSING_PHRASAL:
        return None
    if found is None:  # "revoked his visa", "cancelled the broadcaster's licence": a right taken away
        return Trigger(E.COERCE, "restrict") if noun in GRANTED and verb not in STOPPING else None
    if stance_of(found.event) == "hostile":
        if verb in STOPPING and not own:
            return None
        if found.event in (E.ASSAULT, E.MOBILIZE):
            return Trigger(E.RETREAT, "ceasefire" if found.event is E.ASSAULT else "withdraw")
        if found.event is E.COERCE and found.mode in EASED_MODES:
            return Trigger(E.RETREAT, "ease")
        return Trigger(E.CONCEDE)
    if verb in EASING_ONLY or noun in GOODS or found.event in (E.RETREAT, E.CONCEDE):
        return None
    if found.event is E.CONSULT and verb in CONCLUDING:
        return None  # "ended three days of talks": the talks were held
    return Trigger(E.SANCTION, "discontinue")
