#include "fixtures.h"
#include "rank-private.h"

/* Four countries against the test ruleset (overall scores worked out in test-score.c):
 *   BB 100 (profile-b), AA 54.1667 and AB 54.1667 (the same facts), CC 0 (profile-c)
 * with index figure "idx": BB 10, AA 30, AB 20, CC 40. */

static AccordProfile *
load_profile_with_index(const Fixture *f, const gchar *file, const gchar *country, const gchar *idx)
{
	g_autofree gchar *path = test_data_path(file);
	g_autofree gchar *text = NULL;
	g_autofree gchar *patched = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) parts = NULL;
	AccordProfile *p;

	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	/* give the copy its own country code and an index figure, right after the root tag */
	parts = g_strsplit(text, "as-of=\"2025-06-30\">", 2);
	patched = g_strdup_printf(
	    "%sas-of=\"2025-06-30\">\n<index name=\"idx\" value=\"%s\" source=\"test\"/>%s",
	    parts[0],
	    idx,
	    parts[1]);
	for (gchar *c = strstr(patched, "country=\"") + 9; *c != '"'; c++)
		*c = country[c - (strstr(patched, "country=\"") + 9)];
	p = accord_profile_load_data(patched, strlen(patched), file, f->vocab, &error);
	if (p == NULL)
		print_error("%s\n", error->message);
	assert_non_null(p);
	return p;
}

static AccordRanking *
rank_four_by(const Fixture *f, const GPtrArray *rulesets, AccordRankMean mean)
{
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;
	AccordRanking *ranking;

	/* given in an order unrelated to the result, so sorting is exercised */
	g_ptr_array_add(profiles, load_profile_with_index(f, "good/profile-c.xml", "CC", "40"));
	g_ptr_array_add(profiles, load_profile_with_index(f, "good/profile-a.xml", "AA", "30"));
	g_ptr_array_add(profiles, load_profile_with_index(f, "good/profile-b.xml", "BB", "10"));
	g_ptr_array_add(profiles, load_profile_with_index(f, "good/profile-a.xml", "AB", "20"));
	accord_assessment_options_init(&options);
	ranking = accord_ranking_new(rulesets, profiles, &options, mean, &error);
	assert_non_null(ranking);
	return ranking;
}

static AccordRanking *
rank_four(const Fixture *f, const GPtrArray *rulesets)
{
	return rank_four_by(f, rulesets, ACCORD_RANK_MEAN_ALL);
}

static const gchar *
country_at(const AccordRanking *ranking, guint i)
{
	return accord_profile_get_country(accord_ranking_get_row(ranking, i)->profile);
}

static void
test_rank_competition_positions_with_ties(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	ranking = rank_four(&f, rulesets);
	/* 100 → 1; the two 54.17 share 2, ordered by code (AA < AB); 0 → 4, not 3 */
	assert_string_equal(country_at(ranking, 0), "BB");
	assert_int_equal(accord_ranking_get_row(ranking, 0)->position, 1);
	assert_false(accord_ranking_get_row(ranking, 0)->tied);
	assert_string_equal(country_at(ranking, 1), "AA");
	assert_string_equal(country_at(ranking, 2), "AB");
	assert_int_equal(accord_ranking_get_row(ranking, 1)->position, 2);
	assert_int_equal(accord_ranking_get_row(ranking, 2)->position, 2);
	assert_true(accord_ranking_get_row(ranking, 1)->tied);
	assert_true(accord_ranking_get_row(ranking, 2)->tied);
	assert_string_equal(country_at(ranking, 3), "CC");
	assert_int_equal(accord_ranking_get_row(ranking, 3)->position, 4);
	assert_close(accord_ranking_get_row(ranking, 1)->mean, 162.5 / 3.0, 1e-9);
	fixture_clear(&f);
}

static void
test_rank_tiers_band_by_cutoffs(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	g_autoptr(GArray) cutoffs = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autoptr(GArray) bad = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autoptr(GError) error = NULL;
	gdouble c[] = {90, 50}, wrong[] = {50, 90};

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	ranking = rank_four(&f, rulesets);
	g_array_append_vals(cutoffs, c, 2);
	assert_true(accord_ranking_set_tiers(ranking, cutoffs, &error));
	/* 100 ≥ 90 → tier 1; 54.17 ≥ 50 → tier 2; 0 → below the last cut-off, tier 3 */
	assert_int_equal(accord_ranking_get_row(ranking, 0)->tier, 1);
	assert_int_equal(accord_ranking_get_row(ranking, 1)->tier, 2);
	assert_int_equal(accord_ranking_get_row(ranking, 3)->tier, 3);
	/* cut-offs must descend */
	g_array_append_vals(bad, wrong, 2);
	assert_false(accord_ranking_set_tiers(ranking, bad, &error));
	assert_accord_error(error, ACCORD_ERROR_USAGE, "tier cut-offs");
	fixture_clear(&f);
}

static void
test_rank_spearman_with_average_ranks(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	const AccordCorrelation *c;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	ranking = rank_four(&f, rulesets);
	accord_ranking_add_correlation(ranking, 0, "idx");
	accord_ranking_add_correlation(ranking, 0, "absent");
	/* score ranks (ascending, ties averaged): BB 4, AA 2.5, AB 2.5, CC 1
	 * idx ranks: BB 1, AA 3, AB 2, CC 4; deviations from 2.5:
	 * dx = (1.5, 0, 0, −1.5), dy = (−1.5, 0.5, −0.5, 1.5)
	 * rho = Σdxdy / √(Σdx² Σdy²) = −4.5 / √(4.5 · 5) = −0.948683 */
	c = accord_ranking_get_correlation(ranking, 0);
	assert_int_equal(c->n, 4);
	assert_close(c->rho, -4.5 / sqrt(22.5), 1e-9);
	/* ranks 1 for the best: score BB 1, AA 2.5, AB 2.5, CC 4; idx CC 1, AA 2, AB 3, BB 4.
	 * differences: BB −3, CC +3, AA +0.5, AB −0.5; largest first, ties by country */
	assert_int_equal(c->deviations->len, 4);
	assert_string_equal(accord_profile_get_country(
				g_array_index(c->deviations, AccordRankDeviation, 0).profile),
			    "BB");
	assert_close(g_array_index(c->deviations, AccordRankDeviation, 0).difference, -3.0, 1e-12);
	assert_close(g_array_index(c->deviations, AccordRankDeviation, 1).difference, 3.0, 1e-12);
	assert_close(g_array_index(c->deviations, AccordRankDeviation, 2).rank, 2.5, 1e-12);
	assert_close(g_array_index(c->deviations, AccordRankDeviation, 2).index_rank, 2.0, 1e-12);
	/* no country has the figure: n = 0, rho n/a */
	c = accord_ranking_get_correlation(ranking, 1);
	assert_int_equal(c->n, 0);
	assert_true(isnan(c->rho));
	fixture_clear(&f);
}

static void
test_rank_mean_across_rulesets(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	g_autoptr(AccordRuleset) small = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *xml =
	    "<ruleset xmlns='urn:accord:ruleset:1' id='small' version='1'><title>S</title>"
	    "<agreement name='S'/><obligations><obligation id='shall' "
	    "multiplier='1'/></obligations>"
	    "<pillar id='p'><title>P</title></pillar>"
	    "<rule id='r' pillar='p' obligation='shall'><title>R</title>"
	    "<provision cite='S 1'>text</provision><criterion id='c'><title>C</title>"
	    "<check fact='ir.csirt' "
	    "is='true'/></criterion><recommendation>r</recommendation></rule>"
	    "</ruleset>";

	fixture_load(&f);
	small = accord_ruleset_load_data(xml, strlen(xml), "small", f.vocab, &error);
	assert_non_null(small);
	g_ptr_array_add(rulesets, f.ruleset);
	g_ptr_array_add(rulesets, small);
	ranking = rank_four(&f, rulesets);
	/* small: csirt true → 100 for AA, AB, BB; CC does not state it → 0.
	 * means: BB (100+100)/2 = 100; AA, AB (54.1667+100)/2 = 77.0833; CC 0 */
	assert_close(accord_ranking_get_row(ranking, 0)->mean, 100.0, 1e-9);
	assert_close(accord_ranking_get_row(ranking, 1)->mean, (162.5 / 3.0 + 100.0) / 2.0, 1e-9);
	assert_close(accord_ranking_get_row(ranking, 3)->mean, 0.0, 1e-9);
	assert_close(accord_ranking_get_cell(ranking, 1, 1)->score, 100.0, 1e-9);
	fixture_clear(&f);
}

static void
test_rank_mean_over_verified_rulesets(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	g_autoptr(AccordRuleset) unread = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *xml =
	    "<ruleset xmlns='urn:accord:ruleset:1' id='unread' version='1'><title>S</title>"
	    "<agreement name='S'/><obligations><obligation id='shall' "
	    "multiplier='1'/></obligations>"
	    "<pillar id='p'><title>P</title></pillar>"
	    "<rule id='r' pillar='p' obligation='shall' verified='false'><title>R</title>"
	    "<provision cite='S 1'>text</provision><criterion id='c'><title>C</title>"
	    "<check fact='ir.csirt' "
	    "is='true'/></criterion><recommendation>r</recommendation></rule>"
	    "</ruleset>";

	fixture_load(&f);
	unread = accord_ruleset_load_data(xml, strlen(xml), "unread", f.vocab, &error);
	assert_non_null(unread);
	assert_false(accord_ruleset_is_verified(unread));
	g_ptr_array_add(rulesets, f.ruleset);
	g_ptr_array_add(rulesets, unread);
	ranking = rank_four_by(&f, rulesets, ACCORD_RANK_MEAN_VERIFIED);
	/* the unread ruleset is shown but not averaged: AA's mean is its test score alone,
	 * 54.1667, where the mean over both would be (54.1667 + 100)/2 */
	assert_false(accord_ranking_averages(ranking, 1));
	assert_string_equal(country_at(ranking, 1), "AA");
	assert_close(accord_ranking_get_row(ranking, 1)->mean, 162.5 / 3.0, 1e-9);
	assert_close(accord_ranking_get_cell(ranking, 1, 1)->score, 100.0, 1e-9);
	fixture_clear(&f);
}

static void
test_rank_counts_outcomes(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	const AccordRankRow *aa;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	ranking = rank_four(&f, rulesets);
	aa = accord_ranking_get_row(ranking, 1);
	/* A (test-score.c): pass c-csirt, c-workforce, c-enc; partial c-cvd, c-process; fail
	 * c-iot, c-strategy; unknown c-first; nothing not applicable or waived */
	assert_string_equal(accord_profile_get_country(aa->profile), "AA");
	assert_int_equal(aa->outcomes[ACCORD_OUTCOME_PASS], 3);
	assert_int_equal(aa->outcomes[ACCORD_OUTCOME_PARTIAL], 2);
	assert_int_equal(aa->outcomes[ACCORD_OUTCOME_FAIL], 2);
	assert_int_equal(aa->outcomes[ACCORD_OUTCOME_UNKNOWN], 1);
	assert_int_equal(aa->outcomes[ACCORD_OUTCOME_NOT_APPLICABLE], 0);
	assert_int_equal(aa->waived, 0);
	/* its coverage: 7 of 9 units of weight known (test-score.c) */
	assert_close(accord_ranking_get_cell(ranking, 1, 0)->coverage, 7.0 / 9.0, 1e-9);
	fixture_clear(&f);
}

/* whether the fact filter left any fact out is known without reading the rows back: none
 * without a floor; under floor high on 2026-06-30, profile-aged.xml loses 4 facts (ir.first
 * low, disclosure.cvd and workforce.size medium, encryption.backdoor's only evidence expired
 * 2026-06-29: the rank-min-confidence-text case works them out) and profile-a.xml, all high
 * and dated 2024-01, none; AA (54.2) ranks above AG (50.0) */
static void
test_rank_knows_facts_not_counted(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_autoptr(AccordRanking) plain = NULL;
	g_autoptr(AccordRanking) floored = NULL;
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	plain = rank_four(&f, rulesets);
	assert_false(accord_ranking_has_not_counted(plain));
	for (guint i = 0; i < 2; i++) {
		g_autofree gchar *path =
		    test_data_path(i == 0 ? "good/profile-aged.xml" : "good/profile-a.xml");

		g_ptr_array_add(profiles, accord_profile_load_file(path, f.vocab, &error));
		assert_non_null(g_ptr_array_index(profiles, i));
	}
	accord_assessment_options_init(&options);
	options.min_confidence = ACCORD_CONFIDENCE_HIGH;
	options.date = "2026-06-30";
	floored = accord_ranking_new(rulesets, profiles, &options, ACCORD_RANK_MEAN_ALL, &error);
	assert_non_null(floored);
	assert_true(accord_ranking_has_not_counted(floored));
	assert_int_equal(accord_ranking_get_row(floored, 0)->not_counted, 0);
	assert_int_equal(accord_ranking_get_row(floored, 1)->not_counted, 4);
	fixture_clear(&f);
}

/* a profile of the rank tests: a file of tests/data, the country code and index figure its copy
 * is given */
typedef struct {
	const gchar *file;
	const gchar *country;
	const gchar *idx;
} Entry;

/* ranks @entries against the test ruleset and expects the ranking refused with @message */
static void
expect_refused(const Entry *entries, guint n, const gchar *message)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	for (guint i = 0; i < n; i++)
		g_ptr_array_add(profiles,
				load_profile_with_index(&f,
							entries[i].file,
							entries[i].country,
							entries[i].idx));
	accord_assessment_options_init(&options);
	assert_null(accord_ranking_new(rulesets, profiles, &options, ACCORD_RANK_MEAN_ALL, &error));
	assert_true(g_error_matches(error, ACCORD_ERROR, ACCORD_ERROR_USAGE));
	assert_string_equal(error->message, message);
	fixture_clear(&f);
}

static void
test_rank_refuses_a_country_twice(void **state)
{
	const Entry entries[] = {{"good/profile-a.xml", "AA", "1"},
				 {"good/profile-b.xml", "AA", "2"}};

	expect_refused(entries,
		       G_N_ELEMENTS(entries),
		       "identity AA@2025-06-30 is given twice: good/profile-a.xml and "
		       "good/profile-b.xml (give one an id attribute)");
}

/* a profile patched with another as-of date, or an explicit id, right in its root tag */
static AccordProfile *
load_snapshot(const Fixture *f, const gchar *file, const gchar *root_attributes)
{
	g_autofree gchar *path = test_data_path(file);
	g_autofree gchar *text = NULL;
	g_autofree gchar *patched = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) parts = NULL;
	AccordProfile *p;

	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	parts = g_strsplit(text, "as-of=\"2025-06-30\"", 2);
	patched = g_strconcat(parts[0], root_attributes, parts[1], NULL);
	p = accord_profile_load_data(patched, strlen(patched), file, f->vocab, &error);
	assert_non_null(p);
	return p;
}

/* snapshots of a country and a region with its own id rank side by side, by identity */
static void
test_rank_snapshots_and_ids_side_by_side(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRanking) ranking = NULL;
	AccordAssessmentOptions options;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	/* profile-a's facts three times: 54.1667 each (test-score.c), so all tie and the
	 * identities order them: "AA@2024-06-30" < "AA@2025-06-30" < "aa-north" */
	g_ptr_array_add(profiles, load_snapshot(&f, "good/profile-a.xml", "as-of=\"2025-06-30\""));
	g_ptr_array_add(
	    profiles,
	    load_snapshot(&f, "good/profile-a.xml", "as-of=\"2025-06-30\" id=\"aa-north\""));
	g_ptr_array_add(profiles, load_snapshot(&f, "good/profile-a.xml", "as-of=\"2024-06-30\""));
	accord_assessment_options_init(&options);
	ranking = accord_ranking_new(rulesets, profiles, &options, ACCORD_RANK_MEAN_ALL, &error);
	assert_non_null(ranking);
	assert_true(accord_ranking_has_repeated_countries(ranking));
	assert_int_equal(accord_ranking_get_n_rows(ranking), 3);
	assert_string_equal(accord_profile_get_id(accord_ranking_get_row(ranking, 0)->profile),
			    "AA@2024-06-30");
	assert_string_equal(accord_profile_get_id(accord_ranking_get_row(ranking, 1)->profile),
			    "AA@2025-06-30");
	assert_string_equal(accord_profile_get_id(accord_ranking_get_row(ranking, 2)->profile),
			    "aa-north");
	for (guint r = 0; r < 3; r++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, r);

		assert_int_equal(row->position, 1);
		assert_true(row->tied);
		/* test-score.c: profile-a scores 39/72 */
		assert_close(row->mean, 100.0 * 39.0 / 72.0, 1e-9);
		/* the row keeps a summary of the profile, none of its facts */
		assert_int_equal(accord_profile_get_n_facts(row->profile), 0);
		assert_string_equal(accord_profile_get_country(row->profile), "AA");
	}
	fixture_clear(&f);
}

/* a ranking filled one entry at a time, in any order, equals the one made at once */
static void
test_rank_streaming_equals_at_once(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) at_once = NULL;
	g_autoptr(AccordRanking) streamed = NULL;
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;
	const gchar *const files[][3] = {{"good/profile-b.xml", "BB", "10"},
					 {"good/profile-a.xml", "AB", "20"},
					 {"good/profile-c.xml", "CC", "40"},
					 {"good/profile-a.xml", "AA", "30"}};

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	at_once = rank_four(&f, rulesets);
	accord_assessment_options_init(&options);
	streamed = accord_ranking_new_empty(rulesets, &options, ACCORD_RANK_MEAN_ALL, &error);
	assert_non_null(streamed);
	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autoptr(AccordProfile) p =
		    load_profile_with_index(&f, files[i][0], files[i][1], files[i][2]);
		AccordRankEntry *entry = accord_ranking_assess(streamed, p, &error);

		assert_non_null(entry);
		assert_true(accord_ranking_add(streamed, entry, &error));
	}
	assert_true(accord_ranking_finish(streamed, &error));
	assert_false(accord_ranking_has_repeated_countries(streamed));
	assert_int_equal(accord_ranking_get_n_rows(streamed), 4);
	for (guint r = 0; r < 4; r++) {
		const AccordRankRow *x = accord_ranking_get_row(at_once, r);
		const AccordRankRow *y = accord_ranking_get_row(streamed, r);

		assert_string_equal(accord_profile_get_id(x->profile),
				    accord_profile_get_id(y->profile));
		assert_int_equal(x->position, y->position);
		assert_true(x->mean == y->mean || (isnan(x->mean) && isnan(y->mean)));
		assert_memory_equal(x->outcomes, y->outcomes, sizeof x->outcomes);
	}
	fixture_clear(&f);
}

/* a ranking with nothing added is refused when finished */
static void
test_rank_refuses_no_profile(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	accord_assessment_options_init(&options);
	ranking = accord_ranking_new_empty(rulesets, &options, ACCORD_RANK_MEAN_ALL, &error);
	assert_non_null(ranking);
	assert_false(accord_ranking_finish(ranking, &error));
	assert_accord_error(error, ACCORD_ERROR_USAGE, "a ranking needs at least one profile");
	fixture_clear(&f);
}

/* the same identity twice is found once every row is out of memory, by a sort of the
 * identities: the error names the first identity given again (the fourth profile, BB; AA is
 * given again later, by the fifth) with its two files, first the earlier */
static void
test_rank_names_first_identity_given_again(void **state)
{
	const Entry entries[] = {{"good/profile-a.xml", "AA", "1"},
				 {"good/profile-b.xml", "BB", "2"},
				 {"good/profile-c.xml", "CC", "3"},
				 {"good/profile-a.xml", "BB", "4"},
				 {"good/profile-c.xml", "AA", "5"}};

	expect_refused(entries,
		       G_N_ELEMENTS(entries),
		       "identity BB@2025-06-30 is given twice: good/profile-b.xml and "
		       "good/profile-a.xml (give one an id attribute)");
}

/* rows are read back one at a time: reading them backwards gives what reading them forwards
 * did (BB 1; AA and AB tied at 2; CC 4, as in test_rank_competition_positions_with_ties) */
static void
test_rank_rows_read_back_in_any_order(void **state)
{
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(AccordRanking) ranking = NULL;
	const gchar *countries[] = {"BB", "AA", "AB", "CC"};
	const guint positions[] = {1, 2, 2, 4};

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	ranking = rank_four(&f, rulesets);
	for (guint r = 4; r > 0; r--) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, r - 1);

		assert_string_equal(accord_profile_get_country(row->profile), countries[r - 1]);
		assert_int_equal(row->position, positions[r - 1]);
		assert_true(row->tied == (positions[r - 1] == 2));
		assert_close(accord_ranking_get_cell(ranking, r - 1, 0)->score, row->mean, 1e-12);
	}
	fixture_clear(&f);
}

/* 600 rows through the records: 200 copies each of profile-b (100), profile-a (39/72 =
 * 54.1667) and profile-c (0), given interleaved, each with an id of its own; each score is
 * one tie, so positions are 1, 201 and 401, and within a tie the ids order the rows
 * ("a-000" < "a-001" < …). Then the same with one id given again: the sort of the hashed ids
 * finds it. */
static void
test_rank_many_rows_out_of_memory(void **state)
{
	const gchar *files[] = {"good/profile-c.xml", "good/profile-a.xml", "good/profile-b.xml"};
	const gchar *names[] = {"c", "a", "b"};
	const guint first[] = {401, 201, 1}; /* by files[] */
	Fixture f;
	g_autoptr(GPtrArray) rulesets = g_ptr_array_new();
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRanking) ranking = NULL;
	AccordAssessmentOptions options;

	fixture_load(&f);
	g_ptr_array_add(rulesets, f.ruleset);
	for (guint i = 0; i < 600; i++) {
		g_autofree gchar *attributes =
		    g_strdup_printf("as-of=\"2025-06-30\" id=\"%s-%03u\"", names[i % 3], i / 3);

		g_ptr_array_add(profiles, load_snapshot(&f, files[i % 3], attributes));
	}
	accord_assessment_options_init(&options);
	ranking = accord_ranking_new(rulesets, profiles, &options, ACCORD_RANK_MEAN_ALL, &error);
	assert_non_null(ranking);
	assert_int_equal(accord_ranking_get_n_rows(ranking), 600);
	for (guint r = 0; r < 600; r++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, r);
		guint group = 2 - r / 200; /* b rows first, then a, then c */
		g_autofree gchar *id = g_strdup_printf("%s-%03u", names[group], r % 200);

		assert_string_equal(accord_profile_get_id(row->profile), id);
		assert_int_equal(row->position, first[group]);
		assert_true(row->tied);
	}
	g_clear_pointer(&ranking, accord_ranking_free);
	g_ptr_array_add(
	    profiles,
	    load_snapshot(&f, "good/profile-a.xml", "as-of=\"2025-06-30\" id=\"c-123\""));
	ranking = accord_ranking_new(rulesets, profiles, &options, ACCORD_RANK_MEAN_ALL, &error);
	assert_null(ranking);
	assert_string_equal(error->message,
			    "identity c-123 is given twice: good/profile-c.xml and "
			    "good/profile-a.xml (give one an id attribute)");
	fixture_clear(&f);
}

/* a record that cannot be read back whole (here: past the end of the file, as a failing
 * disk would give a short read) reads as zeros, and the failure is kept for
 * accord_rank_records_check(), which the CLI calls before it commits its output */
static void
test_rank_records_keep_a_failed_read(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRankRecords) records = accord_rank_records_new(2, &error);
	AccordRankRow row = {0};
	AccordRankCell cells[2];

	fixture_load(&f);
	assert_non_null(records);
	assert_true(accord_rank_records_check(records, &error));
	assert_false(accord_rank_records_read(records, 3, f.vocab, &row, cells));
	assert_int_equal(row.position, 0);
	accord_profile_unref((AccordProfile *)row.profile);
	assert_false(accord_rank_records_check(records, &error));
	assert_accord_error(error, ACCORD_ERROR_IO, "cannot read the ranking's temporary file");
	fixture_clear(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rank_competition_positions_with_ties),
	    cmocka_unit_test(test_rank_tiers_band_by_cutoffs),
	    cmocka_unit_test(test_rank_spearman_with_average_ranks),
	    cmocka_unit_test(test_rank_mean_across_rulesets),
	    cmocka_unit_test(test_rank_refuses_a_country_twice),
	    cmocka_unit_test(test_rank_snapshots_and_ids_side_by_side),
	    cmocka_unit_test(test_rank_streaming_equals_at_once),
	    cmocka_unit_test(test_rank_refuses_no_profile),
	    cmocka_unit_test(test_rank_mean_over_verified_rulesets),
	    cmocka_unit_test(test_rank_counts_outcomes),
	    cmocka_unit_test(test_rank_knows_facts_not_counted),
	    cmocka_unit_test(test_rank_names_first_identity_given_again),
	    cmocka_unit_test(test_rank_rows_read_back_in_any_order),
	    cmocka_unit_test(test_rank_many_rows_out_of_memory),
	    cmocka_unit_test(test_rank_records_keep_a_failed_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
