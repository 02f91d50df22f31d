"""Language identification: the English shortcut gives langdetect's answer, faster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest import _lang

# News paragraphs written for this test in eight languages that share the Latin script
# (and some words) with English.
FOREIGN = {
    "fr": (
        "Le ministre des affaires étrangères a rencontré mardi son homologue chinois à "
        "Paris pour discuter des relations commerciales entre les deux pays. Selon le "
        "communiqué publié après la réunion, les deux parties ont exprimé leur volonté de"
        " renforcer la coopération économique et de relancer les échanges culturels, tout"
        " en reconnaissant des divergences sur la question des droits de l'homme."
    ),
    "es": (
        "El presidente del gobierno se reunió el martes con los líderes de la oposición "
        "en Madrid para debatir la reforma de la ley electoral. Según un comunicado "
        "oficial, las dos partes acordaron continuar las conversaciones la próxima "
        "semana, aunque persisten diferencias importantes sobre el calendario y el "
        "alcance de los cambios propuestos por el ejecutivo."
    ),
    "de": (
        "Der Außenminister hat am Dienstag in Berlin seinen chinesischen Amtskollegen "
        "getroffen, um über die Handelsbeziehungen zwischen den beiden Ländern zu "
        "sprechen. Nach dem Treffen teilte das Ministerium mit, dass beide Seiten die "
        "wirtschaftliche Zusammenarbeit ausbauen wollen, auch wenn es bei den "
        "Menschenrechten weiterhin große Meinungsverschiedenheiten gibt."
    ),
    "nl": (
        "De minister van Buitenlandse Zaken heeft dinsdag in Den Haag zijn Chinese "
        "collega ontmoet om te praten over de handelsbetrekkingen tussen beide landen. "
        "Volgens een verklaring na afloop willen beide partijen de economische "
        "samenwerking versterken, al blijven er grote meningsverschillen bestaan over de "
        "mensenrechten en over de toegang tot de markt."
    ),
    "it": (
        "Il ministro degli esteri ha incontrato martedì a Roma il suo omologo cinese per "
        "discutere delle relazioni commerciali tra i due paesi. Secondo un comunicato "
        "diffuso dopo l'incontro, le due parti hanno espresso la volontà di rafforzare la"
        " cooperazione economica, pur riconoscendo divergenze sulla questione dei diritti"
        " umani e sull'accesso al mercato."
    ),
    "pt": (
        "O ministro dos negócios estrangeiros reuniu-se na terça-feira em Lisboa com o "
        "seu homólogo chinês para discutir as relações comerciais entre os dois países. "
        "Segundo um comunicado divulgado após a reunião, as duas partes manifestaram "
        "vontade de reforçar a cooperação económica, embora persistam divergências sobre "
        "os direitos humanos e o acesso ao mercado."
    ),
    "pl": (
        "Minister spraw zagranicznych spotkał się we wtorek w Warszawie ze swoim chińskim"
        " odpowiednikiem, aby omówić stosunki handlowe między oboma krajami. To spotkanie"
        " było ważne, a według komunikatu obie strony wyraziły wolę wzmocnienia "
        "współpracy gospodarczej, choć to nadal nie rozwiązuje sporów dotyczących praw "
        "człowieka i dostępu do rynku."
    ),
    "id": (
        "Menteri luar negeri bertemu dengan rekannya dari China di Jakarta pada hari "
        "Selasa untuk membahas hubungan perdagangan antara kedua negara. Menurut "
        "pernyataan resmi setelah pertemuan itu, kedua pihak menyatakan keinginan untuk "
        "memperkuat kerja sama ekonomi, meskipun masih ada perbedaan pendapat mengenai "
        "hak asasi manusia dan akses pasar."
    ),
}


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_languages_are_not_taken_for_english(lang: str) -> None:
    text = FOREIGN[lang]
    assert not _lang._clearly_english(text[: _lang.LANG_SAMPLE_CHARS])
    assert _lang.detect_language(text) == lang


def _without_shortcut(text: str, monkeypatch: pytest.MonkeyPatch) -> str | None:
    with monkeypatch.context() as m:
        m.setattr(_lang, "_clearly_english", lambda sample: False)
        return _lang.detect_language(text)


def test_shortcut_agrees_with_langdetect_on_real_news(
    shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = (shared_dir / "data" / "voa" / "voa_stories.jsonl").read_text("utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    shortcut = [t for t in texts if _lang._clearly_english(t[: _lang.LANG_SAMPLE_CHARS])]
    assert len(shortcut) >= 0.9 * len(texts)  # the shortcut is the common case
    for text in shortcut:
        assert _without_shortcut(text, monkeypatch) == "en"


def test_short_or_wordless_text_goes_to_langdetect() -> None:
    assert not _lang._clearly_english("The talks were held in the capital.")
    assert not _lang._clearly_english("1234 5678 " * 40)
