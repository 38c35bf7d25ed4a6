"""Grouping and searching the 104 Optionskommunen, shared by the list view and its template."""

from dataclasses import dataclass

from campaign.models import Kommune, Land

UMLAUTS_AS_DIGRAPHS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
UMLAUTS_AS_VOWELS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def search_forms(text: str) -> tuple[str, str]:
    """Two spellings a name can be searched by: "Düren" → ("dueren", "duren")."""
    folded = " ".join(text.casefold().split())
    return folded.translate(UMLAUTS_AS_DIGRAPHS), folded.translate(UMLAUTS_AS_VOWELS)


def matches(kommune: Kommune, query: str) -> bool:
    """Whether `query` occurs in the Kommune's or its Jobcenter's name, whatever the umlauts."""
    if not query:
        return True
    haystack = search_key(kommune)
    return any(form in haystack for form in search_forms(query))


def search_key(kommune: Kommune) -> str:
    """All spellings of the names in one string; also given to the browser for live filtering."""
    names = f"{kommune.name} {kommune.jobcenter_name}".strip()
    return " | ".join(search_forms(names))


PREFIXES = ("Landeshauptstadt ", "Landkreis ", "Kreis ", "Stadt ")


def sort_key(kommune: Kommune) -> str:
    """Order by the place, as the official list does ("Landkreis Biberach, Bodenseekreis, Enzkreis"),
    and German-alphabetically ("Görlitz" before "Greiz"; Python alone puts "ö" after "z")."""
    name = kommune.name
    for prefix in PREFIXES:
        name = name.removeprefix(prefix)
    return search_forms(name)[1]


@dataclass
class LandGroup:
    land: Land
    kommunen: list[Kommune]

    @property
    def slug(self) -> str:
        return self.land.value

    @property
    def name(self) -> str:
        return self.land.label

    @property
    def count(self) -> int:
        return len(self.kommunen)

    @property
    def shown_count(self) -> int:
        """How many match the current filter (the view marks each Kommune with `.shown`)."""
        return sum(1 for kommune in self.kommunen if getattr(kommune, "shown", True))


def group_by_land(kommunen: list[Kommune]) -> list[LandGroup]:
    """Groups in the order of the Länder (alphabetical), Kommunen by name within each."""
    by_land: dict[str, list[Kommune]] = {}
    for kommune in kommunen:
        by_land.setdefault(kommune.land, []).append(kommune)
    return [LandGroup(land, sorted(by_land[land.value], key=sort_key)) for land in Land if land.value in by_land]


def leitbild_groups() -> list:
    """The closing list of the Leitbild PDF: every Kommune by Land, in the list's order (one query)."""
    from leitbild.pdf import JobcenterGroup

    kommunen = list(Kommune.objects.only("name", "land"))
    return [
        JobcenterGroup(str(group.name), group.slug, [kommune.name for kommune in group.kommunen])
        for group in group_by_land(kommunen)
    ]
