"""Deterministic benchmark corpora: promise files, published-text promises, one large file.

Every file is built from a seeded random generator over the Swedish sentences below, which
follow the shapes of examples/promises/*.yaml and the published layouts in DOMAIN.md, so the
same seed always gives the same bytes.
"""

import random

AREA_HEADS = ["Ek", "Björk", "Sjö", "Norr", "Sö", "Väst", "Öst", "Berg", "Lind", "Tall", "Gran", "Ås", "Hav",
              "Strand", "Kvarn", "Löv", "Ängs", "Mal", "Ros", "Hög"]
AREA_TAILS = ["by", "vik", "hamn", "sund", "torp", "berga", "dal", "holm", "köping", "näs", "ås", "lunda", "tuna",
              "hult", "fors"]
FIRST_NAMES = ["Maria", "Johan", "Sara", "Anders", "Karin", "Omar", "Lena", "Erik", "Fatima", "Per", "Eva",
               "Ali", "Ingrid", "Mats", "Aisha", "Jonas", "Sofia", "Nils", "Hanna", "Mikael"]
LAST_NAMES = ["Lindqvist", "Bergström", "Holm", "Karlsson", "Ek", "Lind", "Nilsson", "Hassan", "Berg",
              "Andersson", "Sjöberg", "Öberg", "Nyström", "Åkesson", "Larsson"]
PLACES = ["centrum", "stationen", "torget", "hamnen", "parken", "Kvarnskolan", "idrottsplatsen", "gångtunneln",
          "busstationen", "biblioteket", "fritidsgården", "badplatsen", "köpcentret", "Storgatan"]

SITUATION = [
    "Anmälda bostadsinbrott i {area} ökade från {a} under 2023 till {b} under 2024.",
    "De flesta skedde vardagar mellan klockan 16 och 20 under vinterhalvåret.",
    "I trygghetsmätningen 2024 svarade {p} procent att de undviker området kring {place} när det är mörkt.",
    "På medborgardialogerna tog många upp mopeder som kör fort på gång- och cykelvägarna vid {place}.",
    "Socialtjänsten har fått fler orosanmälningar om barn under 15 år som är ute sent på helgerna.",
    "Skadegörelsen vid {place} har ökat de senaste två åren, mest på fredags- och lördagsnätter.",
    "Kvinnor mellan 16 och 29 år känner sig särskilt otrygga vid {place} på kvällen.",
    "Bedrägerier mot personer över 70 år har ökat tre år i rad enligt brottsstatistiken.",
    "Skolorna och fritidsgården ser fler elever som köper eller säljer narkotika via sociala medier.",
    "Många upplever otrygghet på olika platser i kommunen, särskilt kring {place}.",
    "Klotter och nedskräpning vid {place} gör att färre rör sig där efter klockan 21.",
    "Under sommarhalvåret anmäldes {a} misshandelsbrott i {area}, nästan alla på helgnätter.",
]
SOURCES = [
    "brottsstatistik, anmälda brott i {area} 2022–2024",
    "trygghetsmätning 2024, polisen och kommunen",
    "medborgardialoger i centrum och {area}, oktober 2024",
    "orosanmälningar till socialtjänsten 2024",
    "EST, veckovisa avstämningar mellan polis och kommun",
    "medarbetardialog inom lokalpolisområdet",
    "samverkansdialog med skolor, fritidsgård och föreningar",
    "polisens händelserapporter 2024",
]
TITLES = ["Trygghetsvandringar kring {place}", "Fotpatrullering när inbrotten sker", "Trafikkontroller vid skolorna",
          "Vuxna på plats på helgkvällar", "Bedrägerier mot äldre", "Unga och narkotika", "Belysning vid {place}",
          "Närvaro i {place} på helgnätter", "Klotter och skadegörelse", "Trygg skolväg"]
ACTIONS = [
    "Genomföra trygghetsvandringar med boende, handlare och föreningar runt {place}",
    "Kommunen åtgärdar brister i belysning och buskage som vandringarna visar på",
    "Patrullera till fots i {area} vardagar klockan 16–20 från oktober till mars",
    "Knacka dörr hos grannarna efter varje inbrott och berätta om grannsamverkan",
    "Göra hastighetskontroller vid {place} när terminen börjar",
    "Kontrollera mopeder på gång- och cykelvägarna kvällstid",
    "Kommunens fältassistenter är ute i centrum fredag och lördag kväll",
    "Hålla informationsträffar om telefon- och nätbedrägerier på kommunens träffpunkter",
    "Kommunpolisen och elevhälsan håller föräldramöten om narkotikaköp via sociala medier",
    "Verka för ökad trygghet i {place} och kontinuerligt sträva efter bättre samverkan",
    "Sanera klotter vid {place} inom ett dygn efter anmälan",
    "Byta belysning i gångtunnlarna vid {place}",
    "Arbeta för att fler ska känna sig trygga i {place}",
]
TARGETS = [
    "minst fyra trygghetsvandringar per år",
    "300 timmar fotpatrullering per år i {area}",
    "minst tio kontroller per termin",
    "fältassistenter ute varje fredag och lördag",
    "minst 80 procent av bristerna åtgärdade inom tre månader",
    "två stycken/halvår",
    "ökad trygghet",
    "sex informationsträffar under 2025",
]
FOLLOW_UP = [
    "Polisen och kommunen går igenom löftet tillsammans varje tertial.",
    "Efter varje genomgång berättar vi vad vi har gjort och vad vi ändrar.",
    "Arbetet följs upp kontinuerligt och redovisas på hemsidan.",
    "Vi berättar om arbetet under året i lokaltidningen och på polisen.se.",
    "Minst fyra gånger under året berättar vi för invånarna hur det går.",
]
FREQUENCIES = ["varje tertial", "två gånger per år", "fyra gånger per år", "varje kvartal", "under året",
               "kontinuerligt"]
CHANNELS = ["kommunens hemsida", "polisen.se", "polisens och kommunens konton på Facebook och Instagram",
            "lokaltidningen", "ett öppet möte på biblioteket varje höst", "kommunens nyhetsbrev"]
EFFECTS = [
    "Färre bostadsinbrott i {area} och en mindre andel som undviker {place} i trygghetsmätningen 2026.",
    "Tryggare kvällar på torget och färre barn under 15 år som är ute sent på helgerna.",
    "Insatserna förväntas minska antalet bostadsinbrott och öka tryggheten vid {place}.",
]
ROLES = [("Lokalpolisområdeschef", "polisen"), ("Kommunstyrelsens ordförande", "kommunen"),
         ("Kommundirektör", "kommunen"), ("Chef lokalpolisområde {area}", "polisen"),
         ("Kommunpolis", "polisen"), ("Trygghetssamordnare", "kommunen")]
INTRO = [
    "Lokalpolisområde {area} och {area} kommun lovar invånarna bestämda insatser under {y} och {y2}.",
    "Löftet är den del av vår samverkansöverenskommelse som vi gör offentlig.",
    "Det bygger på den lägesbild som kommunen och polisen har tagit fram tillsammans.",
    "Eftersom inbrotten sker på vardagskvällar patrullerar polisen då.",
    "Samverkan mellan kommun och polis är viktigt för att tillsammans kunna verka effektivt.",
]


class Words:
    """One promise's random choices and fill-ins."""

    def __init__(self, rng):
        self.rng = rng
        self.area = rng.choice(AREA_HEADS) + rng.choice(AREA_TAILS)
        self.year = rng.randint(2019, 2026)

    def fill(self, template):
        rng = self.rng
        return template.format(area=self.area, place=rng.choice(PLACES), a=rng.randint(10, 90),
                               b=rng.randint(20, 120), p=rng.randint(10, 60), y=self.year, y2=self.year + 1)

    def sentences(self, pool, count):
        return " ".join(self.fill(self.rng.choice(pool)) for _ in range(count))

    def name(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


def folded(text, indent, width=76):
    """`text` as the lines of a folded block scalar at `indent` spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width - indent:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(" " * indent + item for item in lines)


def yaml_promise(rng, target_bytes=3000, commitments=None, situation_sentences=None):
    """One promise file in PromiseCheck's YAML format, of about `target_bytes`."""
    w = Words(rng)
    y = w.year
    out = [
        f"# {w.area} – medborgarlöften {y}–{y + 1}",
        "promise: 1",
        f"title: {w.area} – medborgarlöften",
        f"area: {w.area}",
        "parties:",
        f"  - Lokalpolisområde {w.area}",
        f"  - {w.area} kommun",
        f"status: {rng.choice(['signed', 'draft'])}",
    ]
    if rng.random() < 0.6:
        out += ["period:", f"  from: {y}-01-01", f"  to: {y + 1}-12-31"]
    else:
        out.append(f"period: gäller från 1 januari {y} till 31 december {y + 1}")
    out += ["", "introduction: >", folded(w.sentences(INTRO, 3), 2), "", "situation:", "  text: >",
            folded(w.sentences(SITUATION, situation_sentences or rng.randint(4, 6)), 4), "  sources:"]
    out += [f"    - {w.fill(s)}" for s in rng.sample(SOURCES, rng.randint(1, 4))]
    out += ["", "commitments:"]
    body = "\n".join(out)
    count = commitments or 2
    items = []
    index = 0
    while index < count or (commitments is None and len(body) + sum(map(len, items)) < target_bytes - 900):
        item = [f"  - title: {w.fill(rng.choice(TITLES))}",
                f"    by: [{', '.join(rng.sample(['polisen', 'kommunen'], rng.randint(1, 2)))}]", "    actions:"]
        item += [f"      - {w.fill(a)}" for a in rng.sample(ACTIONS, rng.randint(1, 3))]
        if rng.random() < 0.75:
            item.append(f"    target: {w.fill(rng.choice(TARGETS))}")
        items.append("\n".join(item) + "\n")
        index += 1
        if commitments is None and index >= 8:
            break
    tail = ["", "follow_up:", "  text: >", folded(w.sentences(FOLLOW_UP, 2), 4),
            f"  frequency: {rng.choice(FREQUENCIES)}", "  channels:"]
    tail += [f"    - {c}" for c in rng.sample(CHANNELS, rng.randint(1, 3))]
    tail += ["", "expected_effect: >", folded(w.sentences(EFFECTS, 1), 2), "", "signatories:"]
    for role, party in rng.sample(ROLES, rng.randint(1, 3)):
        tail += [f"  - name: {w.name()}", f"    role: {w.fill(role)}", f"    party: {party}",
                 f"    date: {y}-01-{rng.randint(10, 28)}"]
    return body + "\n" + "\n".join(items) + "\n".join(tail) + "\n"


def text_promise(rng, target_bytes=3000):
    """One published promise as plain text, in one of the two common layouts."""
    w = Words(rng)
    y = w.year
    bullet = rng.choice(["  • ", "- ", "– "])
    if rng.random() < 0.5:
        out = [f"{w.area} – medborgarlöften", "", w.sentences(INTRO, 3), "", "Situationen idag", "",
               w.sentences(SITUATION, 4), "", "Det här ska vi göra", ""]
        while sum(map(len, out)) < target_bytes - 500:
            out.append(bullet + w.fill(rng.choice(ACTIONS)) + ", " + w.fill(rng.choice(TARGETS)) + ".")
        out += ["", "Förväntad effekt", "", w.sentences(EFFECTS, 1), "", "Följ med i hur det går", "",
                w.sentences(FOLLOW_UP, 2), "", "Ort och datum", ""]
        for role, _ in rng.sample(ROLES, 2):
            out += [w.name(), w.fill(role), ""]
    else:
        out = ["Medborgarlöfte", "", "Bakgrund", "", w.sentences(INTRO, 2), "", f"Lägesbild {w.area}", "",
               w.sentences(SITUATION, 4), "", "Fokusområden", "", f"Medborgarlöfte {y}–{y + 1}", "",
               "Polisen kommer att:", ""]
        while sum(map(len, out)) < target_bytes - 350:
            out.append(bullet + w.fill(rng.choice(ACTIONS)) + ", " + w.fill(rng.choice(TARGETS)))
            if rng.random() < 0.3:
                out += ["", "Polisen och kommunen kommer tillsammans att:", ""]
        out += ["", f"Medborgarlöftet gäller från 1 januari {y} till 31 december {y + 1} med möjlighet att "
                "revidera det efter första året.", "", "Uppföljning", "", w.sentences(FOLLOW_UP, 2), ""]
    return "\n".join(out) + "\n"


def large_yaml_promise(rng, target_bytes):
    """One promise file of about `target_bytes`: many commitments with long texts, few nodes."""
    w = Words(rng)
    head = yaml_promise(rng, commitments=1, situation_sentences=400)
    head, _, rest = head.partition("commitments:\n")
    tail = rest[rest.index("\nfollow_up:"):]
    parts = [head, "commitments:\n"]
    size = len(head.encode()) + len(tail.encode())
    while size < target_bytes:
        item = (f"  - title: {w.fill(rng.choice(TITLES))}\n    by: [polisen, kommunen]\n    actions:\n"
                f"      - >-\n{folded(w.sentences(ACTIONS, 40), 8)}\n"
                f"    target: {w.fill(rng.choice(TARGETS))}\n")
        parts.append(item)
        size += len(item.encode())
    parts.append(tail.lstrip("\n"))
    return "".join(parts)
