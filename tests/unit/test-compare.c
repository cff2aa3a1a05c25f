#include "fixtures.h"

/* Structural weights over the test ruleset: pillar share × rule share in the pillar ×
 * criterion share in the rule. Pillars ir 2, policy 1 → 2/3, 1/3. Effective rule weights:
 * ir: r-ir 2, r-first 1 → 2/3, 1/3; policy: r-process 1, r-strategy 1 → 1/2, 1/2.
 *   c-csirt     2/3 · 2/3 · 3/4 = 1/3      c-cvd       2/3 · 2/3 · 1/4 = 1/9
 *   c-first     2/3 · 1/3 · 1   = 2/9
 *   c-process   1/3 · 1/2 · 1/2 = 1/12     c-iot       1/3 · 1/2 · 1/2 = 1/12
 *   c-strategy, c-workforce, c-enc: 1/3 · 1/2 · 1/3 = 1/18 each
 * sum: 1/3 + 1/9 + 2/9 + 1/12 + 1/12 + 3/18 = 1
 *
 * Outcomes (see test-score.c): profile A: c-csirt pass, c-cvd partial, c-first unknown,
 * c-process partial, c-iot fail, c-strategy fail, c-workforce pass, c-enc pass.
 * Profile B meets every criterion. */

/* profile G: a CSIRT but no FIRST membership (false) and no CVD policy (none), no IoT regime
 * at all (c-iot not applicable), a mandated backdoor (true: a regime of its own), a workforce
 * of 5000; framework.process and strategy.adopted are not stated (unknown) */
#define FACT(key, value)                                                                           \
	"<fact key=\"" key "\" value=\"" value "\" confidence=\"high\">"                           \
	"<evidence title=\"t\" date=\"2025\"/></fact>\n"
/* clang-format off */
static const gchar profile_g[] =
    "<?xml version=\"1.0\"?>\n"
    "<profile xmlns=\"urn:accord:profile:1\" country=\"GG\" name=\"Testland G\" "
    "as-of=\"2025-06-30\">\n"
    FACT("ir.csirt", "true")
    FACT("ir.first", "false")
    FACT("disclosure.cvd", "none")
    FACT("iot.regime", "none")
    FACT("encryption.backdoor", "true")
    FACT("workforce.size", "5000")
    "</profile>\n";
/* clang-format on */

static AccordEvaluation *
evaluate_file(const Fixture *f, const AccordRuleset *ruleset, const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rel = g_strdup_printf("good/%s", name);
	g_autofree gchar *path = test_data_path(rel);
	g_autoptr(AccordProfile) profile = accord_profile_load_file(path, f->vocab, &error);
	AccordEvaluation *evaluation;

	assert_non_null(profile);
	evaluation = accord_evaluate(ruleset, profile, &error);
	assert_non_null(evaluation);
	return evaluation;
}

static AccordEvaluation *
evaluate_g(const Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) profile =
	    accord_profile_load_data(profile_g, strlen(profile_g), "g.xml", f->vocab, &error);
	AccordEvaluation *evaluation;

	assert_null(error);
	evaluation = accord_evaluate(f->ruleset, profile, &error);
	assert_non_null(evaluation);
	return evaluation;
}

/* compares two evaluations (taken over) under the default options or @tailoring */
static AccordComparison *
compare(AccordEvaluation *a, AccordEvaluation *b, const AccordTailoring *tailoring)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordEvaluation) ea = a;
	g_autoptr(AccordEvaluation) eb = b;
	g_autoptr(AccordScore) sa = NULL;
	g_autoptr(AccordScore) sb = NULL;
	AccordScoreOptions options;
	AccordComparison *comparison;

	accord_score_options_init(&options);
	options.tailoring = tailoring;
	sa = accord_score_compute(ea, &options, &error);
	sb = accord_score_compute(eb, &options, &error);
	assert_non_null(sa);
	assert_non_null(sb);
	comparison = accord_comparison_new(sa, sb, &error);
	assert_null(error);
	assert_non_null(comparison);
	return comparison;
}

static const AccordComparisonItem *
item_for(const AccordComparison *comparison, const gchar *id)
{
	for (guint i = 0; i < accord_comparison_get_n_items(comparison); i++) {
		const AccordComparisonItem *item = accord_comparison_get_item(comparison, i);

		if (g_strcmp0(accord_criterion_get_id(item->criterion), id) == 0)
			return item;
	}
	print_error("no comparison item for %s\n", id);
	fail();
	return NULL;
}

static void
assert_item(const AccordComparison *comparison,
	    const gchar *id,
	    AccordAgreement agreement,
	    gdouble weight,
	    gboolean conflict)
{
	const AccordComparisonItem *item = item_for(comparison, id);

	if (item->agreement != agreement) {
		print_error("%s: agreement %s, expected %s\n",
			    id,
			    accord_agreement_to_string(item->agreement),
			    accord_agreement_to_string(agreement));
		fail();
	}
	/* a divergence (only one side meets it) is a conflict or else a gap; nothing else is */
	AccordDivergence want =
	    conflict ? ACCORD_DIVERGENCE_CONFLICT
	    : agreement == ACCORD_AGREEMENT_ONLY_A || agreement == ACCORD_AGREEMENT_ONLY_B
		? ACCORD_DIVERGENCE_GAP
		: ACCORD_DIVERGENCE_NONE;

	assert_close(item->weight, weight, 1e-12);
	if (item->divergence != want) {
		print_error("%s: divergence %s, expected %s\n",
			    id,
			    accord_divergence_to_string(item->divergence),
			    accord_divergence_to_string(want));
		fail();
	}
}

static const AccordAlignment *
pillar_alignment(const Fixture *f, const AccordComparison *comparison, guint index)
{
	return accord_comparison_get_pillar_alignment(comparison,
						      accord_ruleset_get_pillar(f->ruleset, index));
}

static void
test_compare_agreement_per_criterion(void **state)
{
	Fixture f;
	g_autoptr(AccordComparison) cmp = NULL;

	fixture_load(&f);
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		      evaluate_file(&f, f.ruleset, "profile-b.xml"),
		      NULL);
	/* one item per criterion, in ruleset order */
	assert_int_equal(accord_comparison_get_n_items(cmp), 8);
	assert_string_equal(accord_criterion_get_id(accord_comparison_get_item(cmp, 0)->criterion),
			    "c-csirt");
	assert_string_equal(accord_criterion_get_id(accord_comparison_get_item(cmp, 7)->criterion),
			    "c-enc");
	/* both pass: c-csirt, c-workforce, c-enc; c-first is unknown in A; A falls short of B
	 * (partial or fail) on the other four, and states a value on each of them that is not
	 * false/none/no (draft, consultation, mandatory, 2018-05-01): each is a conflict */
	assert_item(cmp, "c-csirt", ACCORD_AGREEMENT_BOTH, 1.0 / 3.0, FALSE);
	assert_item(cmp, "c-cvd", ACCORD_AGREEMENT_ONLY_B, 1.0 / 9.0, TRUE);
	assert_item(cmp, "c-first", ACCORD_AGREEMENT_UNKNOWN, 2.0 / 9.0, FALSE);
	assert_item(cmp, "c-process", ACCORD_AGREEMENT_ONLY_B, 1.0 / 12.0, TRUE);
	assert_item(cmp, "c-iot", ACCORD_AGREEMENT_ONLY_B, 1.0 / 12.0, TRUE);
	assert_item(cmp, "c-strategy", ACCORD_AGREEMENT_ONLY_B, 1.0 / 18.0, TRUE);
	assert_item(cmp, "c-workforce", ACCORD_AGREEMENT_BOTH, 1.0 / 18.0, FALSE);
	assert_item(cmp, "c-enc", ACCORD_AGREEMENT_BOTH, 1.0 / 18.0, FALSE);
	/* both scores come along: A 162.5/3 (test-score.c), B 100 */
	assert_close(accord_score_get_overall(accord_comparison_get_score_a(cmp))->value,
		     162.5 / 3.0,
		     1e-9);
	assert_close(accord_score_get_overall(accord_comparison_get_score_b(cmp))->value,
		     100.0,
		     1e-9);
	assert_ptr_equal(accord_comparison_get_ruleset(cmp), f.ruleset);
	fixture_clear(&f);
}

static void
test_compare_structural_weights_sum_to_one(void **state)
{
	Fixture f;
	g_autoptr(AccordComparison) cmp = NULL;
	gdouble sum = 0;

	fixture_load(&f);
	/* the weights are structural: the same whatever the outcomes, so they sum to 1 even
	 * with c-iot not applicable for G */
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-b.xml"), evaluate_g(&f), NULL);
	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++)
		sum += accord_comparison_get_item(cmp, i)->weight;
	assert_close(sum, 1.0, 1e-12);
	fixture_clear(&f);
}

static void
test_compare_alignment_overall_and_per_pillar(void **state)
{
	Fixture f;
	g_autoptr(AccordComparison) cmp = NULL;
	const AccordAlignment *al;

	fixture_load(&f);
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		      evaluate_file(&f, f.ruleset, "profile-b.xml"),
		      NULL);
	/* compared: every criterion but c-first (unknown) = 1 − 2/9 = 7/9;
	 * agree = both pass (no "neither" here) = c-csirt 1/3 + c-workforce 1/18 + c-enc 1/18
	 * = 4/9 → share (4/9)/(7/9) = 4/7, both_pass the same 4/7 */
	al = accord_comparison_get_alignment(cmp);
	assert_close(al->compared, 7.0 / 9.0, 1e-12);
	assert_close(al->agree, 4.0 / 7.0, 1e-12);
	assert_close(al->both_pass, 4.0 / 7.0, 1e-12);
	/* ir: compared c-csirt 1/3 + c-cvd 1/9 = 4/9; agree 1/3 → 3/4 */
	al = pillar_alignment(&f, cmp, 0);
	assert_close(al->compared, 4.0 / 9.0, 1e-12);
	assert_close(al->agree, 0.75, 1e-12);
	assert_close(al->both_pass, 0.75, 1e-12);
	/* policy: compared 1/12 + 1/12 + 3 · 1/18 = 1/3; agree c-workforce + c-enc = 1/9 → 1/3 */
	al = pillar_alignment(&f, cmp, 1);
	assert_close(al->compared, 1.0 / 3.0, 1e-12);
	assert_close(al->agree, 1.0 / 3.0, 1e-12);
	assert_close(al->both_pass, 1.0 / 3.0, 1e-12);
	fixture_clear(&f);
}

static void
test_compare_gap_divergence_is_not_a_conflict(void **state)
{
	Fixture f;
	g_autoptr(AccordComparison) cmp = NULL;
	const AccordAlignment *al;

	fixture_load(&f);
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-b.xml"), evaluate_g(&f), NULL);
	/* G falls short on c-cvd (none) and c-first (false): mere absences, gaps; on c-enc it
	 * states a backdoor mandate (true): a regime of its own, a conflict */
	assert_item(cmp, "c-csirt", ACCORD_AGREEMENT_BOTH, 1.0 / 3.0, FALSE);
	assert_item(cmp, "c-cvd", ACCORD_AGREEMENT_ONLY_A, 1.0 / 9.0, FALSE);
	assert_item(cmp, "c-first", ACCORD_AGREEMENT_ONLY_A, 2.0 / 9.0, FALSE);
	assert_item(cmp, "c-process", ACCORD_AGREEMENT_UNKNOWN, 1.0 / 12.0, FALSE);
	assert_item(cmp, "c-iot", ACCORD_AGREEMENT_NOT_APPLICABLE, 1.0 / 12.0, FALSE);
	assert_item(cmp, "c-strategy", ACCORD_AGREEMENT_UNKNOWN, 1.0 / 18.0, FALSE);
	assert_item(cmp, "c-workforce", ACCORD_AGREEMENT_BOTH, 1.0 / 18.0, FALSE);
	assert_item(cmp, "c-enc", ACCORD_AGREEMENT_ONLY_A, 1.0 / 18.0, TRUE);
	/* compared: 1/3 + 1/9 + 2/9 + 1/18 + 1/18 = 7/9; agree 1/3 + 1/18 = 7/18 → 1/2 */
	al = accord_comparison_get_alignment(cmp);
	assert_close(al->compared, 7.0 / 9.0, 1e-12);
	assert_close(al->agree, 0.5, 1e-12);
	assert_close(al->both_pass, 0.5, 1e-12);
	fixture_clear(&f);
}

static void
test_compare_neither_agrees_without_both_passing(void **state)
{
	Fixture f;
	g_autoptr(AccordComparison) cmp = NULL;
	const AccordAlignment *al;

	fixture_load(&f);
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-a.xml"), evaluate_g(&f), NULL);
	/* c-cvd: A partial, G fail → neither meets it in full */
	assert_item(cmp, "c-cvd", ACCORD_AGREEMENT_NEITHER, 1.0 / 9.0, FALSE);
	assert_item(cmp, "c-enc", ACCORD_AGREEMENT_ONLY_A, 1.0 / 18.0, TRUE);
	/* compared: c-csirt 1/3 + c-cvd 1/9 + c-workforce 1/18 + c-enc 1/18 = 10/18 = 5/9
	 * agree: 1/3 + 1/9 + 1/18 = 9/18 → 9/10; both pass: 1/3 + 1/18 = 7/18 → 7/10 */
	al = accord_comparison_get_alignment(cmp);
	assert_close(al->compared, 5.0 / 9.0, 1e-12);
	assert_close(al->agree, 0.9, 1e-12);
	assert_close(al->both_pass, 0.7, 1e-12);
	/* ir: compared 4/9, agree 4/9 → 1, both pass 1/3 → 3/4 */
	al = pillar_alignment(&f, cmp, 0);
	assert_close(al->agree, 1.0, 1e-12);
	assert_close(al->both_pass, 0.75, 1e-12);
	/* policy: compared 1/9, agree (c-workforce) 1/18 → 1/2 */
	al = pillar_alignment(&f, cmp, 1);
	assert_close(al->compared, 1.0 / 9.0, 1e-12);
	assert_close(al->agree, 0.5, 1e-12);
	fixture_clear(&f);
}

static void
test_compare_nothing_compared_is_nan(void **state)
{
	Fixture f;
	g_autoptr(AccordComparison) cmp = NULL;
	const AccordAlignment *al;

	fixture_load(&f);
	/* C states only iot.regime = none: c-iot not applicable, every other criterion unknown */
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-c.xml"),
		      evaluate_file(&f, f.ruleset, "profile-b.xml"),
		      NULL);
	assert_item(cmp, "c-iot", ACCORD_AGREEMENT_NOT_APPLICABLE, 1.0 / 12.0, FALSE);
	assert_item(cmp, "c-csirt", ACCORD_AGREEMENT_UNKNOWN, 1.0 / 3.0, FALSE);
	al = accord_comparison_get_alignment(cmp);
	assert_close(al->compared, 0.0, 1e-12);
	assert_true(isnan(al->agree));
	assert_true(isnan(al->both_pass));
	assert_true(isnan(pillar_alignment(&f, cmp, 1)->agree));
	fixture_clear(&f);
}

static void
test_compare_tailoring_deselects_and_reweighs(void **state)
{
	static const gchar xml[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<tailoring xmlns=\"urn:accord:tailoring:1\" id=\"no-first\" ruleset=\"test\">\n"
	    "  <title>Without FIRST</title>\n"
	    "  <rule id=\"r-first\" selected=\"false\"/>\n"
	    "</tailoring>\n";
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordComparison) cmp = NULL;
	const AccordAlignment *al;
	gdouble sum = 0;

	fixture_load(&f);
	tailoring = accord_tailoring_load_data(xml, strlen(xml), "t.xml", f.ruleset, &error);
	assert_non_null(tailoring);
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		      evaluate_file(&f, f.ruleset, "profile-b.xml"),
		      tailoring);
	/* the tailored ruleset is the ruleset without r-first: ir is r-ir alone, so
	 * c-csirt 2/3 · 1 · 3/4 = 1/2, c-cvd 2/3 · 1 · 1/4 = 1/6, policy unchanged; c-first is
	 * out of the assessment (weight 0) and the selected weights sum to 1 again */
	assert_item(cmp, "c-first", ACCORD_AGREEMENT_NOT_APPLICABLE, 0.0, FALSE);
	assert_item(cmp, "c-csirt", ACCORD_AGREEMENT_BOTH, 0.5, FALSE);
	assert_item(cmp, "c-cvd", ACCORD_AGREEMENT_ONLY_B, 1.0 / 6.0, TRUE);
	assert_item(cmp, "c-iot", ACCORD_AGREEMENT_ONLY_B, 1.0 / 12.0, TRUE);
	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++)
		sum += accord_comparison_get_item(cmp, i)->weight;
	assert_close(sum, 1.0, 1e-12);
	/* compared 1/2 + 1/6 + 1/3 = 1; agree 1/2 + 1/18 + 1/18 = 11/18 (untailored: 4/7) */
	al = accord_comparison_get_alignment(cmp);
	assert_close(al->compared, 1.0, 1e-12);
	assert_close(al->agree, 11.0 / 18.0, 1e-12);
	fixture_clear(&f);
}

static void
test_compare_tailored_weights(void **state)
{
	static const gchar xml[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<tailoring xmlns=\"urn:accord:tailoring:1\" id=\"even\" ruleset=\"test\">\n"
	    "  <title>Even pillars</title>\n"
	    "  <pillar id=\"ir\" weight=\"1\"/>\n"
	    "</tailoring>\n";
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordComparison) cmp = NULL;

	fixture_load(&f);
	tailoring = accord_tailoring_load_data(xml, strlen(xml), "t.xml", f.ruleset, &error);
	assert_non_null(tailoring);
	cmp = compare(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		      evaluate_file(&f, f.ruleset, "profile-b.xml"),
		      tailoring);
	/* pillars 1 and 1 → 1/2 each: c-csirt 1/2 · 2/3 · 3/4 = 1/4, c-first 1/2 · 1/3 = 1/6,
	 * c-iot 1/2 · 1/2 · 1/2 = 1/8, c-enc 1/2 · 1/2 · 1/3 = 1/12 */
	assert_item(cmp, "c-csirt", ACCORD_AGREEMENT_BOTH, 0.25, FALSE);
	assert_item(cmp, "c-first", ACCORD_AGREEMENT_UNKNOWN, 1.0 / 6.0, FALSE);
	assert_item(cmp, "c-iot", ACCORD_AGREEMENT_ONLY_B, 0.125, TRUE);
	assert_item(cmp, "c-enc", ACCORD_AGREEMENT_BOTH, 1.0 / 12.0, FALSE);
	/* compared 1 − 1/6 = 5/6; agree 1/4 + 2/12 = 5/12 → 1/2 */
	assert_close(accord_comparison_get_alignment(cmp)->compared, 5.0 / 6.0, 1e-12);
	assert_close(accord_comparison_get_alignment(cmp)->agree, 0.5, 1e-12);
	fixture_clear(&f);
}

static void
test_compare_rejects_two_rulesets(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rpath = test_data_path("good/ruleset.xml");
	g_autoptr(AccordRuleset) other = NULL;
	g_autoptr(AccordEvaluation) ea = NULL;
	g_autoptr(AccordEvaluation) eb = NULL;
	g_autoptr(AccordScore) sa = NULL;
	g_autoptr(AccordScore) sb = NULL;
	AccordScoreOptions options;
	AccordComparison *cmp;

	fixture_load(&f);
	/* the same file loaded twice is two rulesets */
	other = accord_ruleset_load_file(rpath, f.vocab, &error);
	assert_non_null(other);
	accord_score_options_init(&options);
	ea = evaluate_file(&f, f.ruleset, "profile-a.xml");
	eb = evaluate_file(&f, other, "profile-b.xml");
	sa = accord_score_compute(ea, &options, &error);
	sb = accord_score_compute(eb, &options, &error);
	cmp = accord_comparison_new(sa, sb, &error);
	assert_null(cmp);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
	fixture_clear(&f);
}

static void
test_compare_agreement_names(void **state)
{
	assert_string_equal(accord_agreement_to_string(ACCORD_AGREEMENT_BOTH), "both");
	assert_string_equal(accord_agreement_to_string(ACCORD_AGREEMENT_ONLY_A), "only-a");
	assert_string_equal(accord_agreement_to_string(ACCORD_AGREEMENT_ONLY_B), "only-b");
	assert_string_equal(accord_agreement_to_string(ACCORD_AGREEMENT_NEITHER), "neither");
	assert_string_equal(accord_agreement_to_string(ACCORD_AGREEMENT_UNKNOWN), "unknown");
	assert_string_equal(accord_agreement_to_string(ACCORD_AGREEMENT_NOT_APPLICABLE),
			    "not-applicable");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_compare_agreement_per_criterion),
	    cmocka_unit_test(test_compare_structural_weights_sum_to_one),
	    cmocka_unit_test(test_compare_alignment_overall_and_per_pillar),
	    cmocka_unit_test(test_compare_gap_divergence_is_not_a_conflict),
	    cmocka_unit_test(test_compare_neither_agrees_without_both_passing),
	    cmocka_unit_test(test_compare_nothing_compared_is_nan),
	    cmocka_unit_test(test_compare_tailoring_deselects_and_reweighs),
	    cmocka_unit_test(test_compare_tailored_weights),
	    cmocka_unit_test(test_compare_rejects_two_rulesets),
	    cmocka_unit_test(test_compare_agreement_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
