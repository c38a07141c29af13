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
        "questions": "Vragen",
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
        "questions": "Questions",
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
        Grade.UNSUPPORTED: "Beweerd, maar er is geen bewijs voor bekend.",
    },
    "en": {
        Grade.HIGH: "Very unlikely to change with new research.",
        Grade.MODERATE: "Probably true; new research could change the details.",
        Grade.LOW: "May be true; new research is likely to change it.",
        Grade.VERY_LOW: "Very uncertain.",
        Grade.UNSUPPORTED: "Asserted, but no evidence for it is known.",
    },
}

GRADE_BASIS = {
    "nl": {
        Grade.HIGH: "Leerboekfysiologie; consistente studies of meta-analyses.",
        Grade.MODERATE: "Meerdere studies met beperkingen; één grote, goed uitgevoerde studie.",
        Grade.LOW: (
            "Weinig of kleine studies, correlaties, wisselende herhaling, of bevindingen bij dieren die op mensen "
            "worden toegepast."
        ),
        Grade.VERY_LOW: "Eén kleine studie, de mening van deskundigen, of speculatie die verder gaat dan de gegevens.",
        Grade.UNSUPPORTED: "Beweringen in bronnen die niets aanhalen; populaire mythes waar niets achter zit.",
    },
    "en": {
        Grade.HIGH: "Textbook physiology; consistent trials or meta-analyses.",
        Grade.MODERATE: "Several studies with limitations; one large well-run trial.",
        Grade.LOW: "Few or small studies, correlations, mixed replication, animal findings applied to people.",
        Grade.VERY_LOW: "One small study, expert opinion, speculation beyond the data.",
        Grade.UNSUPPORTED: "Claims in sources that cite nothing; popular myths with nothing behind them.",
    },
}

# How a statement is worded, by grade and direction (evidence scale version 2): X is what was studied, Y its effect.
GRADE_WORDING = {
    "nl": {
        Grade.HIGH: {Direction.EFFECT: "X doet Y", Direction.NO_DIFFERENCE: "X maakt geen verschil voor Y"},
        Grade.MODERATE: {
            Direction.EFFECT: "X doet waarschijnlijk Y",
            Direction.NO_DIFFERENCE: "X maakt waarschijnlijk weinig of geen verschil voor Y",
        },
        Grade.LOW: {
            Direction.EFFECT: "X doet mogelijk Y",
            Direction.NO_DIFFERENCE: "X maakt mogelijk weinig of geen verschil voor Y",
        },
        Grade.VERY_LOW: {
            Direction.EFFECT: "het is zeer onzeker of X Y doet",
            Direction.NO_DIFFERENCE: "het is zeer onzeker of X invloed heeft op Y",
        },
        Grade.UNSUPPORTED: {Direction.EFFECT: "er is geen goed bewijs dat X Y doet"},
    },
    "en": {
        Grade.HIGH: {Direction.EFFECT: "X does Y", Direction.NO_DIFFERENCE: "X makes no difference to Y"},
        Grade.MODERATE: {
            Direction.EFFECT: "X probably does Y",
            Direction.NO_DIFFERENCE: "X probably makes little or no difference to Y",
        },
        Grade.LOW: {
            Direction.EFFECT: "X may do Y",
            Direction.NO_DIFFERENCE: "X may make little or no difference to Y",
        },
        Grade.VERY_LOW: {
            Direction.EFFECT: "it is very uncertain whether X does Y",
            Direction.NO_DIFFERENCE: "it is very uncertain whether X affects Y",
        },
        Grade.UNSUPPORTED: {Direction.EFFECT: "there is no good evidence that X does Y"},
    },
}

# The hedge that begins a statement of a grade, exactly as editors write it (the evidence scale's wording). A claim
# list says it once, in the grade's heading, and shows the rest of each statement that begins with it.
HEDGE = {
    "nl": {Grade.VERY_LOW: "Het is zeer onzeker of ", Grade.UNSUPPORTED: "Er is geen goed bewijs dat "},
    "en": {Grade.VERY_LOW: "It is very uncertain whether ", Grade.UNSUPPORTED: "There is no good evidence that "},
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

# Claim lists mark a finding that does not come from research in people (the full name is the marker's title).
POPULATION_MARKER = {
    "nl": {Population.ANIMAL: "dieren", Population.IN_VITRO: "in vitro", Population.NONE: "geen onderzoek"},
    "en": {Population.ANIMAL: "animals", Population.IN_VITRO: "in vitro", Population.NONE: "no research"},
}

# ... and a background claim, which is not about oxytocin itself.
BACKGROUND_MARKER = {
    "nl": {"marker": "achtergrond", "title": "Achtergrond: gaat niet over oxytocine zelf"},
    "en": {"marker": "background", "title": "Background: not about oxytocin itself"},
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

# Whose evidence, in a word or two: the summary table of a question page has a narrow column for it.
POPULATION_SHORT = {
    "nl": {
        Population.HUMAN: "Mensen",
        Population.ANIMAL: "Dieren",
        Population.IN_VITRO: "Cellen in het lab",
        Population.MIXED: "Mensen en dieren",
        Population.NONE: "Geen onderzoek",
    },
    "en": {
        Population.HUMAN: "People",
        Population.ANIMAL: "Animals",
        Population.IN_VITRO: "Cells in the lab",
        Population.MIXED: "People and animals",
        Population.NONE: "No research",
    },
}

# Question pages, the questions index and the questions on the home and claim pages.
QUESTION_TEXT = {
    "nl": {
        "intro": "Vragen die lezers over oxytocine stellen, elk met een kort antwoord en het bewijs erachter.",
        "all": "Alle vragen",
        "answer_grade": "Het bewijsniveau van het antwoord is dat van de belangrijkste bevinding: {verdict}.",
        "see_evidence": "Bekijk het bewijs",
        "evidence": "Het bewijs op een rij",
        "finding": "Bevinding",
        "verdict": "Wat het bewijs zegt",
        "certainty": "Bewijsniveau",
        "studies": "Studies",
        "population": "Onderzoek bij",
        "no_studies": "Geen studies met bekende opzet",
        "study": ("{n} studie", "{n} studies"),
        "participants": ("{n} deelnemer", "{n} deelnemers"),
        "at_least_participants": "minstens {n} deelnemers",
        "animal_studies": ("{n} dierstudie", "{n} dierstudies"),
        "myths": "Mythes",
        "what_people_claim": "Wat mensen beweren",
        "why_wrong": "Waarom dat niet klopt",
        "caveats": "Kanttekeningen",
        "background": "Achtergrond",
        "about": "Over deze vraag",
        "answer_label": "Antwoord",
        "on_claim_page": "Vragen die deze bewering helpt beantwoorden",
    },
    "en": {
        "intro": "Questions readers ask about oxytocin, each with a short answer and the evidence behind it.",
        "all": "All questions",
        "answer_grade": "The answer's grade is that of its key finding: {verdict}.",
        "see_evidence": "See the evidence",
        "evidence": "The evidence at a glance",
        "finding": "Finding",
        "verdict": "What the evidence says",
        "certainty": "Grade",
        "studies": "Studies",
        "population": "Research in",
        "no_studies": "No studies of known design",
        "study": ("{n} study", "{n} studies"),
        "participants": ("{n} participant", "{n} participants"),
        "at_least_participants": "at least {n} participants",
        "animal_studies": ("{n} animal study", "{n} animal studies"),
        "myths": "Myths",
        "what_people_claim": "What people claim",
        "why_wrong": "Why it is wrong",
        "caveats": "Caveats",
        "background": "Background",
        "about": "About this question",
        "answer_label": "Answer",
        "on_claim_page": "Questions this claim helps answer",
    },
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
        "no_topic": "zonder onderwerp",
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
        "counts_intro": "Aantal beweringen over oxytocine per categorie en bewijsniveau.",
        "evidence_link": "Meer over de bewijsniveaus",
        "cite": "Zo citeer je deze bewering",
        "report_intro": "Wat de aandacht van een redacteur vraagt, op de dag dat de site werd gebouwd.",
        "report_stale": "Beweringen die al meer dan twaalf maanden niet zijn beoordeeld",
        "report_weak": "Beweringen met één weinig betrouwbare bron en geen aangehaalde studie",
        "report_unused": "Bronnen die geen enkele bewering gebruikt",
        "scale_title": "De bewijsschaal, van sterk naar zwak bewijs",
        "figure_categories": "Beweringen over oxytocine per categorie, naar bewijsniveau",
        "figure_sources": "Beweringen over oxytocine per brondocument, naar bewijsniveau",
        "figure_source": "Beweringen over oxytocine uit deze bron, naar bewijsniveau",
        "open_data_intro": (
            "De hele kennisbank is ook als data te downloaden, in beide talen, zodat je er zelf mee kunt rekenen, "
            "zoeken of bouwen."
        ),
        "open_data_files": "Bestanden",
        "open_data_json": (
            "alle beweringen, bronnen, vragen en onderwerpen, met beide talen, bewijsniveaus, de richting van het "
            "bewijs, citaten met hun rol, verwijzingen, beoordelingsdata en een formaatversie;"
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
        "direction": "Richting van het bewijs",
        "background_title": "Achtergrond",
        "background_notice": (
            "Deze bewering gaat niet over oxytocine zelf; ze telt daarom niet mee in de tellingen van het bewijs over "
            "oxytocine."
        ),
        "as_made": "De bewering zoals gedaan",
        "as_made_intro": (
            "Dit beweert het document zelf. De bewering hierboven spreekt dat tegen of nuanceert het, dus deze "
            "citaten onderbouwen haar niet."
        ),
        "in_total": "In totaal",
        "study": "De studie",
        "design": "Opzet",
        "participants": "Deelnemers",
        "animals": "Dieren",
        "study_population": "Onderzocht bij",
        "intervention": "Interventie of blootstelling",
        "comparator": "Vergeleken met",
        "outcome": "Uitkomst",
        "year": "Jaar",
        "left_out": (
            "Alleen beweringen over oxytocine tellen mee. Er is {count} achtergrondbewering weggelaten: een bewering "
            "die niet over oxytocine zelf gaat (zoals over PTSS-behandeling of de stressreactie). Ze staat wel op haar "
            "eigen pagina.",
            "Alleen beweringen over oxytocine tellen mee. Er zijn {count} achtergrondbeweringen weggelaten: "
            "beweringen die niet over oxytocine zelf gaan (zoals over PTSS-behandeling of de stressreactie). Ze staan "
            "wel op hun eigen pagina.",
        ),
        "background_heading": "Achtergrond: niet over oxytocine zelf",
        "background_intro": (
            "Deze beweringen gaan niet over oxytocine zelf, maar geven de achtergrond om het bewijs te begrijpen "
            "(zoals over PTSS-behandeling of de stressreactie). Ze tellen niet mee in het bewijs over oxytocine."
        ),
        "three_things_title": "Drie dingen die we uit elkaar houden",
        "three_things": [
            (
                "Zekerheid (het bewijsniveau)",
                "hoe zeker we kunnen zijn dat de bewering klopt, beoordeeld op al het bewijs samen en niet op wie "
                "haar doet.",
            ),
            (
                "Richting",
                "wat het bewijs laat zien. ‘Er is bewijs dat het niet werkt’ is een bevinding, geen gebrek "
                "aan bewijs: een grote studie die geen effect vindt, geeft een bewering met het niveau matig of hoog, "
                "geformuleerd als ‘maakt waarschijnlijk weinig of geen verschil’, en nooit ‘niet "
                "onderbouwd’. Niet onderbouwd is voor beweringen waar niets bekends achter zit.",
            ),
            (
                "De getuige",
                "hoe betrouwbaar het document is waarin we de bewering vonden. Dat staat bij de bron en bepaalt "
                "hoeveel we de details van dat document vertrouwen, maar het begrenst nooit het niveau van een "
                "bewering die we op een andere manier kunnen onderbouwen.",
            ),
        ],
        "wording_intro": (
            "Hoe we een bewering formuleren, hangt af van het bewijsniveau en van de richting van het bewijs. X staat "
            "voor wat onderzocht is (een behandeling of blootstelling), Y voor het effect."
        ),
        "effect_found": "Effect gevonden",
        "no_difference_found": "Geen verschil gevonden",
        "mixed_wording": (
            "Geen verschil vinden is een bevinding, en dus nooit ‘niet onderbouwd’. Wijzen de studies verschillende "
            "kanten op, dan zeggen we dat erbij: ‘wisselende uitkomsten’."
        ),
        "background_rule_title": "Achtergrondbeweringen",
        "background_rule": (
            "Sommige beweringen gaan niet over oxytocine zelf, bijvoorbeeld over de behandeling van PTSS of over de "
            "stressreactie van het lichaam. Ze staan in de kennisbank omdat de bronnen ze noemen en ze helpen de rest "
            "te begrijpen, maar ze tellen niet mee in de tellingen en figuren van het bewijs over oxytocine. Hun eigen "
            "pagina zegt dat erbij."
        ),
        "report_uncited": "Beweringen boven zeer laag zonder aangehaald bewijs",
        "report_uncited_intro": (
            "Een bewijsniveau boven zeer laag rust op bewijs dat de lezer kan nagaan (bewijsschaal, versie 2): haal "
            "onder cites de studie, de richtlijn of het leerboek aan, of verlaag het niveau."
        ),
        "open_data_changes": (
            "Nieuw in versie 2.0: bij elke bewering de richting van het bewijs (direction: effect, no-difference of "
            "mixed) en of het een achtergrondbewering is (background); bij elk citaat zijn rol (role: support, of "
            "claim-as-made voor een citaat dat de bewering doet die wij tegenspreken of nuanceren); bij bronnen van "
            "studies, waar bekend, de opzet, het aantal deelnemers, wie onderzocht is, wat vergeleken is en wat "
            "gemeten is (study); population none als er geen onderzoek is; en de vragen (questions), met hun "
            "antwoord, de beweringen die het geven en hun rol, en hun adressen. In claims.csv zijn de kolommen "
            "direction en background nieuw."
        ),
        "rules_title": "Vuistregels",
        "rules": [
            (
                "Een bevinding bij dieren die ook zo geformuleerd is (‘bij prairiewoelmuizen …’), "
                "beoordelen we als bewijs over die dieren: een goed uitgevoerde studie kan dan matig of hoog zijn. "
                "Toegepast op mensen is dezelfde bevinding indirect bewijs, en dus hoogstens laag."
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
                "Een bewijsniveau boven zeer laag rust op bewijs dat de lezer kan nagaan: de bewering haalt de studie, "
                "het overzichtsartikel, de richtlijn of het leerboek aan waarop het niveau steunt."
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
        "no_topic": "no topic",
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
        "counts_intro": "Number of claims about oxytocin per category and evidence grade.",
        "evidence_link": "More about the evidence grades",
        "cite": "How to cite this claim",
        "report_intro": "What needs an editor's attention, as of the day the site was built.",
        "report_stale": "Claims not reviewed in the last twelve months",
        "report_weak": "Claims with a single low-reliability source and no cited study",
        "report_unused": "Sources no claim uses",
        "scale_title": "The evidence scale, from strong to weak evidence",
        "figure_categories": "Claims about oxytocin per category, by evidence grade",
        "figure_sources": "Claims about oxytocin per source document, by evidence grade",
        "figure_source": "Claims about oxytocin drawn from this source, by evidence grade",
        "open_data_intro": (
            "The whole knowledge base can also be downloaded as data, in both languages, so you can count, search "
            "or build on it yourself."
        ),
        "open_data_files": "Files",
        "open_data_json": (
            "every claim, source, question and topic, with both languages, grades, the direction of the evidence, "
            "quotes with their roles, references, review dates and a format version;"
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
        "direction": "Direction of the evidence",
        "background_title": "Background",
        "background_notice": "This claim is not about oxytocin itself; it is kept out of oxytocin's evidence counts.",
        "as_made": "The claim as made",
        "as_made_intro": (
            "This is what the document itself asserts. The claim above rejects or qualifies it, so these quotes do "
            "not support it."
        ),
        "in_total": "In total",
        "study": "The study",
        "design": "Design",
        "participants": "Participants",
        "animals": "Animals",
        "study_population": "Studied in",
        "intervention": "Intervention or exposure",
        "comparator": "Compared with",
        "outcome": "Outcome",
        "year": "Year",
        "left_out": (
            "Only claims about oxytocin are counted. {count} background claim is left out: a claim that is not about "
            "oxytocin itself (such as on PTSD treatment or the stress response). It is still listed on its own page.",
            "Only claims about oxytocin are counted. {count} background claims are left out: claims that are not "
            "about oxytocin itself (such as on PTSD treatment or the stress response). They are still listed on their "
            "own pages.",
        ),
        "background_heading": "Background: not about oxytocin itself",
        "background_intro": (
            "These claims are not about oxytocin itself; they give the background needed to understand the evidence "
            "(such as on PTSD treatment or the stress response). They do not count towards the evidence on oxytocin."
        ),
        "three_things_title": "Three things, kept apart",
        "three_things": [
            (
                "Certainty (the grade)",
                "how sure we can be that the claim is true, judged on the body of evidence as a whole and not on who "
                "makes it.",
            ),
            (
                "Direction",
                "what the evidence shows. ‘There is evidence that it does not work’ is a finding, not an "
                "absence of evidence: a large trial that finds no effect gives a claim graded moderate or high, worded "
                "as ‘probably makes little or no difference’, and never ‘unsupported’. Unsupported "
                "is for assertions with nothing known behind them.",
            ),
            (
                "The witness",
                "how reliable the document is in which we found the claim. It is shown on the source and decides how "
                "much we trust that document's details, but it never caps the grade of a claim we can support "
                "otherwise.",
            ),
        ],
        "wording_intro": (
            "How we word a claim depends on its grade and on the direction of the evidence. X stands for what was "
            "studied (a treatment or exposure), Y for its effect."
        ),
        "effect_found": "Effect found",
        "no_difference_found": "No difference found",
        "mixed_wording": (
            "Finding no difference is a finding, and so never ‘unsupported’. When studies point different ways, we "
            "say so: ‘mixed results’."
        ),
        "background_rule_title": "Background claims",
        "background_rule": (
            "Some claims are not about oxytocin itself, for example on the treatment of PTSD or on the body's stress "
            "response. They are in the knowledge base because the sources make them and they help to understand the "
            "rest, but they are kept out of the counts and figures of the evidence on oxytocin. Their own page says "
            "so."
        ),
        "report_uncited": "Claims graded above very low without cited evidence",
        "report_uncited_intro": (
            "A grade above very low rests on evidence the reader can check (evidence scale, version 2): cite the "
            "study, guideline or textbook under cites, or lower the grade."
        ),
        "open_data_changes": (
            "New in version 2.0: for every claim the direction of the evidence (direction: effect, no-difference or "
            "mixed) and whether it is a background claim (background); for every quote its role (role: support, or "
            "claim-as-made for a quote that makes the claim we reject or qualify); for sources of studies, where "
            "known, the design, the number of participants, who was studied, what was compared and what was measured "
            "(study); population none where there is no research; and the questions, with their answers, the claims "
            "that give them and their roles, and their addresses. In claims.csv, the columns direction and background "
            "are new."
        ),
        "rules_title": "Rules of thumb",
        "rules": [
            (
                "A finding about animals, worded as such (‘in prairie voles, …’), is graded as evidence "
                "about those animals: a well-run study can then be moderate or high. Applied to people, the same "
                "finding is indirect evidence, and so at most low."
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
                "A grade above very low rests on evidence the reader can check: the claim cites the study, systematic "
                "review, guideline or textbook that supports it."
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


# The studies behind claims, as findings.describe_studies words them, for people and for animals. Pairs are
# (one, more than one); "unknown" counts the studies whose number of participants or animals is not known.
STUDY_COUNTS = {
    "nl": {
        "people": {
            "studies": ("{count} studie", "{count} studies"),
            "members": ("{count} deelnemer", "{count} deelnemers"),
            "unknown": "aantal deelnemers onbekend bij {count}",
            "none_known": "aantal deelnemers onbekend",
        },
        "animals": {
            "studies": ("{count} dierstudie", "{count} dierstudies"),
            "members": ("{count} dier", "{count} dieren"),
            "unknown": "aantal dieren onbekend bij {count}",
            "none_known": "aantal dieren onbekend",
        },
    },
    "en": {
        "people": {
            "studies": ("{count} study", "{count} studies"),
            "members": ("{count} participant", "{count} participants"),
            "unknown": "participants not known for {count}",
            "none_known": "number of participants not known",
        },
        "animals": {
            "studies": ("{count} animal study", "{count} animal studies"),
            "members": ("{count} animal", "{count} animals"),
            "unknown": "animals not known for {count}",
            "none_known": "number of animals not known",
        },
    },
}


def number(value: int, language: str) -> str:
    """A count as the language writes it: 1.234 in Dutch, 1,234 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "nl" else text


def counted(forms: tuple[str, str], count: int, language: str, **values: str) -> str:
    """One of (singular, plural), by the count, with the count (and any other values) in it."""
    return forms[count != 1].format(count=number(count, language), **values)
