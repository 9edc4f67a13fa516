# ruff: noqa: E501  (sentence templates read best on one line)
"""Generated press and news text for the benchmarks (deterministic: seeded RNG).

- `news_documents(min_bytes)`: varied press/news paragraphs (amounts in several currencies,
  units, percentages, counts, dates, quotes with speakers) for throughput runs.
- `reference_release(facts)` and `draft_article(facts, rng)`: one press release and
  articles about it (~800 words) that restate its figures, some with planted
  discrepancies (a changed amount, capacity, job count, date or title), padded with
  background paragraphs that carry their own figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

COMPANIES = [
    "Norvia",
    "Calderon Energy",
    "Brightwell Cells",
    "Aster Mobility",
    "Voltaria",
    "Kestrel Grid",
    "Orinoco Power",
    "Halden Batteries",
    "Lumeo Systems",
    "Tavira Steel",
]
PLACES = [
    "Lyon",
    "Dunkirk",
    "Grenoble",
    "Leipzig",
    "Turin",
    "Rotterdam",
    "Bilbao",
    "Gdansk",
    "Lille",
    "Nantes",
    "Valencia",
    "Aarhus",
]
REGIONS = ["Europe", "France", "Germany", "Spain", "the region", "the country"]
PEOPLE = [
    ("Ana Ruiz", "chief executive"),
    ("Marc Dubois", "chief financial officer"),
    ("Sofia Lind", "chair of the board"),
    ("Jonas Weber", "head of operations"),
    ("Claire Martin", "Minister for Industry"),
    ("Pieter de Vries", "mayor"),
]
BANKS = [
    "BNP Paribas",
    "Crédit Agricole",
    "ING",
    "HSBC",
    "Deutsche Bank",
    "Santander",
    "Société Générale",
    "the European Investment Bank",
    "UniCredit",
    "Rabobank",
]
MONTHS = [
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
]
ORDINALS = ["first", "second", "third", "fourth"]
PRODUCTS = ["battery plant", "gigafactory", "recycling centre", "solar farm", "wind park"]


@dataclass(frozen=True)
class Facts:
    company: str
    place: str
    product: str
    rank: int
    region: str
    invest_bn: float  # billion euros
    capacity_gwh: int
    jobs: int
    open_year: int
    day: int
    month: int
    year: int
    ceo: tuple[str, str]
    banks: tuple[str, ...]
    area_m2: int


def random_facts(rng: random.Random) -> Facts:
    return Facts(
        company=rng.choice(COMPANIES),
        place=rng.choice(PLACES),
        product=rng.choice(PRODUCTS),
        rank=rng.randint(1, 4),
        region=rng.choice(REGIONS[:4]),
        invest_bn=round(rng.uniform(0.5, 4.0), 1),
        capacity_gwh=rng.choice([4, 8, 12, 16, 20, 24]),
        jobs=rng.choice([600, 900, 1200, 1500, 2000, 3000]),
        open_year=rng.randint(2026, 2030),
        day=rng.randint(1, 28),
        month=rng.randint(1, 12),
        year=rng.choice([2024, 2025]),
        ceo=rng.choice(PEOPLE[:4]),
        banks=tuple(rng.sample(BANKS, 4)),
        area_m2=rng.choice([150_000, 200_000, 350_000, 500_000]),
    )


def _date(f: Facts, style: int) -> str:
    month = MONTHS[f.month - 1]
    return [
        f"{f.day} {month} {f.year}",
        f"{month} {f.day}, {f.year}",
        f"{month[:3]}. {f.day}, {f.year}",
    ][style % 3]


def _money(bn: float, rng: random.Random) -> str:
    return rng.choice(
        [
            f"€{bn:g} billion",
            f"{bn:g} billion euros",
            f"EUR {int(bn * 1000):,} million",
            f"€{int(bn * 1000):,}m",
        ]
    )


def reference_release(f: Facts) -> str:
    """A press release stating the facts (markdown-free plain text)."""
    name, title = f.ceo
    banks = ", ".join(f.banks[:-1]) + " and " + f.banks[-1]
    return (
        "\n\n".join(
            [
                f"{f.company} opens its {ORDINALS[f.rank - 1]} {f.product} in {f.region}",
                f"{f.place}, {_date(f, 0)} – {f.company} today inaugurated its {ORDINALS[f.rank - 1]} "
                f"{f.product} in {f.region}, in {f.place}. The €{f.invest_bn:g} billion site covers "
                f"{f.area_m2:,} square metres and will reach a capacity of {f.capacity_gwh} GWh per year "
                f"by {f.open_year}.",
                f"The project will create {f.jobs:,} direct jobs and about {f.jobs * 3:,} indirect jobs. "
                f"It is financed by a group of banks including {banks}.",
                f"“This {f.product} shows that {f.region} can lead the energy transition,” said {name}, "
                f"{title} of {f.company}. “We will deliver {f.capacity_gwh} GWh a year to our customers.”",
                f"About {f.company}: founded in {f.year - 8}, {f.company} employs more than "
                f"{f.jobs * 2:,} people in 6 countries and reported revenue of €{f.invest_bn * 0.4:.1f} "
                f"billion in {f.year - 1}. Contact: press@example.com, +33 1 23 45 67 89.",
            ]
        )
        + "\n"
    )


BACKGROUND = [
    "Battery demand in {region} rose {pct}% in {y1}, to {gwh} GWh, according to industry data.",
    "The sector received ${inv:g} billion of investment last year, up from ${inv2:g} billion in {y1}.",
    "Electricity prices averaged {price} euros per megawatt-hour in {month} {y1}.",
    "The site is {km} km from the port and will use {water:,} cubic metres of water a year.",
    "Some {cars:,} electric vehicles were registered in {month} {y2}, a {pct2}% share of sales.",
    "The plant's {mw} MW solar array covers {ha} hectares, the equivalent of {fields} football pitches.",
    "Rivals plan {plants} new factories by {y3}, adding more than {gwh2} GWh of capacity.",
    "The government pledged £{gbp} million in grants and tax credits worth {pct3} percent of costs.",
    "Output fell to {tonnes:,} tonnes in the third quarter, from {tonnes2:,} tonnes a year earlier.",
    "Shares closed up {pct4}% at €{share:.2f} on {day} {month}, valuing the group at €{cap} billion.",
    "Analysts expect margins of {pct} to {pct5} percent once the {product} runs at full speed.",
    "“We have been waiting for this since {y1},” said {person}, {ptitle}, at a meeting attended by {crowd} people.",
]


PROSE = [
    "Local officials welcomed the decision, which follows months of negotiations with unions.",
    "The company did not say how the project would be financed beyond the first phase.",
    "Critics argue that the region still lacks the skilled workers such a site requires.",
    "Suppliers from across the continent are expected to set up nearby.",
    "The announcement comes as carmakers rethink their supply chains after recent shortages.",
    "Environmental groups asked for an independent review of the water permits.",
    "Construction work is already under way on the northern part of the site.",
    "Managers said training programmes would be run with local technical colleges.",
    "Neighbouring towns hope the plant will revive a long-declining industrial area.",
    "The group has faced questions from investors about the pace of its expansion.",
]


def background(rng: random.Random) -> str:
    """One background sentence: plain prose, or (one time in three) with its own figures."""
    if rng.random() < 0.67:
        return rng.choice(PROSE)
    name, title = rng.choice(PEOPLE)
    values = dict(
        region=rng.choice(REGIONS),
        pct=rng.randint(2, 60),
        pct2=rng.randint(5, 40),
        pct3=rng.randint(10, 40),
        pct4=round(rng.uniform(0.5, 9.5), 1),
        pct5=rng.randint(61, 90),
        y1=rng.randint(2015, 2024),
        y2=rng.randint(2020, 2025),
        y3=rng.randint(2027, 2035),
        gwh=rng.randint(50, 900),
        gwh2=rng.randint(100, 2000),
        inv=round(rng.uniform(1, 90), 1),
        inv2=round(rng.uniform(1, 60), 1),
        price=rng.randint(40, 220),
        month=rng.choice(MONTHS),
        km=rng.randint(2, 80),
        water=rng.randint(10, 900) * 1000,
        cars=rng.randint(5, 400) * 1000,
        mw=rng.randint(5, 400),
        ha=rng.randint(10, 600),
        fields=rng.randint(10, 900),
        plants=rng.randint(2, 30),
        gbp=rng.randint(20, 900),
        tonnes=rng.randint(100, 9000) * 10,
        tonnes2=rng.randint(100, 9000) * 10,
        share=rng.uniform(5, 300),
        day=rng.randint(1, 28),
        cap=rng.randint(1, 80),
        product=rng.choice(PRODUCTS),
        person=name,
        ptitle=title,
        crowd=rng.randint(50, 900),
    )
    return rng.choice(BACKGROUND).format(**values)


def planted(f: Facts, rng: random.Random) -> tuple[Facts, str]:
    """The facts with one planted discrepancy, and its name."""
    kind = rng.choice(["invest", "capacity", "jobs", "date", "year", "rank"])
    changes = {
        "invest": {"invest_bn": round(f.invest_bn + rng.choice([-0.3, 0.5, 1.0]), 1)},
        "capacity": {"capacity_gwh": f.capacity_gwh + rng.choice([-2, 4, 8])},
        "jobs": {"jobs": f.jobs + rng.choice([-100, 300, 500])},
        "date": {"day": f.day % 28 + 1},
        "year": {"open_year": f.open_year + 1},
        "rank": {"rank": f.rank % 4 + 1},
    }
    return replace(f, **changes[kind]), kind


def draft_article(f: Facts, rng: random.Random, words: int = 800) -> tuple[str, str | None]:
    """A news article about the facts (~`words` words) and its planted discrepancy, if any."""
    discrepancy = None
    if rng.random() < 0.6:
        f, discrepancy = planted(f, rng)
    name, title = f.ceo
    lead = [
        f"{f.company} has opened its {ORDINALS[f.rank - 1]} {f.product} in {f.region}, a "
        f"{_money(f.invest_bn, rng)} investment in {f.place} announced on {_date(f, rng.randint(0, 2))}.",
        f"The site, which covers {f.area_m2:,} square metres, should reach {f.capacity_gwh} GWh of "
        f"annual capacity by {f.open_year} and employ {f.jobs:,} people directly.",
        f"Lenders include {', '.join(f.banks[:2])} and {f.banks[2]}.",
        f"“This {f.product} shows that {f.region} can lead the energy transition,” said {name}, "
        f"{title} of {f.company}.",
    ]
    paragraphs = [" ".join(lead)]
    count = sum(len(p.split()) for p in paragraphs)
    while count < words:
        para = " ".join(background(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        count += len(para.split())
    return "\n\n".join(paragraphs) + "\n", discrepancy


def news_documents(min_bytes: int, seed: int = 7) -> list[str]:
    """Press releases and articles, at least `min_bytes` of UTF-8 in all."""
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0
    while size < min_bytes:
        facts = random_facts(rng)
        text = reference_release(facts) if rng.random() < 0.3 else draft_article(facts, rng, 400)[0]
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs
