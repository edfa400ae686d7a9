import json

import pytest

from stancelib.scheme import Scheme, SchemeError


def test_default_scheme_matches_labels_md():
    s = Scheme.default()
    assert s.task_names == ["topics", "stance", "frame"]
    assert s["topics"].multi_label and not s["stance"].multi_label
    assert s["stance"].labels == ("favor", "against", "neutral")
    assert s["frame"].labels == ("cooperation", "conflict", "sovereignty", "pragmatism", "stability", "none")
    assert "THAAD" in s["topics"].descriptions["security"]


def test_round_trip(tmp_path, custom_scheme):
    p = tmp_path / "s.json"
    custom_scheme.save(p)
    assert Scheme.load(p) == custom_scheme


@pytest.mark.parametrize("data,msg", [
    ({"tasks": []}, "declares no tasks"),
    ({"tasks": [{"name": "a", "kind": "both", "labels": ["x", "y"]}]}, "tasks[0].kind"),
    ({"tasks": [{"name": "a", "kind": "single_label", "labels": ["x"]}]}, "at least two labels"),
    ({"tasks": [{"name": "a", "kind": "multi_label", "labels": ["x", "x"]}]}, "repeated label"),
])
def test_bad_schemes_are_named(tmp_path, data, msg):
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(data))
    with pytest.raises(SchemeError, match=msg.replace("[", r"\[").replace("]", r"\]")):
        Scheme.load(p)
