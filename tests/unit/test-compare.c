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
 * at all (c-iot not applicable), a mandated backdoor (true, which the test vocabulary declares
 * in conflict with false), a workforce of 5000; framework.process and strategy.adopted are not
 * stated (unknown) */
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
	 * (partial or fail) on the other four. Only c-iot is a conflict: A's mandatory IoT regime
	 * against B's voluntary label, declared incompatible in the vocabulary. A draft CVD policy
	 * against an adopted one, consultation against co-development and an older strategy are
	 * shortfalls on the same scale: gaps */
	assert_item(cmp, "c-csirt", ACCORD_AGREEMENT_BOTH, 1.0 / 3.0, FALSE);
	assert_item(cmp, "c-cvd", ACCORD_AGREEMENT_ONLY_B, 1.0 / 9.0, FALSE);
	assert_item(cmp, "c-first", ACCORD_AGREEMENT_UNKNOWN, 2.0 / 9.0, FALSE);
	assert_item(cmp, "c-process", ACCORD_AGREEMENT_ONLY_B, 1.0 / 12.0, FALSE);
	assert_item(cmp, "c-iot", ACCORD_AGREEMENT_ONLY_B, 1.0 / 12.0, TRUE);
	assert_string_equal(accord_fact_def_get_key(item_for(cmp, "c-iot")->conflict_fact),
			    "iot.regime");
	assert_null(item_for(cmp, "c-cvd")->conflict_fact);
	assert_item(cmp, "c-strategy", ACCORD_AGREEMENT_ONLY_B, 1.0 / 18.0, FALSE);
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
	/* heterogeneity: the facts differ on c-cvd 1/9, c-process 1/12, c-iot 1/12, c-strategy
	 * 1/18 and c-workforce 1/18 (5000 against 1000: both meet it, with different facts);
	 * c-csirt and c-enc state the same: (4 + 3 + 3 + 2 + 2)/36 = 7/18 of 7/9 → 1/2, which is
	 * 1 − 4/7 = 3/7 plus c-workforce's (1/18)/(7/9) = 1/14 */
	assert_close(al->heterogeneity, 0.5, 1e-12);
	assert_true(item_for(cmp, "c-workforce")->differ);
	assert_false(item_for(cmp, "c-enc")->differ);
	assert_false(item_for(cmp, "c-first")->differ);
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
	 * states a backdoor mandate (true) against B's none (false): a lawful-access mandate
	 * against a no-backdoor clause, declared in conflict */
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
	/* facts differ on c-cvd 1/9, c-first 2/9, c-workforce 1/18, c-enc 1/18 = 8/18 → 4/7 */
	assert_close(al->heterogeneity, 4.0 / 7.0, 1e-12);
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
	assert_true(isnan(al->heterogeneity));
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
	assert_item(cmp, "c-cvd", ACCORD_AGREEMENT_ONLY_B, 1.0 / 6.0, FALSE);
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

/* the scores of profile files against the test ruleset, default options */
static AccordScore *
score_file(const Fixture *f, const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordEvaluation) evaluation = evaluate_file(f, f->ruleset, name);
	AccordScoreOptions options;
	AccordScore *score;

	accord_score_options_init(&options);
	score = accord_score_compute(evaluation, &options, &error);
	assert_non_null(score);
	return score;
}

static void
test_compare_set_of_three_countries(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordComparisonSet) set = NULL;
	AccordScore *scores[3];
	const AccordAlignment *al;

	fixture_load(&f);
	scores[0] = score_file(&f, "profile-a.xml");
	scores[1] = score_file(&f, "profile-b.xml");
	scores[2] = score_file(&f, "compare-gap.xml");
	set = accord_comparison_set_new((const AccordScore *const *)scores, 3, &error);
	assert_non_null(set);
	for (guint i = 0; i < 3; i++)
		accord_score_unref(scores[i]);
	assert_int_equal(accord_comparison_set_get_n_scores(set), 3);
	assert_ptr_equal(accord_comparison_set_get_ruleset(set), f.ruleset);
	/* a pair is the same comparison either way round, its first side the lower index */
	assert_ptr_equal(accord_comparison_set_get_pair(set, 0, 2),
			 accord_comparison_set_get_pair(set, 2, 0));
	assert_ptr_equal(accord_comparison_get_score_a(accord_comparison_set_get_pair(set, 2, 1)),
			 accord_comparison_set_get_score(set, 1));
	/* A–B: compare-text, 4/7 and 1/2 */
	al = accord_comparison_get_alignment(accord_comparison_set_get_pair(set, 0, 1));
	assert_close(al->agree, 4.0 / 7.0, 1e-12);
	assert_close(al->heterogeneity, 0.5, 1e-12);
	/* A–G, in 36ths: both c-csirt 12; neither c-cvd 4, c-process 3; one side only
	 * c-strategy, c-workforce, c-enc 2 each; c-first unknown, c-iot not applicable for G.
	 * compared 25; agree 19/25; both 12/25; facts differ on all but c-csirt: 13/25 */
	al = accord_comparison_get_alignment(accord_comparison_set_get_pair(set, 0, 2));
	assert_close(al->compared, 25.0 / 36.0, 1e-12);
	assert_close(al->agree, 19.0 / 25.0, 1e-12);
	assert_close(al->both_pass, 12.0 / 25.0, 1e-12);
	assert_close(al->heterogeneity, 13.0 / 25.0, 1e-12);
	/* B–G: both c-csirt 12 and c-strategy 2; B only on c-cvd 4, c-first 8, c-process 3,
	 * c-workforce 2, c-enc 2; compared 33; agree 14/33; the facts differ on all but
	 * c-csirt (c-strategy: two dates that both pass): 21/33 */
	al = accord_comparison_get_alignment(accord_comparison_set_get_pair(set, 1, 2));
	assert_close(al->compared, 33.0 / 36.0, 1e-12);
	assert_close(al->agree, 14.0 / 33.0, 1e-12);
	assert_close(al->heterogeneity, 21.0 / 33.0, 1e-12);
	/* how many meet each criterion */
	assert_int_equal(accord_comparison_set_get_n_meeting(
			     set,
			     accord_ruleset_lookup_criterion(f.ruleset, "c-csirt")),
			 3);
	assert_int_equal(accord_comparison_set_get_n_meeting(
			     set,
			     accord_ruleset_lookup_criterion(f.ruleset, "c-strategy")),
			 2);
	assert_int_equal(accord_comparison_set_get_n_meeting(
			     set,
			     accord_ruleset_lookup_criterion(f.ruleset, "c-first")),
			 1);
	fixture_clear(&f);
}

static void
test_compare_set_rejects_one_country_twice(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordScore) a = NULL;
	AccordComparisonSet *set;

	fixture_load(&f);
	a = score_file(&f, "profile-a.xml");
	set = accord_comparison_set_new((const AccordScore *const[]){a, a}, 2, &error);
	assert_null(set);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "a comparison takes different countries");
	g_clear_error(&error);
	set = accord_comparison_set_new((const AccordScore *const[]){a}, 1, &error);
	assert_null(set);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "a comparison takes at least two");
	fixture_clear(&f);
}

/* the shipped data: @ruleset with two shipped profiles, default options */
static AccordComparison *
compare_shipped(const gchar *ruleset, const gchar *a, const gchar *b, AccordVocabulary **vocab)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *vpath = g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autofree gchar *rfile = g_strconcat(ruleset, ".xml", NULL);
	g_autofree gchar *rpath = g_build_filename(SOURCE_ROOT, "rulesets", rfile, NULL);
	g_autoptr(AccordRuleset) rs = NULL;
	const gchar *ids[] = {a, b};
	AccordScore *scores[2] = {NULL, NULL};
	AccordScoreOptions options;
	AccordComparison *cmp;

	*vocab = accord_vocabulary_load_file(vpath, &error);
	assert_non_null(*vocab);
	rs = accord_ruleset_load_file(rpath, *vocab, &error);
	assert_non_null(rs);
	accord_score_options_init(&options);
	for (guint i = 0; i < 2; i++) {
		g_autofree gchar *pfile = g_strconcat(ids[i], ".xml", NULL);
		g_autofree gchar *ppath = g_build_filename(SOURCE_ROOT, "profiles", pfile, NULL);
		g_autoptr(AccordProfile) p = accord_profile_load_file(ppath, *vocab, &error);
		g_autoptr(AccordEvaluation) e = NULL;

		assert_non_null(p);
		e = accord_evaluate(rs, p, &error);
		scores[i] = accord_score_compute(e, &options, &error);
		assert_non_null(scores[i]);
	}
	cmp = accord_comparison_new(scores[0], scores[1], &error);
	accord_score_unref(scores[0]);
	accord_score_unref(scores[1]);
	assert_non_null(cmp);
	return cmp;
}

static guint
count_divergences(const AccordComparison *cmp, AccordDivergence kind)
{
	guint n = 0;

	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++)
		n += accord_comparison_get_item(cmp, i)->divergence == kind;
	return n;
}

static void
test_compare_shipped_partial_regime_is_a_gap(void **state)
{
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(AccordComparison) cmp = compare_shipped("usmca", "us", "ca", &vocab);
	const AccordComparisonItem *item;

	/* the US and Canada on USMCA diverge only on the sharing regime: the US's is adopted,
	 * Canada's partial (a lower level of the same scale): a gap, not a conflict. Its weight:
	 * pillar collaboration 1/4 of four equal pillars, its one rule, criterion weight 2 of
	 * 2 + 1: 1/4 x 2/3 = 1/6 */
	assert_int_equal(count_divergences(cmp, ACCORD_DIVERGENCE_GAP), 1);
	assert_int_equal(count_divergences(cmp, ACCORD_DIVERGENCE_CONFLICT), 0);
	item = item_for(cmp, "usmca-sharing-regime");
	assert_int_equal(item->agreement, ACCORD_AGREEMENT_ONLY_A);
	assert_int_equal(item->divergence, ACCORD_DIVERGENCE_GAP);
	assert_close(item->weight, 1.0 / 6.0, 1e-12);
}

static void
test_compare_shipped_lawful_access_is_a_conflict(void **state)
{
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(AccordComparison) cmp = compare_shipped("interop", "us", "gb", &vocab);
	const AccordComparisonItem *item = item_for(cmp, "enc-no-lawful-access-mandate");

	/* the UK's Investigatory Powers Act lets it require providers to remove encryption
	 * (encryption.lawful_access_mandate true); the US states false, which is what the
	 * no-backdoor clause asks: declared incompatible, a conflict */
	assert_int_equal(item->agreement, ACCORD_AGREEMENT_ONLY_A);
	assert_int_equal(item->divergence, ACCORD_DIVERGENCE_CONFLICT);
	assert_string_equal(accord_fact_def_get_key(item->conflict_fact),
			    "encryption.lawful_access_mandate");
	/* the UK's framework is mandatory for some organisations (mixed) where the US's is
	 * voluntary: a partial regime, a gap */
	assert_int_equal(item_for(cmp, "rm-voluntary")->divergence, ACCORD_DIVERGENCE_GAP);
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
	    cmocka_unit_test(test_compare_set_of_three_countries),
	    cmocka_unit_test(test_compare_set_rejects_one_country_twice),
	    cmocka_unit_test(test_compare_shipped_partial_regime_is_a_gap),
	    cmocka_unit_test(test_compare_shipped_lawful_access_is_a_conflict),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
