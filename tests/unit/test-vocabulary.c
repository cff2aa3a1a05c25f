#include "helpers.h"

/* the good vocabulary is loaded once for the whole group: it is immutable */
static int
setup(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/vocabulary.xml");
	AccordVocabulary *vocab = accord_vocabulary_load_file(path, &error);

	if (vocab == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	*state = vocab;
	return 0;
}

static int
teardown(void **state)
{
	accord_vocabulary_unref(*state);
	return 0;
}

static const AccordFactDef *
fact(void **state, const gchar *key)
{
	const AccordFactDef *def = accord_vocabulary_lookup_fact(*state, key);

	assert_non_null(def);
	return def;
}

static void
assert_message_names(const GError *error, const gchar *needle)
{
	if (g_strstr_len(error->message, -1, needle) == NULL) {
		print_error("message '%s' does not name '%s'\n", error->message, needle);
		fail();
	}
}

/* loads bad/<name> and checks the domain, the code, the "path:line:" prefix and that the
 * message names the offending id or value */
static void
assert_vocabulary_rejects(const gchar *name, gint code, gint line, const gchar *needle)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *path = test_data_path(rel);
	g_autofree gchar *prefix = g_strdup_printf("%s:%d:", path, line);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(path, &error);

	assert_null(vocab);
	assert_accord_error(error, code, prefix);
	assert_message_names(error, needle);
}

static void
test_vocabulary_loads_header_and_counts(void **state)
{
	const AccordVocabulary *vocab = *state;

	assert_string_equal(accord_vocabulary_get_version(vocab), "test-1");
	/* 9 <fact> and 2 <scale> elements in good/vocabulary.xml */
	assert_int_equal(accord_vocabulary_get_n_facts(vocab), 9);
	assert_int_equal(accord_vocabulary_get_n_scales(vocab), 2);
}

static void
test_vocabulary_sorts_facts_by_key(void **state)
{
	const AccordVocabulary *vocab = *state;
	/* file order is ir.csirt, ir.first, framework.process, …; sorted bytewise ("index" <
	 * "iot" since 'n' < 'o', "iot" < "ir." since 'o' < 'r') */
	const gchar *expected[] = {"disclosure.cvd",
				   "encryption.backdoor",
				   "framework.process",
				   "index.ncsi",
				   "iot.regime",
				   "ir.csirt",
				   "ir.first",
				   "strategy.adopted",
				   "workforce.size"};

	assert_int_equal(accord_vocabulary_get_n_facts(vocab), G_N_ELEMENTS(expected));
	for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
		const AccordFactDef *def = accord_vocabulary_get_fact(vocab, i);

		assert_string_equal(accord_fact_def_get_key(def), expected[i]);
		/* the index and the lookup table hold the same definition */
		assert_ptr_equal(accord_vocabulary_lookup_fact(vocab, expected[i]), def);
	}
}

static void
test_vocabulary_lookup_misses_unknown_key(void **state)
{
	assert_null(accord_vocabulary_lookup_fact(*state, "ir.teams"));
	assert_null(accord_vocabulary_lookup_fact(*state, "ir"));
	assert_null(accord_vocabulary_lookup_fact(*state, ""));
}

static void
test_vocabulary_keeps_fact_types_and_attributes(void **state)
{
	const AccordFactDef *csirt = fact(state, "ir.csirt");
	const AccordFactDef *process = fact(state, "framework.process");
	const AccordFactDef *regime = fact(state, "iot.regime");
	const AccordFactDef *size = fact(state, "workforce.size");
	const AccordFactDef *adopted = fact(state, "strategy.adopted");
	const AccordFactDef *ncsi = fact(state, "index.ncsi");

	assert_int_equal(accord_fact_def_get_fact_type(csirt), ACCORD_FACT_TYPE_BOOLEAN);
	assert_int_equal(accord_fact_def_get_fact_type(process), ACCORD_FACT_TYPE_LEVEL);
	assert_int_equal(accord_fact_def_get_fact_type(regime), ACCORD_FACT_TYPE_ENUM);
	assert_int_equal(accord_fact_def_get_fact_type(size), ACCORD_FACT_TYPE_NUMBER);
	assert_int_equal(accord_fact_def_get_fact_type(adopted), ACCORD_FACT_TYPE_DATE);

	assert_string_equal(accord_fact_def_get_description(csirt), "A national CSIRT exists.");
	assert_string_equal(accord_fact_def_get_unit(size), "people");
	assert_null(accord_fact_def_get_unit(csirt));
	assert_true(accord_fact_def_is_informational(ncsi));
	assert_false(accord_fact_def_is_informational(size));

	/* only level facts have a scale, only enums have symbols */
	assert_null(accord_fact_def_get_scale(csirt));
	assert_string_equal(accord_scale_get_id(accord_fact_def_get_scale(process)), "process");
	assert_int_equal(accord_fact_def_get_n_symbols(csirt), 0);
	assert_int_equal(accord_fact_def_get_n_symbols(regime), 3);
	assert_string_equal(accord_fact_def_get_symbol(regime, 0), "none");
	assert_string_equal(accord_fact_def_get_symbol(regime, 1), "voluntary-label");
	assert_string_equal(accord_fact_def_get_symbol(regime, 2), "mandatory");
}

static void
test_vocabulary_keeps_scales_in_file_order(void **state)
{
	const AccordVocabulary *vocab = *state;
	const AccordScale *process = accord_vocabulary_get_scale(vocab, 0);
	const AccordScale *status = accord_vocabulary_get_scale(vocab, 1);

	assert_string_equal(accord_scale_get_id(process), "process");
	assert_int_equal(accord_scale_get_n_levels(process), 4);
	assert_string_equal(accord_scale_get_level(process, 0), "closed");
	assert_string_equal(accord_scale_get_level(process, 3), "co-developed");
	assert_string_equal(accord_scale_get_level_description(process, 0),
			    "Drafted behind closed doors.");

	assert_string_equal(accord_scale_get_id(status), "status");
	assert_int_equal(accord_scale_get_n_levels(status), 3);
	/* levels are listed lowest first, so the index is the rank */
	assert_int_equal(accord_scale_find_level(status, "none"), 0);
	assert_int_equal(accord_scale_find_level(status, "draft"), 1);
	assert_int_equal(accord_scale_find_level(status, "adopted"), 2);
	assert_int_equal(accord_scale_find_level(status, "ratified"), -1);
	assert_ptr_equal(accord_fact_def_get_scale(fact(state, "disclosure.cvd")), status);
}

static void
test_vocabulary_ref_keeps_it_alive(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/vocabulary.xml");
	AccordVocabulary *vocab = accord_vocabulary_load_file(path, &error);
	AccordVocabulary *extra;

	assert_non_null(vocab);
	extra = accord_vocabulary_ref(vocab);
	assert_ptr_equal(extra, vocab);
	accord_vocabulary_unref(vocab);
	/* still valid through the second reference (valgrind and ASan would see a use after
	 * free otherwise) */
	assert_string_equal(accord_vocabulary_get_version(extra), "test-1");
	accord_vocabulary_unref(extra);
}

static void
test_fact_type_to_string_names_each_type(void **state)
{
	assert_string_equal(accord_fact_type_to_string(ACCORD_FACT_TYPE_BOOLEAN), "boolean");
	assert_string_equal(accord_fact_type_to_string(ACCORD_FACT_TYPE_LEVEL), "level");
	assert_string_equal(accord_fact_type_to_string(ACCORD_FACT_TYPE_ENUM), "enum");
	assert_string_equal(accord_fact_type_to_string(ACCORD_FACT_TYPE_NUMBER), "number");
	assert_string_equal(accord_fact_type_to_string(ACCORD_FACT_TYPE_DATE), "date");
}

/* parses @text for @key, checks it prints back as @text and returns the value */
static AccordValue
parse_round_trip(void **state, const gchar *key, const gchar *text)
{
	const AccordFactDef *def = fact(state, key);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *back = NULL;
	AccordValue value;

	if (!accord_value_parse(def, text, &value, &error)) {
		print_error("'%s' for %s: %s\n", text, key, error->message);
		fail();
	}
	assert_int_equal(value.type, accord_fact_def_get_fact_type(def));
	back = accord_value_to_string(def, &value);
	assert_string_equal(back, text);
	return value;
}

/* the value parser's message has no file or line (the loaders add them), so it starts with
 * the offending text in quotes */
static void
assert_value_rejected(void **state, const gchar *key, const gchar *text, gint code)
{
	const AccordFactDef *def = fact(state, key);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *quoted = g_strdup_printf("'%s'", text);
	AccordValue value;

	assert_false(accord_value_parse(def, text, &value, &error));
	assert_accord_error(error, code, quoted);
	assert_message_names(error, key);
}

static void
test_value_boolean_parses_prints_and_orders(void **state)
{
	AccordValue no = parse_round_trip(state, "ir.csirt", "false");
	AccordValue yes = parse_round_trip(state, "ir.csirt", "true");

	assert_false(no.v.boolean);
	assert_true(yes.v.boolean);
	/* false < true */
	assert_true(accord_value_compare(&no, &yes) < 0);
	assert_true(accord_value_compare(&yes, &no) > 0);
	assert_int_equal(accord_value_compare(&yes, &yes), 0);
	assert_value_rejected(state, "ir.csirt", "yes", ACCORD_ERROR_TYPE);
	assert_value_rejected(state, "ir.csirt", "TRUE", ACCORD_ERROR_TYPE);
	assert_value_rejected(state, "ir.csirt", "1", ACCORD_ERROR_TYPE);
}

static void
test_value_level_parses_prints_and_orders_by_rank(void **state)
{
	AccordValue none = parse_round_trip(state, "disclosure.cvd", "none");
	AccordValue draft = parse_round_trip(state, "disclosure.cvd", "draft");
	AccordValue adopted = parse_round_trip(state, "disclosure.cvd", "adopted");

	assert_int_equal(none.v.level, 0);
	assert_int_equal(draft.v.level, 1);
	assert_int_equal(adopted.v.level, 2);
	/* by scale position, not alphabetically ("adopted" < "draft" as strings) */
	assert_true(accord_value_compare(&draft, &adopted) < 0);
	assert_true(accord_value_compare(&adopted, &none) > 0);
	assert_int_equal(accord_value_compare(&draft, &draft), 0);
	assert_value_rejected(state, "disclosure.cvd", "ratified", ACCORD_ERROR_TYPE);
	/* a level of another scale is still off this one */
	assert_value_rejected(state, "disclosure.cvd", "closed", ACCORD_ERROR_TYPE);
}

static void
test_value_enum_parses_prints_and_tells_equal_from_different(void **state)
{
	AccordValue label = parse_round_trip(state, "iot.regime", "voluntary-label");
	AccordValue mandatory = parse_round_trip(state, "iot.regime", "mandatory");
	AccordValue again = parse_round_trip(state, "iot.regime", "mandatory");

	assert_int_equal(label.v.symbol, 1);
	assert_int_equal(mandatory.v.symbol, 2);
	assert_int_equal(accord_value_compare(&mandatory, &again), 0);
	assert_true(accord_value_compare(&label, &mandatory) != 0);
	assert_value_rejected(state, "iot.regime", "banned", ACCORD_ERROR_TYPE);
	assert_value_rejected(state, "iot.regime", "Mandatory", ACCORD_ERROR_TYPE);
}

static void
test_value_number_parses_prints_and_orders(void **state)
{
	AccordValue half = parse_round_trip(state, "workforce.size", "2.5");
	AccordValue big = parse_round_trip(state, "workforce.size", "5000");
	AccordValue negative = parse_round_trip(state, "workforce.size", "-3");
	const AccordFactDef *def = fact(state, "workforce.size");
	g_autofree gchar *printed = NULL;
	AccordValue thousand;

	assert_close(half.v.number, 2.5, 0);
	assert_close(big.v.number, 5000.0, 0);
	assert_true(accord_value_compare(&negative, &half) < 0);
	assert_true(accord_value_compare(&big, &half) > 0);
	/* "1e3" is accepted and prints in its plain form */
	assert_true(accord_value_parse(def, "1e3", &thousand, NULL));
	printed = accord_value_to_string(def, &thousand);
	assert_string_equal(printed, "1000");
	assert_value_rejected(state, "workforce.size", "1.2.3", ACCORD_ERROR_VALUE);
	assert_value_rejected(state, "workforce.size", "5,000", ACCORD_ERROR_VALUE);
	assert_value_rejected(state, "workforce.size", "inf", ACCORD_ERROR_VALUE);
	assert_value_rejected(state, "workforce.size", "1e999", ACCORD_ERROR_VALUE);
}

static void
test_value_date_parses_prints_and_orders(void **state)
{
	AccordValue early = parse_round_trip(state, "strategy.adopted", "2018-05-01");
	AccordValue leap = parse_round_trip(state, "strategy.adopted", "2024-02-29");
	AccordValue next = parse_round_trip(state, "strategy.adopted", "2024-03-01");

	/* worked out in test-util.c: 2024-02-29 is GDate day 738945 */
	assert_int_equal(leap.v.julian, 738945);
	assert_int_equal(next.v.julian - leap.v.julian, 1);
	assert_true(accord_value_compare(&early, &leap) < 0);
	assert_true(accord_value_compare(&next, &leap) > 0);
	assert_value_rejected(state, "strategy.adopted", "2023-02-29", ACCORD_ERROR_VALUE);
	assert_value_rejected(state, "strategy.adopted", "2023-1-01", ACCORD_ERROR_VALUE);
	assert_value_rejected(state, "strategy.adopted", "2024", ACCORD_ERROR_VALUE);
}

static void
test_vocabulary_rejects_duplicate_fact(void **state)
{
	assert_vocabulary_rejects("vocabulary-duplicate-fact.xml",
				  ACCORD_ERROR_DUPLICATE,
				  9,
				  "'ir.csirt'");
}

static void
test_vocabulary_rejects_duplicate_scale(void **state)
{
	assert_vocabulary_rejects("vocabulary-duplicate-scale.xml",
				  ACCORD_ERROR_DUPLICATE,
				  8,
				  "'status'");
}

static void
test_vocabulary_rejects_duplicate_level(void **state)
{
	assert_vocabulary_rejects("vocabulary-duplicate-level.xml",
				  ACCORD_ERROR_DUPLICATE,
				  8,
				  "'draft'");
}

static void
test_vocabulary_rejects_duplicate_enum_value(void **state)
{
	assert_vocabulary_rejects("vocabulary-duplicate-enum-value.xml",
				  ACCORD_ERROR_DUPLICATE,
				  4,
				  "'mandatory'");
}

static void
test_vocabulary_rejects_undefined_scale(void **state)
{
	assert_vocabulary_rejects("vocabulary-reference-undefined-scale.xml",
				  ACCORD_ERROR_REFERENCE,
				  8,
				  "'maturity'");
}

static void
test_vocabulary_rejects_enum_without_values(void **state)
{
	assert_vocabulary_rejects("vocabulary-schema-enum-without-values.xml",
				  ACCORD_ERROR_SCHEMA,
				  5,
				  "fact");
}

/* a vocabulary with an enum fact of @n values v1…vn and a level fact on a scale of @n levels
 * l1…ln; with @duplicate, the last value and the last level repeat the first. The scale's
 * levels stand on lines 4 to n + 3, the enum fact on line n + 5 */
static gchar *
large_vocabulary(guint n, gboolean duplicate)
{
	GString *xml = g_string_new("<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"1\">\n"
				    "<title>Large</title>\n"
				    "<scale id=\"big\">\n");

	for (guint i = 1; i <= n; i++)
		g_string_append_printf(xml,
				       "<level id=\"l%u\">Level.</level>\n",
				       duplicate && i == n ? 1 : i);
	g_string_append(xml, "</scale>\n<fact key=\"big.enum\" type=\"enum\" values=\"");
	for (guint i = 1; i <= n; i++)
		g_string_append_printf(xml, "v%u ", duplicate && i == n ? 1 : i);
	g_string_append(xml,
			"\">An enum.</fact>\n"
			"<fact key=\"big.level\" type=\"level\" scale=\"big\">A level.</fact>\n"
			"</vocabulary>\n");
	return g_string_free(xml, FALSE);
}

static void
test_vocabulary_large_enum_and_scale_find_every_value(void **state)
{
	g_autofree gchar *xml = large_vocabulary(20000, FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab =
	    accord_vocabulary_load_data(xml, strlen(xml), "large.xml", &error);
	const AccordFactDef *enum_def, *level_def;
	AccordValue value;

	assert_null(error);
	enum_def = accord_vocabulary_lookup_fact(vocab, "big.enum");
	level_def = accord_vocabulary_lookup_fact(vocab, "big.level");
	assert_int_equal(accord_fact_def_get_n_symbols(enum_def), 20000);
	assert_int_equal(accord_scale_find_level(accord_fact_def_get_scale(level_def), "l20000"),
			 19999);
	assert_int_equal(accord_scale_find_level(accord_fact_def_get_scale(level_def), "l0"), -1);
	assert_true(accord_value_parse(enum_def, "v12345", &value, &error));
	assert_int_equal(value.v.symbol, 12344);
	assert_true(accord_value_parse(level_def, "l1", &value, &error));
	assert_int_equal(value.v.level, 0);
	/* the message lists the first 20 values and the count, not all 20000 */
	assert_false(accord_value_parse(enum_def, "v0", &value, &error));
	assert_accord_error(error, ACCORD_ERROR_TYPE, "'v0' is not a value");
	assert_message_names(error, "v19, v20, … (20000 in all)");
	assert_true(strlen(error->message) < 300);
}

static void
test_vocabulary_large_scale_rejects_duplicate_level(void **state)
{
	g_autofree gchar *xml = large_vocabulary(20000, TRUE);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab =
	    accord_vocabulary_load_data(xml, strlen(xml), "large.xml", &error);

	/* scales are loaded before facts: the repeated level l1 stands on line 20003 */
	assert_null(vocab);
	assert_accord_error(error, ACCORD_ERROR_DUPLICATE, "large.xml:20003:");
	assert_message_names(error, "level 'l1' twice");
}

static void
test_vocabulary_large_enum_rejects_duplicate_value(void **state)
{
	g_autofree gchar *xml = large_vocabulary(20000, TRUE);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab = NULL;
	gchar *last_level = g_strrstr(xml, "<level id=\"l1\">");

	/* put the scale right, so the duplicate enum value is the first error */
	last_level[12] = '0';
	vocab = accord_vocabulary_load_data(xml, strlen(xml), "large.xml", &error);
	assert_null(vocab);
	assert_accord_error(error, ACCORD_ERROR_DUPLICATE, "large.xml:20005:");
	assert_message_names(error, "value 'v1' twice");
}

/* good/vocabulary.xml: ir.csirt effort high, ir.first low, disclosure.cvd value-effort
 * draft:low, iot.regime effort high and voluntary-label:low, the rest undeclared (medium) */
static guint
effort_of(void **state, const gchar *key, const gchar *text)
{
	const AccordFactDef *def = accord_vocabulary_lookup_fact(*state, key);
	AccordValue value;

	assert_non_null(def);
	assert_true(accord_value_parse(def, text, &value, NULL));
	return accord_fact_def_get_effort(def, &value);
}

static void
test_vocabulary_reads_efforts(void **state)
{
	assert_int_equal(effort_of(state, "ir.csirt", "true"), 3);
	assert_int_equal(effort_of(state, "ir.csirt", "false"), 3);
	assert_int_equal(effort_of(state, "ir.first", "true"), 1);
	/* a level's effort is the step into it: draft low, adopted the default medium */
	assert_int_equal(effort_of(state, "disclosure.cvd", "draft"), 1);
	assert_int_equal(effort_of(state, "disclosure.cvd", "adopted"), 2);
	assert_int_equal(effort_of(state, "iot.regime", "voluntary-label"), 1);
	assert_int_equal(effort_of(state, "iot.regime", "mandatory"), 3);
	assert_int_equal(effort_of(state, "framework.process", "co-developed"), 2);
	assert_int_equal(effort_of(state, "workforce.size", "1000"), 2);
}

static void
test_vocabulary_rejects_value_effort_off_scale(void **state)
{
	assert_vocabulary_rejects("vocabulary-type-value-effort-off-scale.xml",
				  ACCORD_ERROR_TYPE,
				  9,
				  "'final'");
}

static void
test_vocabulary_rejects_duplicate_value_effort(void **state)
{
	assert_vocabulary_rejects("vocabulary-duplicate-value-effort.xml",
				  ACCORD_ERROR_DUPLICATE,
				  4,
				  "'true'");
}

static void
test_vocabulary_rejects_value_effort_on_number(void **state)
{
	assert_vocabulary_rejects("vocabulary-type-value-effort-on-number.xml",
				  ACCORD_ERROR_TYPE,
				  4,
				  "'workforce.size'");
}

static void
test_vocabulary_rejects_effort_out_of_range(void **state)
{
	assert_vocabulary_rejects("vocabulary-schema-bad-effort.xml",
				  ACCORD_ERROR_SCHEMA,
				  4,
				  "fact");
}

static void
test_vocabulary_rejects_conflict_value_of_another_type(void **state)
{
	assert_vocabulary_rejects("vocabulary-type-conflict-not-enum-value.xml",
				  ACCORD_ERROR_TYPE,
				  5,
				  "'banned'");
}

static void
test_vocabulary_rejects_conflict_with_itself(void **state)
{
	assert_vocabulary_rejects("vocabulary-value-conflict-both-sides.xml",
				  ACCORD_ERROR_VALUE,
				  9,
				  "'mandatory' on both sides");
}

static void
test_vocabulary_rejects_fact_without_description(void **state)
{
	assert_vocabulary_rejects("vocabulary-schema-no-description.xml",
				  ACCORD_ERROR_SCHEMA,
				  4,
				  "no description");
}

/* the test vocabulary declares iot.regime mandatory against voluntary-label, and
 * encryption.backdoor true against false */
static void
test_vocabulary_conflicts_are_declared_pairs_in_either_order(void **state)
{
	const AccordFactDef *regime = fact(state, "iot.regime");
	const AccordFactDef *backdoor = fact(state, "encryption.backdoor");
	const AccordFactDef *cvd = fact(state, "disclosure.cvd");
	AccordValue none, label, mandatory, yes, no, draft, adopted;

	assert_true(accord_value_parse(regime, "none", &none, NULL));
	assert_true(accord_value_parse(regime, "voluntary-label", &label, NULL));
	assert_true(accord_value_parse(regime, "mandatory", &mandatory, NULL));
	assert_true(accord_value_parse(backdoor, "true", &yes, NULL));
	assert_true(accord_value_parse(backdoor, "false", &no, NULL));
	assert_true(accord_value_parse(cvd, "draft", &draft, NULL));
	assert_true(accord_value_parse(cvd, "adopted", &adopted, NULL));
	assert_int_equal(accord_fact_def_get_n_conflicts(regime), 1);
	assert_true(accord_fact_def_values_conflict(regime, &mandatory, &label));
	assert_true(accord_fact_def_values_conflict(regime, &label, &mandatory));
	/* an absence is not a regime of its own, and a value never conflicts with itself */
	assert_false(accord_fact_def_values_conflict(regime, &mandatory, &none));
	assert_false(accord_fact_def_values_conflict(regime, &label, &label));
	assert_true(accord_fact_def_values_conflict(backdoor, &no, &yes));
	/* a fact without declarations has no conflicting values, however far apart */
	assert_int_equal(accord_fact_def_get_n_conflicts(cvd), 0);
	assert_false(accord_fact_def_values_conflict(cvd, &draft, &adopted));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_vocabulary_loads_header_and_counts),
	    cmocka_unit_test(test_vocabulary_reads_efforts),
	    cmocka_unit_test(test_vocabulary_rejects_value_effort_off_scale),
	    cmocka_unit_test(test_vocabulary_rejects_duplicate_value_effort),
	    cmocka_unit_test(test_vocabulary_rejects_value_effort_on_number),
	    cmocka_unit_test(test_vocabulary_rejects_effort_out_of_range),
	    cmocka_unit_test(test_vocabulary_sorts_facts_by_key),
	    cmocka_unit_test(test_vocabulary_lookup_misses_unknown_key),
	    cmocka_unit_test(test_vocabulary_keeps_fact_types_and_attributes),
	    cmocka_unit_test(test_vocabulary_keeps_scales_in_file_order),
	    cmocka_unit_test(test_vocabulary_ref_keeps_it_alive),
	    cmocka_unit_test(test_fact_type_to_string_names_each_type),
	    cmocka_unit_test(test_value_boolean_parses_prints_and_orders),
	    cmocka_unit_test(test_value_level_parses_prints_and_orders_by_rank),
	    cmocka_unit_test(test_value_enum_parses_prints_and_tells_equal_from_different),
	    cmocka_unit_test(test_value_number_parses_prints_and_orders),
	    cmocka_unit_test(test_value_date_parses_prints_and_orders),
	    cmocka_unit_test(test_vocabulary_rejects_duplicate_fact),
	    cmocka_unit_test(test_vocabulary_rejects_duplicate_scale),
	    cmocka_unit_test(test_vocabulary_rejects_duplicate_level),
	    cmocka_unit_test(test_vocabulary_rejects_duplicate_enum_value),
	    cmocka_unit_test(test_vocabulary_rejects_undefined_scale),
	    cmocka_unit_test(test_vocabulary_rejects_enum_without_values),
	    cmocka_unit_test(test_vocabulary_large_enum_and_scale_find_every_value),
	    cmocka_unit_test(test_vocabulary_large_scale_rejects_duplicate_level),
	    cmocka_unit_test(test_vocabulary_large_enum_rejects_duplicate_value),
	    cmocka_unit_test(test_vocabulary_rejects_conflict_value_of_another_type),
	    cmocka_unit_test(test_vocabulary_rejects_conflict_with_itself),
	    cmocka_unit_test(test_vocabulary_rejects_fact_without_description),
	    cmocka_unit_test(test_vocabulary_conflicts_are_declared_pairs_in_either_order),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
