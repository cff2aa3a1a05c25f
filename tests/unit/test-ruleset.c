#include <pthread.h>

#include "helpers.h"

/* good/ruleset.xml against good/vocabulary.xml, loaded once: both are immutable */
typedef struct {
	AccordVocabulary *vocab;
	AccordRuleset *ruleset;
} State;

static int
setup(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *rpath = test_data_path("good/ruleset.xml");
	State *s = g_new0(State, 1);

	*state = s;
	s->vocab = accord_vocabulary_load_file(vpath, &error);
	if (s->vocab == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	s->ruleset = accord_ruleset_load_file(rpath, s->vocab, &error);
	if (s->ruleset == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	State *s = *state;

	accord_ruleset_unref(s->ruleset);
	accord_vocabulary_unref(s->vocab);
	g_free(s);
	return 0;
}

static const AccordRuleset *
ruleset(void **state)
{
	return ((State *)*state)->ruleset;
}

static const AccordRule *
rule(void **state, const gchar *id)
{
	const AccordRule *r = accord_ruleset_lookup_rule(ruleset(state), id);

	assert_non_null(r);
	return r;
}

static const AccordCriterion *
criterion(void **state, const gchar *id)
{
	const AccordCriterion *c = accord_ruleset_lookup_criterion(ruleset(state), id);

	assert_non_null(c);
	return c;
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
assert_ruleset_rejects(void **state, const gchar *name, gint code, gint line, const gchar *needle)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *path = test_data_path(rel);
	g_autofree gchar *prefix = g_strdup_printf("%s:%d:", path, line);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) loaded =
	    accord_ruleset_load_file(path, ((State *)*state)->vocab, &error);

	assert_null(loaded);
	assert_accord_error(error, code, prefix);
	assert_message_names(error, needle);
}

/* a one-criterion ruleset whose check is @body, for tests built in memory */
static AccordRuleset *
load_inline(void **state, const gchar *body, GError **error)
{
	g_autofree gchar *text = g_strconcat(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"inline\" version=\"1\">\n"
	    "<title>Inline</title><agreement name=\"A\"/>\n"
	    "<obligations><obligation id=\"shall\" multiplier=\"1\">B.</obligation></obligations>\n"
	    "<pillar id=\"p\"><title>P</title></pillar>\n"
	    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>\n"
	    "<provision cite=\"Art. 1\">Text.</provision>\n"
	    "<criterion id=\"c\"><title>C</title>\n",
	    body,
	    "</criterion><recommendation>Do it.</recommendation></rule></ruleset>\n",
	    NULL);

	return accord_ruleset_load_data(text, strlen(text), NULL, ((State *)*state)->vocab, error);
}

static void
test_ruleset_loads_header(void **state)
{
	const AccordRuleset *rs = ruleset(state);

	assert_string_equal(accord_ruleset_get_id(rs), "test");
	assert_string_equal(accord_ruleset_get_version(rs), "1.0");
	assert_string_equal(accord_ruleset_get_title(rs), "Accord test ruleset");
	assert_string_equal(accord_ruleset_get_agreement(rs), "Test Agreement");
	assert_string_equal(accord_ruleset_get_signed(rs), "2018-11-30");
	assert_string_equal(accord_ruleset_get_in_force(rs), "2020-07-01");
	assert_string_equal(accord_ruleset_get_source_note(rs), "Hand-made for the unit tests.");
	assert_ptr_equal(accord_ruleset_get_vocabulary(rs), ((State *)*state)->vocab);
}

static void
test_ruleset_counts_every_kind(void **state)
{
	const AccordRuleset *rs = ruleset(state);

	/* 2 obligations, 2 pillars, 4 rules; criteria 2 + 1 + 2 + 3 = 8 */
	assert_int_equal(accord_ruleset_get_n_obligations(rs), 2);
	assert_int_equal(accord_ruleset_get_n_pillars(rs), 2);
	assert_int_equal(accord_ruleset_get_n_rules(rs), 4);
	assert_int_equal(accord_ruleset_get_n_criteria(rs), 8);
	assert_int_equal(accord_rule_get_n_criteria(rule(state, "r-ir")), 2);
	assert_int_equal(accord_rule_get_n_criteria(rule(state, "r-first")), 1);
	assert_int_equal(accord_rule_get_n_criteria(rule(state, "r-process")), 2);
	assert_int_equal(accord_rule_get_n_criteria(rule(state, "r-strategy")), 3);
}

static void
test_ruleset_keeps_obligations_and_pillars(void **state)
{
	const AccordRuleset *rs = ruleset(state);
	const AccordObligation *shall = accord_ruleset_get_obligation(rs, 0);
	const AccordObligation *endeavor = accord_ruleset_get_obligation(rs, 1);
	const AccordPillar *ir = accord_ruleset_get_pillar(rs, 0);
	const AccordPillar *policy = accord_ruleset_get_pillar(rs, 1);

	assert_string_equal(accord_obligation_get_id(shall), "shall");
	assert_close(accord_obligation_get_multiplier(shall), 1.0, 0);
	assert_string_equal(accord_obligation_get_id(endeavor), "endeavor");
	assert_close(accord_obligation_get_multiplier(endeavor), 0.5, 0);

	assert_string_equal(accord_pillar_get_id(ir), "ir");
	assert_string_equal(accord_pillar_get_title(ir), "Incident response");
	assert_close(accord_pillar_get_weight(ir), 2.0, 0);
	assert_int_equal(accord_pillar_get_index(ir), 0);
	/* policy has no weight attribute: the default is 1 */
	assert_string_equal(accord_pillar_get_id(policy), "policy");
	assert_close(accord_pillar_get_weight(policy), 1.0, 0);
	assert_int_equal(accord_pillar_get_index(policy), 1);
}

static void
test_ruleset_effective_weight_is_weight_times_multiplier(void **state)
{
	const struct {
		const gchar *id;
		const gchar *pillar;
		const gchar *obligation;
		gdouble weight;
		gdouble effective;
	} cases[] = {
	    {"r-ir", "ir", "shall", 2.0, 2.0},		    /* 2 × 1 */
	    {"r-first", "ir", "endeavor", 2.0, 1.0},	    /* 2 × 0.5 */
	    {"r-process", "policy", "shall", 1.0, 1.0},	    /* default 1 × 1 */
	    {"r-strategy", "policy", "endeavor", 2.0, 1.0}, /* 2 × 0.5 */
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		const AccordRule *r = rule(state, cases[i].id);

		assert_int_equal(accord_rule_get_index(r), i);
		assert_ptr_equal(accord_ruleset_get_rule(ruleset(state), i), r);
		assert_string_equal(accord_pillar_get_id(accord_rule_get_pillar(r)),
				    cases[i].pillar);
		assert_string_equal(accord_obligation_get_id(accord_rule_get_obligation(r)),
				    cases[i].obligation);
		assert_close(accord_rule_get_weight(r), cases[i].weight, 0);
		assert_close(accord_rule_get_effective_weight(r), cases[i].effective, 1e-12);
	}
}

static void
test_ruleset_keeps_rule_texts(void **state)
{
	const AccordRule *ir = rule(state, "r-ir");
	const AccordRule *first = rule(state, "r-first");

	assert_string_equal(accord_rule_get_title(ir), "Incident response capability");
	assert_string_equal(accord_rule_get_cite(ir), "Test Art. 1(a)");
	assert_string_equal(accord_rule_get_provision(ir),
			    "The Parties shall build incident response capabilities.");
	assert_string_equal(accord_rule_get_recommendation(ir),
			    "Establish a national CSIRT and adopt a CVD policy.");
	/* quotes and commas in the provision survive as written */
	assert_string_equal(accord_rule_get_provision(first),
			    "The Parties shall endeavor to cooperate, \"swiftly\", on incidents.");
	/* no verified="false" anywhere in the fixture */
	assert_true(accord_rule_is_verified(ir));
	assert_null(accord_ruleset_lookup_rule(ruleset(state), "r-missing"));
}

static void
test_ruleset_keeps_criteria_in_file_order(void **state)
{
	const gchar *ids[] = {"c-csirt",
			      "c-cvd",
			      "c-first",
			      "c-process",
			      "c-iot",
			      "c-strategy",
			      "c-workforce",
			      "c-enc"};
	const gchar *rules[] = {"r-ir",
				"r-ir",
				"r-first",
				"r-process",
				"r-process",
				"r-strategy",
				"r-strategy",
				"r-strategy"};

	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(ruleset(state), i);

		assert_string_equal(accord_criterion_get_id(c), ids[i]);
		assert_int_equal(accord_criterion_get_index(c), i);
		assert_string_equal(accord_rule_get_id(accord_criterion_get_rule(c)), rules[i]);
		assert_ptr_equal(accord_ruleset_lookup_criterion(ruleset(state), ids[i]), c);
	}
	/* a rule lists its own criteria, in order */
	assert_ptr_equal(accord_rule_get_criterion(rule(state, "r-strategy"), 2),
			 criterion(state, "c-enc"));
	assert_null(accord_ruleset_lookup_criterion(ruleset(state), "c-missing"));
}

static void
test_ruleset_keeps_criterion_weight_effort_and_depends(void **state)
{
	const AccordCriterion *csirt = criterion(state, "c-csirt");
	const AccordCriterion *cvd = criterion(state, "c-cvd");
	const AccordCriterion *first = criterion(state, "c-first");
	const AccordCriterion *process = criterion(state, "c-process");

	assert_string_equal(accord_criterion_get_title(csirt), "National CSIRT");
	assert_close(accord_criterion_get_weight(csirt), 3.0, 0);
	assert_close(accord_criterion_get_weight(cvd), 1.0, 0); /* default */
	assert_int_equal(accord_criterion_get_effort(csirt), ACCORD_EFFORT_HIGH);
	assert_int_equal(accord_criterion_get_effort(cvd), ACCORD_EFFORT_MEDIUM);
	assert_int_equal(accord_criterion_get_effort(first), ACCORD_EFFORT_LOW);
	assert_int_equal(accord_criterion_get_effort(process), ACCORD_EFFORT_MEDIUM); /* default */

	/* c-cvd depends-on="c-csirt", resolved to the criterion itself */
	assert_int_equal(accord_criterion_get_n_depends(cvd), 1);
	assert_ptr_equal(accord_criterion_get_depends(cvd, 0), csirt);
	assert_int_equal(accord_criterion_get_n_depends(csirt), 0);
}

static void
test_ruleset_keeps_fact_checks(void **state)
{
	const AccordCheck *cvd = accord_criterion_get_check(criterion(state, "c-cvd"));
	const AccordCheck *workforce = accord_criterion_get_check(criterion(state, "c-workforce"));
	const AccordCheck *csirt = accord_criterion_get_check(criterion(state, "c-csirt"));

	/* <check fact="disclosure.cvd" at-least="adopted" partial="yes"/>: adopted is level 2 of
	 * none < draft < adopted */
	assert_int_equal(accord_check_get_kind(cvd), ACCORD_CHECK_FACT);
	assert_string_equal(accord_fact_def_get_key(accord_check_get_fact(cvd)), "disclosure.cvd");
	assert_int_equal(accord_check_get_op(cvd), ACCORD_CHECK_OP_AT_LEAST);
	assert_true(accord_check_get_partial(cvd));
	assert_int_equal(accord_check_get_n_values(cvd), 1);
	assert_int_equal(accord_check_get_value(cvd, 0)->v.level, 2);
	assert_int_equal(accord_check_get_n_children(cvd), 0);

	assert_int_equal(accord_check_get_op(workforce), ACCORD_CHECK_OP_AT_LEAST);
	assert_false(accord_check_get_partial(workforce));
	assert_close(accord_check_get_value(workforce, 0)->v.number, 1000.0, 0);

	assert_int_equal(accord_check_get_op(csirt), ACCORD_CHECK_OP_IS);
	assert_true(accord_check_get_value(csirt, 0)->v.boolean);
	assert_null(accord_criterion_get_precondition(criterion(state, "c-csirt")));
}

static void
test_ruleset_keeps_precondition_and_set_checks(void **state)
{
	const AccordCriterion *iot = criterion(state, "c-iot");
	const AccordCheck *when = accord_criterion_get_precondition(iot);
	const AccordCheck *check = accord_criterion_get_check(iot);

	/* <when><check fact="iot.regime" not-in="none"/></when>: none is symbol 0 */
	assert_non_null(when);
	assert_int_equal(accord_check_get_op(when), ACCORD_CHECK_OP_NOT_IN);
	assert_int_equal(accord_check_get_n_values(when), 1);
	assert_int_equal(accord_check_get_value(when, 0)->v.symbol, 0);
	/* in="voluntary-label": symbol 1 of none, voluntary-label, mandatory */
	assert_int_equal(accord_check_get_op(check), ACCORD_CHECK_OP_IN);
	assert_int_equal(accord_check_get_value(check, 0)->v.symbol, 1);
}

static void
test_ruleset_keeps_date_check(void **state)
{
	const AccordCheck *check = accord_criterion_get_check(criterion(state, "c-strategy"));
	g_autofree gchar *text = NULL;

	assert_int_equal(accord_check_get_op(check), ACCORD_CHECK_OP_ON_OR_AFTER);
	/* GDate day of 2020-01-01: 2019·365 + leap days in 1..2019 (504 − 20 + 5 = 489) + 1
	 * = 736935 + 489 + 1 = 737425 */
	assert_int_equal(accord_check_get_value(check, 0)->v.julian, 737425);
	text =
	    accord_value_to_string(accord_check_get_fact(check), accord_check_get_value(check, 0));
	assert_string_equal(text, "2020-01-01");
}

static void
test_ruleset_keeps_not_combinator(void **state)
{
	const AccordCheck *check = accord_criterion_get_check(criterion(state, "c-enc"));
	const AccordCheck *inner;

	/* <not><check fact="encryption.backdoor" is="true"/></not> */
	assert_int_equal(accord_check_get_kind(check), ACCORD_CHECK_NOT);
	assert_int_equal(accord_check_get_n_children(check), 1);
	inner = accord_check_get_child(check, 0);
	assert_int_equal(accord_check_get_kind(inner), ACCORD_CHECK_FACT);
	assert_string_equal(accord_fact_def_get_key(accord_check_get_fact(inner)),
			    "encryption.backdoor");
}

static void
test_ruleset_keeps_all_and_any_with_several_values(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) rs = load_inline(
	    state,
	    "<all><check fact=\"ir.csirt\" is=\"true\"/>"
	    "<any><check fact=\"disclosure.cvd\" in=\"draft adopted\"/>"
	    "<check fact=\"strategy.adopted\" on-or-before=\"2024-02-29\"/></any></all>\n",
	    &error);
	const AccordCheck *all;
	const AccordCheck *any;
	const AccordCheck *in;

	assert_null(error);
	all = accord_criterion_get_check(accord_ruleset_get_criterion(rs, 0));
	assert_int_equal(accord_check_get_kind(all), ACCORD_CHECK_ALL);
	assert_int_equal(accord_check_get_n_children(all), 2);
	any = accord_check_get_child(all, 1);
	assert_int_equal(accord_check_get_kind(any), ACCORD_CHECK_ANY);
	assert_int_equal(accord_check_get_n_children(any), 2);
	/* in="draft adopted" → levels 1 and 2, in the order written */
	in = accord_check_get_child(any, 0);
	assert_int_equal(accord_check_get_n_values(in), 2);
	assert_int_equal(accord_check_get_value(in, 0)->v.level, 1);
	assert_int_equal(accord_check_get_value(in, 1)->v.level, 2);
	assert_int_equal(accord_check_get_op(accord_check_get_child(any, 1)),
			 ACCORD_CHECK_OP_ON_OR_BEFORE);
}

static void
test_ruleset_accepts_checks_nested_32_deep(void **state)
{
	g_autoptr(GString) body = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) rs = NULL;
	const AccordCheck *check;
	guint depth = 1;

	/* 31 <not> and the check make 32 levels, the most allowed */
	for (guint i = 0; i < 31; i++)
		g_string_append(body, "<not>");
	g_string_append(body, "<check fact=\"ir.csirt\" is=\"true\"/>");
	for (guint i = 0; i < 31; i++)
		g_string_append(body, "</not>");
	rs = load_inline(state, body->str, &error);
	assert_null(error);
	check = accord_criterion_get_check(accord_ruleset_get_criterion(rs, 0));
	while (accord_check_get_kind(check) == ACCORD_CHECK_NOT) {
		check = accord_check_get_child(check, 0);
		depth++;
	}
	assert_int_equal(depth, 32);
}

static void
test_ruleset_looks_pillars_up_by_id(void **state)
{
	const AccordPillar *policy = accord_ruleset_lookup_pillar(ruleset(state), "policy");

	assert_non_null(policy);
	assert_int_equal(accord_pillar_get_index(policy), 1);
	assert_ptr_equal(policy, accord_ruleset_get_pillar(ruleset(state), 1));
	assert_null(accord_ruleset_lookup_pillar(ruleset(state), "r-ir"));
}

static void
test_ruleset_ref_keeps_vocabulary_alive(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *rpath = test_data_path("good/ruleset.xml");
	AccordVocabulary *vocab = accord_vocabulary_load_file(vpath, &error);
	AccordRuleset *rs = accord_ruleset_load_file(rpath, vocab, &error);
	AccordRuleset *extra;

	assert_non_null(rs);
	/* the ruleset holds its own reference to the vocabulary its checks point into */
	accord_vocabulary_unref(vocab);
	extra = accord_ruleset_ref(rs);
	accord_ruleset_unref(rs);
	assert_string_equal(accord_vocabulary_get_version(accord_ruleset_get_vocabulary(extra)),
			    "test-1");
	assert_string_equal(
	    accord_fact_def_get_key(accord_check_get_fact(
		accord_criterion_get_check(accord_ruleset_lookup_criterion(extra, "c-csirt")))),
	    "ir.csirt");
	accord_ruleset_unref(extra);
}

static void
test_ruleset_names_enums(void **state)
{
	assert_string_equal(accord_effort_to_string(ACCORD_EFFORT_LOW), "low");
	assert_string_equal(accord_effort_to_string(ACCORD_EFFORT_MEDIUM), "medium");
	assert_string_equal(accord_effort_to_string(ACCORD_EFFORT_HIGH), "high");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_IS), "is");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_AT_LEAST), "at-least");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_AT_MOST), "at-most");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_IN), "in");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_NOT_IN), "not-in");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_ON_OR_BEFORE),
			    "on-or-before");
	assert_string_equal(accord_check_op_to_string(ACCORD_CHECK_OP_ON_OR_AFTER), "on-or-after");
}

/* one test per bad fixture; the line is that of the offending element in the file */

static void
test_ruleset_rejects_unknown_depends_on(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-reference-unknown-depends-on.xml",
			       ACCORD_ERROR_REFERENCE,
			       13,
			       "'c-missing'");
}

static void
test_ruleset_rejects_dependency_cycle(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-reference-dependency-cycle.xml",
			       ACCORD_ERROR_REFERENCE,
			       18,
			       "cycle");
	/* the edge that closes the cycle: c-b → c-a */
	assert_ruleset_rejects(state,
			       "ruleset-reference-dependency-cycle.xml",
			       ACCORD_ERROR_REFERENCE,
			       18,
			       "'c-b'");
}

/* a rule of @n criteria where c<i> depends on c<i+1>; with @cycle the last depends on the
 * first. Criterion c<i> stands on line i + 6 */
static gchar *
dependency_chain(guint n, gboolean cycle)
{
	GString *xml = g_string_new(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"chain\" version=\"1\">\n"
	    "<title>Chain</title><agreement name=\"A\"/>\n"
	    "<obligations><obligation id=\"o\" multiplier=\"1\">B.</obligation></obligations>\n"
	    "<pillar id=\"p\"><title>P</title></pillar>\n"
	    "<rule id=\"r\" pillar=\"p\" obligation=\"o\"><title>R</title>\n"
	    "<provision cite=\"Art. 1\">Text.</provision>\n");

	for (guint i = 1; i <= n; i++) {
		guint next = i < n ? i + 1 : (cycle ? 1 : 0);

		g_string_append_printf(xml, "<criterion id=\"c%u\"", i);
		if (next > 0)
			g_string_append_printf(xml, " depends-on=\"c%u\"", next);
		g_string_append(
		    xml,
		    "><title>C</title><check fact=\"ir.csirt\" is=\"true\"/></criterion>\n");
	}
	g_string_append(xml, "<recommendation>Do it.</recommendation></rule></ruleset>\n");
	return g_string_free(xml, FALSE);
}

typedef struct {
	const gchar *xml;
	const AccordVocabulary *vocab;
	AccordRuleset *ruleset;
	GError *error;
} ChainLoad;

static void *
load_chain_thread(void *data)
{
	ChainLoad *load = data;

	load->ruleset = accord_ruleset_load_data(load->xml,
						 strlen(load->xml),
						 "chain.xml",
						 load->vocab,
						 &load->error);
	return NULL;
}

/* loads @xml on a thread with a 512 KiB stack: a search that recursed once per criterion
 * would need some 20000 × 48 bytes, about twice that, and crash */
static void
load_on_small_stack(void **state, ChainLoad *load)
{
	pthread_attr_t attr;
	pthread_t thread;

	load->vocab = ((State *)*state)->vocab;
	assert_int_equal(pthread_attr_init(&attr), 0);
	assert_int_equal(pthread_attr_setstacksize(&attr, 512 * 1024), 0);
	assert_int_equal(pthread_create(&thread, &attr, load_chain_thread, load), 0);
	assert_int_equal(pthread_join(thread, NULL), 0);
	pthread_attr_destroy(&attr);
}

static void
test_ruleset_long_dependency_chain_needs_no_deep_stack(void **state)
{
	g_autofree gchar *xml = dependency_chain(20000, FALSE);
	ChainLoad load = {xml, NULL, NULL, NULL};

	load_on_small_stack(state, &load);
	assert_null(load.error);
	assert_non_null(load.ruleset);
	assert_int_equal(accord_ruleset_get_n_criteria(load.ruleset), 20000);
	assert_int_equal(
	    accord_criterion_get_n_depends(accord_ruleset_get_criterion(load.ruleset, 0)),
	    1);
	accord_ruleset_unref(load.ruleset);
}

static void
test_ruleset_long_dependency_cycle_is_refused(void **state)
{
	g_autofree gchar *xml = dependency_chain(20000, TRUE);
	ChainLoad load = {xml, NULL, NULL, NULL};

	load_on_small_stack(state, &load);
	assert_null(load.ruleset);
	/* the search starts at c1 and walks down to c20000 (line 20006), whose edge back to c1
	 * closes the cycle */
	assert_accord_error(load.error, ACCORD_ERROR_REFERENCE, "chain.xml:20006:");
	assert_message_names(load.error, "'c20000' depends on 'c1'");
	g_error_free(load.error);
}

static void
test_ruleset_rejects_self_dependency(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-reference-self-dependency.xml",
			       ACCORD_ERROR_REFERENCE,
			       13,
			       "'c-a'");
}

static void
test_ruleset_rejects_duplicate_rule_id(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-duplicate-rule-id.xml",
			       ACCORD_ERROR_DUPLICATE,
			       19,
			       "'r-ir'");
}

static void
test_ruleset_rejects_duplicate_criterion_id(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-duplicate-criterion-id.xml",
			       ACCORD_ERROR_DUPLICATE,
			       23,
			       "'c-csirt'");
}

static void
test_ruleset_rejects_duplicate_obligation_id(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-duplicate-obligation-id.xml",
			       ACCORD_ERROR_DUPLICATE,
			       8,
			       "'shall'");
}

static void
test_ruleset_rejects_duplicate_pillar_id(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-duplicate-pillar-id.xml",
			       ACCORD_ERROR_DUPLICATE,
			       10,
			       "'ir'");
}

static void
test_ruleset_rejects_undefined_pillar(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-reference-undefined-pillar.xml",
			       ACCORD_ERROR_REFERENCE,
			       10,
			       "'policy'");
}

static void
test_ruleset_rejects_undefined_obligation(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-reference-undefined-obligation.xml",
			       ACCORD_ERROR_REFERENCE,
			       10,
			       "'endeavor'");
}

static void
test_ruleset_rejects_undefined_fact(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-reference-undefined-fact.xml",
			       ACCORD_ERROR_REFERENCE,
			       15,
			       "'ir.teams'");
}

static void
test_ruleset_rejects_at_least_on_boolean(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-type-at-least-on-boolean.xml",
			       ACCORD_ERROR_TYPE,
			       15,
			       "'ir.csirt'");
}

static void
test_ruleset_rejects_in_on_boolean(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-type-in-on-boolean.xml",
			       ACCORD_ERROR_TYPE,
			       15,
			       "'in'");
}

static void
test_ruleset_rejects_off_scale_level(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-type-off-scale-level.xml",
			       ACCORD_ERROR_TYPE,
			       15,
			       "'ratified'");
}

static void
test_ruleset_rejects_value_not_in_enum(void **state)
{
	/* the second of the two listed values is the bad one */
	assert_ruleset_rejects(state,
			       "ruleset-type-not-enum-value.xml",
			       ACCORD_ERROR_TYPE,
			       15,
			       "'banned'");
}

static void
test_ruleset_rejects_partial_on_number(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-type-partial-on-number.xml",
			       ACCORD_ERROR_TYPE,
			       15,
			       "'workforce.size'");
}

static void
test_ruleset_rejects_partial_in_precondition(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-schema-partial-in-precondition.xml",
			       ACCORD_ERROR_SCHEMA,
			       15,
			       "partial");
}

static void
test_ruleset_rejects_several_values_for_is(void **state)
{
	/* is="true false" would otherwise load and hold for either value, like in= */
	assert_ruleset_rejects(state,
			       "ruleset-schema-several-values-for-is.xml",
			       ACCORD_ERROR_SCHEMA,
			       15,
			       "'true false'");
}

static void
test_ruleset_rejects_zero_weight(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-weight-zero.xml",
			       ACCORD_ERROR_VALUE,
			       10,
			       "'0'");
}

static void
test_ruleset_rejects_negative_weight(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-weight-negative.xml",
			       ACCORD_ERROR_VALUE,
			       13,
			       "'-1'");
}

static void
test_ruleset_rejects_weight_not_finite(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-weight-not-finite.xml",
			       ACCORD_ERROR_VALUE,
			       9,
			       "'1e999'");
}

/* each finite, but products of them overflowed to inf or underflowed to 0 in scoring */
static void
test_ruleset_rejects_weight_overflow(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-weight-overflow.xml",
			       ACCORD_ERROR_VALUE,
			       10,
			       "weight '1e308' is not a number from 0.000001 to 1000000");
}

static void
test_ruleset_rejects_weight_underflow(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-weight-underflow.xml",
			       ACCORD_ERROR_VALUE,
			       9,
			       "multiplier '1e-300' of obligation 'shall' is not a number from");
}

static void
test_ruleset_rejects_multiplier_out_of_range(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-multiplier-out-of-range.xml",
			       ACCORD_ERROR_VALUE,
			       7,
			       "multiplier '2e6' of obligation 'shall' is not a number from");
}

static void
test_ruleset_rejects_zero_multiplier(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-multiplier.xml",
			       ACCORD_ERROR_VALUE,
			       7,
			       "'shall'");
}

static void
test_ruleset_rejects_malformed_signed_date(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-malformed-date.xml",
			       ACCORD_ERROR_VALUE,
			       5,
			       "'2018-02-30'");
}

static void
test_ruleset_rejects_malformed_in_force_date(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-malformed-in-force.xml",
			       ACCORD_ERROR_VALUE,
			       5,
			       "'2020-7-01'");
}

static void
test_ruleset_rejects_malformed_number(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-malformed-number.xml",
			       ACCORD_ERROR_VALUE,
			       15,
			       "'1.2.3'");
}

static void
test_ruleset_rejects_malformed_check_date(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-value-malformed-check-date.xml",
			       ACCORD_ERROR_VALUE,
			       15,
			       "'2020-13-01'");
}

static void
test_ruleset_rejects_missing_provision(void **state)
{
	/* libxml2 blames the criterion found where the provision belongs */
	assert_ruleset_rejects(state,
			       "ruleset-schema-missing-provision.xml",
			       ACCORD_ERROR_SCHEMA,
			       12,
			       "criterion");
}

static void
test_ruleset_rejects_unknown_element(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-schema-unknown-element.xml",
			       ACCORD_ERROR_SCHEMA,
			       15,
			       "bogus");
}

/* the schema lets XML name tokens through; the loader narrows them to Accord ids */
static void
test_ruleset_rejects_bad_id(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-schema-bad-id.xml",
			       ACCORD_ERROR_SCHEMA,
			       14,
			       "attribute id '_csirt' is not an id");
}

static void
test_ruleset_rejects_bad_id_in_depends_on(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) rs =
	    load_inline(state, "<check fact=\"ir.csirt\" is=\"true\"/>", &error);
	const gchar *text =
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"inline\" version=\"1\">\n"
	    "<title>Inline</title><agreement name=\"A\"/>\n"
	    "<obligations><obligation id=\"shall\" multiplier=\"1\">B.</obligation></obligations>\n"
	    "<pillar id=\"p\"><title>P</title></pillar>\n"
	    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>\n"
	    "<provision cite=\"Art. 1\">Text.</provision>\n"
	    "<criterion id=\"c\" depends-on=\"c2 x:y\"><title>C</title>\n"
	    "<check fact=\"ir.csirt\" is=\"true\"/></criterion>\n"
	    "<criterion id=\"c2\"><title>C</title><check fact=\"ir.csirt\" "
	    "is=\"true\"/></criterion>\n"
	    "<recommendation>Do it.</recommendation></rule></ruleset>\n";
	g_autoptr(AccordRuleset) bad = NULL;

	/* the inline ruleset's ids are all fine */
	assert_non_null(rs);
	bad =
	    accord_ruleset_load_data(text, strlen(text), "d.xml", ((State *)*state)->vocab, &error);
	assert_null(bad);
	assert_accord_error(error, ACCORD_ERROR_SCHEMA, "d.xml:7: element 'criterion'");
	assert_message_names(error, "attribute depends-on 'c2 x:y' is not a list of ids");
}

/* depends-on is read word by word from the tree: ids of 63 and 64 characters (the loader's
 * stack copy holds 63) and white space of every kind around them; criterion d, the second */
static gboolean
load_long_depends(void **state, const gchar *depends, GError **error, guint *n_depends)
{
	g_autofree gchar *id63 = g_strnfill(63, 'a');
	g_autofree gchar *id64 = g_strnfill(64, 'b');
	g_autofree gchar *body =
	    g_strdup_printf("<check fact=\"ir.csirt\" is=\"true\"/></criterion>"
			    "<criterion id=\"d\" depends-on=\"%s\"><title>D</title>"
			    "<check fact=\"ir.csirt\" is=\"true\"/></criterion>"
			    "<criterion id=\"%s\"><title>A</title>"
			    "<check fact=\"ir.csirt\" is=\"true\"/></criterion>"
			    "<criterion id=\"%s\"><title>B</title>"
			    "<check fact=\"ir.csirt\" is=\"true\"/>",
			    depends,
			    id63,
			    id64);
	g_autoptr(AccordRuleset) rs = load_inline(state, body, error);

	if (rs != NULL)
		*n_depends = accord_criterion_get_n_depends(accord_ruleset_get_criterion(rs, 1));
	return rs != NULL;
}

static void
test_ruleset_reads_long_ids_in_depends_on(void **state)
{
	g_autofree gchar *id63 = g_strnfill(63, 'a');
	g_autofree gchar *id64 = g_strnfill(64, 'b');
	g_autofree gchar *both = g_strdup_printf("&#9; %s&#10;%s&#13; ", id63, id64);
	g_autofree gchar *unknown = g_strnfill(65, 'b');
	g_autoptr(GError) error = NULL;
	guint n = 0;

	assert_true(load_long_depends(state, both, &error, &n));
	assert_int_equal(n, 2);
	assert_false(load_long_depends(state, unknown, &error, &n));
	assert_accord_error(error, ACCORD_ERROR_REFERENCE, "<memory>:8: criterion 'd'");
	assert_message_names(error, unknown);
}

static void
test_ruleset_rejects_not_well_formed(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-parse-not-well-formed.xml",
			       ACCORD_ERROR_PARSE,
			       11,
			       "titel");
}

static void
test_ruleset_rejects_doctype(void **state)
{
	assert_ruleset_rejects(state,
			       "ruleset-parse-doctype.xml",
			       ACCORD_ERROR_PARSE,
			       2,
			       "DOCTYPE");
}

static void
test_ruleset_rejects_checks_nested_too_deep(void **state)
{
	assert_ruleset_rejects(state, "ruleset-parse-too-deep.xml", ACCORD_ERROR_PARSE, 47, "32");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ruleset_loads_header),
	    cmocka_unit_test(test_ruleset_counts_every_kind),
	    cmocka_unit_test(test_ruleset_keeps_obligations_and_pillars),
	    cmocka_unit_test(test_ruleset_effective_weight_is_weight_times_multiplier),
	    cmocka_unit_test(test_ruleset_keeps_rule_texts),
	    cmocka_unit_test(test_ruleset_keeps_criteria_in_file_order),
	    cmocka_unit_test(test_ruleset_keeps_criterion_weight_effort_and_depends),
	    cmocka_unit_test(test_ruleset_keeps_fact_checks),
	    cmocka_unit_test(test_ruleset_keeps_precondition_and_set_checks),
	    cmocka_unit_test(test_ruleset_keeps_date_check),
	    cmocka_unit_test(test_ruleset_keeps_not_combinator),
	    cmocka_unit_test(test_ruleset_keeps_all_and_any_with_several_values),
	    cmocka_unit_test(test_ruleset_accepts_checks_nested_32_deep),
	    cmocka_unit_test(test_ruleset_looks_pillars_up_by_id),
	    cmocka_unit_test(test_ruleset_ref_keeps_vocabulary_alive),
	    cmocka_unit_test(test_ruleset_names_enums),
	    cmocka_unit_test(test_ruleset_rejects_unknown_depends_on),
	    cmocka_unit_test(test_ruleset_rejects_dependency_cycle),
	    cmocka_unit_test(test_ruleset_rejects_self_dependency),
	    cmocka_unit_test(test_ruleset_long_dependency_chain_needs_no_deep_stack),
	    cmocka_unit_test(test_ruleset_long_dependency_cycle_is_refused),
	    cmocka_unit_test(test_ruleset_rejects_duplicate_rule_id),
	    cmocka_unit_test(test_ruleset_rejects_duplicate_criterion_id),
	    cmocka_unit_test(test_ruleset_rejects_duplicate_obligation_id),
	    cmocka_unit_test(test_ruleset_rejects_duplicate_pillar_id),
	    cmocka_unit_test(test_ruleset_rejects_undefined_pillar),
	    cmocka_unit_test(test_ruleset_rejects_undefined_obligation),
	    cmocka_unit_test(test_ruleset_rejects_undefined_fact),
	    cmocka_unit_test(test_ruleset_rejects_at_least_on_boolean),
	    cmocka_unit_test(test_ruleset_rejects_in_on_boolean),
	    cmocka_unit_test(test_ruleset_rejects_off_scale_level),
	    cmocka_unit_test(test_ruleset_rejects_value_not_in_enum),
	    cmocka_unit_test(test_ruleset_rejects_partial_on_number),
	    cmocka_unit_test(test_ruleset_rejects_partial_in_precondition),
	    cmocka_unit_test(test_ruleset_rejects_several_values_for_is),
	    cmocka_unit_test(test_ruleset_rejects_zero_weight),
	    cmocka_unit_test(test_ruleset_rejects_negative_weight),
	    cmocka_unit_test(test_ruleset_rejects_weight_not_finite),
	    cmocka_unit_test(test_ruleset_rejects_zero_multiplier),
	    cmocka_unit_test(test_ruleset_rejects_weight_overflow),
	    cmocka_unit_test(test_ruleset_rejects_weight_underflow),
	    cmocka_unit_test(test_ruleset_rejects_multiplier_out_of_range),
	    cmocka_unit_test(test_ruleset_rejects_malformed_signed_date),
	    cmocka_unit_test(test_ruleset_rejects_malformed_in_force_date),
	    cmocka_unit_test(test_ruleset_rejects_malformed_number),
	    cmocka_unit_test(test_ruleset_rejects_malformed_check_date),
	    cmocka_unit_test(test_ruleset_rejects_missing_provision),
	    cmocka_unit_test(test_ruleset_rejects_unknown_element),
	    cmocka_unit_test(test_ruleset_rejects_bad_id),
	    cmocka_unit_test(test_ruleset_rejects_bad_id_in_depends_on),
	    cmocka_unit_test(test_ruleset_reads_long_ids_in_depends_on),
	    cmocka_unit_test(test_ruleset_rejects_not_well_formed),
	    cmocka_unit_test(test_ruleset_rejects_doctype),
	    cmocka_unit_test(test_ruleset_rejects_checks_nested_too_deep),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
