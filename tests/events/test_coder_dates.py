"""Which date an act takes: a date anywhere in its clause chain, else the time frame its
paragraph or story has set, else the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline

WEDNESDAY = "2025-03-12"


def code(pipe: Pipeline, text: str, published: str = WEDNESDAY) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published=published)).events


def dated(events: list[Event], trigger: str) -> tuple[str | None, str, str | None]:
    (event,) = [e for e in events if e.trigger.text == trigger]
    return event.date, event.date_precision, event.date_source


def test_a_date_of_the_first_of_coordinated_acts_dates_the_second(pipe: Pipeline) -> None:
    events = code(
        pipe, "In April, Russia expelled two French diplomats and accused France of spying."
    )
    # Told as past, April is the last one, not the coming one.
    assert dated(events, "expelled") == ("2024-04-01", "month", "sentence")
    assert dated(events, "accused") == ("2024-04-01", "month", "sentence")
    events = code(
        pipe,
        "On Saturday, Iran accused Israel of the bombing and threatened to retaliate against "
        "Israel.",
    )
    assert dated(events, "retaliate") == ("2025-03-08", "day", "sentence")


def test_the_date_of_a_reporting_clause_dates_what_it_reports(pipe: Pipeline) -> None:
    events = code(pipe, "Russia said on Monday that it would resume talks with Ukraine.")
    assert dated(events, "resume") == ("2025-03-10", "day", "sentence")


def test_a_date_at_the_end_of_a_chain_of_phrases_dates_the_act(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The president of Kazakhstan met China's leader for the first time at the summit in "
        "June 2018.",
    )
    assert dated(events, "met") == ("2018-06-01", "month", "sentence")


def test_an_undated_act_takes_the_day_of_the_lead(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Pakistani troops attacked militant hideouts in Afghanistan on Tuesday. Afghanistan "
        "condemned the strikes. The Afghan foreign ministry summoned Pakistan's envoy.",
    )
    assert dated(events, "summoned") == ("2025-03-11", "day", "frame")


def test_a_lead_date_long_before_publication_is_no_frame(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Pakistani troops attacked militant hideouts in Afghanistan in 2019. The Afghan foreign "
        "ministry summoned Pakistan's envoy.",
    )
    assert dated(events, "summoned") == (WEDNESDAY, "day", "published")


def test_a_paragraph_dates_its_later_acts_told_as_past(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Pakistan and India exchanged fire across the border.\n\n"
        "In 2019, Russia accused Ukraine of shelling a village. Ukraine rejected the charge. "
        "Ukraine denies the charge.\n\n"
        "China criticised Japan.",
    )
    assert dated(events, "rejected") == ("2019-01-01", "year", "frame")
    # An act told in the present is today's news; a new paragraph leaves the old frame.
    assert dated(events, "denies") == (WEDNESDAY, "day", "published")
    assert dated(events, "criticised") == (WEDNESDAY, "day", "published")


def test_without_paragraphs_a_date_stays_in_its_sentence(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Pakistan and India exchanged fire across the border. In 2019, Russia accused Ukraine "
        "of shelling a village. Ukraine rejected the charge.",
    )
    assert dated(events, "rejected") == (WEDNESDAY, "day", "published")


@pytest.mark.shared
def test_the_seed_state_visit_is_dated_to_its_month(pipe: Pipeline, seed_path: Path) -> None:
    doc = pipe.nlp(seed_path.read_text("utf-8"))
    (sentence,) = [s for s in doc.sents if "state visit" in s.text]
    (visit,) = [t for t in sentence if t.lower_ == "visit"]
    when = pipe.coder.date_of(visit, dt.date(2018, 11, 12))
    assert when is not None
    assert (when.date, when.precision) == ("2018-06-01", "month")


def test_the_date_attached_most_directly_wins(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Kenya's president visited Somalia in August, before the country's election this month.",
    )
    assert dated(events, "visited") == ("2024-08-01", "month", "sentence")


def test_a_date_that_bounds_the_act_does_not_date_it(pipe: Pipeline) -> None:
    events = code(pipe, "Al-Shabab militants have attacked Kenyan troops since 2019.")
    assert dated(events, "attacked") == (WEDNESDAY, "day", "published")


def test_a_past_act_takes_the_date_its_sentence_is_told_at(pipe: Pipeline) -> None:
    # The date belongs to another adverbial clause of the sentence, not to the act's chain.
    events = code(
        pipe,
        "Kenya's parliament debated the budget on Friday. Crowds cheered as they marched "
        "through Nairobi in January, after Kenya expelled Somalia's ambassador.",
    )
    assert dated(events, "expelled") == ("2025-01-01", "month", "frame")


# -- dates that belong to another noun, scene-setting phrases, enclosing clauses -------------


def test_a_date_of_another_noun_does_not_date_the_act(pipe: Pipeline) -> None:
    # "Monday's decision" dates the decision; the welcoming is the day's news.
    events = code(
        pipe,
        "Kenyan lawmakers welcomed Monday's decision by Somalia to reopen the border.",
        published="2025-03-19",
    )
    assert dated(events, "welcomed") == ("2025-03-19", "day", "published")
    events = code(pipe, "Turkey accused Syria of the 2012 bombing of a border town.")
    assert dated(events, "accused") == (WEDNESDAY, "day", "published")


def test_a_date_of_the_doer_or_the_occasion_dates_the_act(pipe: Pipeline) -> None:
    events = code(pipe, "Monday's blasts at the Kenyan embassy in Somalia killed nine Kenyans.")
    assert dated(events, "killed") == ("2025-03-10", "day", "sentence")
    events = code(
        pipe, "At last year's summit in Vilnius, NATO leaders condemned Russia's invasion."
    )
    assert dated(events, "condemned") == ("2024-01-01", "year", "sentence")


def test_the_noun_a_date_modifies_dates_the_act_its_clause_tells(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Eritrea welcomed Monday's announcement that Ethiopia had agreed to a truce with Eritrea.",
    )
    assert dated(events, "welcomed") == (WEDNESDAY, "day", "published")
    assert dated(events, "agreed") == ("2025-03-10", "day", "frame")


def test_a_participle_in_a_scene_setting_phrase_dates_the_act(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "In a statement issued on Monday, Japan accused China of violating its airspace.",
    )
    assert dated(events, "accused") == ("2025-03-10", "day", "sentence")
    events = code(
        pipe,
        "At a summit held in Brasilia in May, India and Brazil signed a trade agreement.",
    )
    assert dated(events, "signed") == ("2024-05-01", "month", "sentence")


def test_an_act_in_a_clause_on_a_noun_takes_the_nearest_dated_clause(pipe: Pipeline) -> None:
    # Not the date of the main clause ("in 2019"): the clause that holds the act's noun.
    events = code(
        pipe,
        "The old regime fell in 2019, but calm was broken by violence that began on Monday "
        "in the north, where Sudanese rebels attacked Chadian troops.",
    )
    assert dated(events, "attacked") == ("2025-03-10", "day", "frame")


def test_a_sentence_that_carries_on_its_subject_keeps_its_time(pipe: Pipeline) -> None:
    # The lead is too old to frame the story; the pronoun carries the January frame on.
    events = code(
        pipe,
        "Pakistan's army chief visited Kabul in January. He accused India of arming militants.",
    )
    assert dated(events, "accused") == ("2025-01-01", "month", "frame")
    events = code(
        pipe,
        "Pakistan's army chief visited Kabul in January. India accused Pakistan of arming "
        "militants.",
    )
    assert dated(events, "accused") == (WEDNESDAY, "day", "published")


def test_a_state_reported_in_the_present_sets_no_frame(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The U.N. envoy said the agency needs a billion dollars this year. The U.N. envoy "
        "urged Sudan to reopen the border crossings.",
    )
    assert dated(events, "urged") == (WEDNESDAY, "day", "published")


def test_an_act_repeated_at_coordinated_dates_takes_the_latest(pipe: Pipeline) -> None:
    events = code(
        pipe, "The European Union imposed sanctions on Belarus in 2021 and again in January."
    )
    assert dated(events, "imposed") == ("2025-01-01", "month", "sentence")


def test_days_after_between_clauses_set_their_times_apart(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Kenya closed its border with Somalia two days after Somali militants attacked a "
        "Kenyan bus on Monday.",
    )
    assert dated(events, "attacked") == ("2025-03-10", "day", "sentence")
    assert dated(events, "closed") == ("2025-03-12", "day", "frame")
    # The act in the "after" clause lies a day before its sentence's frame.
    events = code(
        pipe,
        "The U.N. envoy confirmed on Wednesday that he had been barred. He made the statement "
        "a day after the Taliban reported that they had barred the U.N. envoy from "
        "Afghanistan.",
        published="2025-03-13",
    )
    assert dated(events, "barred") == ("2025-03-11", "day", "frame")
    # "after" with a noun is no second clause: the retaliation is the strike, dated by its
    # own Monday (the targetless "Retaliating" is the strike's twin, no row of its own).
    events = code(
        pipe,
        "Retaliating two weeks after the bombing of its embassy, Kenya on Monday launched "
        "air strikes on Somali militants.",
    )
    assert dated(events, "launched") == ("2025-03-10", "day", "sentence")


def test_an_act_described_in_a_clause_told_as_past_takes_its_date(pipe: Pipeline) -> None:
    # "ending" is no past tense, but the plan that names the blockade was presented on
    # Feb. 3 (a lead too old to frame the story).
    events = code(pipe, "On Feb. 3, Kenya presented a plan ending its blockade of Somalia.")
    assert dated(events, "blockade") == ("2025-02-03", "day", "frame")


def test_a_dated_report_or_meeting_an_act_is_told_in_dates_it(pipe: Pipeline) -> None:
    # The report's month dates the saying and the call the saying carries.
    events = code(
        pipe,
        "Turkey needs more wind power, the agency said in a November report, calling on "
        "Turkey to set higher targets.",
    )
    assert dated(events, "calling") == ("2024-11-01", "month", "sentence")
    events = code(pipe, "In Monday's talks, Japan urged China to release the fishermen.")
    assert dated(events, "urged") == ("2025-03-10", "day", "sentence")


def test_there_after_a_dated_occasion_takes_its_date(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Relations have been frozen since talks failed at the Geneva summit held in October. "
        "There, Iran urged France to lift its sanctions.",
    )
    assert dated(events, "urged") == ("2024-10-01", "month", "frame")
    # Without the pointer back, the occasion is not the act's.
    events = code(
        pipe,
        "Relations have been frozen since talks failed at the Geneva summit held in October. "
        "Iran urged France to lift its sanctions.",
    )
    assert dated(events, "urged") == (WEDNESDAY, "day", "published")


def test_a_statement_its_speaker_adds_to_on_a_day_is_of_that_day(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The talks were in Oslo. A Foreign Ministry spokesperson urged Iran to free the "
        'sailors. "Their detention is unlawful," the spokesperson added in a statement '
        "emailed to reporters on Monday.",
    )
    assert dated(events, "urged") == ("2025-03-10", "day", "frame")


def test_an_act_told_as_going_on_is_the_news_of_the_publication_day(pipe: Pipeline) -> None:
    lead = "Kenyan traders protested at the Ugandan border on Monday. "
    events = code(pipe, lead + "Kenyan traders are calling on Uganda to lift the ban.")
    assert dated(events, "calling") == (WEDNESDAY, "day", "published")
    events = code(pipe, lead + "An official says Kenya is negotiating with Uganda.")
    assert dated(events, "negotiating") == (WEDNESDAY, "day", "published")
    # Told as past, the act is still the lead's day's.
    events = code(pipe, lead + "Kenyan traders called on Uganda to lift the ban.")
    assert dated(events, "called") == ("2025-03-10", "day", "frame")


def test_an_act_hours_after_an_event_the_story_told_takes_its_day(pipe: Pipeline) -> None:
    lead = (
        "Security forces said Wednesday they had freed the hostages held on a train in "
        "Pakistan. Baloch militants attacked the train on Monday. Officials counted the dead. "
    )
    after = "In a statement released hours after the attack, the militants demanded that "
    events = code(pipe, lead + after + "Pakistan release their leaders.")
    assert dated(events, "demanded") == ("2025-03-10", "day", "frame")
    # "Days after" the attack is not its day: the lead's frame stays.
    events = code(pipe, lead + after.replace("hours", "days") + "Pakistan release their leaders.")
    assert dated(events, "demanded") == (WEDNESDAY, "day", "frame")


def test_a_date_told_from_another_counts_from_the_clause_it_hangs_from(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "U.S. officials warned in July that the militants had attacked Iraqi troops more "
        "often the previous year.",
    )
    assert dated(events, "attacked") == ("2023-01-01", "year", "sentence")


def test_an_act_does_not_take_a_frame_set_before_the_event_it_follows(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Thailand sent 109 Uyghurs to China in 2015. Following the outcry over last month's "
        "deportations, Thailand said China had assured Thailand that they were safe.",
    )
    assert dated(events, "assured") == ("2025-02-01", "month", "frame")


def test_a_date_told_from_another_counts_from_the_frame_of_a_clause_on_a_noun(
    pipe: Pipeline,
) -> None:
    # The act lies in a clause describing "attacks": the July of the warning frames it.
    events = code(
        pipe,
        "U.S. officials warned in July that the group had doubled the attacks it carried out "
        "against Iraqi troops the previous year.",
    )
    assert dated(events, "carried")[:2] == ("2023-01-01", "year")


def test_a_day_something_is_set_for_lies_ahead_and_frames_nothing(pipe: Pipeline) -> None:
    # Published on a Wednesday: the hearing's Friday is the coming one, not the story's day.
    text = (
        "Hearings in the lawsuits against the interior ministry are set for a court in "
        "Nairobi on Friday. Kenya has denied Somali refugees access to lawyers, the "
        "plaintiffs say."
    )
    events = code(pipe, text)
    assert dated(events, "denied")[0] == WEDNESDAY


def test_an_act_at_an_occasion_the_story_dated_before_takes_its_date(pipe: Pipeline) -> None:
    text = (
        "Ukraine's foreign minister spoke at a Monday forum in Warsaw. Poland sent Ukraine "
        "more grain. Speaking at the Warsaw forum, a Lithuanian minister urged Germany to "
        "send Ukraine more tanks."
    )
    assert dated(code(pipe, text), "urged") == ("2025-03-10", "day", "frame")
    # Not an occasion with no date before it.
    text = text.replace("a Monday forum", "a forum")
    assert dated(code(pipe, text), "urged") == (WEDNESDAY, "day", "published")


def test_a_date_told_from_another_does_not_count_from_a_story_frame(pipe: Pipeline) -> None:
    # "A day earlier" than what the sentence before told, not than the lead's day.
    events = code(
        pipe,
        "Gunmen seized a train in Pakistan on Tuesday. The army freed the passengers. "
        "The gunmen had warned Pakistan a day earlier that they would execute soldiers.",
    )
    assert dated(events, "warned")[0] != "2025-03-10"


def test_a_reaction_in_the_perfect_is_of_the_day_of_the_news_it_reacts_to(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Kenyan lawmakers welcomed Monday's announcement that Somalia had reopened the border. "
        '"I am glad Kenya and Somalia have signed an agreement," a senator said.',
    )
    assert dated(events, "signed") == ("2025-03-10", "day", "frame")


def test_an_act_dated_by_its_week_takes_the_day_a_nearby_sentence_gives(pipe: Pipeline) -> None:
    text = (
        "This week, officials said Sudanese rebels attacked Chadian troops near the border. "
        "Aid groups say dozens have fled since the attacks began Monday."
    )
    assert dated(code(pipe, text), "attacked") == ("2025-03-10", "day", "sentence")
    # A day outside the week is another act's.
    text = text.replace("began Monday", "began on March 2")
    assert dated(code(pipe, text), "attacked") == ("2025-03-01", "month", "sentence")


def test_an_act_dated_by_its_month_takes_the_day_a_nearby_sentence_gives(pipe: Pipeline) -> None:
    # A quotation of two sentences stands between the act and the day of its kind.
    text = (
        "Japan's prime minister visited Beijing last month. \u201cWe have many problems. But "
        "we are neighbours,\u201d he said. Chinese officials welcomed him when he visited on "
        "{}."
    )
    events = code(pipe, text.format("Feb. 18"), "2025-03-10")
    assert dated(events, "visited") == ("2025-02-18", "day", "sentence")
    # A day of another month is another visit's.
    events = code(pipe, text.format("Jan. 18"), "2025-03-10")
    assert dated(events, "visited") == ("2025-02-01", "month", "sentence")


def test_a_date_quoted_in_a_sentence_sets_no_time_frame_for_the_next(pipe: Pipeline) -> None:
    text = (
        "Britain's envoy addressed the Security Council on Tuesday. \u201cInspectors reported "
        "last month that Iran had expanded its stockpile,\u201d he said. He said Britain would "
        "impose new sanctions on Iran. \u201cIran expelled the inspectors last month,\u201d he "
        "added."
    )
    events = code(pipe, text)
    # The saying is the envoy's Tuesday statement, not the inspectors' report of last month.
    assert dated(events, "impose") == ("2025-03-11", "day", "frame")
    # A quoted act keeps the date the quotation gives it.
    assert dated(events, "expelled") == ("2025-02-01", "month", "sentence")


def test_a_date_of_the_vote_a_request_names_does_not_date_the_request(pipe: Pipeline) -> None:
    # The parser hangs "March 3" from "vote" as a noun modifier: it dates the vote only.
    events = code(
        pipe,
        "On Monday, the U.S. Senate voted 90-4, urging Kenya to allow a full inquiry into "
        "fraud in the March 3 vote.",
    )
    assert dated(events, "urging") == ("2025-03-10", "day", "sentence")


def test_a_response_takes_the_date_told_before_of_the_event_it_answers(
    pipe: Pipeline,
) -> None:
    events = code(
        pipe,
        "Two Chadian rebels stand accused of the 2008 bombing of the French army base near "
        "Abeche. France responded to the Abeche attack by bombing Chadian army positions.",
    )
    assert dated(events, "bombing")[:2] == ("2008-01-01", "year")
    events = code(
        pipe,
        "Congolese rebels attacked Rwandan soldiers in 2012, killing 30. In retaliation for "
        "the attack, Rwanda closed its border with Congo.",
    )
    assert dated(events, "closed")[:2] == ("2012-01-01", "year")
    # Nothing told before: the news of the day.
    events = code(pipe, "Rwanda closed its border with Congo in retaliation for the raid.")
    assert dated(events, "closed")[:2] == (WEDNESDAY, "day")


def test_an_act_takes_the_date_of_the_next_sentence_telling_the_same_statement(
    pipe: Pipeline,
) -> None:
    story = (
        "Security sources said Wednesday that Malian troops had freed 100 passengers, a day "
        "after gunmen attacked a train. The train came under attack Tuesday near Gao. "
        "Threatening to kill the hostages, the rebels demanded that Mali release jailed "
        "fighters. {} released "
        "hours after the attack, the group gave Mali 48 hours to comply."
    )
    events = code(pipe, story.format("In the statement"))
    assert dated(events, "demanded")[:2] == ("2025-03-11", "day")
    # A new statement ("In a statement") tells nothing of the demand's date.
    events = code(pipe, story.format("In a statement"))
    assert dated(events, "demanded")[:2] == (WEDNESDAY, "day")


def test_a_document_issued_at_a_date_does_what_it_says_at_that_date(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "A statement issued on Monday by the Kenyan army accused Somalia of harbouring militants.",
    )
    assert dated(events, "accused") == ("2025-03-10", "day", "sentence")
    events = code(
        pipe,
        "A lawsuit filed in February by Amnesty International alleged the Kenyan government "
        "had tortured detainees.",
    )
    assert dated(events, "alleged") == ("2025-02-01", "month", "sentence")


def test_a_date_naming_the_subject_of_a_copula_does_not_date_the_claim(pipe: Pipeline) -> None:
    # "Tuesday's attackers" names the attackers by their attack; the claim is today's news.
    events = code(
        pipe,
        "Pakistan's military spokesman claimed Tuesday's attackers were in touch with planners "
        "in Afghanistan.",
    )
    assert dated(events, "were") == (WEDNESDAY, "day", "published")
    # The doer of an act is dated with it: "the Friday explosions killed ...".
    events = code(pipe, "The Friday explosions killed 110 people in Kabul.")
    assert dated(events, "killed") == ("2025-03-07", "day", "sentence")
