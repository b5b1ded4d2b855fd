"""Phoenix's generic agents ("police", "warplanes") and the sector each stands for, with plurals."""

import re
from pathlib import Path

from consumers.nlp.training.dictionary_text import CODE, FORMS, content, phrase, read_lines

# CAMEO role codes -> the sector names ``schemas.events.Sector`` uses. Roles with no sector there (religions,
# ethnic groups, environment, ...) are left out on purpose: an actor coded only that way gets no sector.
ROLE_SECTORS = {
    "GOV": "government", "ELI": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
    "LEG": "legislature", "SPY": "intelligence", "REB": "rebels", "UAF": "rebels", "OPP": "opposition",
    "PTY": "opposition", "CVL": "civilians", "REF": "civilians", "EDU": "civilians", "LAB": "civilians",
    "AGR": "civilians", "REL": "civilians", "MED": "media", "BUS": "business", "MNC": "business", "IGO": "igo",
    "NGO": "ngo", "HLH": "health", "CRM": "criminals",
}  # fmt: skip


# Codes that open with an international actor type instead of a country. IMG is CAMEO's "international
# militarised group" (al-Qaeda and the like): armed and non-state, so rebels.
INTERNATIONAL_SECTORS = {"IGO": "igo", "NGO": "ngo", "MNC": "business", "IMG": "rebels"}


# PLOVER codes people protesting as their own sector; the agents dictionary files them under opposition.
PROTESTER_NOUNS = ("protester", "protestor", "demonstrator", "rioter", "marcher")


# Words ending in "man" that are not compounds of "man" and so take a plain "s".
_MAN_NOT_MEN = frozenset({"human", "german", "roman", "shaman", "talisman", "ottoman", "caiman", "cayman"})


_PREPOSITIONS = frozenset({"of", "for", "in", "on", "to", "at", "with", "from", "against", "over", "under"})


def plural_of(text: str) -> str | None:
    """The regular plural of a noun phrase's head, or None where it has none to add.

    PETRARCH adds these at load time (S, IES after a consonant and Y, ES after SS); the shipped table
    spells them out so a lookup needs no inflection. Phrases already ending in ``s`` ("forces", "news")
    are left alone rather than doubled.
    """
    words = text.split()
    if not words:
        return None
    # "minister for communications": the noun before the first preposition is the head
    at = next((i - 1 for i, word in enumerate(words) if i and word in _PREPOSITIONS), len(words) - 1)
    last = words[at]
    if not last[-1].isalpha():
        return None
    if last.endswith("man") and last not in _MAN_NOT_MEN:
        last = last[:-3] + "men"
    elif last.endswith(("ss", "sh", "ch", "x", "z")):
        last += "es"
    elif last.endswith("s"):
        return None
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:at], last, *words[at + 1 :]])


def build_agents(path: Path) -> dict[str, str]:
    """``agents.json``: common noun phrase -> sector, from lines ``PHRASE {plurals} [~CODE]``.

    ``{X}`` gives the plural X, ``{}`` says there is none; otherwise the regular plural is added.
    ``!PERSON!``-style markers expand to each form their ``!NAME! = A, B`` line lists, with no further
    plural. The sector is the role code's first three letters (``~GOVMED`` is government). Where two lines
    give one phrase different sectors the first written one wins, and written phrases beat generated
    plurals. Protesters get PLOVER's own sector.
    """
    macros: dict[str, list[str]] = {}
    written: dict[str, str] = {}
    generated: dict[str, str] = {}
    for line in read_lines(path):
        text = content(line).strip()
        if macro := re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text):
            macros[macro.group(1)] = [item.strip() for item in macro.group(2).split(",") if item.strip()]
            continue
        code = CODE.search(text)
        if not code:
            continue
        sector = ROLE_SECTORS.get(code.group(1).replace("~", "").strip()[:3])
        if sector is None:
            continue
        before = text[: code.start()]
        forms = FORMS.search(before)
        bare = FORMS.sub(" ", before)
        if marker := re.search(r"!(\w+)!", bare):
            for item in macros.get(marker.group(1), []):
                written.setdefault(phrase(bare.replace(marker.group(0), item)), sector)
            continue
        written.setdefault(phrase(bare), sector)
        plurals = [phrase(form) for form in forms.group(1).split()] if forms else [plural_of(phrase(bare)) or ""]
        for plural in plurals:
            if plural:
                generated.setdefault(plural, sector)
    agents = generated | written
    agents.pop("", None)
    for noun in PROTESTER_NOUNS:
        agents[noun] = agents[noun + "s"] = "protesters"
    return agents
