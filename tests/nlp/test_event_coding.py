"""Rule-based event coding through the real annotator: who does what to whom, per the events README's conventions.

Each sentence is the body of an article with an empty title. Cases give the directed dyad an analyst would code
(consumers/commands/evaluation/data/events/README.md), the event types accepted for it and, where the conventions fix
them, the sectors of both sides (``None`` for a country acting as a whole).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from consumers.nlp.annotator import Annotation
from schemas import EventType, Sector, quad_class_of, stance_of
from tests.nlp.helpers import relation

Annotate = Callable[[str], Annotation]
# Short for the PLOVER event types in the case tables.
E = EventType


@dataclass(frozen=True)
class Coded:
    """One expected relation: ``events`` are the acceptable types; ``sectors`` (source, target) when checked."""

    source: str
    target: str
    events: tuple[EventType, ...]
    sectors: tuple[Sector | None, Sector | None] | None = None


def code(annotate_text: Annotate, sentence: str) -> Annotation:
    return annotate_text("\n" + sentence)


def assert_coded(annotation: Annotation, expected: Coded) -> None:
    found = relation(annotation, expected.source, expected.target)
    coded = [(s.source, s.target, s.event) for s in annotation.stances]
    assert found is not None, f"no {expected.source} -> {expected.target} in {coded}"
    assert found.event in expected.events, coded
    (stance,) = {stance_of(event) for event in expected.events}
    assert found.stance == stance
    if expected.sectors is not None:
        assert (found.source_sector, found.target_sector) == expected.sectors


ISSUE_EXAMPLES = [
    pytest.param(
        "Turkish warplanes struck militant positions in northern Iraq overnight.",
        Coded("country:TUR", "group:rebels", (E.ASSAULT,), ("military", "rebels")),
        id="turkish-warplanes",
    ),
    pytest.param(
        "Two Malian soldiers were killed when their convoy was ambushed by jihadist fighters.",
        Coded("group:rebels", "country:MLI", (E.ASSAULT,), ("rebels", "military")),
        id="passive-ambush",
    ),
    pytest.param(
        "Greece and Cyprus signed a deal with Israel to build a power cable.",
        Coded("country:CYP", "country:ISR", (E.COOPERATE, E.AGREE, E.SUPPORT)),
        id="compound-deal",
    ),
    pytest.param(
        "Two Kenyan aid workers were kidnapped by al-Shabaab fighters.",
        Coded("org:al-shabaab", "country:KEN", (E.ASSAULT,), ("rebels", "ngo")),
        id="named-group-kidnap",
    ),
    pytest.param(
        "The European Union gave Chad four million euros in aid for its farmers.",
        Coded("org:european-union", "country:TCD", (E.AID,), ("igo", None)),
        id="eu-aid-chad",
    ),
    pytest.param(
        "Police in Hong Kong arrested seven activists under the security law.",
        Coded("country:HKG", "group:opposition", (E.COERCE,), ("police", "opposition")),
        id="hk-police-arrest",
    ),
    pytest.param(
        "Moscow expelled three Estonian diplomats.",
        Coded("country:RUS", "country:EST", (E.SANCTION, E.COERCE), (None, "government")),
        id="moscow-expels",
    ),
    pytest.param(
        "Canada suspended arms exports to Saudi Arabia.",
        Coded("country:CAN", "country:SAU", (E.SANCTION,), (None, None)),
        id="canada-suspends-arms",
    ),
    pytest.param(
        "France withdrew its last troops from Niger.",
        Coded("country:FRA", "country:NER", (E.RETREAT,), (None, None)),
        id="france-withdraws",
    ),
    pytest.param(
        "Russia is providing intelligence to Iran, the Washington Post said.",
        Coded("country:RUS", "country:IRN", tuple(e for e in EventType if stance_of(e) == "cooperative")),
        id="reported-by-outlet",
    ),
]

NEGATED_OR_HYPOTHETICAL = [
    # (negated or hypothetical sentence, its asserted counterpart, source, target)
    pytest.param(
        "Israel did not attack Iranian nuclear sites, officials said.",
        "Israel attacked Iranian nuclear sites, officials said.",
        "country:ISR",
        "country:IRN",
        id="did-not-attack",
    ),
    pytest.param(
        "Egypt has not sent aid to Sudan.", "Egypt sent aid to Sudan.", "country:EGY", "country:SDN", id="has-not-sent"
    ),
    pytest.param(
        "Turkey never attacked Greek ships.", "Turkey attacked Greek ships.", "country:TUR", "country:GRC", id="never"
    ),
    pytest.param(
        "Officials denied that Serbia had expelled Croatian diplomats.",
        "Serbia expelled Croatian diplomats.",
        "country:SRB",
        "country:HRV",
        id="denied",
    ),
    pytest.param(
        "Vietnam could sign a trade deal with Indonesia next year, diplomats said.",
        "Vietnam signed a trade deal with Indonesia, diplomats said.",
        "country:VNM",
        "country:IDN",
        id="could",
    ),
    pytest.param(
        "Ministers will discuss whether Norway should expel Belarusian diplomats.",
        "Norway expelled Belarusian diplomats.",
        "country:NOR",
        "country:BLR",
        id="whether",
    ),
]

COMPOUNDS = [
    # (sentence, expected relations, pairs that must not be coded)
    pytest.param(
        "Egypt and Sudan agreed to hold joint military exercises.",
        [Coded("country:EGY", "country:SDN", (E.AGREE,)), Coded("country:SDN", "country:EGY", (E.AGREE,))],
        [],
        id="mutual-agree",
    ),
    pytest.param(
        "Uzbekistan and Kazakhstan held joint military exercises near their border.",
        [
            Coded("country:UZB", "country:KAZ", (E.COOPERATE,), (None, None)),
            Coded("country:KAZ", "country:UZB", (E.COOPERATE,), (None, None)),
        ],
        [],
        id="mutual-exercises",
    ),
    pytest.param(
        "Britain and France imposed sanctions on Iran.",
        [Coded("country:GBR", "country:IRN", (E.COERCE,)), Coded("country:FRA", "country:IRN", (E.COERCE,))],
        [("country:GBR", "country:FRA"), ("country:FRA", "country:GBR")],
        id="compound-source-sanctions",
    ),
    pytest.param(
        "Sweden and Finland sent humanitarian aid to Ukraine.",
        [Coded("country:SWE", "country:UKR", (E.AID,)), Coded("country:FIN", "country:UKR", (E.AID,))],
        [("country:SWE", "country:FIN"), ("country:FIN", "country:SWE")],
        id="compound-source-aid",
    ),
    pytest.param(
        "Japan condemned North Korea and China.",
        [Coded("country:JPN", "country:PRK", (E.ACCUSE,)), Coded("country:JPN", "country:CHN", (E.ACCUSE,))],
        [("country:PRK", "country:CHN"), ("country:CHN", "country:PRK")],
        id="compound-target",
    ),
]

NOMINALS = [
    pytest.param(
        "Israel's strike on Gaza killed dozens of people.",
        Coded("country:ISR", "country:PSE", (E.ASSAULT,), (None, None)),
        id="possessor-strike",
    ),
    pytest.param(
        "Turkish air strikes on Kurdish militants in Syria continued.",
        Coded("country:TUR", "group:rebels", (E.ASSAULT,)),
        id="nationality-strikes",
    ),
    pytest.param(
        "The EU's sanctions against Belarus took effect on Monday.",
        Coded("org:european-union", "country:BLR", (E.COERCE,), ("igo", None)),
        id="possessor-sanctions-against",
    ),
    pytest.param(
        "Britain announced new sanctions against Iran.",
        Coded("country:GBR", "country:IRN", (E.COERCE,), (None, None)),
        id="announced-sanctions-against",
    ),
    pytest.param(
        "Washington's aid to Taipei angered Beijing.",
        Coded("country:USA", "country:TWN", (E.AID,), (None, None)),
        id="possessor-aid-to",
    ),
    pytest.param(
        "Japan sent humanitarian aid to the Philippines after the typhoon.",
        Coded("country:JPN", "country:PHL", (E.AID,), (None, None)),
        id="sent-aid-to",
    ),
    pytest.param(
        "Ghana sent troops to help Mali.",
        Coded("country:GHA", "country:MLI", (E.AID,), (None, None)),
        id="sent-troops-to-help",
    ),
]

PASSIVES = [
    pytest.param(
        "Georgian protesters were arrested by Russian police.",
        Coded("country:RUS", "country:GEO", (E.COERCE,), ("police", "protesters")),
        id="arrested-by",
    ),
    pytest.param(
        "Four Thai soldiers were killed by Cambodian troops.",
        Coded("country:KHM", "country:THA", (E.ASSAULT,), ("military", "military")),
        id="killed-by",
    ),
    pytest.param(
        "Three Nigerian villagers were abducted by militants.",
        Coded("group:rebels", "country:NGA", (E.ASSAULT,), ("rebels", "civilians")),
        id="abducted-by-group",
    ),
    pytest.param(
        "A Lebanese fishing boat was seized by the Israeli navy.",
        Coded("country:ISR", "country:LBN", (E.COERCE,)),
        id="seized-by",
    ),
    pytest.param(
        "Sudan was condemned by the African Union.",
        Coded("org:african-union", "country:SDN", (E.ACCUSE,), ("igo", None)),
        id="condemned-by-igo",
    ),
]

PRONOUNS = [
    pytest.param(
        "Egypt opened the Rafah crossing on Monday. It sent 200 trucks of aid to Gaza.",
        Coded("country:EGY", "country:PSE", (E.AID,), (None, None)),
        id="it-sent-aid",
    ),
    pytest.param(
        "Vietnam lodged a protest on Monday. It accused China of ramming a fishing boat.",
        Coded("country:VNM", "country:CHN", (E.ACCUSE,), (None, None)),
        id="it-accused",
    ),
    pytest.param(
        "Iraq's foreign ministry issued a statement on Sunday. It condemned Turkey for the air strikes.",
        Coded("country:IRQ", "country:TUR", (E.ACCUSE,), ("government", None)),
        id="ministry-it-condemned",
    ),
    pytest.param(
        "Pakistan's army chief visited the border on Sunday. Its troops later shelled Indian positions in Kashmir.",
        Coded("country:PAK", "country:IND", (E.ASSAULT,), ("military", "military")),
        id="its-troops-shelled",
    ),
    pytest.param(
        "Chad closed its border on Tuesday. Its soldiers then attacked rebels crossing from Libya.",
        Coded("country:TCD", "group:rebels", (E.ASSAULT,), ("military", "rebels")),
        id="its-soldiers-attacked",
    ),
    pytest.param(
        "The Sudanese army said its troops had killed 40 rebels in Darfur.",
        Coded("country:SDN", "group:rebels", (E.ASSAULT,), ("military", "rebels")),
        id="army-said-its-troops",
    ),
]

# An act done to a place, with no party named: the country the place lies in is the target.
PLACES = [
    pytest.param(
        "Turkish jets bombed fuel depots outside the Iraqi city of Mosul.",
        Coded("country:TUR", "country:IRQ", (E.ASSAULT,)),
        id="depots-outside-city",
    ),
    pytest.param(
        "Azerbaijan withdrew the bulk of its forces from villages in Armenia's Syunik province.",
        Coded("country:AZE", "country:ARM", (E.RETREAT,)),
        id="own-forces-out-of-villages",
    ),
    pytest.param(
        "Kenya launched a sea and air assault on Somalia's southern coast.",
        Coded("country:KEN", "country:SOM", (E.ASSAULT,)),
        id="assault-on-coast",
    ),
    pytest.param(
        "Egyptian police detained an Egyptian blogger at his Cairo flat.",
        Coded("country:EGY", "country:EGY", (E.COERCE,), ("police", "media")),
        id="home-is-not-the-target",
    ),
    pytest.param(
        "Gunmen detonated a bomb outside a market in Kabul on Friday.",
        Coded("group:rebels", "country:AFG", (E.ASSAULT,)),
        id="capital-names-the-country",
    ),
    pytest.param(
        "Kenya said it would send 1,000 police officers to Haiti's capital region to fight gangs.",
        Coded("country:KEN", "country:HTI", (E.AGREE, E.AID)),
        id="possessive-place-is-not-a-name",
    ),
]

# Who an act belongs to when the sentence says so in other words.
ATTRIBUTIONS = [
    pytest.param(
        "Boko Haram claimed responsibility for an ambush on a Nigerian army convoy near Maiduguri.",
        Coded("org:boko-haram", "country:NGA", (E.ASSAULT,), ("rebels", "military")),
        id="claimed-responsibility",
    ),
    pytest.param(
        "The Houthis claimed a missile attack on a Saudi oil terminal.",
        Coded("org:houthis", "country:SAU", (E.ASSAULT,)),
        id="claimed-an-attack",
    ),
    pytest.param(
        "Japan's decision to expand its coast guard drew a sharp rebuke from Beijing.",
        Coded("country:CHN", "country:JPN", (E.ACCUSE,)),
        id="drew-a-rebuke-from",
    ),
    pytest.param(
        "Hamas gave no details. The group said its fighters had destroyed three Israeli tanks.",
        Coded("org:hamas", "country:ISR", (E.ASSAULT,), ("rebels", "military")),
        id="the-group-said-its-fighters",
    ),
    pytest.param(
        "Armenia moved tanks and artillery units closer to the border with Azerbaijan.",
        Coded("country:ARM", "country:AZE", (E.MOBILIZE,)),
        id="moved-units-to-the-border",
    ),
    pytest.param(
        "Russia ordered additional troops to the frontier with Finland.",
        Coded("country:RUS", "country:FIN", (E.MOBILIZE,)),
        id="ordered-troops-to-the-frontier",
    ),
    pytest.param(
        "NATO Secretary-General Mark Rutte urged Serbia to withdraw its forces from the boundary.",
        Coded("org:nato", "country:SRB", (E.REQUEST,), ("igo", None)),
        id="title-names-the-organisation",
    ),
    pytest.param(
        "Chad, Niger and Sudan rejected the African Union plan.",
        Coded("country:TCD", "org:african-union", (E.REJECT,)),
        id="first-of-a-list",
    ),
    pytest.param(
        "The Sudanese army vowed to crush the Rapid Support Forces.",
        Coded("country:SDN", "org:rapid-support-forces", (E.THREATEN,)),
        id="vowed-harm-is-a-threat",
    ),
    pytest.param(
        "Turkish troops shelled two villages in northern Iraq, the Iraqi foreign ministry said, "
        "calling the move a breach of sovereignty.",
        Coded("country:IRQ", "country:TUR", (E.ACCUSE,), ("government", "military")),
        id="speaker-calls-the-move-a-breach",
    ),
]

# Undoing a restriction is a concession by whoever imposed it; working together codes both ways.
RELIEF_AND_PARTNERS = [
    pytest.param(
        "EU sanctions on Venezuela's oil sector were lifted on Friday.",
        Coded("org:european-union", "country:VEN", (E.RETREAT, E.CONCEDE)),
        id="sanctions-were-lifted",
    ),
    pytest.param(
        "Curbs on Afghan traders entering Pakistan were eased by the Pakistani authorities.",
        Coded("country:PAK", "country:AFG", (E.CONCEDE, E.RETREAT), ("government", "business")),
        id="curbs-were-eased-by",
    ),
    pytest.param(
        "Saudi Arabia and the UAE each deposited $2 billion with Pakistan's central bank.",
        Coded("country:SAU", "country:PAK", (E.AID,)),
        id="deposited-with-a-bank",
    ),
    pytest.param(
        "French and Malian troops killed twenty militants in a joint raid near Gao.",
        Coded("country:MLI", "country:FRA", (E.COOPERATE,)),
        id="joint-raid-partners",
    ),
    pytest.param(
        "Peru and Chile have begun sharing radar data on drug flights.",
        Coded("country:CHL", "country:PER", (E.COOPERATE,)),
        id="begun-sharing",
    ),
    pytest.param(
        "The defence ministers of Japan and Australia met in Tokyo, their first talks this year.",
        Coded("country:JPN", "country:AUS", (E.CONSULT,)),
        id="ministers-of-two-met",
    ),
]

# Unnamed groups: who they are follows from what they do and where they are.
UNNAMED_GROUPS = [
    pytest.param(
        "Gunmen abducted 40 worshippers from a church in central Nigeria's Plateau state.",
        Coded("group:rebels", "group:civilians", (E.ASSAULT,), ("rebels", "civilians")),
        id="headline-style-active",
    ),
    pytest.param(
        "The governor of a province in Afghanistan's east was killed by Islamic State gunmen.",
        Coded("org:islamic-state", "country:AFG", (E.ASSAULT,), ("rebels", "government")),
        id="official-of-a-place-in-a-country",
    ),
    pytest.param(
        "Thousands of teachers marched through Nairobi, demanding that the government raise their pay.",
        Coded("group:protesters", "country:KEN", (E.REQUEST, E.PROTEST), ("protesters", "government")),
        id="marchers-demand-as-protesters",
    ),
    pytest.param(
        "Congolese troops clashed with M23 rebels near Goma.",
        Coded("country:COD", "org:m23", (E.ASSAULT,), ("military", "rebels")),
        id="shared-demonym-and-tagged-as-place",
    ),
    pytest.param(
        "Congolese police in Brazzaville arrested two opposition leaders.",
        Coded("country:COG", "group:opposition", (E.COERCE,), ("police", "opposition")),
        id="shared-demonym-named-capital",
    ),
    pytest.param(
        "The Bangladeshi government faced violent student protests over job quotas.",
        Coded("group:protesters", "country:BGD", (E.PROTEST,), ("protesters", "government")),
        id="faced-protests",
    ),
    pytest.param(
        "Riot police cordoned off the parliament building in Kathmandu and rounded up dozens of protesters.",
        Coded("country:NPL", "group:protesters", (E.COERCE,), ("police", "protesters")),
        id="police-of-the-capital-named-after",
    ),
    pytest.param(
        "Militants hacked to death 12 villagers in northern Mozambique.",
        Coded("group:rebels", "group:civilians", (E.ASSAULT,), ("rebels", "civilians")),
        id="hacked-to-death",
    ),
    pytest.param(
        "Relatives of Nepali workers appealed to Hamas to free the hostages.",
        Coded("country:NPL", "org:hamas", (E.REQUEST,), ("civilians", "rebels")),
        id="relatives-of-nationals",
    ),
    pytest.param(
        "Two Belarusian journalists were granted asylum by Lithuania on Tuesday.",
        Coded("country:LTU", "country:BLR", (E.AID,), (None, "media")),
        id="granted-asylum-by",
    ),
    pytest.param(
        "Azerbaijan's prosecutor-general's office announced the release of 14 jailed journalists.",
        Coded("country:AZE", "group:media", (E.RETREAT,), ("government", "media")),
        id="release-of-people",
    ),
]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru's government withdrew a pension reform after weeks of street protests in Lima.",
        "Ghana's government bowed to weeks of protests and scrapped a tax on mobile payments.",
    ],
)
def test_giving_way_to_protests_is_a_concession_to_the_protesters(annotate_text: Annotate, sentence: str) -> None:
    annotation = code(annotate_text, sentence)
    country = next(s.source for s in annotation.stances if s.source.startswith("country:"))
    assert_coded(annotation, Coded(country, "group:protesters", (E.CONCEDE,), ("government", "protesters")))
    assert_coded(annotation, Coded("group:protesters", country, (E.PROTEST,), ("protesters", "government")))


@pytest.mark.parametrize(("sentence", "expected"), UNNAMED_GROUPS)
def test_unnamed_groups(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), RELIEF_AND_PARTNERS)
def test_relief_and_partners(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


# Idioms news writes for events: "threw its weight behind", "slammed the door on", "came under fire from".
IDIOMS = [
    pytest.param(
        "Poland threw its weight behind Ukraine's bid to join the European Union.",
        Coded("country:POL", "country:UKR", (E.SUPPORT,)),
        id="threw-its-weight-behind",
    ),
    pytest.param(
        "Serbia turned down a request from the European Union to impose sanctions on Russia.",
        Coded("country:SRB", "org:european-union", (E.REJECT,)),
        id="turned-down-a-request",
    ),
    pytest.param(
        "Denmark slammed the door on a U.S. request to station more troops in Greenland.",
        Coded("country:DNK", "country:USA", (E.REJECT,)),
        id="slammed-the-door-on",
    ),
    pytest.param(
        "Hungary brushed aside a German call for new sanctions.",
        Coded("country:HUN", "country:DEU", (E.REJECT,)),
        id="brushed-aside",
    ),
    pytest.param(
        "Somali pirates took 18 Chinese crew members hostage.",
        Coded("country:SOM", "country:CHN", (E.ASSAULT,), ("criminals", None)),
        id="took-hostage",
    ),
    pytest.param(
        "An Israeli drone strike on a car near Tyre killed a senior Hezbollah commander.",
        Coded("country:ISR", "org:hezbollah", (E.ASSAULT,)),
        id="a-strike-killed",
    ),
    pytest.param(
        "The Libyan interior minister's convoy came under fire from a rival militia in Tripoli.",
        Coded("group:rebels", "country:LBY", (E.ASSAULT,)),
        id="came-under-fire-from",
    ),
    pytest.param(
        "Spanish and Moroccan police dismantled a smuggling network in a joint operation.",
        Coded("country:ESP", "country:MAR", (E.COOPERATE,), ("police", "police")),
        id="joint-operation",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), IDIOMS)
def test_news_idioms(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTIONS)
def test_acts_are_attributed_as_the_sentence_says(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Azerbaijan shelled the Armenian town of Jermuk, killing two people and damaging a school.",
         Coded("country:AZE", "country:ARM", (E.ASSAULT,))),
        ("Iran condemned Pakistan's strike on Afghanistan, which killed 12 people.",
         Coded("country:PAK", "country:AFG", (E.ASSAULT,))),
    ],
)  # fmt: skip
def test_the_harm_an_attack_does_is_not_a_second_target(
    annotate_text: Annotate, sentence: str, expected: Coded
) -> None:
    annotation = code(annotate_text, sentence)
    assert_coded(annotation, expected)
    assert [s.target for s in annotation.stances if s.target.startswith("group:")] == []


def test_harm_at_home_codes_the_victims(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Myanmar's military bombed a village in Sagaing region, killing 17 residents.")
    assert_coded(annotation, Coded("country:MMR", "group:civilians", (E.ASSAULT,), ("military", "civilians")))


@pytest.mark.parametrize(("sentence", "expected"), PLACES)
def test_a_place_names_the_target_country(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_what_is_needed_is_not_done(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Pakistan said it needed to be able to strike camps inside Afghanistan.")
    assert [s.event for s in annotation.stances if s.event is not None] == []


@pytest.mark.parametrize(("sentence", "expected"), ISSUE_EXAMPLES)
def test_issue_examples(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


def test_suspending_exports_is_not_cooperation(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Canada suspended arms exports to Saudi Arabia.")
    cooperative = [
        s for s in annotation.stances if (s.source, s.target, s.stance) == ("country:CAN", "country:SAU", "cooperative")
    ]
    assert cooperative == []


def test_reporting_outlet_is_never_a_party(annotate_text: Annotate) -> None:
    annotation = code(annotate_text, "Russia is providing intelligence to Iran, the Washington Post said.")
    outlet = ("org:washington-post", "org:the-washington-post")
    assert [s.source for s in annotation.stances if s.source.startswith(outlet)] == []
    assert [s.target for s in annotation.stances if s.target.startswith(outlet)] == []


@pytest.mark.parametrize(("negated", "asserted", "source", "target"), NEGATED_OR_HYPOTHETICAL)
def test_negated_or_hypothetical_acts_are_not_coded(
    annotate_text: Annotate, negated: str, asserted: str, source: str, target: str
) -> None:
    assert relation(code(annotate_text, asserted), source, target) is not None
    annotation = code(annotate_text, negated)
    assert relation(annotation, source, target) is None
    assert [(s.source, s.target, s.event) for s in annotation.stances if s.event is not None] == []


@pytest.mark.parametrize(("sentence", "expected", "absent"), COMPOUNDS)
def test_compound_actors_code_one_event_per_member(
    annotate_text: Annotate, sentence: str, expected: list[Coded], absent: list[tuple[str, str]]
) -> None:
    annotation = code(annotate_text, sentence)
    for coded in expected:
        assert_coded(annotation, coded)
    for source, target in absent:
        assert relation(annotation, source, target) is None, (source, target)


@pytest.mark.parametrize(("sentence", "expected"), NOMINALS)
def test_event_nouns_sanctions_and_aid(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), PASSIVES)
def test_passive_agent_is_the_source(annotate_text: Annotate, sentence: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, sentence), expected)


@pytest.mark.parametrize(("passage", "expected"), PRONOUNS)
def test_pronouns_take_the_actor_they_refer_to(annotate_text: Annotate, passage: str, expected: Coded) -> None:
    assert_coded(code(annotate_text, passage), expected)


def _all_sentences() -> list[str]:
    sentences: list[str] = []
    groups = (ISSUE_EXAMPLES, COMPOUNDS, NOMINALS, PASSIVES, PRONOUNS, PLACES, ATTRIBUTIONS, RELIEF_AND_PARTNERS)
    for group in (*groups, UNNAMED_GROUPS, IDIOMS):
        sentences += [str(param.values[0]) for param in group]
    for param in NEGATED_OR_HYPOTHETICAL:
        sentences += [str(param.values[0]), str(param.values[1])]
    return sentences


def test_stance_and_quad_class_follow_the_event(annotate_text: Annotate) -> None:
    coded = [s for sentence in _all_sentences() for s in code(annotate_text, sentence).stances if s.event is not None]
    assert len(coded) >= 30
    for found in coded:
        event = found.event
        assert event is not None
        assert found.stance == stance_of(event), found
        assert found.quad_class == quad_class_of(event), found


def test_compound_source_codes_each_member_and_not_each_other(annotate_text: Annotate) -> None:
    coded = code(annotate_text, "Greece and Cyprus signed a deal with Israel to build a power cable.")
    assert relation(coded, "country:GRC", "country:ISR") is not None
    assert relation(coded, "country:GRC", "country:CYP") is None
    assert relation(coded, "country:CYP", "country:GRC") is None


@pytest.mark.parametrize(
    ("sentence", "not_event"),
    [
        ("A court in Tehran sentenced two British nationals to death.", E.ASSAULT),
        ("Russia ordered troops to withdraw from the border with Finland.", E.MOBILIZE),
    ],
)
def test_words_near_an_event_do_not_make_it(annotate_text: Annotate, sentence: str, not_event: EventType) -> None:
    assert not_event not in {s.event for s in code(annotate_text, sentence).stances}
