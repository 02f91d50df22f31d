"""Language identification with langdetect, made deterministic."""

from __future__ import annotations

from functools import cache

# langdetect is probabilistic; a fixed seed makes the same text always get the same answer.
LANGDETECT_SEED = 0
# Only this much text is looked at: a few sentences identify the language reliably, and
# langdetect's cost grows with the sample (it was the largest cost of reading articles).
LANG_SAMPLE_CHARS = 600
# Below this many letters the guess is unreliable, so no language is claimed.
LANG_MIN_LETTERS = 20
# A guess with a lower probability than this is reported as unknown (None).
LANG_MIN_PROB = 0.6


@cache
def _factory() -> object:
    # A private factory: the profiles load once and the seed does not leak into other users
    # of langdetect's module-level factory.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(LANGDETECT_SEED)
    return factory


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ('en', 'fr', ...) of ``text``, or None when it cannot be told."""
    sample = text[:LANG_SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < LANG_MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    try:
        detector = factory.create()  # type: ignore[attr-defined]
        detector.append(sample)
        best = detector.get_probabilities()
    except LangDetectException:
        return None
    if not best or best[0].prob < LANG_MIN_PROB:
        return None
    lang = str(best[0].lang)
    return lang.split("-")[0]  # zh-cn / zh-tw -> zh
