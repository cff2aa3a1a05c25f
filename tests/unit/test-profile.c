#include "helpers.h"

/* good/profile-a.xml against good/vocabulary.xml, loaded once: both are immutable */
typedef struct {
	AccordVocabulary *vocab;
	AccordProfile *profile;
	gchar *path;
} State;

static int
setup(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	State *s = g_new0(State, 1);

	*state = s;
	s->path = test_data_path("good/profile-a.xml");
	s->vocab = accord_vocabulary_load_file(vpath, &error);
	if (s->vocab == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	s->profile = accord_profile_load_file(s->path, s->vocab, &error);
	if (s->profile == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	State *s = *state;

	accord_profile_unref(s->profile);
	accord_vocabulary_unref(s->vocab);
	g_free(s->path);
	g_free(s);
	return 0;
}

static const AccordProfile *
profile(void **state)
{
	return ((State *)*state)->profile;
}

static const AccordProfileFact *
stated(const AccordProfile *p, const gchar *key)
{
	const AccordProfileFact *fact = accord_profile_lookup_fact(p, key);

	assert_non_null(fact);
	return fact;
}

static void
assert_message_names(const GError *error, const gchar *needle)
{
	if (g_strstr_len(error->message, -1, needle) == NULL) {
		print_error("message '%s' does not name '%s'\n", error->message, needle);
		fail();
	}
}

/* loads bad/<name> against the good vocabulary and checks the domain, the code, the
 * "path:line:" prefix (the path exactly as passed) and that the message names @needle */
static void
assert_profile_rejects(void **state, const gchar *name, gint code, gint line, const gchar *needle)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *path = test_data_path(rel);
	/* an input that cannot be read has no line: "path: cannot read: …" */
	g_autofree gchar *prefix =
	    line > 0 ? g_strdup_printf("%s:%d:", path, line) : g_strdup_printf("%s: ", path);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) loaded =
	    accord_profile_load_file(path, ((State *)*state)->vocab, &error);

	assert_null(loaded);
	assert_accord_error(error, code, prefix);
	assert_message_names(error, needle);
}

static void
test_profile_loads_header(void **state)
{
	const AccordProfile *p = profile(state);

	assert_string_equal(accord_profile_get_country(p), "AA");
	assert_string_equal(accord_profile_get_name(p), "Testland A");
	assert_string_equal(accord_profile_get_as_of(p), "2025-06-30");
	/* the name reports use is the path exactly as passed to the loader */
	assert_string_equal(accord_profile_get_filename(p), ((State *)*state)->path);
	assert_ptr_equal(accord_profile_get_vocabulary(p), ((State *)*state)->vocab);
	assert_int_equal(accord_profile_get_n_index_figures(p), 0);
}

static void
test_profile_sorts_facts_by_key(void **state)
{
	const AccordProfile *p = profile(state);
	/* 7 facts in the file, written in another order; ir.first is not stated */
	const gchar *expected[] = {"disclosure.cvd",
				   "encryption.backdoor",
				   "framework.process",
				   "iot.regime",
				   "ir.csirt",
				   "strategy.adopted",
				   "workforce.size"};

	assert_int_equal(accord_profile_get_n_facts(p), G_N_ELEMENTS(expected));
	for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
		const AccordProfileFact *fact = accord_profile_get_fact(p, i);

		assert_string_equal(accord_fact_def_get_key(accord_profile_fact_get_def(fact)),
				    expected[i]);
		assert_ptr_equal(accord_profile_lookup_fact(p, expected[i]), fact);
	}
}

static void
test_profile_leaves_unstated_facts_unknown(void **state)
{
	/* ir.first is in the vocabulary but not in profile-a: unknown, not false */
	assert_null(accord_profile_lookup_fact(profile(state), "ir.first"));
	assert_null(accord_profile_lookup_fact(profile(state), "ir.teams"));
}

static void
test_profile_parses_values_by_fact_type(void **state)
{
	const AccordProfile *p = profile(state);
	const AccordValue *value;
	guint32 julian_2018_05_01;

	value = accord_profile_fact_get_value(stated(p, "ir.csirt"));
	assert_int_equal(value->type, ACCORD_FACT_TYPE_BOOLEAN);
	assert_true(value->v.boolean);
	assert_false(accord_profile_fact_get_value(stated(p, "encryption.backdoor"))->v.boolean);

	/* draft is level 1 of none < draft < adopted; consultation level 1 of closed <
	 * consultation < open-comment < co-developed */
	value = accord_profile_fact_get_value(stated(p, "disclosure.cvd"));
	assert_int_equal(value->type, ACCORD_FACT_TYPE_LEVEL);
	assert_int_equal(value->v.level, 1);
	assert_int_equal(accord_profile_fact_get_value(stated(p, "framework.process"))->v.level, 1);

	/* mandatory is symbol 2 of none, voluntary-label, mandatory */
	value = accord_profile_fact_get_value(stated(p, "iot.regime"));
	assert_int_equal(value->type, ACCORD_FACT_TYPE_ENUM);
	assert_int_equal(value->v.symbol, 2);

	value = accord_profile_fact_get_value(stated(p, "workforce.size"));
	assert_int_equal(value->type, ACCORD_FACT_TYPE_NUMBER);
	assert_close(value->v.number, 5000.0, 0);

	/* 2018-05-01: 2017·365 + leap days in 1..2017 (504 − 20 + 5 = 489) = 736205 + 489
	 * = 736694 days before 2018-01-01; then 31 + 28 + 31 + 30 + 1 = 121 → 736815 */
	julian_2018_05_01 = 736815;
	value = accord_profile_fact_get_value(stated(p, "strategy.adopted"));
	assert_int_equal(value->type, ACCORD_FACT_TYPE_DATE);
	assert_int_equal(value->v.julian, julian_2018_05_01);
	assert_string_equal(accord_profile_fact_get_text(stated(p, "strategy.adopted")),
			    "2018-05-01");
}

static void
test_profile_keeps_evidence_and_confidence(void **state)
{
	const AccordProfileFact *fact = stated(profile(state), "ir.csirt");
	const AccordEvidence *evidence;

	assert_int_equal(accord_profile_fact_get_confidence(fact), ACCORD_CONFIDENCE_HIGH);
	assert_null(accord_profile_fact_get_note(fact));
	assert_int_equal(accord_profile_fact_get_n_evidence(fact), 1);
	evidence = accord_profile_fact_get_evidence(fact, 0);
	assert_string_equal(accord_evidence_get_title(evidence), "Test source");
	assert_string_equal(accord_evidence_get_href(evidence), "https://example.org/source");
	assert_string_equal(accord_evidence_get_date(evidence), "2024-01");
}

static const gchar inline_profile[] =
    "<profile xmlns=\"urn:accord:profile:1\" country=\"ZZZ\" name=\"Inline\" "
    "as-of=\"2024-02-29\">\n"
    "  <note>A note.</note>\n"
    "  <index name=\"NCSI\" value=\"71.5\" rank=\"12\" source=\"NCSI 2024\"/>\n"
    "  <index name=\"GCI\" value=\"-0.5\" source=\"GCI\"/>\n"
    "  <fact key=\"workforce.size\" value=\"1e3\" confidence=\"low\">\n"
    "    <evidence title=\"Ministry report\" href=\"https://example.org/r\" date=\"2023\"/>\n"
    "    <evidence title=\"Press\" date=\"2023-11-05\"/>\n"
    "    <note>  Estimated\n      from two sources. </note>\n"
    "  </fact>\n"
    "  <fact key=\"disclosure.cvd\" value=\"adopted\" confidence=\"medium\">\n"
    "    <evidence title=\"Gazette\" date=\"2022-07\"/>\n"
    "  </fact>\n"
    "</profile>\n";

static AccordProfile *
load_inline(void **state)
{
	g_autoptr(GError) error = NULL;
	AccordProfile *p = accord_profile_load_data(inline_profile,
						    strlen(inline_profile),
						    NULL,
						    ((State *)*state)->vocab,
						    &error);

	assert_null(error);
	assert_non_null(p);
	return p;
}

static void
test_profile_keeps_index_figures_in_file_order(void **state)
{
	g_autoptr(AccordProfile) p = load_inline(state);
	const AccordIndexFigure *ncsi;
	const AccordIndexFigure *gci;

	assert_int_equal(accord_profile_get_n_index_figures(p), 2);
	ncsi = accord_profile_get_index_figure(p, 0);
	assert_string_equal(accord_index_figure_get_name(ncsi), "NCSI");
	assert_close(accord_index_figure_get_value(ncsi), 71.5, 0);
	assert_int_equal(accord_index_figure_get_rank(ncsi), 12);
	assert_string_equal(accord_index_figure_get_source(ncsi), "NCSI 2024");
	gci = accord_profile_get_index_figure(p, 1);
	assert_string_equal(accord_index_figure_get_name(gci), "GCI");
	assert_close(accord_index_figure_get_value(gci), -0.5, 0);
	/* no rank attribute: 0 means unranked */
	assert_int_equal(accord_index_figure_get_rank(gci), 0);
}

static void
test_profile_keeps_every_evidence_and_the_note(void **state)
{
	g_autoptr(AccordProfile) p = load_inline(state);
	const AccordProfileFact *size = stated(p, "workforce.size");
	const AccordProfileFact *cvd = stated(p, "disclosure.cvd");
	const AccordEvidence *press;

	/* loaded from memory: the name is <memory> */
	assert_string_equal(accord_profile_get_filename(p), "<memory>");
	assert_string_equal(accord_profile_get_country(p), "ZZZ");
	/* sorted: disclosure.cvd before workforce.size, although written after */
	assert_ptr_equal(accord_profile_get_fact(p, 0), cvd);
	assert_ptr_equal(accord_profile_get_fact(p, 1), size);

	/* the text as written is kept next to the parsed value */
	assert_string_equal(accord_profile_fact_get_text(size), "1e3");
	assert_close(accord_profile_fact_get_value(size)->v.number, 1000.0, 0);
	assert_int_equal(accord_profile_fact_get_confidence(size), ACCORD_CONFIDENCE_LOW);
	assert_int_equal(accord_profile_fact_get_confidence(cvd), ACCORD_CONFIDENCE_MEDIUM);
	assert_string_equal(accord_profile_fact_get_note(size), "Estimated from two sources.");
	assert_null(accord_profile_fact_get_note(cvd));

	assert_int_equal(accord_profile_fact_get_n_evidence(size), 2);
	assert_string_equal(accord_evidence_get_date(accord_profile_fact_get_evidence(size, 0)),
			    "2023");
	press = accord_profile_fact_get_evidence(size, 1);
	assert_string_equal(accord_evidence_get_title(press), "Press");
	assert_string_equal(accord_evidence_get_date(press), "2023-11-05");
	assert_null(accord_evidence_get_href(press));
	assert_string_equal(accord_evidence_get_date(accord_profile_fact_get_evidence(cvd, 0)),
			    "2022-07");
}

static void
test_profile_ref_keeps_it_alive(void **state)
{
	AccordProfile *p = load_inline(state);
	AccordProfile *extra = accord_profile_ref(p);

	assert_ptr_equal(extra, p);
	accord_profile_unref(p);
	assert_string_equal(accord_profile_get_name(extra), "Inline");
	accord_profile_unref(extra);
}

static void
test_confidence_to_string_names_each_level(void **state)
{
	assert_string_equal(accord_confidence_to_string(ACCORD_CONFIDENCE_LOW), "low");
	assert_string_equal(accord_confidence_to_string(ACCORD_CONFIDENCE_MEDIUM), "medium");
	assert_string_equal(accord_confidence_to_string(ACCORD_CONFIDENCE_HIGH), "high");
}

/* one test per bad fixture; the line is that of the offending element in the file */

static void
test_profile_rejects_duplicate_fact(void **state)
{
	assert_profile_rejects(state,
			       "profile-duplicate-fact.xml",
			       ACCORD_ERROR_DUPLICATE,
			       5,
			       "'ir.csirt'");
}

static void
test_profile_rejects_undefined_fact(void **state)
{
	assert_profile_rejects(state,
			       "profile-reference-undefined-fact.xml",
			       ACCORD_ERROR_REFERENCE,
			       5,
			       "'ir.teams'");
}

static void
test_profile_rejects_non_boolean(void **state)
{
	assert_profile_rejects(state,
			       "profile-type-not-boolean.xml",
			       ACCORD_ERROR_TYPE,
			       4,
			       "'yes'");
}

static void
test_profile_rejects_off_scale_level(void **state)
{
	assert_profile_rejects(state,
			       "profile-type-off-scale.xml",
			       ACCORD_ERROR_TYPE,
			       5,
			       "'ratified'");
}

static void
test_profile_rejects_value_not_in_enum(void **state)
{
	assert_profile_rejects(state,
			       "profile-type-not-enum-value.xml",
			       ACCORD_ERROR_TYPE,
			       5,
			       "'banned'");
}

static void
test_profile_rejects_malformed_number(void **state)
{
	assert_profile_rejects(state,
			       "profile-value-malformed-number.xml",
			       ACCORD_ERROR_VALUE,
			       5,
			       "'5,000'");
}

static void
test_profile_rejects_malformed_date(void **state)
{
	assert_profile_rejects(state,
			       "profile-value-malformed-date.xml",
			       ACCORD_ERROR_VALUE,
			       5,
			       "'2018-02-29'");
}

static void
test_profile_rejects_malformed_evidence_date(void **state)
{
	/* the second evidence of the fact, on its own line */
	assert_profile_rejects(state,
			       "profile-value-malformed-evidence-date.xml",
			       ACCORD_ERROR_VALUE,
			       6,
			       "'2024-13'");
}

static void
test_profile_rejects_malformed_as_of(void **state)
{
	assert_profile_rejects(state,
			       "profile-value-malformed-as-of.xml",
			       ACCORD_ERROR_VALUE,
			       3,
			       "'2025-06-31'");
}

static void
test_profile_rejects_malformed_index_value(void **state)
{
	assert_profile_rejects(state,
			       "profile-value-malformed-index.xml",
			       ACCORD_ERROR_VALUE,
			       4,
			       "'n/a'");
}

static void
test_profile_rejects_fact_without_evidence(void **state)
{
	assert_profile_rejects(state,
			       "profile-schema-no-evidence.xml",
			       ACCORD_ERROR_SCHEMA,
			       5,
			       "fact");
}

static void
test_profile_rejects_unknown_confidence(void **state)
{
	assert_profile_rejects(state,
			       "profile-schema-bad-confidence.xml",
			       ACCORD_ERROR_SCHEMA,
			       5,
			       "fact");
}

static void
test_profile_rejects_missing_file(void **state)
{
	/* no such file in the tree: an I/O error that says so, without a line */
	assert_profile_rejects(state,
			       "profile-io-missing-file.xml",
			       ACCORD_ERROR_IO,
			       0,
			       "cannot read: No such file or directory");
}

static void
test_profile_rejects_malformed_expires(void **state)
{
	assert_profile_rejects(state,
			       "profile-value-malformed-expires.xml",
			       ACCORD_ERROR_VALUE,
			       5,
			       "'2026-02-30'");
}

static void
test_profile_rejects_expiry_before_date(void **state)
{
	/* the first evidence expires on the first day of its month: allowed */
	assert_profile_rejects(state,
			       "profile-value-expires-before-date.xml",
			       ACCORD_ERROR_VALUE,
			       6,
			       "2024-03-02");
}

/* good/profile-aged.xml filtered as of @date */
static AccordProfile *
filtered(void **state, AccordConfidence floor, guint max_age, const gchar *date)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-aged.xml");
	g_autoptr(AccordProfile) aged =
	    accord_profile_load_file(path, ((State *)*state)->vocab, &error);
	AccordProfileFilter filter;
	AccordProfile *out;

	assert_non_null(aged);
	accord_profile_filter_init(&filter);
	filter.min_confidence = floor;
	filter.max_age_years = max_age;
	filter.date = date;
	out = accord_profile_new_filtered(aged, &filter, &error);
	assert_null(error);
	assert_non_null(out);
	return out;
}

static void
assert_dropped(const AccordProfile *p, guint index, const gchar *key, AccordDropReason reason)
{
	const AccordProfileFact *fact = accord_profile_get_dropped(p, index);

	assert_string_equal(accord_fact_def_get_key(accord_profile_fact_get_def(fact)), key);
	assert_string_equal(accord_drop_reason_to_string(accord_profile_fact_get_drop_reason(fact)),
			    accord_drop_reason_to_string(reason));
	assert_null(accord_profile_lookup_fact(p, key));
	assert_ptr_equal(accord_profile_lookup_dropped(p, key), fact);
}

static void
test_profile_filter_drops_below_the_confidence_floor(void **state)
{
	g_autoptr(AccordProfile) p = filtered(state, ACCORD_CONFIDENCE_HIGH, 0, "2026-06-30");

	/* floor high: ir.first (low), disclosure.cvd and workforce.size (medium) drop;
	 * encryption.backdoor's only evidence expired on 2026-06-29, the day before: it drops
	 * whatever the floor. Kept: ir.csirt, framework.process, iot.regime: 7 − 4 = 3 */
	assert_int_equal(accord_profile_get_n_facts(p), 3);
	assert_int_equal(accord_profile_get_n_dropped(p), 4);
	assert_dropped(p, 0, "disclosure.cvd", ACCORD_DROP_BELOW_FLOOR);
	assert_dropped(p, 1, "encryption.backdoor", ACCORD_DROP_EXPIRED);
	assert_dropped(p, 2, "ir.first", ACCORD_DROP_BELOW_FLOOR);
	assert_dropped(p, 3, "workforce.size", ACCORD_DROP_BELOW_FLOOR);
	/* the kept iot.regime keeps only its evidence that has not expired (2018) */
	assert_int_equal(accord_profile_fact_get_n_evidence(stated(p, "iot.regime")), 1);
	assert_string_equal(accord_evidence_get_date(
				accord_profile_fact_get_newest_evidence(stated(p, "iot.regime"))),
			    "2018");
	/* a dropped fact keeps all of its evidence, to show what was left out */
	assert_string_equal(accord_evidence_get_expires(accord_profile_fact_get_evidence(
				accord_profile_lookup_dropped(p, "encryption.backdoor"),
				0)),
			    "2026-06-29");
	assert_int_equal(accord_profile_get_filter(p)->min_confidence, ACCORD_CONFIDENCE_HIGH);
	assert_string_equal(accord_profile_get_filter(p)->date, "2026-06-30");
}

static void
test_profile_filter_medium_floor_drops_only_low(void **state)
{
	g_autoptr(AccordProfile) p = filtered(state, ACCORD_CONFIDENCE_MEDIUM, 0, "2026-06-29");

	/* on 2026-06-29 encryption.backdoor's evidence still counts (it expires after that
	 * day); only ir.first is below medium */
	assert_int_equal(accord_profile_get_n_dropped(p), 1);
	assert_dropped(p, 0, "ir.first", ACCORD_DROP_BELOW_FLOOR);
	assert_int_equal(accord_profile_get_n_facts(p), 6);
	assert_non_null(accord_profile_lookup_fact(p, "encryption.backdoor"));
}

static void
test_profile_filter_drops_stale_facts_by_last_possible_day(void **state)
{
	g_autoptr(AccordProfile) p = filtered(state, ACCORD_CONFIDENCE_LOW, 5, "2026-06-30");

	/* 5 years before 2026-06-30 is 2021-06-30; a fact is stale when its newest current
	 * evidence, as its last possible day, is before it:
	 *   ir.csirt 2024-01-31, ir.first 2025-12-31: kept
	 *   disclosure.cvd 2019-06-15: stale
	 *   framework.process "2021" = 2021-12-31: kept (its first day, 2021-01-01, would not be)
	 *   iot.regime: the 2022-03-01 evidence expired, the 2018 one is 2018-12-31: stale
	 *   encryption.backdoor: expired
	 *   workforce.size 2021-06-30: exactly five years old, not older: kept */
	assert_int_equal(accord_profile_get_n_dropped(p), 3);
	assert_dropped(p, 0, "disclosure.cvd", ACCORD_DROP_STALE);
	assert_dropped(p, 1, "encryption.backdoor", ACCORD_DROP_EXPIRED);
	assert_dropped(p, 2, "iot.regime", ACCORD_DROP_STALE);
	assert_int_equal(accord_profile_get_n_facts(p), 4);
	/* a stale fact shows the evidence that made it stale, not the one that expired */
	assert_string_equal(accord_evidence_get_date(accord_profile_fact_get_newest_evidence(
				accord_profile_lookup_dropped(p, "iot.regime"))),
			    "2018");
	assert_non_null(accord_profile_lookup_fact(p, "framework.process"));
	assert_non_null(accord_profile_lookup_fact(p, "workforce.size"));
}

static void
test_profile_filter_ages_from_a_leap_day(void **state)
{
	static const gchar xml[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<profile xmlns=\"urn:accord:profile:1\" country=\"LP\" name=\"Leapland\" "
	    "as-of=\"2028-02-29\">\n"
	    "<fact key=\"ir.csirt\" value=\"true\" confidence=\"high\">"
	    "<evidence title=\"t\" date=\"2021-02-28\"/></fact>\n"
	    "<fact key=\"ir.first\" value=\"true\" confidence=\"high\">"
	    "<evidence title=\"t\" date=\"2021-02-27\"/></fact>\n"
	    "</profile>\n";
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) leap = accord_profile_load_data(xml,
								 strlen(xml),
								 "leap.xml",
								 ((State *)*state)->vocab,
								 &error);
	g_autoptr(AccordProfile) p = NULL;
	AccordProfileFilter filter;

	assert_non_null(leap);
	accord_profile_filter_init(&filter);
	filter.max_age_years = 7;
	filter.date = "2028-02-29";
	/* 2028-02-29 less 7 years is 2021-02-28, there being no 29th that year: evidence of that
	 * day is exactly 7 years old and counts, the day before is stale */
	p = accord_profile_new_filtered(leap, &filter, &error);
	assert_non_null(p);
	assert_int_equal(accord_profile_get_n_dropped(p), 1);
	assert_dropped(p, 0, "ir.first", ACCORD_DROP_STALE);
	assert_non_null(accord_profile_lookup_fact(p, "ir.csirt"));
	/* an age reaching before year 1 is no limit at all */
	g_clear_pointer(&p, accord_profile_unref);
	filter.max_age_years = 3000;
	p = accord_profile_new_filtered(leap, &filter, &error);
	assert_int_equal(accord_profile_get_n_dropped(p), 0);
}

static void
test_profile_filter_rejects_a_bad_day(void **state)
{
	g_autoptr(GError) error = NULL;
	AccordProfileFilter filter;

	accord_profile_filter_init(&filter);
	filter.date = "2026-02-30";
	assert_null(accord_profile_new_filtered(profile(state), &filter, &error));
	assert_accord_error(error, ACCORD_ERROR_USAGE, "the day facts are aged on, '2026-02-30'");
}

static void
test_profile_filter_keeps_assumptions_and_survives_them(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) p = filtered(state, ACCORD_CONFIDENCE_HIGH, 0, "2026-06-30");
	const gchar *assume[] = {"ir.first=false", NULL};
	g_autoptr(AccordProfile) assumed = accord_profile_new_with_assumptions(p, assume, &error);
	g_autoptr(AccordProfile) again = NULL;
	AccordProfileFilter filter;

	assert_non_null(assumed);
	/* the assumption states ir.first again; the copy keeps the filter and what it dropped */
	assert_true(accord_profile_fact_is_assumed(stated(assumed, "ir.first")));
	assert_int_equal(accord_profile_get_n_dropped(assumed), 4);
	assert_non_null(accord_profile_get_filter(assumed));
	/* an assumed fact is low confidence but always kept: it is the question asked */
	accord_profile_filter_init(&filter);
	filter.min_confidence = ACCORD_CONFIDENCE_HIGH;
	filter.date = "2026-06-30";
	again = accord_profile_new_filtered(assumed, &filter, &error);
	assert_non_null(again);
	assert_true(accord_profile_fact_is_assumed(stated(again, "ir.first")));
}

static void
test_profile_filter_names(void **state)
{
	AccordConfidence c = ACCORD_CONFIDENCE_HIGH;

	assert_string_equal(accord_drop_reason_to_string(ACCORD_DROP_NONE), "none");
	assert_string_equal(accord_drop_reason_to_string(ACCORD_DROP_BELOW_FLOOR), "below-floor");
	assert_string_equal(accord_drop_reason_to_string(ACCORD_DROP_STALE), "stale");
	assert_string_equal(accord_drop_reason_to_string(ACCORD_DROP_EXPIRED), "expired");
	assert_true(accord_confidence_from_string("low", &c));
	assert_int_equal(c, ACCORD_CONFIDENCE_LOW);
	assert_false(accord_confidence_from_string("Low", &c));
	assert_false(accord_confidence_from_string(NULL, &c));
	assert_null(accord_profile_get_filter(profile(state)));
	assert_int_equal(accord_profile_get_n_dropped(profile(state)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_profile_loads_header),
	    cmocka_unit_test(test_profile_sorts_facts_by_key),
	    cmocka_unit_test(test_profile_leaves_unstated_facts_unknown),
	    cmocka_unit_test(test_profile_parses_values_by_fact_type),
	    cmocka_unit_test(test_profile_keeps_evidence_and_confidence),
	    cmocka_unit_test(test_profile_keeps_index_figures_in_file_order),
	    cmocka_unit_test(test_profile_keeps_every_evidence_and_the_note),
	    cmocka_unit_test(test_profile_ref_keeps_it_alive),
	    cmocka_unit_test(test_confidence_to_string_names_each_level),
	    cmocka_unit_test(test_profile_rejects_duplicate_fact),
	    cmocka_unit_test(test_profile_rejects_undefined_fact),
	    cmocka_unit_test(test_profile_rejects_non_boolean),
	    cmocka_unit_test(test_profile_rejects_off_scale_level),
	    cmocka_unit_test(test_profile_rejects_value_not_in_enum),
	    cmocka_unit_test(test_profile_rejects_malformed_number),
	    cmocka_unit_test(test_profile_rejects_malformed_date),
	    cmocka_unit_test(test_profile_rejects_malformed_evidence_date),
	    cmocka_unit_test(test_profile_rejects_malformed_as_of),
	    cmocka_unit_test(test_profile_rejects_malformed_index_value),
	    cmocka_unit_test(test_profile_rejects_fact_without_evidence),
	    cmocka_unit_test(test_profile_rejects_unknown_confidence),
	    cmocka_unit_test(test_profile_rejects_missing_file),
	    cmocka_unit_test(test_profile_rejects_malformed_expires),
	    cmocka_unit_test(test_profile_rejects_expiry_before_date),
	    cmocka_unit_test(test_profile_filter_drops_below_the_confidence_floor),
	    cmocka_unit_test(test_profile_filter_medium_floor_drops_only_low),
	    cmocka_unit_test(test_profile_filter_drops_stale_facts_by_last_possible_day),
	    cmocka_unit_test(test_profile_filter_ages_from_a_leap_day),
	    cmocka_unit_test(test_profile_filter_rejects_a_bad_day),
	    cmocka_unit_test(test_profile_filter_keeps_assumptions_and_survives_them),
	    cmocka_unit_test(test_profile_filter_names),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
