"""Every word the site shows that is not written by editors, in both languages."""

from __future__ import annotations

import datetime

from ..model import Category, Direction, Grade, Population, Reliability, Role, SourceKind, Status, StudyDesign

SITE = {
    "nl": {
        "site_name": "Oxytocine-kennisbank",
        "language_name": "Nederlands",
        "permalink": "Vaste link naar dit kopje",
        "disclaimer": (
            "Geen medisch advies. Deze kennisbank beschrijft wat er bekend is over oxytocine; bespreek vragen over "
            "je gezondheid met een arts."
        ),
    },
    "en": {
        "site_name": "Oxytocin knowledge base",
        "language_name": "English",
        "permalink": "Permanent link to this heading",
        "disclaimer": (
            "Not medical advice. This knowledge base describes what is known about oxytocin; discuss questions about "
            "your health with a doctor."
        ),
    },
}

# Material's own words (its keys) that its translation leaves in English, or that oxykb words otherwise.
THEME_WORDS = {
    "nl": {
        "header": "Kopregel",
        "footer": "Voettekst",
        "tabs": "Tabbladen",
        "rss.created": "RSS-feed",
        "rss.updated": "RSS-feed met bijgewerkte inhoud",
        "search.result.one": "1 overeenkomend document",
        # a search shows its best 20 pages (oxykb-search.js), so their number is not that of every match
        "search.result.other": "# beste treffers",
        "select.language": "Kies een taal",
    },
    "en": {"search.result.other": "# best matches", "select.language": "Choose a language"},
}

# The page for an address that does not exist (404.html); Material's says "404 - Not found" in every language.
NOT_FOUND = {
    "nl": {
        "title": "Pagina niet gevonden",
        "text": "Deze pagina bestaat niet (meer). Zoek hierboven, of begin bij de",
        "home": "startpagina",
    },
    "en": {
        "title": "Page not found",
        "text": "This page does not exist (any more). Search above, or start at the",
        "home": "home page",
    },
}

PALETTE_TOGGLES = {"nl": ["Donkere modus", "Lichte modus"], "en": ["Dark mode", "Light mode"]}

PAGE_TITLES = {
    "nl": {
        "home": "Start",
        "open-data": "Open data",
        "report": "Redactierapport",
        "sources": "Bronnen",
        "evidence": "Bewijsniveaus",
        "tags": "Onderwerpen",
        "about": "Over deze kennisbank",
        "methodology": "Werkwijze",
        "contributing": "Bijdragen",
    },
    "en": {
        "home": "Home",
        "open-data": "Open data",
        "report": "Editors' report",
        "sources": "Sources",
        "evidence": "Evidence levels",
        "tags": "Topics",
        "about": "About",
        "methodology": "Methodology",
        "contributing": "Contributing",
    },
}

CATEGORY = {
    "nl": {
        Category.FACTS: "Feiten",
        Category.STUDIES: "Studies",
        Category.THERAPIES: "Behandelingen",
        Category.RISKS: "Risico's",
    },
    "en": {
        Category.FACTS: "Facts",
        Category.STUDIES: "Studies",
        Category.THERAPIES: "Therapies",
        Category.RISKS: "Risks",
    },
}

CATEGORY_INTRO = {
    "nl": {
        Category.FACTS: "Wat oxytocine is, waar het wordt gemaakt en wat het in het lichaam doet.",
        Category.STUDIES: "Bevindingen van afzonderlijke studies, met wat ze wel en niet aantonen.",
        Category.THERAPIES: "Medisch en therapeutisch gebruik van oxytocine.",
        Category.RISKS: "Bijwerkingen, waarschuwingen, misbruik en beweerde schade.",
    },
    "en": {
        Category.FACTS: "What oxytocin is, where it is made and what it does in the body.",
        Category.STUDIES: "Findings of individual studies, with what they do and do not show.",
        Category.THERAPIES: "Medical and therapeutic uses of oxytocin.",
        Category.RISKS: "Side effects, cautions, misuse and claimed harms.",
    },
}

GRADE_SYMBOL = {
    Grade.HIGH: "\u2295\u2295\u2295\u2295",
    Grade.MODERATE: "\u2295\u2295\u2295\u25ef",
    Grade.LOW: "\u2295\u2295\u25ef\u25ef",
    Grade.VERY_LOW: "\u2295\u25ef\u25ef\u25ef",
    Grade.UNSUPPORTED: "\u2715",
}

GRADE = {
    "nl": {
        Grade.HIGH: "Hoog",
        Grade.MODERATE: "Matig",
        Grade.LOW: "Laag",
        Grade.VERY_LOW: "Zeer laag",
        Grade.UNSUPPORTED: "Niet onderbouwd",
    },
    "en": {
        Grade.HIGH: "High",
        Grade.MODERATE: "Moderate",
        Grade.LOW: "Low",
        Grade.VERY_LOW: "Very low",
        Grade.UNSUPPORTED: "Unsupported",
    },
}

GRADE_MEANING = {
    "nl": {
        Grade.HIGH: "Zeer onwaarschijnlijk dat nieuw onderzoek dit verandert.",
        Grade.MODERATE: "Waarschijnlijk waar; nieuw onderzoek kan de details veranderen.",
        Grade.LOW: "Mogelijk waar; nieuw onderzoek verandert dit waarschijnlijk.",
        Grade.VERY_LOW: "Zeer onzeker.",
        Grade.UNSUPPORTED: "Beweerd zonder bewijs, of weerlegd door beter bewijs.",
    },
    "en": {
        Grade.HIGH: "Very unlikely to change with new research.",
        Grade.MODERATE: "Probably true; new research could change the details.",
        Grade.LOW: "May be true; new research is likely to change it.",
        Grade.VERY_LOW: "Very uncertain.",
        Grade.UNSUPPORTED: "Asserted without evidence, or contradicted by better evidence.",
    },
}

GRADE_BASIS = {
    "nl": {
        Grade.HIGH: "Leerboekfysiologie; consistente studies bij mensen of meta-analyses.",
        Grade.MODERATE: (
            "Meerdere studies bij mensen met beperkingen; een sterk mechanisme plus enige gegevens bij mensen."
        ),
        Grade.LOW: (
            "Weinig of kleine studies bij mensen, correlaties, wisselende herhaling, of dierproeven die op mensen "
            "worden toegepast."
        ),
        Grade.VERY_LOW: "Eén kleine studie, de mening van deskundigen, of speculatie die verder gaat dan de gegevens.",
        Grade.UNSUPPORTED: "Beweringen in bronnen die niets aanhalen en iets verkopen; populaire mythes.",
    },
    "en": {
        Grade.HIGH: "Textbook physiology; consistent human trials or meta-analyses.",
        Grade.MODERATE: "Several human studies with limitations; strong mechanism plus some human data.",
        Grade.LOW: "Few or small human studies, correlations, mixed replication, or animal findings applied to people.",
        Grade.VERY_LOW: "One small study, expert opinion, speculation beyond the data.",
        Grade.UNSUPPORTED: "Claims in sources that cite nothing and sell something; popular myths.",
    },
}

GRADE_WORDING = {
    "nl": {
        Grade.HIGH: "\u201cdoet\u201d, \u201cis\u201d",
        Grade.MODERATE: "\u201cwaarschijnlijk\u201d",
        Grade.LOW: "\u201cmogelijk\u201d, \u201ckan\u201d",
        Grade.VERY_LOW: "\u201chet is zeer onzeker of\u201d",
        Grade.UNSUPPORTED: "\u201cer is geen goed bewijs dat\u201d",
    },
    "en": {
        Grade.HIGH: "\u201cdoes\u201d, \u201cis\u201d",
        Grade.MODERATE: "\u201cprobably\u201d",
        Grade.LOW: "\u201cmay\u201d",
        Grade.VERY_LOW: "\u201cit is very uncertain whether\u201d",
        Grade.UNSUPPORTED: "\u201cthere is no good evidence that\u201d",
    },
}

POPULATION = {
    "nl": {
        Population.HUMAN: "Onderzoek bij mensen",
        Population.ANIMAL: "Dieronderzoek",
        Population.IN_VITRO: "Laboratoriumonderzoek (in vitro)",
        Population.MIXED: "Onderzoek bij mensen en dieren",
        Population.NONE: "Geen onderzoek",
    },
    "en": {
        Population.HUMAN: "Research in people",
        Population.ANIMAL: "Animal research",
        Population.IN_VITRO: "Laboratory research (in vitro)",
        Population.MIXED: "Research in people and animals",
        Population.NONE: "No research",
    },
}

# What the evidence says, by certainty and direction (evidence scale version 2, "Wording follows grade and
# direction"): the short verdict in summary tables and beside a claim's badge.
VERDICT = {
    "nl": {
        Direction.EFFECT: {
            Grade.HIGH: "Klopt",
            Grade.MODERATE: "Klopt waarschijnlijk",
            Grade.LOW: "Klopt mogelijk",
            Grade.VERY_LOW: "Zeer onzeker of het klopt",
            Grade.UNSUPPORTED: "Geen goed bewijs dat het klopt",
        },
        Direction.NO_DIFFERENCE: {
            Grade.HIGH: "Maakt geen verschil",
            Grade.MODERATE: "Maakt waarschijnlijk weinig of geen verschil",
            Grade.LOW: "Maakt mogelijk weinig of geen verschil",
            Grade.VERY_LOW: "Zeer onzeker of het iets uitmaakt",
        },
        Direction.MIXED: {
            Grade.HIGH: "Wisselende uitkomsten",
            Grade.MODERATE: "Wisselende uitkomsten",
            Grade.LOW: "Wisselende uitkomsten",
            Grade.VERY_LOW: "Wisselende uitkomsten",
            Grade.UNSUPPORTED: "Geen goed bewijs",
        },
    },
    "en": {
        Direction.EFFECT: {
            Grade.HIGH: "True",
            Grade.MODERATE: "Probably true",
            Grade.LOW: "May be true",
            Grade.VERY_LOW: "Very uncertain whether it is true",
            Grade.UNSUPPORTED: "No good evidence that it is true",
        },
        Direction.NO_DIFFERENCE: {
            Grade.HIGH: "Makes no difference",
            Grade.MODERATE: "Probably makes little or no difference",
            Grade.LOW: "May make little or no difference",
            Grade.VERY_LOW: "Very uncertain whether it makes a difference",
        },
        Direction.MIXED: {
            Grade.HIGH: "Mixed results",
            Grade.MODERATE: "Mixed results",
            Grade.LOW: "Mixed results",
            Grade.VERY_LOW: "Mixed results",
            Grade.UNSUPPORTED: "No good evidence",
        },
    },
}

DIRECTION = {
    "nl": {
        Direction.EFFECT: "Wijst op wat de bewering zegt",
        Direction.NO_DIFFERENCE: "Weinig of geen verschil",
        Direction.MIXED: "Wisselende uitkomsten",
    },
    "en": {
        Direction.EFFECT: "Points to what the claim says",
        Direction.NO_DIFFERENCE: "Little or no difference",
        Direction.MIXED: "Mixed results",
    },
}

ROLE = {
    "nl": {
        Role.KEY_FINDING: "Belangrijkste bevinding",
        Role.CAVEAT: "Kanttekening",
        Role.MYTH: "Mythe",
        Role.BACKGROUND: "Achtergrond",
    },
    "en": {Role.KEY_FINDING: "Key finding", Role.CAVEAT: "Caveat", Role.MYTH: "Myth", Role.BACKGROUND: "Background"},
}

STUDY_DESIGN = {
    "nl": {
        StudyDesign.SYSTEMATIC_REVIEW: "Systematische review",
        StudyDesign.META_ANALYSIS: "Meta-analyse",
        StudyDesign.RANDOMISED_TRIAL: "Gerandomiseerde studie",
        StudyDesign.COHORT: "Cohortonderzoek",
        StudyDesign.CASE_CONTROL: "Patiënt-controleonderzoek",
        StudyDesign.CROSS_SECTIONAL: "Dwarsdoorsnedeonderzoek",
        StudyDesign.CASE_SERIES: "Casusreeks",
        StudyDesign.ANIMAL: "Dieronderzoek",
        StudyDesign.IN_VITRO: "Laboratoriumonderzoek (in vitro)",
        StudyDesign.NARRATIVE_REVIEW: "Verhalend overzichtsartikel",
        StudyDesign.EXPERT_OPINION: "Mening van deskundigen",
    },
    "en": {
        StudyDesign.SYSTEMATIC_REVIEW: "Systematic review",
        StudyDesign.META_ANALYSIS: "Meta-analysis",
        StudyDesign.RANDOMISED_TRIAL: "Randomised trial",
        StudyDesign.COHORT: "Cohort study",
        StudyDesign.CASE_CONTROL: "Case-control study",
        StudyDesign.CROSS_SECTIONAL: "Cross-sectional study",
        StudyDesign.CASE_SERIES: "Case series",
        StudyDesign.ANIMAL: "Animal study",
        StudyDesign.IN_VITRO: "Laboratory study (in vitro)",
        StudyDesign.NARRATIVE_REVIEW: "Narrative review",
        StudyDesign.EXPERT_OPINION: "Expert opinion",
    },
}

STATUS = {
    "nl": {Status.CURRENT: "Actueel", Status.DISPUTED: "Betwist", Status.WITHDRAWN: "Ingetrokken"},
    "en": {Status.CURRENT: "Current", Status.DISPUTED: "Disputed", Status.WITHDRAWN: "Withdrawn"},
}

STATUS_NOTICE = {
    "nl": {
        Status.DISPUTED: (
            "Over deze bewering is het onderzoek verdeeld. Lees de onderbouwing en de tegenstrijdige beweringen."
        ),
        Status.WITHDRAWN: (
            "Deze bewering is ingetrokken. De pagina blijft bestaan zodat links blijven werken, maar de bewering "
            "geldt niet meer."
        ),
    },
    "en": {
        Status.DISPUTED: "Research on this claim is divided. Read the rationale and the contradicting claims.",
        Status.WITHDRAWN: (
            "This claim has been withdrawn. The page stays so that links keep working, but the claim no longer stands."
        ),
    },
}

SOURCE_KIND = {
    "nl": {
        SourceKind.NEWS: "Nieuwsbericht",
        SourceKind.BLOG: "Blog",
        SourceKind.COMMERCIAL: "Commerci\u00eble tekst",
        SourceKind.LECTURE: "Lezing",
        SourceKind.JOURNAL_ARTICLE: "Wetenschappelijk artikel",
        SourceKind.REVIEW: "Overzichtsartikel",
        SourceKind.BOOK: "Boek",
        SourceKind.WEBSITE: "Website",
    },
    "en": {
        SourceKind.NEWS: "News article",
        SourceKind.BLOG: "Blog",
        SourceKind.COMMERCIAL: "Commercial text",
        SourceKind.LECTURE: "Lecture",
        SourceKind.JOURNAL_ARTICLE: "Journal article",
        SourceKind.REVIEW: "Review article",
        SourceKind.BOOK: "Book",
        SourceKind.WEBSITE: "Website",
    },
}

RELIABILITY = {
    "nl": {Reliability.HIGH: "Hoog", Reliability.MODERATE: "Matig", Reliability.LOW: "Laag"},
    "en": {Reliability.HIGH: "High", Reliability.MODERATE: "Moderate", Reliability.LOW: "Low"},
}

TEXT = {
    "nl": {
        "grade": "Bewijsniveau",
        "breadcrumb": "Kruimelpad",
        "address": "Adres",
        "address_on_site": "Adres op deze site",
        "why": "Waarom dit bewijsniveau",
        "sources": "Waar deze bewering vandaan komt",
        "translation": "Vertaling",
        "original": "Oorspronkelijke tekst",
        "from": "Uit",
        "cites": "Onderliggende studies",
        "contradicts": "Tegenstrijdige beweringen",
        "related": "Gerelateerde beweringen",
        "population": "Soort onderzoek",
        "tags": "Onderwerpen",
        "reviewed": "Laatst beoordeeld",
        "category": "Categorie",
        "status": "Status",
        "reliability": "Betrouwbaarheid als bron",
        "kind": "Soort bron",
        "publisher": "Uitgever",
        "journal": "Tijdschrift",
        "authors": "Auteurs",
        "published": "Gepubliceerd",
        "cited_as": "Aangehaald als",
        "link": "Vindplaats",
        "assessment": "Beoordeling",
        "drawn_from": "Beweringen uit deze bron",
        "citing": "Beweringen die deze studie aanhalen",
        "none": "Geen.",
        "claims": "beweringen",
        "claim_count": "Aantal",
        "total": "Totaal",
        "all_sources": "Alle bronnen",
        "documents": "Brondocumenten",
        "studies": "Aangehaalde studies",
        "claims_in_category": "Beweringen in deze categorie",
        "evidence_intro": (
            "Elke bewering krijgt een bewijsniveau: hoe zeker we kunnen zijn dat ze klopt, op basis van alles wat "
            "we weten. Het niveau gaat over de bewering, niet over hoe stellig de bron klinkt. De schaal volgt GRADE, "
            "de methode van Cochrane en de meeste medische richtlijnen, met een extra niveau voor beweringen zonder "
            "enig bewijs."
        ),
        "symbol": "Symbool",
        "meaning": "Betekenis",
        "basis": "Typische basis",
        "wording": "Zo formuleren we het",
        "how_to_read": "Zo lees je een bewijsniveau",
        "overview": "Overzicht",
        "quote_lang_note": "Citaat in het Nederlands",
        "tags_intro": "Alle onderwerpen, met het aantal beweringen erover.",
        "tag_intro": "Beweringen over dit onderwerp, sterkste bewijs eerst.",
        "sources_intro": "Alle bronnen: de documenten waaruit de beweringen komen, en de studies die ze aanhalen.",
        "grade_of": "Bewijsniveau: {grade}",
        "counts_intro": "Aantal beweringen per categorie en bewijsniveau.",
        "evidence_link": "Meer over de bewijsniveaus",
        "cite": "Zo citeer je deze bewering",
        "report_intro": "Wat de aandacht van een redacteur vraagt, op de dag dat de site werd gebouwd.",
        "report_stale": "Beweringen die al meer dan twaalf maanden niet zijn beoordeeld",
        "report_weak": "Beweringen met één weinig betrouwbare bron en geen aangehaalde studie",
        "report_unused": "Bronnen die geen enkele bewering gebruikt",
        "scale_title": "De bewijsschaal, van sterk naar zwak bewijs",
        "figure_categories": "Beweringen per categorie, naar bewijsniveau",
        "figure_sources": "Beweringen per brondocument, naar bewijsniveau",
        "figure_source": "Beweringen uit deze bron, naar bewijsniveau",
        "open_data_intro": (
            "De hele kennisbank is ook als data te downloaden, in beide talen, zodat je er zelf mee kunt rekenen, "
            "zoeken of bouwen."
        ),
        "open_data_files": "Bestanden",
        "open_data_json": (
            "alle beweringen, bronnen en onderwerpen, met beide talen, bewijsniveaus, citaten, verwijzingen, "
            "beoordelingsdata "
            "en een formaatversie;"
        ),
        "open_data_csv": (
            "één rij per bewering, beide talen in aparte kolommen; lijsten zijn gescheiden door puntkomma's. Een "
            "cel die begint met =, +, -, @, een tab of een carriage return krijgt een apostrof (') ervoor, zodat "
            "een spreadsheet hem niet als formule uitvoert (in claims.json staat de tekst ongewijzigd);"
        ),
        "open_data_schema": "het JSON Schema waaraan claims.json voldoet.",
        "open_data_license": "Licentie",
        "open_data_license_text": (
            "Het veld license in claims.json noemt de licentie van de data. Het staat nu op null: de beheerders hebben "
            "nog geen licentie verleend. Vraag toestemming voordat je de data hergebruikt."
        ),
        "open_data_cite": "Een bewering citeren",
        "open_data_cite_text": (
            "Elke bewering heeft een vast adres dat nooit voor iets anders wordt gebruikt: {nl} in het Nederlands "
            "en {en} in het Engels. Onderaan elke beweringpagina staat een citeerregel, bijvoorbeeld:"
        ),
        "open_data_versions": (
            "Het formaat heeft een versienummer (format_version). Velden kunnen worden toegevoegd; een wijziging "
            "die bestaande velden verandert, krijgt een nieuw hoofdnummer."
        ),
        "strongest_first": "Sterkste bewijs eerst.",
        "details": "Gegevens",
        "source": "Bron",
        "rules_title": "Vuistregels",
        "rules": [
            (
                "Bevindingen bij dieren, zoals prairiewoelmuizen, krijgen als bewering over mensen hoogstens het "
                "niveau laag, hoe goed het dieronderzoek ook is."
            ),
            (
                "Effecten van oxytocine-neusspray op gedrag bij gezonde mensen: herhaalonderzoek valt vaak tegen "
                "en de meeste studies zijn te klein. Hoogstens laag, tenzij een specifieke bewering beter onderbouwd "
                "is."
            ),
            (
                "Metingen van oxytocine in bloed of speeksel hebben bekende methodologische problemen; beweringen "
                "die daarop rusten zijn laag of lager."
            ),
            (
                "Een bewering die alleen in een weinig betrouwbare bron staat en geen studie aanhaalt, komt niet "
                "hoger dan zeer laag, tenzij een redacteur een onderliggende studie toevoegt die haar ondersteunt."
            ),
            (
                "Vast klinisch gebruik, zoals oxytocine om de bevalling op te wekken of te versterken en om ernstig "
                "bloedverlies na de bevalling te voorkomen, is hoog."
            ),
        ],
    },
    "en": {
        "grade": "Evidence",
        "breadcrumb": "Breadcrumb",
        "address": "Address",
        "address_on_site": "Address on this site",
        "why": "Why this grade",
        "sources": "Where this claim comes from",
        "translation": "Translation",
        "original": "Original text",
        "from": "From",
        "cites": "Studies behind this claim",
        "contradicts": "Contradicting claims",
        "related": "Related claims",
        "population": "Kind of research",
        "tags": "Topics",
        "reviewed": "Last reviewed",
        "category": "Category",
        "status": "Status",
        "reliability": "Reliability as a source",
        "kind": "Kind of source",
        "publisher": "Publisher",
        "journal": "Journal",
        "authors": "Authors",
        "published": "Published",
        "cited_as": "Cited as",
        "link": "Location",
        "assessment": "Assessment",
        "drawn_from": "Claims drawn from this source",
        "citing": "Claims citing this study",
        "none": "None.",
        "claims": "claims",
        "claim_count": "Count",
        "total": "Total",
        "all_sources": "All sources",
        "documents": "Source documents",
        "studies": "Cited studies",
        "claims_in_category": "Claims in this category",
        "evidence_intro": (
            "Every claim gets an evidence grade: how sure we can be that it is true, judged on everything we know. "
            "The grade is about the claim, not about how confident the source sounds. The scale follows GRADE, the "
            "method used by Cochrane and most clinical guidelines, with one extra level for claims that come with "
            "no evidence at all."
        ),
        "symbol": "Symbol",
        "meaning": "Meaning",
        "basis": "Typical basis",
        "wording": "How we word it",
        "how_to_read": "How to read a grade",
        "overview": "Overview",
        "quote_lang_note": "Quote in Dutch",
        "tags_intro": "Every topic, with the number of claims about it.",
        "tag_intro": "Claims on this topic, strongest evidence first.",
        "sources_intro": "All sources: the documents the claims come from, and the studies they cite.",
        "grade_of": "Evidence: {grade}",
        "counts_intro": "Number of claims per category and evidence grade.",
        "evidence_link": "More about the evidence grades",
        "cite": "How to cite this claim",
        "report_intro": "What needs an editor's attention, as of the day the site was built.",
        "report_stale": "Claims not reviewed in the last twelve months",
        "report_weak": "Claims with a single low-reliability source and no cited study",
        "report_unused": "Sources no claim uses",
        "scale_title": "The evidence scale, from strong to weak evidence",
        "figure_categories": "Claims per category, by evidence grade",
        "figure_sources": "Claims per source document, by evidence grade",
        "figure_source": "Claims drawn from this source, by evidence grade",
        "open_data_intro": (
            "The whole knowledge base can also be downloaded as data, in both languages, so you can count, search "
            "or build on it yourself."
        ),
        "open_data_files": "Files",
        "open_data_json": (
            "every claim, source and topic, with both languages, grades, quotes, references, review dates and a format "
            "version;"
        ),
        "open_data_csv": (
            "one row per claim, both languages in separate columns; lists are separated by semicolons. A cell that "
            "starts with =, +, -, @, a tab or a carriage return gets an apostrophe (') in front, so that a spreadsheet "
            "does not run it as a formula (claims.json has the text unchanged);"
        ),
        "open_data_schema": "the JSON Schema that claims.json follows.",
        "open_data_license": "Licence",
        "open_data_license_text": (
            "The license field in claims.json names the data's licence. It is null for now: the maintainers have "
            "not granted a licence yet. Ask before you reuse the data."
        ),
        "open_data_cite": "Citing a claim",
        "open_data_cite_text": (
            "Every claim has a permanent address that is never used for anything else: {nl} in Dutch and {en} in "
            "English. Each claim page ends with a citation line, for example:"
        ),
        "open_data_versions": (
            "The format has a version number (format_version). Fields may be added; a change to existing fields gets "
            "a new major number."
        ),
        "strongest_first": "Strongest evidence first.",
        "details": "Details",
        "source": "Source",
        "rules_title": "Rules of thumb",
        "rules": [
            (
                "Animal findings, such as those in prairie voles, are at most low as claims about people, whatever "
                "their quality as animal research."
            ),
            (
                "Behavioural effects of intranasal oxytocin in healthy people: replication has been poor and most "
                "studies are underpowered. Low at best, unless a specific claim is better supported."
            ),
            (
                "Oxytocin measured in blood or saliva has known method problems; claims resting on such measurements "
                "are low or below."
            ),
            (
                "A claim whose only source is a low-reliability source and that cites no study cannot be graded above "
                "very low, unless an editor adds a primary study that supports it."
            ),
            (
                "Established clinical use, such as oxytocin to induce or augment labour and to prevent heavy bleeding "
                "after birth, is high."
            ),
        ],
    },
}

MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def date(value: datetime.date | str, language: str) -> str:
    """A full or partial ISO date in words: 23 november 2026, or August 2025."""
    parts = [int(part) for part in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[language][parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"
