"""Pronouns across sentences (``actors/_pronouns``): a subject pronoun with no antecedent
in its own sentence takes the actor the article named before; a quoted "we" is the body
the speaker speaks for. Sentences written for dateline."""

from __future__ import annotations

from collections.abc import Callable

from dateline.actors import Mention


def pronoun(mentions: list[Mention], text: str) -> Mention | None:
    return next((m for m in mentions if m.actor.text == text), None)


def test_he_in_the_next_sentence_is_the_person_introduced_with_title_and_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Chile's foreign minister Tomas Ibarra arrived in Lima on Monday. "
        "He urged Peru to reopen the border."
    )
    he = pronoun(mentions, "He")
    assert he is not None
    assert he.actor.country == "CHL" and he.actor.kind == "person"


def test_they_after_a_plural_group_is_that_group(resolve: Callable[..., list[Mention]]) -> None:
    mentions = resolve(
        "Kenyan opposition lawmakers gathered in Nairobi on Friday. They demanded new elections."
    )
    they = pronoun(mentions, "They")
    assert they is not None and they.actor.country == "KEN"


def test_a_pronoun_with_an_antecedent_in_its_own_sentence_is_left_to_the_coder(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Chile's foreign minister Tomas Ibarra arrived in Lima on Monday. "
        "Peru's president said he would meet him."
    )
    assert pronoun(mentions, "he") is None


def test_a_pronoun_with_nobody_before_it_stays_unresolved(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("He said the weather was bad. The roads were closed.")
    assert pronoun(mentions, "He") is None


def test_quoted_we_is_the_government_of_the_minister_who_speaks(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Norway's trade minister Ola Berg spoke in Oslo. "
        '"We will answer any tariff on our fish," Berg told reporters.'
    )
    we = pronoun(mentions, "We")
    assert we is not None
    assert we.actor.country == "NOR" and we.actor.code == "NORGOV"
    assert we.actor.kind != "person"


def test_quoted_we_over_several_sentences_is_the_speaker_named_after_them(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Norway's trade minister Ola Berg spoke in Oslo. "
        "Ghana's finance minister Kofi Mensah spoke next. "
        '"The talks went well. We expect a deal soon," he said.'
    )
    we = pronoun(mentions, "We")
    assert we is not None and we.actor.country == "GHA"


def test_we_outside_a_quotation_is_not_given_a_speaker(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve('Norway\'s minister Ola Berg said "yes". We asked him again later.')
    assert pronoun(mentions, "We") is None


def test_our_government_in_a_quotation_is_the_speakers(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Norway's trade minister Ola Berg spoke in Oslo. "
        "Ghana's finance minister Kofi Mensah spoke next. "
        '"Our government wants a deal," Berg said.'
    )
    ours = pronoun(mentions, "Our government")
    assert ours is not None and ours.actor.code == "NORGOV"


def test_our_with_a_country_named_keeps_that_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Norway's trade minister Ola Berg spoke in Oslo. "
        '"Our Swedish ministry wants a deal," Berg said.'
    )
    ours = next(m for m in mentions if "ministry" in m.actor.text)
    assert ours.actor.country == "SWE"


def test_he_after_someone_we_cannot_code_is_not_someone_named_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Chile's foreign minister Tomas Ibarra arrived in Lima on Monday. "
        "John Whitfield, who teaches at a college in Ohio, spoke later. "
        "He urged Peru to reopen the border."
    )
    he = pronoun(mentions, "He")
    assert he is None or he.actor.country != "CHL"


def test_he_in_the_sentence_of_someone_we_cannot_code_is_left_alone(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Chile's foreign minister Tomas Ibarra arrived in Lima on Monday. "
        "John Whitfield said he expected a deal."
    )
    assert pronoun(mentions, "he") is None


def test_its_after_a_fronted_clause_is_that_clauses_subject(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "As the Kremlin weighs new talks, some of its diplomats are hinting at a deal."
    )
    its = pronoun(mentions, "its diplomats")
    assert its is not None and its.actor.country == "RUS", its


def test_its_inside_the_subject_it_belongs_to_is_not_that_subject(
    resolve: Callable[..., list[Mention]],
) -> None:
    # the only subject before "its" is the phrase holding it: no owner to be found
    mentions = resolve("Some of its diplomats are hinting at a deal with Peru.")
    its = pronoun(mentions, "its diplomats")
    assert its is None or its.actor.country is None, its


def test_he_after_a_quotation_is_the_speaker_not_a_name_inside_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Peru's interior minister Rosa Quispe wrote on social media on Monday. "
        '"We deplore the riot. The police must find Carlos Mendez," she wrote. '
        "Later that day, she was criticized by Chilean diplomats."
    )
    shes = [m for m in mentions if m.actor.text == "she"]
    assert len(shes) == 2
    assert all(m.actor.code == "PERGOV" and m.actor.kind == "person" for m in shes)
    we = pronoun(mentions, "We")
    assert we is not None and we.actor.code == "PERGOV"


def test_quoted_we_of_an_opposition_leader_is_the_opposition(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Zambian opposition leader Mwila Banda addressed supporters in Ndola. "
        '"We will not accept a rigged count," Banda said.'
    )
    we = pronoun(mentions, "We")
    assert we is not None
    assert we.actor.code == "ZMBOPP" and we.actor.kind != "person"


def test_it_issuing_a_statement_is_the_organisation_of_the_sentence_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The World Health Organization shares those fears. "
        "It issued a statement on Friday urging Malawi to reopen the clinics."
    )
    it = pronoun(mentions, "It")
    assert it is not None and (it.actor.code or "").startswith("IGO")


def test_it_of_an_impersonal_or_thing_verb_stays_unresolved(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The World Health Organization shares those fears. "
        "It is clear that the clinics will close. It includes three new wards."
    )
    assert pronoun(mentions, "It") is None


def test_it_after_a_person_subject_is_not_that_person(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Chile's foreign minister Tomas Ibarra arrived in Lima on Monday. "
        "It announced new flights to Peru."
    )
    assert pronoun(mentions, "It") is None


def test_it_as_a_passive_subject_is_a_thing(resolve: Callable[..., list[Mention]]) -> None:
    mentions = resolve(
        "The Malawian government banned the novel last year. "
        "The author believes it was written off because she is a woman."
    )
    assert pronoun(mentions, "it") is None


def test_quoted_they_with_no_plural_in_reach_is_the_foreign_state_named_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Brazil rejected the trade proposal on Tuesday. "
        '"They need to reconsider their position," a senior U.S. official told reporters.'
    )
    they = pronoun(mentions, "They")
    assert they is not None
    assert they.actor.code == "BRA" and "coref:they-state" in (they.actor.rule or "")


def test_quoted_they_after_a_plural_group_is_not_a_state(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Brazil said on Tuesday that its diplomats would travel to Geneva. "
        '"They need to reconsider their position," a senior U.S. official told reporters.'
    )
    they = pronoun(mentions, "They")
    assert they is None or "coref:they-state" not in (they.actor.rule or "")


def test_quoted_they_is_not_the_speakers_own_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Brazil rejected the trade proposal on Tuesday. "
        '"They need to reconsider their position," Brazil\'s foreign minister told reporters.'
    )
    assert pronoun(mentions, "They") is None


def test_quoted_they_with_no_state_in_reach_stays_unresolved(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The storm closed the roads on Tuesday. "
        '"They need to reconsider their position," a senior U.S. official told reporters.'
    )
    assert pronoun(mentions, "They") is None


def test_quoted_they_after_a_state_named_in_passing_stays_unresolved(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The coffee on sale was a blend from Brazil. "
        '"They need to reconsider their position," a senior U.S. official told reporters.'
    )
    assert pronoun(mentions, "They") is None


def test_quoted_they_of_a_commentator_stays_unresolved(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Brazil rejected the trade proposal on Tuesday. "
        "Former Argentine ambassador Ana Souza, now an analyst, said: "
        '"They need to reconsider their position."'
    )
    assert pronoun(mentions, "They") is None
