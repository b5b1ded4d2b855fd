"""Event coding of the patterns that cost recall, one sentence per pattern (the events README's conventions)."""

import pytest

from tests.nlp.helpers import relation
from tests.nlp.test_event_coding import Annotate, Coded, E, assert_coded, code

CASES = [
    pytest.param(
        "Fighters from the Allied Democratic Forces attacked a Ugandan army base near the Congolese border.",
        Coded("org:allied-democratic-forces", "country:UGA", (E.ASSAULT,), ("rebels", "military")),
        id="fighters-of-a-named-group",
    ),
    pytest.param(
        "Turkey threatened a new offensive against the Syrian Democratic Forces.",
        Coded("country:TUR", "org:syrian-democratic-forces", (E.THREATEN,), (None, "rebels")),
        id="a-movement-named-after-a-country-is-not-its-army",
    ),
    pytest.param(
        "Spain dismissed a Moroccan call for talks on the status of Ceuta.",
        Coded("country:MAR", "country:ESP", (E.REQUEST,)),
        id="a-call-for-is-a-request",
    ),
    pytest.param(
        "Warsaw expelled a Belarusian diplomat in response to Minsk's expulsion of a Polish consul.",
        Coded("country:BLR", "country:POL", (E.SANCTION,)),
        id="expulsion-of",
    ),
    pytest.param(
        "Burkina Faso ordered the French ambassador to leave the country within 48 hours.",
        Coded("country:BFA", "country:FRA", (E.SANCTION,), (None, "government")),
        id="ordered-to-leave",
    ),
    pytest.param(
        "Militants torched a police station in northern Burkina Faso overnight.",
        Coded("group:rebels", "country:BFA", (E.ASSAULT,), ("rebels", "police")),
        id="torched",
    ),
    pytest.param(
        "The Houthis launched a missile at an Israeli warship in the Red Sea.",
        Coded("org:houthis", "country:ISR", (E.ASSAULT,), ("rebels", "military")),
        id="launched-a-missile-at",
    ),
]

# Who acts and who receives where the verb or the noun is not the event's own: "praised X for doing",
# "secured a loan", a capital named as the place visited, "its" before the speaker is named.
ROLES = [
    pytest.param(
        "Kenya praised Somalia for arresting al-Shabaab suspects near the border.",
        Coded("country:SOM", "org:al-shabaab", (E.COERCE,)),
        id="praised-for-doing",
    ),
    pytest.param(
        "Egypt secured a $1 billion World Bank loan on Monday.",
        Coded("org:world-bank", "country:EGY", (E.AID,), ("igo", None)),
        id="secured-a-loan",
    ),
    pytest.param(
        "The Taliban agreed to let Pakistani aid convoys cross into Afghanistan.",
        Coded("org:taliban", "country:PAK", (E.AGREE,)),
        id="nationality-of-a-compound-modifier",
    ),
    pytest.param(
        "Jordan was promised 500 million dollars in budget support by the European Union at a conference in Amman.",
        Coded("org:european-union", "country:JOR", (E.AGREE, E.AID)),
        id="passive-agent-inside-the-object",
    ),
    pytest.param(
        "Armed gangs attacked a police station in southern Haiti overnight.",
        Coded("group:criminals", "country:HTI", (E.ASSAULT,), ("criminals", "police")),
        id="a-state-facility-belongs-to-the-country-in-context",
    ),
    pytest.param(
        "Sri Lankan navy sailors detained nine Indian fishermen off Jaffna.",
        Coded("country:LKA", "country:IND", (E.COERCE,), ("military", "civilians")),
        id="demonym-taken-for-an-organisation",
    ),
    pytest.param(
        "Three Iraqi soldiers were killed in a Turkish drone strike near the border.",
        Coded("country:TUR", "country:IRQ", (E.ASSAULT,)),
        id="killed-in-a-strike",
    ),
    pytest.param(
        "Italian coast guard officers rescued 120 migrants from a sinking boat off Lampedusa.",
        Coded("country:ITA", "group:civilians", (E.AID,), ("police", "civilians")),
        id="the-rescued-are-helped",
    ),
    pytest.param(
        "Qatar offered to mediate between Ethiopia and Egypt in their dispute over the Nile dam.",
        Coded("country:QAT", "country:EGY", (E.AGREE,)),
        id="mediate-between",
    ),
    pytest.param(
        "Belgium handed over a convicted Iranian diplomat to Tehran on Friday.",
        Coded("country:BEL", "country:IRN", (E.RETREAT,)),
        id="handed-over-a-person",
    ),
    pytest.param(
        "Journalists were granted access to the camp by the Ethiopian government.",
        Coded("country:ETH", "group:media", (E.CONCEDE,), ("government", "media")),
        id="granted-access",
    ),
    pytest.param(
        "The U.N. refugee office criticised Libya's coast guard on Monday.",
        Coded("org:united-nations", "country:LBY", (E.ACCUSE,)),
        id="un-office",
    ),
    pytest.param(
        "Chinese Foreign Minister Wang Yi paid his first visit to Canberra on Tuesday.",
        Coded("country:CHN", "country:AUS", (E.CONSULT,)),
        id="visit-to-a-capital",
    ),
    pytest.param(
        "Hezbollah fired rockets at Israel. Its fighters also attacked an Israeli army post, the Lebanese army said.",
        Coded("org:hezbollah", "country:ISR", (E.ASSAULT,)),
        id="its-before-the-speaker",
    ),
]

# Words whose event depends on the object or the partner: "traded accusations", "exchanged prisoners",
# "approved X's bid", "appeals from X", "marched on parliament", "ratified a pact"; "Congo" alone is Kinshasa's.
OBJECT_EVENTS = [
    pytest.param(
        "Congo recalled its ambassador from Kigali on Friday.",
        Coded("country:COD", "country:RWA", (E.SANCTION,)),
        id="congo-is-kinshasa",
    ),
    pytest.param(
        "Armenia and Azerbaijan traded accusations over a shooting on the border.",
        Coded("country:AZE", "country:ARM", (E.ACCUSE,)),
        id="traded-accusations",
    ),
    pytest.param(
        "Israel and Hamas exchanged prisoners on Sunday.",
        Coded("org:hamas", "country:ISR", (E.RETREAT,)),
        id="exchanged-prisoners",
    ),
    pytest.param(
        "Hungary's parliament approved Finland's bid to join NATO.",
        Coded("country:HUN", "country:FIN", (E.SUPPORT,), ("legislature", None)),
        id="approved-a-bid",
    ),
    pytest.param(
        "Myanmar's junta rejected appeals from ASEAN to free political prisoners.",
        Coded("org:asean", "country:MMR", (E.REQUEST,)),
        id="appeals-from",
    ),
    pytest.param(
        "Hundreds of Nigerian nurses went on strike on Monday to demand better pay from the government.",
        Coded("country:NGA", "country:NGA", (E.PROTEST,), ("health", "government")),
        id="a-strike-against-the-government-named",
    ),
    pytest.param(
        "Thousands of Serbian students marched on parliament in Belgrade.",
        Coded("country:SRB", "country:SRB", (E.PROTEST,), ("protesters", "legislature")),
        id="marched-on-parliament",
    ),
    pytest.param(
        "Japan's parliament ratified a defence pact with the Philippines.",
        Coded("country:JPN", "country:PHL", (E.SUPPORT, E.AGREE), ("legislature", None)),
        id="ratified-a-pact",
    ),
]

# A threat's target in its condition, "threatened on Saturday" addressing no one, "the two leaders".
REFERENCES = [
    pytest.param(
        "Moscow threatened to retaliate if Finland let NATO troops use its bases.",
        Coded("country:RUS", "country:FIN", (E.THREATEN,)),
        id="threat-if",
    ),
    pytest.param(
        "Iran threatened on Sunday to strike American bases in the Gulf.",
        Coded("country:IRN", "country:USA", (E.THREATEN,)),
        id="threatened-on-a-day",
    ),
    pytest.param(
        "Peruvian President Dina Boluarte received Chilean President Gabriel Boric in Lima. "
        "The two leaders signed a pact to fight cross-border crime.",
        Coded("country:CHL", "country:PER", (E.AGREE, E.COOPERATE, E.SUPPORT)),
        id="the-two-leaders",
    ),
]

# "both countries", "each released", "the withdrawal of X troops from Y", "in a phone call", "the country's".
PAIRS_AND_NOUNS = [
    pytest.param(
        "Iran and Turkey blocked the resolution, prompting France to accuse both countries of shielding Damascus.",
        Coded("country:FRA", "country:TUR", (E.ACCUSE,)),
        id="both-countries-are-the-pair-that-acted",
    ),
    pytest.param(
        "Armenia and Azerbaijan each released 12 prisoners of war on Monday.",
        Coded("country:ARM", "country:AZE", (E.RETREAT,)),
        id="each-released",
    ),
    pytest.param(
        "The withdrawal of the last Russian troops from Armenia was completed on Friday.",
        Coded("country:RUS", "country:ARM", (E.RETREAT,), ("military", None)),
        id="withdrawal-of-troops-from",
    ),
    pytest.param(
        "Zambian police detained the leader of the country's main opposition party in Lusaka.",
        Coded("country:ZMB", "country:ZMB", (E.COERCE,), ("police", "opposition")),
        id="the-countrys-party",
    ),
    pytest.param(
        "The International Monetary Fund approved a disbursement of $700 million to Kenya.",
        Coded("org:international-monetary-fund", "country:KEN", (E.AID,)),
        id="disbursement",
    ),
    pytest.param(
        "Colombia's government and the ELN declared a ceasefire over Christmas.",
        Coded("org:eln", "country:COL", (E.RETREAT,)),
        id="declared-a-ceasefire-together",
    ),
]

MOBILISATIONS = [
    pytest.param(
        "Serbia put its army on high alert after Kosovo police took over two municipal buildings.",
        Coded("country:SRB", "country:XKX", (E.MOBILIZE,)),
        id="alert-after-the-other-side-acted",
    ),
    pytest.param(
        "Venezuela moved troops to its eastern border amid rising tensions with Guyana.",
        Coded("country:VEN", "country:GUY", (E.MOBILIZE,)),
        id="moved-troops-amid-tensions-with",
    ),
    pytest.param(
        "Eritrea called up reservists as Ethiopian troops gathered near the border.",
        Coded("country:ERI", "country:ETH", (E.MOBILIZE,)),
        id="called-up-as-the-other-side-gathered",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_recall_patterns(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), ROLES)
def test_roles_read_through_the_construction(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), OBJECT_EVENTS)
def test_the_object_or_partner_makes_the_event(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_a_bid_is_sought_not_done(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Hungary's parliament approved Finland's bid to join NATO.")
    assert relation(annotation, "country:FIN", "org:nato") is None


@pytest.mark.parametrize(("sentence", "expected"), REFERENCES)
def test_who_a_threat_or_a_pair_refers_to(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_relations_between_two_sides_are_no_act(annotate_text: Annotate) -> None:
    annotation = code(
        annotate_text, "Chad expelled a Sudanese diplomat as relations between the two neighbours soured."
    )
    assert relation(annotation, "country:SDN", "country:TCD") is None


@pytest.mark.parametrize(("sentence", "expected"), PAIRS_AND_NOUNS)
def test_pairs_and_event_nouns(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), MOBILISATIONS)
def test_a_mobilisation_answers_the_other_side_named(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_exporters_scrambling_is_no_mobilisation(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Chilean exporters scrambled to find new buyers after China's ban on salmon.")
    assert [s.event for s in annotation.stances if s.event is E.MOBILIZE] == []


def test_an_act_talked_of_as_if_it_happened_is_not_coded(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Analysts said a Russian blockade of Moldova would be ruinous for both.")
    assert relation(annotation, "country:RUS", "country:MDA") is None


def test_what_is_discussed_is_no_party(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Japan and Australia discussed China's military drills near Taiwan.")
    assert relation(annotation, "country:JPN", "country:CHN") is None


def test_fighter_jets_are_not_fighters(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Norway scrambled fighter jets after Russian bombers neared its airspace.")
    assert [s.target for s in annotation.stances if s.target.startswith("group:")] == []
