"""The CAMEO verb dictionary and PLOVER's conversion table, read into the verbs table.

Each verb takes the PLOVER event of its CAMEO code; a verb + object pattern is
kept where its event differs from the verb's own ("hold talks" is CONSULT
although "hold" alone is no event).
"""

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consumers.nlp.training.dictionary_text import CODE, FORMS, content, phrase, read_lines


@dataclass(frozen=True)
class Plover:
    """A PLOVER event type and its mode (or, where the table gives no mode, its first context)."""

    event: str
    mode: str | None


@dataclass(frozen=True)
class PloverTable:
    """PLOVER's CAMEO conversion: rows by CAMEO code, and the event of each two-digit cue category."""

    rows: Mapping[str, Plover]
    categories: Mapping[str, str]

    def event_of(self, cameo: str) -> Plover | None:
        """The PLOVER event of a CAMEO code, or None for CAMEO's public statements (01x) and unknown codes.

        PLOVER merges CAMEO's appeals (02x) into REQUEST, and CAMEO built 02x and 10x (demands) in
        parallel (021 appeal for material cooperation, 101 demand it), so an appeal takes the mode of the
        matching demand. A code the table lacks (1952, 176) falls back to its three-digit parent, then to
        its cue category with no mode.
        """
        if len(cameo) < 2 or cameo.startswith("01"):
            return None
        code = "10" + cameo[2:] if cameo.startswith("02") else cameo
        for prefix in (code, code[:3]):
            if prefix in self.rows:
                return self.rows[prefix]
        category = self.categories.get(code[:2])
        return Plover(category, None) if category else None


def read_plover(path: Path) -> PloverTable:
    """Rows ``CODE: EVENT, mode, context # comment``; two-digit rows name a cue category's event."""
    rows: dict[str, Plover] = {}
    categories: dict[str, str] = {}
    for line in read_lines(path):
        code, colon, rest = content(line).partition(":")
        code = code.strip()
        if not colon or not code.isdigit():
            continue
        fields = [part.strip() for part in rest.split(",")]
        event = fields[0]
        if not event.isalpha():
            continue
        if len(code) == 2:
            categories.setdefault(code, event)  # "08" heads both CONCEDE and RETREAT rows: the first names it
            continue
        mode = fields[1] if len(fields) > 1 else ""
        context = fields[2].split(";")[0].strip() if len(fields) > 2 else ""
        rows.setdefault(code, Plover(event, mode or context or None))
    return PloverTable(rows, categories)


def primary_code(field_text: str) -> str | None:
    """The CAMEO code a ``[...]`` field gives the verb's subject as the source, digits only.

    ``042:043`` pairs the subject's event (visit) with its mirror for the object (host): the first half
    reads left to right. A field with only the second half (``[:173]``, "face trial") makes the object the
    source, which a table keyed by verb cannot say, so it gives no code; ``---`` is PETRARCH's null code.
    """
    first = field_text.strip().split(":", 1)[0]
    digits = "".join(ch for ch in first if ch.isdigit())
    return digits or None


_PATTERN_TOKEN = re.compile(r"[{}()*]|[^\s{}()*]+")


_MARKERS = "$+%^"  # source, target, compound and skip markers: positions, not words


FUNCTION = frozenset({"a", "an", "the", "and", "or"})  # no argument of the verb is one of these


# Plurals that mean something else than many of the singular: "talks" are negotiations, "arms" weapons.
_KEEP_PLURAL = frozenset({"talks", "arms"})


Words = tuple[str, ...]


@dataclass
class Block:
    """One ``--- NAME [code] ---`` block: synonymous verbs sharing its patterns."""

    default: str | None
    verbs: list[tuple[str, str | None]] = field(default_factory=list)
    # pattern text, CAMEO code, and the words of its comment (which name the verb it was written for)
    patterns: list[tuple[str, str | None, frozenset[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class _Pattern:
    """A parsed pattern: alternatives for the first preposition, then one slot per content word or phrase."""

    preps: tuple[str | None, ...]
    slots: tuple[tuple[Words, ...], ...]


def split_words(text: str) -> Words:
    return tuple(word for word in phrase(text).split() if word)


def read_verb_dictionary(path: Path) -> tuple[dict[str, tuple[Words, ...]], list[Block]]:
    """The synonym sets (``&LABEL`` then ``+member`` lines) and the verb blocks, in file order.

    A verb line is ``VERB {irregular forms} [code]``; ``+`` marks the verb of a multi-word entry
    (``+CARRY_OUT``). The irregular forms are dropped: the table is keyed by lemma.
    """
    synsets: dict[str, list[Words]] = {}
    blocks: list[Block] = []
    synset: list[Words] | None = None
    for line in read_lines(path):
        text = content(line).strip()
        if not text or text.startswith("~"):  # transformations recode verb-on-verb phrases: not a lexicon
            continue
        if text.startswith("&"):
            synset = synsets.setdefault(text.split()[0][1:].rstrip("_"), [])
        elif text.startswith("---"):
            synset = None
            code = CODE.search(text)
            blocks.append(Block(primary_code(code.group(1)) if code else None))
        elif synset is not None:
            if text.startswith("+") and (member := split_words(text[1:].rstrip("_"))):
                synset.append(member)
        elif blocks and text.startswith("-"):
            codes = CODE.findall(text)
            body = CODE.sub(" ", text)[1:]
            comment = line.split("#", 1)[1] if "#" in line else ""
            names = frozenset(phrase(word) for word in re.split(r"[\s,]+", comment) if word)
            blocks[-1].patterns.append((body, primary_code(codes[-1]) if codes else None, names))
        elif blocks:
            block = blocks[-1]
            code = CODE.search(text)
            verb = FORMS.sub(" ", CODE.sub(" ", text)).split()
            if not verb:
                continue
            lemma = " ".join(split_words(verb[0].replace("+", "")))
            # "+ATTACKED_AND_STABBED", "+SHOT_AND": parser workarounds for coordinated verbs, not lemmas.
            if lemma and "and" not in lemma.split():
                block.verbs.append((lemma, primary_code(code.group(1)) if code else block.default))
    return {label: tuple(members) for label, members in synsets.items()}, blocks


def parse_pattern(body: str, synsets: Mapping[str, tuple[Words, ...]]) -> _Pattern | None:
    """The words of a pattern such as ``* TALKS (WITH +)`` or ``&MILITARY * {MOCK ATTACK}``.

    Words before and after the verb (``*``) are pooled: the table says which words must be among the verb's
    arguments. A parenthesised group is a prepositional phrase: its first word is the preposition (the first
    group's is kept as ``prep``), the rest are words. ``A/B`` and ``&SYNSET`` are alternatives. In a braced
    noun phrase the last word is the head (PETRARCH's rule); a synonym set in front of it
    (``{&MILITARY &AIRCRAFT}``) makes no fixed phrase with the head ("navy helicopter", "troops jet"), so
    only the head is kept, which also keeps such patterns from multiplying into thousands. A pattern naming
    an undefined synset is ignored, as PETRARCH ignores it.
    """
    preps: tuple[str | None, ...] = (None,)
    slots: list[tuple[Words, ...]] = []
    braced: list[tuple[tuple[Words, ...], bool]] | None = None
    expect_prep = False
    seen_prep = False
    for piece in _PATTERN_TOKEN.findall(body):
        if piece in ("(", ")"):
            expect_prep = piece == "("
            continue
        if piece == "{":
            braced = []
            continue
        if piece == "}":
            if braced:
                slots.extend(slot for slot, is_set in braced[:-1] if not is_set)
                slots.append(braced[-1][0])
            braced = None
            continue
        word = piece.strip(_MARKERS)
        if not word or word == "*":
            continue
        if expect_prep:
            expect_prep = False
            if not seen_prep:
                seen_prep = True
                preps = tuple(alt.lower() for alt in word.split("/") if alt)
            continue
        if word.startswith("&"):
            members = synsets.get(word[1:].rstrip("_"))
            if members is None:
                return None
            slot, is_set = members, True
        else:
            slot = tuple(
                words for alt in word.split("/") if (words := tuple(w for w in split_words(alt) if w not in FUNCTION))
            )
            is_set = False
            if not slot:
                continue
        if braced is None:
            slots.append(slot)
        else:
            braced.append((slot, is_set))
    return _Pattern(preps, tuple(slots))


def lemma_ish(word: str, vocabulary: frozenset[str]) -> str:
    """A plural as its singular when the dictionary also uses the singular ("attacks" -> "attack").

    Checking the dictionary's own words keeps "series", "news" and "forces" as they are unless their
    singulars appear too: no stemmer's guesses, only forms the dictionary writers used.
    """
    if word in _KEEP_PLURAL or not word.endswith("s") or word.endswith("ss"):
        return word
    for singular in (word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y"):
        if singular and singular in vocabulary:
            return singular
    return word


def build_verbs(synsets: Mapping[str, tuple[Words, ...]], blocks: list[Block], table: PloverTable) -> dict[str, Any]:
    """``verbs.json``: each verb lemma's PLOVER event and the patterns that change it.

    A verb's code is its own ``[code]``, else its block's. A lemma in several blocks takes its first
    definition that codes an event, and collects the patterns of every block it is in. PETRARCH applies a
    block's patterns to all its verbs, but the dictionary's comments name the verb each pattern was written
    for ("SET * DEADLINE  # SET" is no pattern of STATION): a pattern goes to the verbs its comment names
    when they are in the block, else to all of them. It is kept when its code maps to a PLOVER event other
    than the verb's own; CAMEO's 01x public statements are not events, so neither verbs nor patterns coded
    01x are.
    """
    verbs: dict[str, dict[str, Any]] = {}
    for block in blocks:
        for lemma, code in block.verbs:
            plover = table.event_of(code) if code else None
            if plover and lemma not in verbs:
                verbs[lemma] = {"code": code, "event": plover.event, "mode": plover.mode}

    parsed: list[tuple[list[str], _Pattern, str, Plover]] = []
    vocabulary: set[str] = {word for members in synsets.values() for member in members for word in member}
    for block in blocks:
        lemmas = list(dict.fromkeys(lemma for lemma, _ in block.verbs))
        for body, code, names in block.patterns:
            plover = table.event_of(code) if code else None
            pattern = parse_pattern(body, synsets)
            if code and plover and pattern:
                parsed.append(([lemma for lemma in lemmas if lemma in names] or lemmas, pattern, code, plover))
                vocabulary.update(word for slot in pattern.slots for words in slot for word in words)
    known = frozenset(vocabulary)

    patterns: dict[str, dict[tuple[Words, str | None, str], dict[str, Any]]] = {}
    for lemmas, pattern, code, plover in parsed:
        expanded = [
            (prep, tuple(lemma_ish(word, known) for words in combination for word in words))
            for prep in pattern.preps
            for combination in itertools.product(*pattern.slots)
        ]
        for lemma in lemmas:
            default = verbs.get(lemma)
            if default and default["event"] == plover.event:
                continue
            for prep, words in expanded:
                if words or prep:
                    entry = {"words": list(words), "prep": prep, "code": code, "event": plover.event}
                    patterns.setdefault(lemma, {})[(words, prep, code)] = entry | {"mode": plover.mode}
    return {
        "verbs": verbs,
        "patterns": {
            lemma: [found[key] for key in sorted(found, key=lambda k: (k[0], k[1] or "", k[2]))]
            for lemma, found in patterns.items()
        },
    }
