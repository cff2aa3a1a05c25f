#include "helpers.h"
#include "util-private.h"

/* a value no parser under test produces, so a rejected input that still wrote to the output
 * shows up */
#define UNTOUCHED (-12345.0)

static void
test_parse_number_accepts_decimal_forms(void **state)
{
	const struct {
		const gchar *text;
		gdouble expected;
	} cases[] = {
	    {"1", 1.0},
	    {"-2.5", -2.5},
	    {".5", 0.5},
	    {"1e3", 1000.0},
	    {"+4", 4.0},
	    {"7.", 7.0},
	    {"1E-2", 0.01},
	    {"-0.125e+1", -1.25}, /* −0.125 × 10¹ */
	    {"007", 7.0},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		gdouble value = UNTOUCHED;

		if (!accord_parse_number(cases[i].text, &value)) {
			print_error("'%s' was rejected\n", cases[i].text);
			fail();
		}
		assert_close(value, cases[i].expected, 1e-15);
	}
}

static void
test_parse_number_rejects_non_decimal_forms(void **state)
{
	/* strtod would take most of these: blanks, hex, inf/nan, a partial prefix */
	const gchar *cases[] = {"",    "1.2.3", "inf",	 "nan",	   "0x10",  " 1",  "1 ",
				"1,5", "-",	".",	 "e3",	   "1e",    "1e+", "--1",
				"INF", "NaN",	"1e999", "-1e999", "1_000", "٣"};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		gdouble value = UNTOUCHED;

		if (accord_parse_number(cases[i], &value)) {
			print_error("'%s' was accepted as %g\n", cases[i], value);
			fail();
		}
		/* a rejected input leaves the output alone */
		assert_close(value, UNTOUCHED, 0);
	}
}

static void
test_parse_weight_accepts_positive_numbers(void **state)
{
	gdouble value = UNTOUCHED;

	assert_true(accord_parse_weight("0.5", &value));
	assert_close(value, 0.5, 0);
	assert_true(accord_parse_weight("3", &value));
	assert_close(value, 3.0, 0);
	assert_true(accord_parse_weight("2.5e-1", &value));
	assert_close(value, 0.25, 1e-15);
	/* the bounds themselves are in range */
	assert_true(accord_parse_weight("0.000001", &value));
	assert_close(value, 1e-6, 0);
	assert_true(accord_parse_weight("1e6", &value));
	assert_close(value, 1e6, 0);
}

static void
test_parse_weight_rejects_outside_range(void **state)
{
	/* each finite, but their products overflow or underflow: 1e308 × 10 is inf, and
	 * 1e-300 × 1e-300 is 0, which the scores divide by */
	const gchar *cases[] = {"1e308", "1e-300", "1000000.1", "0.00000099", "1e7", "5e-7"};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		gdouble value = UNTOUCHED;

		if (accord_parse_weight(cases[i], &value)) {
			print_error("weight '%s' was accepted as %g\n", cases[i], value);
			fail();
		}
		assert_close(value, UNTOUCHED, 0);
	}
}

static void
test_parse_weight_rejects_zero_negative_and_not_finite(void **state)
{
	/* a weight divides a score, so 0 and anything below or not finite is out */
	const gchar *cases[] =
	    {"0", "0.0", "-0", "-1", "-0.5", "NaN", "nan", "inf", "1e999", "", "x"};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		gdouble value = UNTOUCHED;

		if (accord_parse_weight(cases[i], &value)) {
			print_error("weight '%s' was accepted as %g\n", cases[i], value);
			fail();
		}
		assert_close(value, UNTOUCHED, 0);
	}
}

static void
test_parse_date_accepts_calendar_days(void **state)
{
	guint32 julian = 0;

	/* GDate counts 0001-01-01 as day 1 */
	assert_true(accord_parse_date("0001-01-01", &julian));
	assert_int_equal(julian, 1);

	/* days before 2024-01-01: 2023·365 + leap days in 1..2023 (505 − 20 + 5 = 490)
	 * = 738395 + 490 = 738885; 2024-02-29 is day 31 + 29 = 60 of 2024 → 738945 */
	assert_true(accord_parse_date("2024-02-29", &julian));
	assert_int_equal(julian, 738945);

	/* 2000 is a leap year (divisible by 400); the out pointer may be NULL */
	assert_true(accord_parse_date("2000-02-29", NULL));
	assert_true(accord_parse_date("9999-12-31", NULL));
}

static void
test_parse_date_counts_days_across_a_leap_day(void **state)
{
	guint32 before = 0;
	guint32 after = 0;

	/* 2024-02-28 → 02-29 → 03-01: two days apart */
	assert_true(accord_parse_date("2024-02-28", &before));
	assert_true(accord_parse_date("2024-03-01", &after));
	assert_int_equal(after - before, 2);
	/* 2023 has no 29 February: one day apart */
	assert_true(accord_parse_date("2023-02-28", &before));
	assert_true(accord_parse_date("2023-03-01", &after));
	assert_int_equal(after - before, 1);
}

static void
test_parse_date_rejects_impossible_or_loose_dates(void **state)
{
	const gchar *cases[] = {
	    "2023-02-29", /* 2023 is not a leap year */
	    "1900-02-29", /* divisible by 100, not by 400 */
	    "2023-13-01",
	    "2023-00-10",
	    "2023-04-31",
	    "2023-01-00",
	    "0000-01-01",
	    "2023-1-01",
	    "2023-01-1",
	    "23-01-01",
	    "2023/01/01",
	    "2023-01-01 ",
	    " 2023-01-01",
	    "2023-01-01T00:00",
	    "+023-01-01",
	    "2023",
	    "",
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		guint32 julian = 42;

		if (accord_parse_date(cases[i], &julian)) {
			print_error("date '%s' was accepted\n", cases[i]);
			fail();
		}
		assert_int_equal(julian, 42);
	}
}

static void
test_parse_partial_date_accepts_year_month_day(void **state)
{
	assert_true(accord_parse_partial_date("2024"));
	assert_true(accord_parse_partial_date("2024-02"));
	assert_true(accord_parse_partial_date("2024-12"));
	assert_true(accord_parse_partial_date("2024-02-29"));
}

static void
test_parse_partial_date_rejects_malformed(void **state)
{
	const gchar *cases[] = {"2024-13",
				"2024-00",
				"2024-2",
				"2024-",
				"2023-02-29",
				"0000",
				"24",
				"20245",
				"2024/02",
				"",
				"abcd"};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (accord_parse_partial_date(cases[i])) {
			print_error("partial date '%s' was accepted\n", cases[i]);
			fail();
		}
	}
}

static void
test_normalize_space_collapses_and_trims(void **state)
{
	const struct {
		const gchar *text;
		const gchar *expected;
	} cases[] = {
	    {"  a \n\t b  ", "a b"},
	    {"a  b\n\nc", "a b c"},
	    {"word", "word"},
	    {"", ""},
	    {" \n\t ", ""},
	    {"\"swiftly\",  on", "\"swiftly\", on"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *out = accord_normalize_space(cases[i].text);

		assert_string_equal(out, cases[i].expected);
	}
}

static void
test_format_number_writes_integers_without_fraction(void **state)
{
	const struct {
		gdouble value;
		const gchar *expected;
	} cases[] = {
	    {3.0, "3"},
	    {-2.0, "-2"},
	    {0.0, "0"},
	    {1000.0, "1000"},
	    {123456789012.0, "123456789012"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *out = accord_format_number(cases[i].value);

		assert_string_equal(out, cases[i].expected);
	}
}

static void
test_format_number_writes_the_shortest_round_trip_form(void **state)
{
	/* what a person wrote in the file comes back unchanged: 0.1 is not exactly
	 * representable, but "0.1" is the shortest text that parses back to the same double */
	const struct {
		gdouble value;
		const gchar *expected;
	} cases[] = {
	    {2.5, "2.5"},
	    {0.5, "0.5"},
	    {-0.25, "-0.25"},
	    {0.1, "0.1"},
	    {0.3, "0.3"},
	    {123456.789, "123456.789"},
	    {1.0 / 3.0, "0.3333333333333333"}, /* 16 threes are enough to round-trip */
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *out = accord_format_number(cases[i].value);

		assert_string_equal(out, cases[i].expected);
	}
}

static void
test_format_number_round_trips_through_parse(void **state)
{
	const gdouble values[] = {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 6.02214076e23, -9.75, 1e20};

	for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
		g_autofree gchar *out = accord_format_number(values[i]);
		gdouble back = UNTOUCHED;

		assert_true(accord_parse_number(out, &back));
		/* exact: the text must name the very same double */
		assert_close(back, values[i], 0);
	}
}

static void
test_format_date_inverts_parse_date(void **state)
{
	g_autofree gchar *first = accord_format_date(1);
	/* day 738945 is worked out in test_parse_date_accepts_calendar_days */
	g_autofree gchar *leap = accord_format_date(738945);

	assert_string_equal(first, "0001-01-01");
	assert_string_equal(leap, "2024-02-29");
}

static void
test_partial_date_last_day(void **state)
{
	guint32 julian = 0, expected = 0;

	/* a year is its 31 December, a month its last day (29 in a leap February) */
	assert_true(accord_partial_date_last_day("2021", &julian));
	assert_true(accord_parse_date("2021-12-31", &expected));
	assert_int_equal(julian, expected);
	assert_true(accord_partial_date_last_day("2024-02", &julian));
	assert_true(accord_parse_date("2024-02-29", &expected));
	assert_int_equal(julian, expected);
	assert_true(accord_partial_date_last_day("2023-02", &julian));
	assert_true(accord_parse_date("2023-02-28", &expected));
	assert_int_equal(julian, expected);
	assert_true(accord_partial_date_last_day("2019-06-15", &julian));
	assert_true(accord_parse_date("2019-06-15", &expected));
	assert_int_equal(julian, expected);
	assert_false(accord_partial_date_last_day("2024-13", &julian));
}

static void
test_nearest_word_finds_a_likely_typo(void **state)
{
	const gchar *ids[] = {"cptpp", "interop", "usmca", "us-japan", "uk-japan"};
	const gchar *keys[] = {"ir.first", "ir.csirt", "incident_response.national_csirt"};

	/* usmcaa: one insertion from usmca (limit 6 / 3 = 2) */
	assert_string_equal(accord_nearest_word("usmcaa", ids, G_N_ELEMENTS(ids)), "usmca");
	/* case is folded: USMCA is 0 edits away */
	assert_string_equal(accord_nearest_word("USMCA", ids, G_N_ELEMENTS(ids)), "usmca");
	/* us-japn: one deletion from us-japan, two substitutions from uk-japan: the nearer */
	assert_string_equal(accord_nearest_word("us-japn", ids, G_N_ELEMENTS(ids)), "us-japan");
	/* ir.frist: a transposition is two edits, within 8 / 3 = 2; ir.csirt is 4 away */
	assert_string_equal(accord_nearest_word("ir.frist", keys, G_N_ELEMENTS(keys)), "ir.first");
	/* national_csrt: one deletion */
	assert_string_equal(
	    accord_nearest_word("incident_response.national_csrt", keys, G_N_ELEMENTS(keys)),
	    "incident_response.national_csirt");
	/* rcep against cptpp: 4 edits, over 4 / 3 = 1: no suggestion; nor for an empty list */
	assert_null(accord_nearest_word("rcep", ids, G_N_ELEMENTS(ids)));
	assert_null(accord_nearest_word("usmca", ids, 0));
	/* a one-letter word may be one edit away: "x" against "us" is 2 */
	assert_null(accord_nearest_word("x", ids, G_N_ELEMENTS(ids)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_number_accepts_decimal_forms),
	    cmocka_unit_test(test_parse_number_rejects_non_decimal_forms),
	    cmocka_unit_test(test_parse_weight_accepts_positive_numbers),
	    cmocka_unit_test(test_parse_weight_rejects_zero_negative_and_not_finite),
	    cmocka_unit_test(test_parse_weight_rejects_outside_range),
	    cmocka_unit_test(test_parse_date_accepts_calendar_days),
	    cmocka_unit_test(test_parse_date_counts_days_across_a_leap_day),
	    cmocka_unit_test(test_parse_date_rejects_impossible_or_loose_dates),
	    cmocka_unit_test(test_parse_partial_date_accepts_year_month_day),
	    cmocka_unit_test(test_parse_partial_date_rejects_malformed),
	    cmocka_unit_test(test_nearest_word_finds_a_likely_typo),
	    cmocka_unit_test(test_partial_date_last_day),
	    cmocka_unit_test(test_normalize_space_collapses_and_trims),
	    cmocka_unit_test(test_format_number_writes_integers_without_fraction),
	    cmocka_unit_test(test_format_number_writes_the_shortest_round_trip_form),
	    cmocka_unit_test(test_format_number_round_trips_through_parse),
	    cmocka_unit_test(test_format_date_inverts_parse_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
