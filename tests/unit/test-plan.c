#include "fixtures.h"

/* plan files against the test vocabulary: good/plan-test.xml and the bad/plan-* fixtures */

static int
setup(void **state)
{
	g_autofree gchar *path = test_data_path("good/vocabulary.xml");

	*state = accord_vocabulary_load_file(path, NULL);
	return *state != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	accord_vocabulary_unref(*state);
	return 0;
}

static AccordPlan *
load_good(void **state)
{
	g_autofree gchar *path = test_data_path("good/plan-test.xml");
	g_autoptr(GError) error = NULL;
	AccordPlan *plan = accord_plan_load_file(path, *state, &error);

	assert_null(error);
	assert_non_null(plan);
	return plan;
}

static const AccordFactDef *
fact(void **state, const gchar *key)
{
	const AccordFactDef *def = accord_vocabulary_lookup_fact(*state, key);

	assert_non_null(def);
	return def;
}

/* the plan's effort for FACT=VALUE, or 0 when it gives none */
static guint
plan_effort(void **state, const AccordPlan *plan, const gchar *key, const gchar *text)
{
	AccordValue value;
	guint cost = 0;

	assert_true(accord_value_parse(fact(state, key), text, &value, NULL));
	return accord_plan_get_effort(plan, fact(state, key), &value, &cost) ? cost : 0;
}

static void
test_plan_reads_efforts(void **state)
{
	g_autoptr(AccordPlan) plan = load_good(state);

	assert_string_equal(accord_plan_get_id(plan), "test-plan");
	assert_string_equal(accord_plan_get_title(plan), "Testland's own costs");
	/* ir.first: 4 for every value; disclosure.cvd: high (3) for adopted only */
	assert_int_equal(plan_effort(state, plan, "ir.first", "true"), 4);
	assert_int_equal(plan_effort(state, plan, "ir.first", "false"), 4);
	assert_int_equal(plan_effort(state, plan, "disclosure.cvd", "adopted"), 3);
	assert_int_equal(plan_effort(state, plan, "disclosure.cvd", "draft"), 0);
	assert_int_equal(plan_effort(state, plan, "ir.csirt", "true"), 0);
}

static void
test_plan_reads_keep_and_bundle(void **state)
{
	g_autoptr(AccordPlan) plan = load_good(state);
	const AccordPlanBundle *bundle;

	assert_true(accord_plan_keeps_fact(plan, fact(state, "encryption.backdoor")));
	assert_false(accord_plan_keeps_fact(plan, fact(state, "ir.csirt")));
	assert_int_equal(accord_plan_get_n_bundles(plan), 1);
	bundle = accord_plan_get_bundle(plan, 0);
	assert_string_equal(bundle->id, "iot-label-consultation");
	assert_int_equal(bundle->cost, 3);
	assert_int_equal(bundle->n_settings, 2);
	assert_ptr_equal(bundle->settings[0].fact, fact(state, "iot.regime"));
	assert_string_equal(bundle->settings[0].text, "voluntary-label");
	/* open-comment is level 2 of process (closed, consultation, open-comment, …) */
	assert_int_equal(bundle->settings[1].value.v.level, 2);
	assert_ptr_equal(accord_plan_get_bundle_of_fact(plan, fact(state, "framework.process")),
			 bundle);
	assert_null(accord_plan_get_bundle_of_fact(plan, fact(state, "ir.first")));
}

static void
test_plan_lists_entries_in_file_order(void **state)
{
	g_autoptr(AccordPlan) plan = load_good(state);
	const AccordPlanEntry *e;

	assert_int_equal(accord_plan_get_n_entries(plan), 4);
	e = accord_plan_get_entry(plan, 0);
	assert_string_equal(e->kind, "effort");
	assert_string_equal(e->subject, "ir.first");
	assert_int_equal(e->cost, 4);
	e = accord_plan_get_entry(plan, 1);
	assert_string_equal(e->subject, "disclosure.cvd=adopted");
	e = accord_plan_get_entry(plan, 2);
	assert_string_equal(e->kind, "keep");
	assert_int_equal(e->cost, 0);
	assert_string_equal(e->note, "Parliament will not revisit the law this term.");
	e = accord_plan_get_entry(plan, 3);
	assert_string_equal(e->kind, "bundle");
	assert_string_equal(e->subject,
			    "iot-label-consultation: iot.regime=voluntary-label, "
			    "framework.process=open-comment");
	assert_string_equal(e->note, "Consult openly on a voluntary IoT label and launch it");
}

/* loads bad/<name>: the code, the "path:line:" prefix, and that the message names @needle */
static void
assert_plan_rejects(void **state, const gchar *name, gint code, gint line, const gchar *needle)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *path = test_data_path(rel);
	g_autofree gchar *prefix = g_strdup_printf("%s:%d:", path, line);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordPlan) plan = accord_plan_load_file(path, *state, &error);

	assert_null(plan);
	assert_accord_error(error, code, prefix);
	if (g_strstr_len(error->message, -1, needle) == NULL) {
		print_error("message '%s' does not name '%s'\n", error->message, needle);
		fail();
	}
}

static void
test_plan_rejects_bad_files(void **state)
{
	assert_plan_rejects(state,
			    "plan-reference-undefined-fact.xml",
			    ACCORD_ERROR_REFERENCE,
			    5,
			    "'ir.teams'");
	assert_plan_rejects(state, "plan-type-off-scale.xml", ACCORD_ERROR_TYPE, 5, "'final'");
	assert_plan_rejects(state,
			    "plan-duplicate-effort.xml",
			    ACCORD_ERROR_DUPLICATE,
			    6,
			    "disclosure.cvd=draft");
	assert_plan_rejects(state,
			    "plan-duplicate-kept-fact-in-bundle.xml",
			    ACCORD_ERROR_DUPLICATE,
			    8,
			    "'ir.csirt' is already kept");
	assert_plan_rejects(state, "plan-duplicate-bundle.xml", ACCORD_ERROR_DUPLICATE, 9, "'b'");
	assert_plan_rejects(state, "plan-schema-no-cost.xml", ACCORD_ERROR_SCHEMA, 5, "effort");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plan_reads_efforts),
	    cmocka_unit_test(test_plan_reads_keep_and_bundle),
	    cmocka_unit_test(test_plan_lists_entries_in_file_order),
	    cmocka_unit_test(test_plan_rejects_bad_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
