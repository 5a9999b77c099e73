"""The bundled dataset: every fact traceable to the article's words, and the loader's errors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from desktop.domain import DatasetError, load_dataset
from desktop.domain.facts import occurrences
from tests.conftest import ARTICLE, DATA, REPO

TEXT = ARTICLE.read_text(encoding="utf-8")
CN_DIGITS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def article_forms(value: float) -> list[str]:
    """How the article may write a value: 80, 2,800, 7.4万, 200万, 万 (逾万), 千 (千余), 八."""
    forms = []
    if float(value).is_integer():
        forms.append(str(int(value)))
    if value >= 10_000:
        wan = value / 10_000
        forms.append(f"{wan:g}万")
        if wan == 1:
            forms.append("万")
    if value == 1000:
        forms.append("千")
    if int(value) in CN_DIGITS:
        forms.append(CN_DIGITS[int(value)])
    return forms


def test_bundled_dataset_validates(dataset):
    assert len(dataset.facts) >= 80
    assert [r.title_zh for r in dataset.roots[1:]] == [
        "携手构建全球科技共同体", "拓展科技创新合作", "共享“一带一路”科技创新红利",
        "绿色技术合作赋能全球可持续发展"]


def test_source_text_is_the_article_unchanged():
    seed = REPO.parent / "shared" / "seeds" / "000_c9da1aa8eb7d0339.txt"
    if seed.exists():
        assert ARTICLE.read_bytes() == seed.read_bytes()


def test_every_quote_is_verbatim_in_its_source(dataset):
    for fid, row in dataset.facts.iterrows():
        assert row["quote"] in dataset.source_text(row["source"]), fid


def test_every_value_is_stated_in_its_quote(dataset):
    for fid, row in dataset.facts.dropna(subset=["value"]).iterrows():
        assert any(form in row["quote"] for form in article_forms(row["value"])), (fid, row["value"])


def test_qualifiers_follow_the_articles_words(dataset):
    for fid, row in dataset.facts.dropna(subset=["value"]).iterrows():
        q = row["quote"]
        if row["qualifier"] == "about":
            assert "约" in q, fid
        if row["qualifier"] == "more_than":
            assert re.search(r"多|余|逾|超", q), fid


def test_every_theme_has_a_fact(dataset):
    for node in dataset.nodes.values():
        assert node.all_facts(), node.id


def test_every_substantive_paragraph_is_quoted(dataset):
    quotes = list(dataset.facts["quote"])
    for line in TEXT.splitlines():
        if len(line.strip()) >= 40:
            assert any(q in line for q in quotes), line[:30]


@pytest.mark.parametrize("fact_words, value, qualifier, unit_en, as_of", [
    ("80多个共建国家签署政府间科技合作协定", 80, "more_than", "countries", "2023"),
    ("50多家", 50, "more_than", "laboratories", ""),
    ("9个跨国技术转移中心", 9, "exact", "centres", ""),
    ("7.4万个就业岗位", 74000, "more_than", "jobs", ""),
    ("二氧化碳排放约200万吨", 2000000, "about", "tonnes of CO2 per year", ""),
    ("67家成员机构", 67, "exact", "member institutions", ""),
    ("1.6万人次", 16000, "exact", "person-times", ""),
    ("逾万名共建国家青年科学家", 10000, "more_than", "people", "2023"),
    ("超100万亩", 1000000, "more_than", "mu", ""),
])
def test_headline_figures_as_the_article_states_them(dataset, fact_words, value, qualifier,
                                                     unit_en, as_of):
    hits = dataset.facts[dataset.facts["quote"].str.contains(fact_words, regex=False)
                         & dataset.facts["value"].notna()]
    assert len(hits) >= 1, fact_words
    row = hits.iloc[0]
    assert (row["value"], row["qualifier"], row["unit_en"], row["as_of"]) == \
        (value, qualifier, unit_en, as_of)


def test_data_box_figures_are_attributed_to_most(dataset):
    for words in ("1.6万人次", "10个海外科教合作中心"):
        row = dataset.facts[dataset.facts["quote"].str.contains(words, regex=False)].iloc[0]
        assert row["attribution"] == "most"
        assert dataset.name("attribution", "most", "zh") == "科技部"


def test_a_figure_stated_twice_is_one_fact_found_in_both_places(dataset):
    rows = dataset.facts[dataset.facts["quote"] == "我国已与80多个共建国家签署政府间科技合作协定"]
    assert len(rows) == 1
    assert len(occurrences(TEXT, rows.iloc[0]["quote"])) == 2


def test_english_uses_official_names(dataset):
    english = " ".join(dataset.facts["text_en"]) + " ".join(dataset.facts["title_en"])
    for name in ("Alliance of International Science Organizations", "China–Pakistan Economic Corridor",
                 "Mombasa–Nairobi", "China–Laos Railway"):
        assert name in english, name


def test_no_number_the_article_does_not_state(dataset):
    """Every run of digits in the Chinese statements appears in the article."""
    for fid, row in dataset.facts.iterrows():
        for number in re.findall(r"\d+(?:\.\d+)?", row["text_zh"]):
            assert number in TEXT, (fid, number)


# ---------------------------------------------------------------- broken datasets


def _edit(folder, table, change):
    path = folder / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = change(frame)
    frame.to_csv(path, index=False)


def _problems(folder) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset(folder)
    return "\n".join(str(p) for p in info.value.problems)


def test_missing_column(dataset_copy):
    _edit(dataset_copy, "facts", lambda f: f.drop(columns=["quote"]))
    assert "facts.csv, row 1, column “quote”: the column “quote” is missing" in _problems(dataset_copy)


def test_duplicate_id(dataset_copy):
    def dup(f):
        f.loc[3, "id"] = f.loc[2, "id"]
        return f
    _edit(dataset_copy, "facts", dup)
    assert "facts.csv, row 5, column “id”" in _problems(dataset_copy)


def test_dangling_theme(dataset_copy):
    def dangle(f):
        f.loc[0, "theme"] = "no-such-theme"
        return f
    _edit(dataset_copy, "facts", dangle)
    assert "the theme “no-such-theme” does not exist" in _problems(dataset_copy)


def test_cycle(dataset_copy):
    def loop(f):
        ids = list(f["id"])
        a, b = ids[-1], ids[-2]
        f.loc[f["id"] == a, "parent"] = b
        f.loc[f["id"] == b, "parent"] = a
        return f
    _edit(dataset_copy, "themes", loop)
    assert "the themes form a loop" in _problems(dataset_copy)


def test_bad_qualifier_and_non_numeric_value_reported_together(dataset_copy):
    def spoil(f):
        first = f.index[f["value"] != ""][0]
        f.loc[first, "qualifier"] = "roughly"
        second = f.index[f["value"] != ""][1]
        f.loc[second, "value"] = "eighty"
        return f
    _edit(dataset_copy, "facts", spoil)
    text = _problems(dataset_copy)
    assert "the qualifier “roughly” is not one of exact, more_than, about" in text
    assert "the value “eighty” is not a number" in text


def test_quote_not_in_source(dataset_copy):
    def misquote(f):
        f.loc[0, "quote"] = "这句话不在文章里"
        return f
    _edit(dataset_copy, "facts", misquote)
    assert "facts.csv, row 2, column “quote”: the quote “这句话不在文章里” is not found" in \
        _problems(dataset_copy)


def test_empty_file(dataset_copy):
    (dataset_copy / "themes.csv").write_bytes(b"")
    assert "themes.csv: the file is empty" in _problems(dataset_copy)


def test_gbk_encoded_csv_is_read(dataset_copy):
    path = dataset_copy / "facts.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    loaded = load_dataset(dataset_copy)
    assert "蒙内铁路" in " ".join(loaded.facts["text_zh"])


def test_unreadable_encoding(dataset_copy):
    path = dataset_copy / "facts.csv"
    path.write_bytes("\ufeffid,theme\n".encode("utf-16"))
    assert "UTF-16" in _problems(dataset_copy)


def test_missing_source_file(dataset_copy):
    shutil.rmtree(dataset_copy / "sources")
    assert "the source text “sources/article.txt” is missing" in _problems(dataset_copy)


def test_validate_command_reports_and_exits_1(dataset_copy):
    _edit(dataset_copy, "facts", lambda f: f.drop(columns=["theme"]))
    run = subprocess.run([sys.executable, "-m", "desktop", "validate", str(dataset_copy)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert "column “theme”" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
    ok = subprocess.run([sys.executable, "-m", "desktop", "validate", str(DATA)],
                        capture_output=True, text=True, cwd=REPO)
    assert ok.returncode == 0 and "valid" in ok.stdout
