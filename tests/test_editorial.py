"""Editorial accuracy: who states each fact, official names, units that cannot be misread, English
that stands alone, and the validator rules that keep it so (data/README.md, “Style sheet”)."""

from __future__ import annotations

import csv
import re

import pytest

from desktop.domain import DatasetError, load_dataset
from desktop.domain.charts import footer
from tests.conftest import ARTICLE, DATA

LINES = ARTICLE.read_text(encoding="utf-8").splitlines()
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")

# Who speaks where in the article (line numbers as an editor sees them, from 1).
SECTIONS = {
    "introduction": range(5, 6),
    "part1-expert": range(9, 26),
    "data-box-2023": range(29, 34),
    "ruc-nads-professor": range(35, 52),
    "part3-expert": range(55, 62),
    "most": range(63, 69),
    "nie-xiaowei": range(70, 91),
}


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


def speakers(quote: str) -> set[str]:
    """The sections of the article whose lines contain the quote."""
    found = {number for number, line in enumerate(LINES, start=1) if quote in line}
    assert found, quote
    return {key for key, lines in SECTIONS.items() if found & set(lines)}


def english(data) -> dict[str, str]:
    return {fid: row["text_en"] for fid, row in data.facts.iterrows()}


# ---------------------------------------------------------------- who states what


def test_every_fact_is_attributed_to_a_section_that_says_it(data):
    for fid, row in data.facts.iterrows():
        assert row["attribution"] in speakers(row["quote"]), (fid, row["attribution"])


def test_words_said_in_one_place_only_are_attributed_to_that_place(data):
    for fid, row in data.facts.iterrows():
        said_by = speakers(row["quote"])
        if len(said_by) == 1:
            assert row["attribution"] == said_by.pop(), fid


def test_the_introduction_and_the_2023_box_are_no_experts_words(data):
    intro = data.facts[data.facts["attribution"] == "introduction"]
    assert set(intro.index) == {"eight-actions", "innovation-positive-role",
                                "action-plan-implemented", "intro-goals"}
    box = data.facts[data.facts["attribution"] == "data-box-2023"]
    assert set(box.index) == {"st-agreements-countries", "young-scientists"}
    assert set(box["as_of"]) == {"2023"}
    assert data.name("attribution", "data-box-2023", "en") == \
        "the “As of 2023” data box (no source named)"
    assert "no source" in data.name("attribution", "data-box-2023", "en")


def test_the_experts_of_parts_1_and_3_are_two_people_without_a_name(data):
    one = data.name("attribution", "part1-expert", "en")
    three = data.name("attribution", "part3-expert", "en")
    assert one != three
    for name in (one, three):
        assert "name not in the text as received" in name
    assert "第一部分" in data.name("attribution", "part1-expert", "zh")
    assert "第三部分" in data.name("attribution", "part3-expert", "zh")


def test_part_2_is_by_a_vice_dean_not_the_vice_dean(data):
    name = data.name("attribution", "ruc-nads-professor", "en")
    assert name.startswith("a vice dean and professor, National Academy of Development and "
                           "Strategy, Renmin University of China")
    every_english = " ".join(data.facts["text_en"]) + " ".join(data.themes["summary_en"])
    assert "the Vice Dean" not in every_english and "The Vice Dean" not in every_english
    assert data.themes.at["s2", "summary_en"].startswith("A vice dean")


def test_the_ministry_states_figures_but_dates_none(data):
    most = data.facts[data.facts["attribution"] == "most"]
    assert {"matchmaking-events", "cooperation-projects", "st-personnel-trained",
            "overseas-st-education-centres"} == set(most.index)
    assert set(most["as_of"]) == {""}
    for fid in ("matchmaking-events", "cooperation-projects"):
        assert "2023" not in data.facts.at[fid, "text_en"] + data.facts.at[fid, "text_zh"]


def test_stated_by_shows_a_name_and_the_notes_say_who(data):
    """What follows “Stated by” is a display name; editorial remarks live in the notes."""
    for key in set(data.facts["attribution"]):
        for lang in ("zh", "en"):
            name, note = data.name("attribution", key, lang), data.note("attribution", key, lang)
            assert name != key, (key, lang)  # a real name, not the internal key
            assert note and note != name, (key, lang)
            assert len(name) <= 140, (key, lang)
            assert not re.search(r"filed|also|归于此|亦", name), (key, lang, name)
    assert "invited-experts" not in set(data.facts["attribution"])
    assert data.name("attribution", "introduction", "en") == "the feature’s introduction"
    assert data.name("attribution", "introduction", "zh") == "导语"


def test_chart_footers_name_who_states_the_figures(data):
    footers = footer(data, data.quantitative(data.headline_facts()), "en")
    for name in ("the “As of 2023” data box (no source named)",
                 "invited expert, part 1 (name not in the text as received)",
                 "Ministry of Science and Technology (MOST)", "Nie Xiaowei"):
        assert name in footers
    assert "filed here" not in footers and "Experts not named" not in footers


def test_the_citation_does_not_guess_the_publication(data):
    assert "publication details not in the source" in data.citation("article", "en")
    assert "原文未载" in data.citation("article", "zh")


# ---------------------------------------------------------------- names and units


def test_sino_africa_joint_research_center_by_its_official_name(data):
    row = data.facts.loc["china-africa-joint-research-center"]
    assert row["title_en"] == "Sino-Africa Joint Research Center"
    assert "Sino-Africa Joint Research Center (SAJOREC)" in row["text_en"]
    everything = " ".join(" ".join(data.facts[c]) for c in ("title_en", "text_en"))
    assert "China-Africa" not in everything and "China–Africa Joint" not in everything


@pytest.mark.parametrize("fid", ["china-africa-joint-research-center", "central-asia-drug-centre",
                                 "central-asia-eco-centre", "china-arab-ttc", "china-asean-ecc"])
def test_a_named_organisation_has_the_same_name_in_title_and_statement(data, fid):
    row = data.facts.loc[fid]
    assert row["title_en"] in row["text_en"]


def test_central_asian_centres_by_their_official_names(data):
    assert data.facts.at["central-asia-drug-centre", "title_en"] == \
        "Central Asian Center of Drug Discovery and Development"
    assert data.facts.at["central-asia-eco-centre", "title_en"] == \
        "Research Center for Ecology and Environment of Central Asia"


def test_china_x_names_use_an_en_dash(data):
    columns = [data.facts[c] for c in ("title_en", "text_en")] + \
              [data.themes[c] for c in ("title_en", "summary_en")]
    for column in columns:
        for text in column:
            assert not re.search(r"China-[A-Z]|Mombasa-Nairobi|Chengdu-Chongqing", text), text


def test_eight_major_steps_is_a_name_not_a_headline_figure(data):
    row = data.facts.loc["eight-actions"]
    assert "the eight major steps" in row["text_en"]
    assert row["title_en"] == "One of the eight major steps"
    every_english = " ".join(english(data).values()) + " ".join(data.themes["summary_en"])
    assert "eight actions" not in every_english
    headline = data.quantitative(data.headline_facts())  # what the overview chart draws
    assert "eight-actions" not in headline
    assert 8 not in set(data.facts.loc[headline, "value"])
    assert "eight-actions" not in data.quantitative(list(data.facts.index))  # no figure at all


def test_mu_is_not_an_acre_and_hectares_are_given(data):
    row = data.facts.loc["water-saving-irrigation"]
    assert row["unit_en"] == "mu"
    assert "1 million mu (over 66,000 hectares)" in row["text_en"]
    assert "667" in data.name("unit", "mu", "en")
    assert "667" in data.note("unit", "mu", "en") and "not an acre" in data.note("unit", "mu", "en")
    assert "water-saving-irrigation" in data.headline_facts()
    assert data.name("unit", "mu", "en") == "mu (1 mu ≈ 667 square metres)"  # the chart's unit
    for fid, row in data.facts.iterrows():
        assert "acre" not in (row["title_en"] + row["text_en"] + row["unit_en"]).lower(), fid


def test_person_times_are_attendances_never_people_trained(data):
    rows = data.facts[data.facts["unit_en"] == "person-times"]
    assert set(rows.index) == {"st-personnel-trained", "environmental-talent-trained"}
    for fid, row in rows.iterrows():
        assert not re.search(r"(people|professionals|personnel|staff|talent|workers)\s+trained",
                             row["title_en"], re.I), fid
        assert "person-times count attendances, not individuals" in row["text_en"], fid
    assert "attendances, not individuals" in data.note("unit", "person-times", "en")


# ---------------------------------------------------------------- English that stands alone


def test_no_statement_leans_on_the_one_before(data):
    for fid, text in english(data).items():
        assert not re.match(r"(Another|This|These|Its|It|They|Their|On the one hand|"
                            r"On the other hand|At the same time)\b", text), (fid, text)


def test_second_and_third_only_where_the_first_point_is_there(data):
    for fid, row in data.facts.iterrows():
        if re.match(r"(Second|Third),", row["text_en"]):
            siblings = data.facts[data.facts["theme"] == row["theme"]]["text_en"]
            assert any(t.startswith("First,") for t in siblings), fid


@pytest.mark.parametrize("fid, old", [
    ("innovation-chain", "Innovation chain drives industry and supply"),
    ("projects-good-results", "Good results from Chinese-strength projects"),
    ("st-cooperation-principles", "Embodying consultation, contribution, sharing"),
    ("rec-rd-organisation", "A closer R&D organisation system"),
    ("st-personnel-trained", "S&T and management personnel trained"),
])
def test_awkward_titles_are_rewritten(data, fid, old):
    assert data.facts.at[fid, "title_en"] != old


def test_laos_gets_new_impetus_not_a_new_engine(data):
    text = data.facts.at["laos-land-linked", "text_en"]
    assert "giving new impetus" in text and "engine" not in text


def test_no_chinese_characters_in_english_columns():
    for table in ("facts", "themes", "sources", "vocabulary"):
        with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                for column, cell in row.items():
                    if column.endswith("_en"):
                        assert not CJK.search(cell), (table, number, column, cell)


def _plain(text: str) -> str:
    return re.sub(r"[，,。：:；;、“”\"（）()\s]", "", text)


@pytest.mark.parametrize("fid", ["mombasa-nairobi-technology", "second-largest-rd-investor",
                                 "strategic-plans", "china-asean-ecc", "asean-climate-training",
                                 "master-apprentice-system", "open-innovation-ecosystem",
                                 "cpec-co2-reduction", "environmental-talent-trained"])
def test_the_quote_says_everything_the_statement_says(data, fid):
    row = data.facts.loc[fid]
    said = _plain(row["text_zh"]).replace("中巴经济走廊CPEC", "CPEC")
    assert said.removeprefix("我国") in _plain(row["quote"]), fid


# ---------------------------------------------------------------- the validator enforces it


def _set(folder, table, fid, **cells):
    path = folder / f"{table}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    key = header.index("id" if "id" in header else "key")
    for row in rows[1:]:
        if row[key] == fid:
            for column, value in cells.items():
                row[header.index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _row(fid: str) -> int:
    with open(DATA / "facts.csv", encoding="utf-8", newline="") as handle:
        return [r["id"] for r in csv.DictReader(handle)].index(fid) + 2


def _report(folder) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset(folder)
    return "\n".join(str(p) for p in info.value.problems)


def test_an_unknown_attribution_is_reported_on_its_row(dataset_copy):
    _set(dataset_copy, "facts", "joint-laboratories", attribution="invited-experts")
    assert (f"facts.csv, row {_row('joint-laboratories')}, column “attribution”: the attribution "
            "“invited-experts” is not in vocabulary.csv") in _report(dataset_copy)


def test_a_key_of_another_kind_is_no_attribution(dataset_copy):
    _set(dataset_copy, "facts", "joint-laboratories", attribution="kenya")  # a place
    assert "the attribution “kenya” is not in vocabulary.csv" in _report(dataset_copy)


def test_chinese_in_english_text_is_reported_with_the_characters(dataset_copy):
    _set(dataset_copy, "facts", "decision-continue-action-plan",
         text_en="For example, the Decision (《决定》) calls for it.")
    _set(dataset_copy, "themes", "s2", summary_en="The 副院长 analyses cooperation.")
    text = _report(dataset_copy)
    assert (f"facts.csv, row {_row('decision-continue-action-plan')}, column “text_en”: the English "
            "text has Chinese characters in it: “《决定》”") in text
    assert "column “summary_en”: the English text has Chinese characters in it: “副院长”" in text


def test_a_figure_the_quote_does_not_state_is_reported(dataset_copy):
    _set(dataset_copy, "facts", "st-agreements-countries",
         text_zh="截至2023年，我国已与80多个共建国家签署政府间科技合作协定。")
    _set(dataset_copy, "facts", "joint-laboratories",
         text_zh="我国与共建国家共建60多家“一带一路”联合实验室。")
    _set(dataset_copy, "facts", "eight-actions",
         text_zh="推动科技创新是高质量共建“一带一路”的九项行动之一。")
    text = _report(dataset_copy)
    assert (f"facts.csv, row {_row('st-agreements-countries')}, column “text_zh”: the statement "
            "gives “2023”, which its quote does not") in text
    assert f"row {_row('joint-laboratories')}, column “text_zh”: the statement gives “60多”" in text
    assert f"row {_row('eight-actions')}, column “text_zh”: the statement gives “九项”" in text
    assert text.count("column “text_zh”") == 3  # the untouched facts pass


def test_a_qualifier_the_quote_does_not_state_is_reported(dataset_copy):
    _set(dataset_copy, "facts", "anso-member-institutions", text_zh="目前，ANSO拥有约67家成员机构。")
    assert "the statement gives “约67”" in _report(dataset_copy)


def test_ordinals_and_words_with_numerals_are_not_figures(dataset_copy):
    _set(dataset_copy, "facts", "special-cooperation-programme",
         text_zh="二是启动“一带一路”科技创新专项合作计划，这是第二项措施（第 3 条）。")
    _set(dataset_copy, "facts", "anso-established",
         text_zh="一方面，ANSO是一个由中国科学院发起成立的组织，推动两国合作。")
    assert len(load_dataset(dataset_copy).facts) == len(load_dataset(DATA).facts)
