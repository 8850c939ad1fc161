from __future__ import annotations

import random

from ringtrace.viz.shortlabels import case_labels, short_name


def test_labels_keep_the_serial_that_tells_cases_apart() -> None:
    numbers = [f"(2021)豫0502民初{n}号" for n in range(1200, 1260)]
    shown = case_labels(numbers)
    assert shown["(2021)豫0502民初1234号"] == "民初1234号"
    assert len(set(shown.values())) == len(numbers)


def test_labels_are_distinct_whenever_numbers_differ() -> None:
    rng = random.Random(5)  # explicit seed: numbers that clash in serial, court or year
    numbers = {f"({rng.choice([2019, 2020, 2021])}){rng.choice(['豫0502', '豫0503', '豫05'])}"
               f"{rng.choice(['民初', '民终', '劳人仲案'])}{rng.randint(1, 40)}号"
               for _ in range(300)}
    numbers |= {"安劳人仲案字〔2021〕12号", "安劳人仲案字〔2022〕12号", "文书 0123abcd"}
    shown = case_labels(numbers)
    assert len(set(shown.values())) == len(numbers)
    for number, label in shown.items():
        assert len(label) <= len(number)
        digits = "".join(ch for ch in number if ch.isdigit())
        assert digits.endswith("".join(ch for ch in label if ch.isdigit())[-2:])


def test_names_drop_what_every_name_of_their_sort_carries() -> None:
    assert short_name("林州市第一建筑工程公司", "employer") == "林州市第一建筑工程"
    assert short_name("河南省辉县市人民法院", "forum") == "辉县市法院"
    assert short_name("王立新", "applicant") == "王立新"
    assert short_name("一个非常非常长的名字一二三四五", "applicant", 8) == "一个非常非常长…"
