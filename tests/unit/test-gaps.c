#include "fixtures.h"

/* gap = share × (100 − rule score); for profile A (weighted, unknown = 0):
 *   r-first:    2/9 × (100 − 0)    = 22.2222
 *   r-process:  1/6 × (100 − 25)   = 12.5
 *   r-ir:       4/9 × (100 − 87.5) = 50/9 = 5.5556
 *   r-strategy: 1/6 × (100 − 66.67) = 50/9 = 5.5556   (a tie with r-ir: broken by id)
 * total = 45.8333 = 100 − 54.1667 */

static AccordGapList *
gaps_for(const Fixture *f,
	 const gchar *profile,
	 AccordUnknownPolicy unknown,
	 AccordEvaluation **evaluation,
	 AccordScore **score)
{
	AccordScoreOptions options;

	accord_score_options_init(&options);
	options.unknown = unknown;
	*score = fixture_score(f, profile, &options, evaluation);
	return accord_gaps_compute(*score);
}

static const gchar *
gap_id(const AccordGapList *gaps, guint i)
{
	return accord_rule_get_id(accord_gap_list_get_gap(gaps, i)->rule);
}

static void
test_gaps_ordered_by_gap_then_id(void **state)
{
	Fixture f;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordGapList) gaps = NULL;

	fixture_load(&f);
	gaps = gaps_for(&f, "profile-a.xml", ACCORD_UNKNOWN_ZERO, &evaluation, &score);
	assert_int_equal(accord_gap_list_get_n_gaps(gaps), 4);
	assert_string_equal(gap_id(gaps, 0), "r-first");
	assert_close(accord_gap_list_get_gap(gaps, 0)->gap, 200.0 / 9.0, 1e-9);
	assert_string_equal(gap_id(gaps, 1), "r-process");
	assert_close(accord_gap_list_get_gap(gaps, 1)->gap, 12.5, 1e-9);
	/* the tie: "r-ir" sorts before "r-strategy" */
	assert_string_equal(gap_id(gaps, 2), "r-ir");
	assert_string_equal(gap_id(gaps, 3), "r-strategy");
	assert_close(accord_gap_list_get_gap(gaps, 2)->gap, 50.0 / 9.0, 1e-9);
	assert_close(accord_gap_list_get_gap(gaps, 3)->gap, 50.0 / 9.0, 1e-9);
	assert_close(accord_gap_list_get_gap(gaps, 2)->share, 4.0 / 9.0, 1e-12);
	fixture_clear(&f);
}

static void
test_gaps_add_up_to_shortfall(void **state)
{
	Fixture f;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordGapList) gaps = NULL;

	fixture_load(&f);
	gaps = gaps_for(&f, "profile-a.xml", ACCORD_UNKNOWN_ZERO, &evaluation, &score);
	/* 200/9 + 12.5 + 50/9 + 50/9 = 45.8333 = 100 − 162.5/3 */
	assert_close(accord_gap_list_get_total(gaps), 100.0 - 162.5 / 3.0, 1e-9);
	fixture_clear(&f);
}

static void
test_gaps_list_unmet_criteria(void **state)
{
	Fixture f;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordGapList) gaps = NULL;
	const AccordGap *process;
	const AccordGap *ir;

	fixture_load(&f);
	gaps = gaps_for(&f, "profile-a.xml", ACCORD_UNKNOWN_ZERO, &evaluation, &score);
	/* r-process: c-process partial and c-iot failed; r-ir: only c-cvd (c-csirt passed) */
	process = accord_gap_list_get_gap(gaps, 1);
	assert_int_equal(process->unmet->len, 2);
	assert_string_equal(accord_criterion_get_id(g_ptr_array_index(process->unmet, 0)),
			    "c-process");
	assert_string_equal(accord_criterion_get_id(g_ptr_array_index(process->unmet, 1)), "c-iot");
	ir = accord_gap_list_get_gap(gaps, 2);
	assert_int_equal(ir->unmet->len, 1);
	assert_string_equal(accord_criterion_get_id(g_ptr_array_index(ir->unmet, 0)), "c-cvd");
	fixture_clear(&f);
}

static void
test_gaps_none_at_full_marks(void **state)
{
	Fixture f;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordGapList) gaps = NULL;

	fixture_load(&f);
	gaps = gaps_for(&f, "profile-b.xml", ACCORD_UNKNOWN_ZERO, &evaluation, &score);
	assert_int_equal(accord_gap_list_get_n_gaps(gaps), 0);
	assert_close(accord_gap_list_get_total(gaps), 0.0, 1e-12);
	fixture_clear(&f);
}

static void
test_gaps_follow_unknown_policy(void **state)
{
	Fixture f;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordGapList) gaps = NULL;

	fixture_load(&f);
	/* exclude: r-first is not applicable, so r-ir carries all of ir: share 2/3 × 1,
	 * gap 2/3 × 12.5 = 8.3333; r-process 12.5 and r-strategy 50/9 as before;
	 * total 26.3889 = 100 − 73.6111 */
	gaps = gaps_for(&f, "profile-a.xml", ACCORD_UNKNOWN_EXCLUDE, &evaluation, &score);
	assert_int_equal(accord_gap_list_get_n_gaps(gaps), 3);
	assert_string_equal(gap_id(gaps, 0), "r-process");
	assert_string_equal(gap_id(gaps, 1), "r-ir");
	assert_close(accord_gap_list_get_gap(gaps, 1)->gap, 25.0 / 3.0, 1e-9);
	assert_string_equal(gap_id(gaps, 2), "r-strategy");
	assert_close(accord_gap_list_get_total(gaps), 100.0 - 73.6111111111, 1e-6);
	fixture_clear(&f);
}

/* a tailoring that deselects c-iot takes it out of r-process (now c-process alone, 0.5) and
 * out of the unmet list, though profile A fails it */
static void
test_gaps_leave_out_deselected_criteria(void **state)
{
	Fixture f;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordGapList) gaps = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *xml = "<tailoring xmlns='urn:accord:tailoring:1' id='t' ruleset='test'>"
			   "<title>T</title><criterion id='c-iot' selected='false'/></tailoring>";
	AccordScoreOptions options;

	fixture_load(&f);
	tailoring = accord_tailoring_load_data(xml, strlen(xml), "t.xml", f.ruleset, &error);
	assert_non_null(tailoring);
	accord_score_options_init(&options);
	options.tailoring = tailoring;
	score = fixture_score(&f, "profile-a.xml", &options, &evaluation);
	gaps = accord_gaps_compute(score);
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);

		if (g_strcmp0(accord_rule_get_id(gap->rule), "r-process") != 0)
			continue;
		assert_close(gap->score, 50.0, 1e-9);
		assert_int_equal(gap->unmet->len, 1);
		assert_string_equal(accord_criterion_get_id(g_ptr_array_index(gap->unmet, 0)),
				    "c-process");
	}
	g_clear_pointer(&gaps, accord_gap_list_free);
	g_clear_pointer(&score, accord_score_unref);
	fixture_clear(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_gaps_ordered_by_gap_then_id),
	    cmocka_unit_test(test_gaps_add_up_to_shortfall),
	    cmocka_unit_test(test_gaps_list_unmet_criteria),
	    cmocka_unit_test(test_gaps_none_at_full_marks),
	    cmocka_unit_test(test_gaps_follow_unknown_policy),
	    cmocka_unit_test(test_gaps_leave_out_deselected_criteria),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
