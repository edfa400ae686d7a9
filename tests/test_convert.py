import json

from stancelib.annotations import convert as cv


def _same(a, b):
    assert [(r.id, r.text, r.labels, r.doc_id, r.start, r.end) for r in a] == \
           [(r.id, r.text, r.labels, r.doc_id, r.start, r.end) for r in b]


def test_csv_round_trip(tmp_path, seed_records):
    f = tmp_path / "a.csv"
    cv.write_csv(seed_records, f)
    back, problems = cv.read_csv(f)
    assert not problems
    _same(seed_records, back)


def test_doccano_round_trip_and_prefixes(tmp_path, seed_records):
    f = tmp_path / "d.jsonl"
    cv.write_doccano(seed_records, f)
    first = json.loads(f.read_text().splitlines()[0])
    assert all(":" in lab for lab in first["label"]) and any(l.startswith("stance:") for l in first["label"])
    back, problems = cv.read_doccano(f)
    assert not problems
    _same(seed_records, back)


def test_doccano_export_as_doccano_writes_it(tmp_path, seed_records):
    """A real doccano export: numeric ids, labels list, extra metadata columns, one bad row."""
    r = seed_records[0]
    rows = [{"id": 17, "text": r.text, "label": ["topics:trade", "stance:favor", "frame:cooperation"], "Comments": []},
            {"id": 18, "text": r.text, "label": ["stance:favor", "stance:against", "frame:none"], "Comments": []},
            {"id": 19, "text": r.text, "label": ["favor"], "Comments": []}]
    f = tmp_path / "all.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in rows))
    back, problems = cv.read_doccano(f)
    assert [b.id for b in back] == ["17"] and back[0].labels == {"topics": ["trade"], "stance": "favor", "frame": "cooperation"}
    assert {(p.line, p.field) for p in problems} == {(2, "labels.stance"), (3, "label")}


def test_labelstudio_json_keeps_several_annotators(tmp_path, seed_records):
    recs = seed_records[:5]
    recs[0].annotations = [{"annotator": "a@x.org", "labels": recs[0].labels},
                           {"annotator": "b@x.org", "labels": {**recs[0].labels, "stance": "against"}}]
    f = tmp_path / "ls.json"
    cv.write_labelstudio(recs, f)
    back, problems = cv.read_labelstudio(f)
    assert not problems
    _same(recs, back)
    assert [a["annotator"] for a in back[0].annotations] == ["a@x.org", "b@x.org"]
    assert back[0].annotations[1]["labels"]["stance"] == "against"
    recs[0].annotations = []


def test_labelstudio_json_min(tmp_path, seed_records):
    r = seed_records[0]
    rows = [{"id": 5, "text": r.text, "stance": "favor", "frame": "cooperation", "topics": {"choices": ["trade", "security"]},
             "annotator": "a@x.org", "annotation_id": 1, "lead_time": 3.2},
            {"id": 5, "text": r.text, "stance": "neutral", "frame": "none", "topics": "trade",
             "annotator": "b@x.org", "annotation_id": 2, "lead_time": 2.0},
            {"id": 6, "text": r.text, "frame": "none", "annotator": "a@x.org", "annotation_id": 3}]
    f = tmp_path / "min.json"
    f.write_text(json.dumps(rows))
    back, problems = cv.read_labelstudio(f)
    assert len(back) == 1 and back[0].labels == {"topics": ["trade", "security"], "stance": "favor", "frame": "cooperation"}
    assert back[0].annotations[1]["labels"]["topics"] == ["trade"]
    assert [(p.line, p.field) for p in problems] == [(3, "labels.stance")]


def test_labelstudio_config_has_one_choices_per_task(custom_scheme):
    xml = cv.labelstudio_config(custom_scheme)
    assert xml.count("<Choices") == 2 and 'name="subjects" toName="text" choice="multiple"' in xml


def test_labelstudio_predictions(tmp_path, seed_records):
    preds = [{"topics": ["trade"], "stance": "favor", "frame": "cooperation",
              "scores": {"topics": {"trade": 0.9}, "stance": {"favor": 0.8}, "frame": {"cooperation": 0.7}}}]
    f = tmp_path / "p.json"
    cv.write_labelstudio_predictions([seed_records[0].text], preds, f, model_version="m1")
    task = json.loads(f.read_text())[0]
    p = task["predictions"][0]
    assert p["model_version"] == "m1" and p["score"] == 0.7
    assert {r["from_name"]: r["value"]["choices"] for r in p["result"]} == \
           {"topics": ["trade"], "stance": ["favor"], "frame": ["cooperation"]}


def test_datasets_round_trip(seed_records, custom_scheme, custom_records):
    ds = cv.to_dataset(seed_records)
    assert ds.features["stance"].names == ["favor", "against", "neutral"]
    _same(seed_records, cv.from_dataset(ds))
    ds2 = cv.to_dataset(custom_records, custom_scheme)
    _same(custom_records, cv.from_dataset(ds2, custom_scheme))
