"""Unit tests of evaluation.timebank: a hand-made TimeML file, then the French TimeBank if present."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.timebank import evaluate_timebank, main, read_tml

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]  # tests/lab/test_timebank.py -> tests/lab -> tests -> the checkout
SHARED = HERE.parents[3] / "shared"  # shared/ lies beside the checkout
TIMEBANK = SHARED / "data" / "fr-timebank-1999"

TML = """<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>t</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-07-16" /></DCT>
<TEXT>
Un atelier se déroulera du <TIMEX3 tid="t2" type="DATE" value="1999-07-19">19</TIMEX3> au
<TIMEX3 tid="t3" type="DATE" value="1999-07-23">23 juillet</TIMEX3>. Il a été annoncé
<TIMEX3 tid="t4" type="DATE" value="1999-07-15">hier</TIMEX3>, à <TIMEX3 tid="t5" type="TIME"
value="1999-07-15T18:00">18 h</TIMEX3>, pour <TIMEX3 tid="t6" type="DATE"
value="1999-W28">cette semaine</TIMEX3> et <TIMEX3 tid="t7" type="DATE"
value="XXXX-SU">l'été</TIMEX3>. <EVENT eid="e1">Le même jour</EVENT>, rien.
</TEXT>
</TimeML>
"""


def test_paths_point_beside_the_checkout() -> None:
    assert (REPO / "pyproject.toml").is_file()
    assert SHARED == REPO.parent / "shared"


def test_read_tml(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    dct, text, timexes = read_tml(path)
    assert dct == "1999-07-16"
    assert [t.text for t in timexes] == ["19", "23 juillet", "hier", "cette semaine", "l'été"]
    assert all(text[t.start:t.end] == t.text for t in timexes)
    assert "18 h" in text and "<" not in text


def test_evaluate_small_file(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    report = evaluate_timebank(tmp_path)
    assert (report.documents, report.total, report.supported) == (1, 5, 3)
    assert [t.resolved for t in report.timexes[:3]] == ["1999-07-19", "1999-07-23",
                                                        "1999-07-15"]
    assert [t.in_context for t in report.timexes[:3]] == ["1999-07-19", "1999-07-23",
                                                          "1999-07-15"]
    assert report.correct == report.context_correct == 3
    assert report.accuracy() == pytest.approx(3 / 5)
    assert report.accuracy(supported_only=True) == 1.0
    assert report.to_dict()["unsupported"] == 2
    assert "3/5" in report.format()


def test_main_on_a_small_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert "DATE timexes" in capsys.readouterr().out
    assert main([str(tmp_path), "--json"]) == 0
    assert '"date_timexes": 5' in capsys.readouterr().out


@pytest.mark.skipif(not TIMEBANK.is_dir(), reason="../shared/data/fr-timebank-1999 is absent")
def test_french_timebank_floors() -> None:
    """Floors measured on the French TimeBank (only ever raise them): 122 DATE timexes, 13 with
    values the gold format cannot hold."""
    report = evaluate_timebank(TIMEBANK)
    assert (report.documents, report.total, report.supported) == (56, 122, 109)
    assert report.accuracy() >= 0.77
    assert report.accuracy(supported_only=True) >= 0.87
    assert report.accuracy(context=True) >= 0.84
    assert report.accuracy(supported_only=True, context=True) >= 0.94
