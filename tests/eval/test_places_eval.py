"""Toponym-resolution evaluation on LGL and GeoVirus: loaders, scoring and guards.

The guards sit about 0.02 below the figures measured when they were set (see the README).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.eval._data import load_geoparsing, parse_geo_xml
from dateline.eval.places import distance_km, run
from dateline.pipeline import Pipeline

# Regression guards, measured 2026-11-29 (dateline eval places ../shared/data/geoparsing);
# they leave about 0.02 of slack. First measured: LGL recall 0.2052, country 0.8226;
# GeoVirus recall 0.5728, within 161 km 0.9048 (before regions and GeoNames towns).
LGL_RECALL = 0.35  # measured 0.3736
LGL_RECALL_WITHOUT_DEMONYMS = 0.38  # measured 0.3992 (326 of LGL's toponyms are demonyms)
LGL_COUNTRY_ACCURACY = 0.85  # measured 0.8753
LGL_NEAR = 0.68  # measured 0.7052 (LGL's US towns share names with larger towns elsewhere)
GEOVIRUS_RECALL = 0.70  # measured 0.7226
GEOVIRUS_NEAR = 0.87  # measured 0.8986

TINY_LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Police in Baghdad arrested two men. Officials in Paris, Texas said the \
fair was cancelled.]]></text>
    <toponyms>
      <toponym><start>10</start><end>17</end><phrase>Baghdad</phrase>
        <gaztag geonameid="98182"><name>Baghdad</name><lat>33.34</lat><lon>44.40</lon>
        <country geonameid="99237">Iraq</country></gaztag></toponym>
      <toponym><start>49</start><end>54</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.66</lat><lon>-95.56</lon>
        <country geonameid="6252001">United States</country></gaztag></toponym>
      <toponym><start>56</start><end>61</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><name>Texas</name><lat>31.25</lat><lon>-99.25</lon>
        <country geonameid="6252001">United States</country></gaztag></toponym>
      <toponym><start>0</start><end>3</end><phrase>Nowhere</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""
# GeoVirus counts offsets from 1.
TINY_GEOVIRUS = """<articles><article><source>https://en.wikinews.org/wiki/X</source>
<text>Cases rose in Baghdad.</text><locations><location><name>Baghdad</name>
<start>15</start><end>22</end><lat>33.34</lat><lon>44.4</lon>
<page>https://en.wikipedia.org/wiki/Baghdad</page></location></locations></article></articles>
"""


def test_geo_loader_aligns_offsets_and_drops_strays() -> None:
    (lgl,) = parse_geo_xml(TINY_LGL, "lgl")
    assert [t.phrase for t in lgl.toponyms] == ["Baghdad", "Paris", "Texas"]
    assert all(lgl.text[t.start : t.end] == t.phrase for t in lgl.toponyms)
    assert lgl.toponyms[0].country == "Iraq"
    (gv,) = parse_geo_xml(TINY_GEOVIRUS, "geovirus")
    assert gv.id == "X"
    (t,) = gv.toponyms
    assert gv.text[t.start : t.end] == "Baghdad" and t.start == 14
    assert t.country is None and t.lat == pytest.approx(33.34)


def test_distance() -> None:
    assert distance_km(0, 0, 0, 0) == 0
    # Baghdad to Paris (France) is about 3,850 km
    assert 3700 < distance_km(33.34, 44.40, 48.86, 2.35) < 4000


def test_run_on_hand_made_articles(tmp_path: Path, pipe: Pipeline) -> None:
    (tmp_path / "lgl.xml").write_text(TINY_LGL, encoding="utf-8")
    result = run(tmp_path, pipe)
    assert "geovirus" not in result
    lgl = result["lgl"]
    assert lgl["gold_toponyms"] == 3
    assert lgl["demonyms"] == 0 and lgl["recall_without_demonyms"] == lgl["recall"]
    # Baghdad is known and in Iraq; whatever the lookup makes of Paris, Texas, it is scored
    assert lgl["recognised"] >= 1
    assert lgl["country_scored"] == lgl["recognised"]
    assert 0 < lgl["country_accuracy"] <= 1


@pytest.fixture(scope="module")
def measured(eval_output: Callable[[str], str]) -> dict[str, Any]:
    return json.loads(eval_output("places"))  # type: ignore[no-any-return]


def test_geo_loader_counts(shared_dir: Path) -> None:
    sets = load_geoparsing(shared_dir / "data" / "geoparsing")
    assert len(sets["lgl"]) == 588
    assert sum(len(a.toponyms) for a in sets["lgl"]) == 5088
    assert len(sets["geovirus"]) == 229
    # 2,197 <location> elements, 27 of them commented out or without offsets
    assert sum(len(a.toponyms) for a in sets["geovirus"]) == 2170


def test_place_guards(measured: dict[str, Any]) -> None:
    lgl, geovirus = measured["lgl"], measured["geovirus"]
    assert lgl["recall"] >= LGL_RECALL
    assert lgl["recall_without_demonyms"] >= LGL_RECALL_WITHOUT_DEMONYMS
    assert lgl["demonyms"] > 300  # "Russian", "Palestinian": known, as nationalities
    assert lgl["country_accuracy"] >= LGL_COUNTRY_ACCURACY
    assert lgl["accuracy_161km"] >= LGL_NEAR
    assert geovirus["recall"] >= GEOVIRUS_RECALL
    assert geovirus["accuracy_161km"] >= GEOVIRUS_NEAR
    assert geovirus["country_accuracy"] is None  # no offline reverse geocoder
