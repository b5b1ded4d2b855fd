"""Actor identity: a group in any of its forms, recent groups, spelled-out names, unnamed groups by their kind."""

import pytest

from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

IDENTITY = [
    pytest.param(
        "Sudanese paramilitaries shelled a displacement camp in North Darfur.",
        Coded("country:SDN", "group:civilians", (E.ASSAULT,)),
        id="a-displacement-camp-is-its-people",
    ),
    pytest.param(
        "The British coastguard rescued 40 migrants in the Channel.",
        Coded("country:GBR", "group:civilians", (E.AID,), ("police", "civilians")),
        id="coastguard-in-one-word",
    ),
    pytest.param(
        "Secessionists attacked a police station in Cameroon's Northwest region.",
        Coded("group:rebels", "country:CMR", (E.ASSAULT,), ("rebels", "police")),
        id="secessionists-are-rebels",
    ),
    pytest.param(
        "Egyptian mediators met Hamas officials in Cairo.",
        Coded("country:EGY", "org:hamas", (E.CONSULT,)),
        id="a-ruling-group-s-officials-are-the-group",
    ),
    pytest.param(
        "The Taliban government detained a British couple.",
        Coded("country:AFG", "country:GBR", (E.COERCE,)),
        id="a-group-s-government-is-its-country-s",
    ),
    pytest.param(
        "Houthi gunboats seized a Liberian-flagged tanker in the Red Sea.",
        Coded("org:houthis", "country:LBR", (E.COERCE,), ("rebels", None)),
        id="a-plural-group-s-adjective-is-the-group",
    ),
    pytest.param(
        "Saudi Arabia accused the Houthi movement of shelling its border villages.",
        Coded("country:SAU", "org:houthis", (E.ACCUSE,), (None, "rebels")),
        id="adjective-plus-movement-is-the-group",
    ),
    pytest.param(
        "The Hamas movement accused Israel of blocking aid trucks.",
        Coded("org:hamas", "country:ISR", (E.ACCUSE,), ("rebels", None)),
        id="a-name-with-a-generic-group-noun",
    ),
    pytest.param(
        "Sudan's Rapid Support Forces attacked a Sudanese army base on Sunday.",
        Coded("org:rapid-support-forces", "country:SDN", (E.ASSAULT,), ("rebels", "military")),
        id="a-recent-armed-group-is-not-its-country-s-army",
    ),
    pytest.param(
        "JNIM fighters ambushed a Malian army convoy near Timbuktu.",
        Coded("org:jnim", "country:MLI", (E.ASSAULT,), ("rebels", "military")),
        id="a-recent-group-s-acronym",
    ),
    pytest.param(
        "Doctors Without Borders accused Israel of blocking medical supplies.",
        Coded("org:doctors-without-borders", "country:ISR", (E.ACCUSE,), ("ngo", None)),
        id="an-organisation-spelled-in-everyday-words",
    ),
    pytest.param(
        "Kenyan police arrested two al-Shabaab recruiters in Mombasa.",
        Coded("country:KEN", "org:al-shabaab", (E.COERCE,), ("police", "rebels")),
        id="a-name-after-an-arabic-article",
    ),
    pytest.param(
        "FARC dissidents ambushed Colombian soldiers in Cauca.",
        Coded("group:rebels", "country:COL", (E.ASSAULT,), ("rebels", "military")),
        id="a-group-s-dissidents-are-not-the-group",
    ),
    pytest.param(
        "Kurdish forces shelled Iranian army positions near the border.",
        Coded("group:rebels", "country:IRN", (E.ASSAULT,), ("rebels", "military")),
        id="a-stateless-people-s-forces-are-an-armed-group",
    ),
    pytest.param(
        "Honduran police detained several cartel bosses on Monday.",
        Coded("country:HND", "group:criminals", (E.COERCE,), ("police", "criminals")),
        id="a-vague-head-takes-its-modifier-s-kind",
    ),
    pytest.param(
        "Nicaraguan police detained three opposition figures in Managua.",
        Coded("country:NIC", "group:opposition", (E.COERCE,), ("police", "opposition")),
        id="opposition-figures",
    ),
    pytest.param(
        "The Greek navy intercepted a dinghy carrying 30 refugees.",
        Coded("country:GRC", "group:civilians", (E.COERCE,), ("military", "civilians")),
        id="a-carrier-stands-for-whom-it-carries",
    ),
    pytest.param(
        "The Colombian navy seized a drug-smuggling boat off the Pacific coast.",
        Coded("country:COL", "group:criminals", (E.COERCE,), ("military", "criminals")),
        id="a-crime-vessel-is-criminals",
    ),
    pytest.param(
        "Masked men abducted a Nigerian priest in Kaduna.",
        Coded("group:criminals", "country:NGA", (E.ASSAULT,), ("criminals", "civilians")),
        id="masked-men-are-perpetrators",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), IDENTITY)
def test_actors_are_coded_under_their_identity(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)
