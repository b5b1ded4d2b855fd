"""Names a small NER model misses or mistypes, found again with the gazetteer and the event tables.

Small models tag "Cyprus" as a product and "Burkina Faso" as a person, and
miss "ECOWAS", "Kyiv" or "Russian" in "Russian diplomats"; the actors the
event coder needs would then be lost before it reads the sentence.
"""

import re

from spacy.attrs import IS_UPPER, LENGTH, POS
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Span

from consumers.nlp.events.offices import is_kept_official
from consumers.nlp.events.sectors import known_group
from consumers.nlp.gazetteer import Gazetteer
from consumers.nlp.spans import Overlaps, ParsedText, RawSpan
from consumers.nlp.spelled_names import spelled_names

NAME_LABELS = {"ORG", "FAC", "EVENT", "LOC", "GPE", "NORP", "WORK_OF_ART", "LAW"}


def _contains(text: str, outer: RawSpan, inner: RawSpan) -> bool:
    """Whether ``outer`` is a longer name around ``inner``; a list or a possessive is no name."""
    longer = outer.end - outer.start > inner.end - inner.start
    # "Mali, Burkina Faso" and "Mozambique's Cabo Delgado" are not one name
    listed = any(mark in text[outer.start : outer.end] for mark in (",", "'s ", "\u2019s "))
    return outer.start <= inner.start and inner.end <= outer.end and longer and not listed


def _names_an_official(words: Span) -> bool:
    """A hand-kept official's name standing for a person: "Starmer held", not "Junior doctors" or "Park rangers"."""
    return words.root.dep_ not in ("compound", "amod") and is_kept_official(words.text)


# Words that end a name the model ran on into its place: "the Syrian Democratic Forces near Kobani".
_PLACE_WORDS = re.compile(r" (?:near|in|at|outside|around|across) ")


def _known_group_only(text: str, span: RawSpan) -> RawSpan:
    """An organisation span cut back to the known group it starts with, where the model ran on into a place."""
    if span.label != "ORG":
        return span
    cut = _PLACE_WORDS.search(text, span.start, span.end)
    if cut is None or known_group(text[span.start : cut.start()]) is None:
        return span
    return RawSpan(span.start, cut.start(), span.label)


# A generic noun after a name that some groups carry in their own name: "the Sinaloa cartel".
_NAME_NOUN = re.compile(r" (cartel|gang|militia|brigade|brigades|front)\b", re.IGNORECASE)


def _with_its_noun(text: str, span: RawSpan) -> RawSpan:
    """A name run on over the generic noun after it where only the longer name is a known group."""
    noun = _NAME_NOUN.match(text, span.end)
    name = text[span.start : span.end]
    if noun is None or known_group(name) is not None or known_group(name + noun.group(0)) is None:
        return span
    return RawSpan(span.start, noun.end(), "ORG")


def with_missed_names(parsed: ParsedText, gazetteer: Gazetteer) -> list[RawSpan]:
    """The backend's spans, with the countries and blocs it missed or mistyped added as GPE/ORG.

    Small models tag "Cyprus" as a product, "Burkina Faso" as a person and
    miss "ECOWAS"; a proper-noun (or all-capitals) run whose exact text the
    gazetteer knows as a country, capital or other city, bloc or known group, or that names a
    hand-kept official ("Bukele ordered..."), replaces what overlapped it, unless the model's span is
    a longer name around it.
    """
    doc, text = parsed.doc, parsed.text
    # the attributes as columns: this loop reads every word, and ``doc[i]`` builds a Token object on each access
    pos, upper, length = doc.to_array([POS, IS_UPPER, LENGTH]).T.tolist()
    in_name = [tag == PROPN or (is_upper and size > 1) for tag, is_upper, size in zip(pos, upper, length, strict=True)]
    model = Overlaps(parsed.spans)

    def untagged(start: int, end: int) -> bool:
        """No name the model tagged there, or only a place the gazetteer does not know ("a call with Carney")."""
        return all(
            s.label not in ("PERSON", "GPE", "LOC") or (s.label != "PERSON" and unknown_place(s))
            for s in model.of(RawSpan(start, end, "PERSON"))
        )

    def unknown_place(span: RawSpan) -> bool:
        return gazetteer.lookup(text[span.start : span.end], "GPE", fuzzy=False) is None

    found: list[RawSpan] = []
    index = 0
    while index < len(doc):
        end = index
        while end < len(doc) and in_name[end]:
            end += 1
            if end + 1 < len(doc) and doc[end].text == "-" and pos[end + 1] == PROPN:
                end += 1  # "Al-Shabaab"
        if end > index:
            start_char, end_char = doc[index].idx, doc[end - 1].idx + len(doc[end - 1].text)
            run = text[start_char:end_char]
            place = gazetteer.lookup(run, "GPE", fuzzy=False)
            people = gazetteer.lookup(run, "NORP", fuzzy=False) if end == index + 1 else None
            if place is not None and place.kind in ("country", "bloc", "capital", "city"):
                found.append(RawSpan(start_char, end_char, place.type.value))
            elif people is not None and people.kind == "demonym":  # "Angolan security forces" tagged a name
                found.append(RawSpan(start_char, end_char, "NORP"))
            elif len(run) >= 3 and known_group(run) is not None:  # "ELN", "M23", "Hezbollah"
                found.append(RawSpan(start_char, end_char, "ORG"))
            elif not upper[index] and untagged(start_char, end_char) and _names_an_official(doc[index:end]):
                # "Rubio telephoned Jaishankar"; not "a rally in Austin", which the model tagged a place
                found.append(RawSpan(start_char, end_char, "PERSON"))
        elif pos[index] in (ADJ, NOUN) and doc[index].text[:1].isupper():
            word = doc[index]
            place = gazetteer.lookup(word.text, "NORP", fuzzy=False) if pos[index] == ADJ else None
            before_place = index + 1 < len(doc) and pos[index + 1] == PROPN  # "Western Sahara" is a place
            if place is not None and place.kind == "demonym":  # "Russian diplomats"
                found.append(RawSpan(word.idx, word.idx + len(word.text), "NORP"))
            elif place is not None and place.kind == "bloc" and not before_place:  # "Western governments"
                found.append(RawSpan(word.idx, word.idx + len(word.text), "NORP"))
            elif untagged(word.idx, word.idx + len(word)) and _names_an_official(doc[index : index + 1]):
                # "Pezeshkian took", "Starmer held": mistagged
                found.append(RawSpan(word.idx, word.idx + len(word.text), "PERSON"))
        index = end if end > index else index + 1
    found.extend(spelled_names(parsed))
    # a longer name the model found keeps its words ("Bank of England", "Sea of Japan");
    # what only overlaps it, or is mistyped, gives way to the gazetteer's span
    model_spans = [_with_its_noun(text, _known_group_only(text, s)) for s in parsed.spans]
    spans = Overlaps(model_spans)
    found = [f for f in found if not any(s.label in NAME_LABELS and _contains(text, s, f) for s in spans.of(f))]
    taken = Overlaps(found)
    kept = [s for s in model_spans if not taken.of(s)]
    return [*kept, *found]
