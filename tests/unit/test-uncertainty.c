#include <float.h>
#include <math.h>

#include "fixtures.h"
#include "uncertainty-private.h"

/* The uncertainty analysis against the hand-checkable fixtures (scores worked out in
 * test-score.c and docs/scoring.md section 7):
 *   AA (profile-a), pillars ir 175/3 = 58.333 (weight 2) and policy 45.833 (weight 1):
 *     unknown zero:    arithmetic (2·58.333 + 45.833)/3 = 54.1667,
 *                      geometric 100·exp((2 ln 0.58333 + ln 0.45833)/3) = 53.8276
 *     unknown exclude: r-first drops out, ir = 87.5: (2·87.5 + 45.833)/3 = 73.6111
 *     unknown pass:    r-first counts 100, ir = (2·87.5 + 100)/3 = 91.667:
 *                      (2·91.667 + 45.833)/3 = 76.3889
 *   BB (profile-b) meets every criterion: 100 under every weight, aggregation and policy
 *   CC (profile-c) states only iot.regime = none: c-iot is not applicable, every other
 *     criterion unknown: 0 under zero, nothing counts (n/a) under exclude */

typedef struct {
	Fixture f;
	GPtrArray *profiles; /* AA, BB, CC */
} Data;

static void
data_load(Data *d)
{
	const gchar *names[] = {"good/profile-c.xml", "good/profile-a.xml", "good/profile-b.xml"};

	fixture_load(&d->f);
	d->profiles = g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autofree gchar *path = test_data_path(names[i]);
		g_autoptr(GError) error = NULL;
		AccordProfile *p = accord_profile_load_file(path, d->f.vocab, &error);

		assert_non_null(p);
		g_ptr_array_add(d->profiles, p);
	}
}

static void
data_clear(Data *d)
{
	g_ptr_array_unref(d->profiles);
	fixture_clear(&d->f);
}

static AccordUncertaintyOptions
options_for(guint inputs, guint64 draws)
{
	AccordUncertaintyOptions o;

	accord_uncertainty_options_init(&o);
	o.inputs = inputs;
	o.draws = draws;
	o.threads = 1;
	return o;
}

static AccordUncertainty *
analyse_with(const AccordRuleset *ruleset,
	     const GPtrArray *profiles,
	     const AccordUncertaintyOptions *o,
	     const AccordAssessmentOptions *a)
{
	g_autoptr(GError) error = NULL;
	AccordUncertainty *u = accord_uncertainty_new(ruleset, profiles, a, o, &error);

	if (u == NULL)
		print_error("%s\n", error->message);
	assert_non_null(u);
	return u;
}

static AccordUncertainty *
analyse(const Data *d, const AccordUncertaintyOptions *o)
{
	AccordAssessmentOptions a;

	accord_assessment_options_init(&a);
	return analyse_with(d->f.ruleset, d->profiles, o, &a);
}

static const AccordUncertaintyRow *
row_of(const AccordUncertainty *u, const gchar *country)
{
	const AccordUncertaintyRow *r = accord_uncertainty_find_row(u, country);

	assert_non_null(r);
	return r;
}

#define WEIGHTS	    (1u << ACCORD_UNCERTAIN_WEIGHTS)
#define AGGREGATION (1u << ACCORD_UNCERTAIN_AGGREGATION)
#define UNKNOWN	    (1u << ACCORD_UNCERTAIN_UNKNOWN)
#define EVIDENCE    (1u << ACCORD_UNCERTAIN_EVIDENCE)

/* with nothing varying every draw is the nominal score, under every policy and aggregation:
 * the re-aggregation of the precomputed outcomes agrees with engine/score.c */
static void
test_uncertainty_off_every_draw_is_nominal(void **state)
{
	Data d;
	/* AA's nominal score by hand, per policy, arithmetic then geometric (header comment) */
	const gdouble aa[3][2] = {{54.166666666666667, 53.827599257619810},
				  {73.611111111111111, 70.534108762666160},
				  {76.388888888888889, 72.755881548542480}};

	data_load(&d);
	for (guint p = 0; p <= ACCORD_UNKNOWN_PASS; p++) {
		for (guint g = 0; g <= ACCORD_AGGREGATION_GEOMETRIC; g++) {
			AccordUncertaintyOptions o = options_for(0, 600);
			AccordAssessmentOptions a;
			g_autoptr(AccordUncertainty) u = NULL;

			accord_assessment_options_init(&a);
			a.score.unknown = p;
			a.score.aggregation = g;
			u = analyse_with(d.f.ruleset, d.profiles, &o, &a);
			assert_close(row_of(u, "AA")->nominal, aa[p][g], 1e-9);
			for (guint i = 0; i < accord_uncertainty_get_n_rows(u); i++) {
				const AccordUncertaintyRow *r = accord_uncertainty_get_row(u, i);

				if (isnan(r->nominal)) {
					/* CC under exclude: nothing counts in any draw */
					assert_int_equal(r->not_applicable, 600);
					assert_true(isnan(r->median));
					continue;
				}
				assert_true(r->median == r->nominal);
				assert_true(r->lower == r->nominal);
				assert_true(r->upper == r->nominal);
				assert_int_equal(r->lower_rank, r->nominal_rank);
				assert_int_equal(r->upper_rank, r->nominal_rank);
			}
			assert_close(accord_uncertainty_get_stability(u)->same, 1.0, 0);
		}
	}
	data_clear(&d);
}

/* BB meets everything: any weights, either aggregation, any policy give 100 */
static void
test_uncertainty_perfect_profile_interval_is_100(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(WEIGHTS | AGGREGATION | UNKNOWN, 3000);
	g_autoptr(AccordUncertainty) u = NULL;
	const AccordUncertaintyRow *bb;

	data_load(&d);
	o.unknown_policies |= 1u << ACCORD_UNKNOWN_PASS;
	u = analyse(&d, &o);
	bb = row_of(u, "BB");
	assert_true(bb->lower == 100.0);
	assert_true(bb->median == 100.0);
	assert_true(bb->upper == 100.0);
	/* nobody can pass it: first in every draw */
	assert_int_equal(bb->lower_rank, 1);
	assert_int_equal(bb->upper_rank, 1);
	assert_close(bb->top, 1.0, 0);
	data_clear(&d);
}

/* only the aggregation varies, geometric with chance ½: AA is 54.1667 or 53.8276, so its 5%
 * quantile is the geometric score and its 95% the arithmetic one; CC is 0 both ways */
static void
test_uncertainty_aggregation_alone(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(AGGREGATION, 4000);
	g_autoptr(AccordUncertainty) u = NULL;

	data_load(&d);
	u = analyse(&d, &o);
	assert_close(row_of(u, "AA")->lower, 53.827599257619810, 1e-9);
	assert_close(row_of(u, "AA")->upper, 54.166666666666667, 1e-9);
	assert_true(row_of(u, "CC")->lower == 0 && row_of(u, "CC")->upper == 0);
	/* the ranking never changes: BB, AA, CC */
	assert_close(accord_uncertainty_get_stability(u)->same, 1.0, 0);
	assert_close(accord_uncertainty_get_stability(u)->median, 1.0, 0);
	data_clear(&d);
}

/* only the policy varies among zero, exclude and pass, each with chance ⅓: AA's draws are
 * 54.1667, 73.6111 and 76.3889; the 5% quantile is the first, the median the second (the
 * middle third), the 95% the third. CC is n/a under exclude (about ⅓ of the draws) */
static void
test_uncertainty_unknown_policy_alone(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(UNKNOWN, 6000);
	g_autoptr(AccordUncertainty) u = NULL;
	const AccordUncertaintyRow *cc;

	data_load(&d);
	o.unknown_policies =
	    1u << ACCORD_UNKNOWN_ZERO | 1u << ACCORD_UNKNOWN_EXCLUDE | 1u << ACCORD_UNKNOWN_PASS;
	u = analyse(&d, &o);
	assert_close(row_of(u, "AA")->lower, 54.166666666666667, 1e-9);
	assert_close(row_of(u, "AA")->median, 73.611111111111111, 1e-9);
	assert_close(row_of(u, "AA")->upper, 76.388888888888889, 1e-9);
	/* binomial(6000, ⅓): mean 2000, standard deviation 36.5; 5 of them either side */
	cc = row_of(u, "CC");
	assert_true(cc->not_applicable > 1817 && cc->not_applicable < 2183);
	data_clear(&d);
}

/* the per-draw CSV a memory stream holds, as rows of fields */
static GPtrArray *
csv_rows(GOutputStream *out)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	g_autofree gchar *text = NULL;
	gsize size;

	assert_true(g_output_stream_close(out, NULL, NULL));
	size = g_memory_output_stream_get_data_size(G_MEMORY_OUTPUT_STREAM(out));
	text = g_memory_output_stream_steal_data(G_MEMORY_OUTPUT_STREAM(out));
	/* line by line with memchr: splitting the whole text at once costs a strlen() of the rest
	 * per line under AddressSanitizer */
	for (gchar *line = text, *end; (end = memchr(line, '\n', text + size - line)) != NULL;
	     line = end + 1) {
		g_autofree gchar *copy = g_strndup(line, end - line);

		g_ptr_array_add(rows, g_strsplit(copy, ",", -1));
	}
	return rows;
}

/* the per-draw CSV of an analysis, as rows of fields */
static GPtrArray *
run_csv(const AccordRuleset *ruleset, const GPtrArray *profiles, AccordUncertaintyOptions *o)
{
	g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable();
	g_autoptr(AccordUncertainty) u = NULL;
	AccordAssessmentOptions a;

	accord_assessment_options_init(&a);
	o->draws_output = out;
	u = analyse_with(ruleset, profiles, o, &a);
	o->draws_output = NULL;
	return csv_rows(out);
}

static guint
column(const GPtrArray *rows, const gchar *name)
{
	const gchar *const *header = g_ptr_array_index(rows, 0);

	for (guint i = 0; header[i] != NULL; i++) {
		if (g_strcmp0(header[i], name) == 0)
			return i;
	}
	fail_msg("no column %s", name);
	return 0;
}

static gdouble
column_mean(const GPtrArray *rows, const gchar *name)
{
	guint c = column(rows, name);
	gdouble sum = 0;

	for (guint i = 1; i < rows->len; i++)
		sum += g_ascii_strtod(((gchar **)g_ptr_array_index(rows, i))[c], NULL);
	return sum / (rows->len - 1);
}

/* Dirichlet draws of concentration 100 around the nominal shares: pillars ir 2/3 and policy
 * 1/3; rules r-ir 2/3 and r-first 1/3 (effective weights 2 and 1) in ir, r-process and
 * r-strategy 1/2 each in policy. A share w has standard deviation √(w(1 − w)/101) ≤ 0.0497,
 * so the mean of 20,000 draws is within 0.00035 of w (one standard error); the tolerance
 * 0.003 is over 8 of them */
static void
test_uncertainty_dirichlet_means_converge(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(WEIGHTS, 20000);
	g_autoptr(GPtrArray) rows = NULL;

	data_load(&d);
	rows = run_csv(d.f.ruleset, d.profiles, &o);
	assert_int_equal(rows->len, 20001);
	assert_close(column_mean(rows, "pillar:ir"), 2.0 / 3, 0.003);
	assert_close(column_mean(rows, "pillar:policy"), 1.0 / 3, 0.003);
	assert_close(column_mean(rows, "rule:r-ir"), 2.0 / 3, 0.003);
	assert_close(column_mean(rows, "rule:r-first"), 1.0 / 3, 0.003);
	assert_close(column_mean(rows, "rule:r-process"), 0.5, 0.003);
	assert_close(column_mean(rows, "rule:r-strategy"), 0.5, 0.003);
	data_clear(&d);
}

/* with the tailoring of tests/data/good/tailoring-test.xml (r-strategy deselected, r-first
 * weight 4, c-cvd weight 3; tests/cli/cases/tailoring-score-text): AA's rules r-ir (3·1 +
 * 3·0.5)/6 = 75, r-first 0, r-process 25; pillars ir (2·75 + 2·0)/4 = 37.5 (effective weights
 * 2 and 4·0.5 = 2) and policy 25; overall (2·37.5 + 25)/3 = 33.333. With nothing varying every
 * draw is that; with the weights varying, r-ir and r-first share pillar ir half and half, and
 * r-process is alone in policy once r-strategy is left out, so only the pillars and ir's two
 * rules are drawn: the others keep their weights as scored (r-strategy 2·0.5 = 1) */
static void
test_uncertainty_follows_the_tailoring(void **state)
{
	Data d;
	g_autofree gchar *path = test_data_path("good/tailoring-test.xml");
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordUncertainty) u = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable();
	AccordUncertaintyOptions o = options_for(0, 200);
	AccordAssessmentOptions a;

	data_load(&d);
	tailoring = accord_tailoring_load_file(path, d.f.ruleset, &error);
	assert_non_null(tailoring);
	accord_assessment_options_init(&a);
	a.score.tailoring = tailoring;
	u = analyse_with(d.f.ruleset, d.profiles, &o, &a);
	assert_close(row_of(u, "AA")->nominal, 100.0 / 3, 1e-9);
	assert_true(row_of(u, "AA")->lower == row_of(u, "AA")->nominal);
	assert_true(row_of(u, "AA")->upper == row_of(u, "AA")->nominal);
	o = options_for(WEIGHTS, 20000);
	o.draws_output = out;
	g_clear_pointer(&u, accord_uncertainty_free);
	u = analyse_with(d.f.ruleset, d.profiles, &o, &a);
	rows = csv_rows(out);
	assert_close(column_mean(rows, "rule:r-ir"), 0.5, 0.003);
	assert_close(column_mean(rows, "rule:r-first"), 0.5, 0.003);
	assert_close(column_mean(rows, "rule:r-process"), 1, 0);
	assert_close(column_mean(rows, "rule:r-strategy"), 1, 0);
	assert_close(column_mean(rows, "pillar:ir"), 2.0 / 3, 0.003);
	data_clear(&d);
}

/* uniform ±25%: the pillar weight 2 is drawn from [1.5, 2.5], mean 2, standard deviation
 * 0.5/√12 = 0.144, so 20,000 draws average within 0.001 of 2 (one standard error) */
static void
test_uncertainty_uniform_weights(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(WEIGHTS, 20000);
	g_autoptr(GPtrArray) rows = NULL;
	guint c;

	data_load(&d);
	o.weight_draw = ACCORD_WEIGHT_DRAW_UNIFORM;
	rows = run_csv(d.f.ruleset, d.profiles, &o);
	c = column(rows, "pillar:ir");
	assert_close(column_mean(rows, "pillar:ir"), 2.0, 0.01);
	for (guint i = 1; i < rows->len; i++) {
		gdouble w = g_ascii_strtod(((gchar **)g_ptr_array_index(rows, i))[c], NULL);

		assert_true(w >= 1.5 && w <= 2.5);
	}
	data_clear(&d);
}

static gchar *
render(const AccordUncertainty *u)
{
	g_autoptr(AccordDocument) doc = accord_uncertainty_to_document(u);
	g_autoptr(GBytes) bytes = accord_document_render(doc, ACCORD_FORMAT_JSON, NULL);

	return g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
}

/* the same seed gives the same bytes with 1, 2 and 3 threads: the report and every line of
 * the per-draw CSV (3,000 draws are 12 blocks, so the threads interleave) */
static void
test_uncertainty_same_bytes_any_threads(void **state)
{
	Data d;
	g_autofree gchar *first = NULL;
	g_autoptr(GPtrArray) first_rows = NULL;

	data_load(&d);
	for (guint threads = 1; threads <= 3; threads++) {
		AccordUncertaintyOptions o =
		    options_for(WEIGHTS | AGGREGATION | UNKNOWN | EVIDENCE, 3000);
		g_autoptr(AccordUncertainty) u = NULL;
		g_autoptr(GPtrArray) rows = NULL;
		g_autofree gchar *json = NULL;

		o.threads = threads;
		o.sobol_samples = 300;
		o.seed = 7;
		rows = run_csv(d.f.ruleset, d.profiles, &o);
		u = analyse(&d, &o);
		json = render(u);
		if (first == NULL) {
			first = g_steal_pointer(&json);
			first_rows = g_steal_pointer(&rows);
			continue;
		}
		assert_string_equal(json, first);
		assert_int_equal(rows->len, first_rows->len);
		for (guint i = 0; i < rows->len; i++)
			assert_true(g_strv_equal(g_ptr_array_index(rows, i),
						 g_ptr_array_index(first_rows, i)));
	}
	data_clear(&d);
}

/* a one-criterion world: x.b = true, high confidence, evidence of 2010 (old against an as-of
 * date of 2025-06-30); the score is 100 when the fact holds, 0 when flipped or dropped */
static const gchar tiny_vocabulary[] =
    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
    "<fact key=\"x.b\" type=\"boolean\">b</fact></vocabulary>";
static const gchar tiny_ruleset[] =
    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"tiny\" version=\"1\"><title>t</title>"
    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
    "<provision cite=\"T 1\">text</provision><criterion id=\"c\"><title>C</title>"
    "<check fact=\"x.b\" is=\"true\"/></criterion><recommendation>do</recommendation>"
    "</rule></ruleset>";
static const gchar tiny_profile[] =
    "<profile xmlns=\"urn:accord:profile:1\" country=\"TT\" name=\"T\" as-of=\"2025-06-30\">"
    "<fact key=\"x.b\" value=\"true\" confidence=\"high\">"
    "<evidence title=\"t\" date=\"2010\"/></fact></profile>";

typedef struct {
	AccordVocabulary *vocab;
	AccordRuleset *ruleset;
	GPtrArray *profiles;
} Tiny;

/* loads a world from its texts */
static void
tiny_load_texts(Tiny *t, const gchar *vocabulary, const gchar *ruleset, const gchar *profile)
{
	g_autoptr(GError) error = NULL;

	t->vocab = accord_vocabulary_load_data(vocabulary, strlen(vocabulary), "v", &error);
	assert_non_null(t->vocab);
	t->ruleset = accord_ruleset_load_data(ruleset, strlen(ruleset), "r", t->vocab, &error);
	assert_non_null(t->ruleset);
	t->profiles = g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_ptr_array_add(t->profiles,
			accord_profile_load_data(profile, strlen(profile), "p", t->vocab, &error));
	assert_non_null(g_ptr_array_index(t->profiles, 0));
}

/* the model of a world's first country */
static AccordModel *
tiny_model(const Tiny *t, const AccordUncertaintyOptions *o)
{
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	AccordAssessmentOptions a;
	AccordModel *m;

	accord_assessment_options_init(&a);
	g_ptr_array_add(assessments,
			accord_assess(t->ruleset, g_ptr_array_index(t->profiles, 0), &a, NULL));
	m = accord_model_new(t->ruleset, assessments, NULL, o, NULL);
	assert_non_null(m);
	return m;
}

static void
tiny_load(Tiny *t)
{
	tiny_load_texts(t, tiny_vocabulary, tiny_ruleset, tiny_profile);
}

static void
tiny_clear(Tiny *t)
{
	g_ptr_array_unref(t->profiles);
	accord_ruleset_unref(t->ruleset);
	accord_vocabulary_unref(t->vocab);
}

static AccordUncertaintyOptions
tiny_options(void)
{
	AccordUncertaintyOptions o = options_for(EVIDENCE, 20000);

	for (guint i = 0; i < ACCORD_N_EVIDENCE_CLASSES; i++)
		o.flip[i] = o.drop[i] = 0;
	return o;
}

/* the confidence class acts first and the age class on what it keeps: flip high 0.1 and flip
 * old 0.2 give 0.1 + 0.9 × 0.2 = 0.28. Over 20,000 draws the share flipped has standard
 * error √(0.28 × 0.72 / 20000) = 0.0032; the tolerance 0.015 is over 4 of them. A flipped
 * fact fails its check, so the 5% quantile is 0 and the median 100 */
static void
test_uncertainty_evidence_chances_combine(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(AccordUncertainty) u = NULL;
	AccordAssessmentOptions a;

	tiny_load(&t);
	o = tiny_options();
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.1;
	o.flip[ACCORD_EVIDENCE_CLASS_OLD] = 0.2;
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_mean(rows, "flipped"), 0.28, 0.015);
	assert_close(column_mean(rows, "dropped"), 0, 0);
	assert_close(column_mean(rows, "score:TT"), 100 * 0.72, 1.5);
	accord_assessment_options_init(&a);
	u = analyse_with(t.ruleset, t.profiles, &o, &a);
	assert_close(accord_uncertainty_get_row(u, 0)->lower, 0, 0);
	assert_close(accord_uncertainty_get_row(u, 0)->median, 100, 0);
	assert_int_equal(accord_uncertainty_count_facts(u, ACCORD_EVIDENCE_CLASS_HIGH), 1);
	assert_int_equal(accord_uncertainty_count_facts(u, ACCORD_EVIDENCE_CLASS_OLD), 1);
	assert_int_equal(accord_uncertainty_count_facts(u, ACCORD_EVIDENCE_CLASS_RECENT), 0);
	tiny_clear(&t);
}

/* drop old 0.3: dropped in 30% of the draws, scored 0 as unknown under the nominal policy;
 * with a chance of 1 every draw drops it, so the interval is [0, 0] */
static void
test_uncertainty_evidence_drop(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(AccordUncertainty) u = NULL;
	AccordAssessmentOptions a;

	tiny_load(&t);
	o = tiny_options();
	o.drop[ACCORD_EVIDENCE_CLASS_OLD] = 0.3;
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_mean(rows, "dropped"), 0.3, 0.015);
	assert_close(column_mean(rows, "flipped"), 0, 0);
	o.drop[ACCORD_EVIDENCE_CLASS_OLD] = 1;
	accord_assessment_options_init(&a);
	u = analyse_with(t.ruleset, t.profiles, &o, &a);
	assert_true(accord_uncertainty_get_row(u, 0)->upper == 0);
	tiny_clear(&t);
}

/* a unit changes when its 16 bits are below its threshold, the chance × 2^16: flip high
 * 1/512 gives 2^7, so 1/512 = 0.00195 of the draws. Were only the top byte compared (a
 * threshold of 0 at that precision, or one byte in 256), it would be 0 or 1/256 = 0.00391.
 * Over 50,000 draws the share has standard error √(0.00195/50000) = 0.0002; the tolerance
 * 0.0009 is over 4 of them, and under half the distance to either wrong answer */
static void
test_uncertainty_evidence_small_chance(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o;
	g_autoptr(GPtrArray) rows = NULL;

	tiny_load(&t);
	o = tiny_options();
	o.draws = 50000;
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 1.0 / 512;
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_mean(rows, "flipped"), 1.0 / 512, 0.0009);
	assert_close(column_mean(rows, "dropped"), 0, 0);
	tiny_clear(&t);
}

/* two facts, and a rule of two criteria: c-both needs x.a and x.b, c-a needs x.a. Both
 * facts true, high confidence, recent evidence. The criteria share x.a, so they are one unit
 * over both facts: 3 × 3 = 9 joint states (each fact kept, dropped or flipped), x.a the
 * place value 1 and x.b 3 (key order) */
static const gchar pair_vocabulary[] =
    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
    "<fact key=\"x.a\" type=\"boolean\">a</fact>"
    "<fact key=\"x.b\" type=\"boolean\">b</fact></vocabulary>";
static const gchar pair_ruleset[] =
    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"pair\" version=\"1\"><title>t</title>"
    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
    "<provision cite=\"T 1\">text</provision>"
    "<criterion id=\"c-both\"><title>C</title><all><check fact=\"x.a\" is=\"true\"/>"
    "<check fact=\"x.b\" is=\"true\"/></all></criterion>"
    "<criterion id=\"c-a\"><title>C</title><check fact=\"x.a\" is=\"true\"/></criterion>"
    "<recommendation>do</recommendation></rule></ruleset>";
static const gchar pair_profile[] =
    "<profile xmlns=\"urn:accord:profile:1\" country=\"PP\" name=\"P\" as-of=\"2025-06-30\">"
    "<fact key=\"x.a\" value=\"true\" confidence=\"high\"><evidence title=\"t\" "
    "date=\"2025-01\"/></fact><fact key=\"x.b\" value=\"true\" confidence=\"high\">"
    "<evidence title=\"t\" date=\"2025-01\"/></fact></profile>";

static void
tiny_load_pair(Tiny *t)
{
	tiny_load_texts(t, pair_vocabulary, pair_ruleset, pair_profile);
}

static void
assert_delta(const AccordCountryModel *c, guint state, gint known, gint unknown, gdouble w[3])
{
	const AccordRuleDelta *d = &c->deltas[c->delta_start[c->unit_first[0] + state]];

	assert_int_equal(c->delta_start[c->unit_first[0] + state + 1] -
			     c->delta_start[c->unit_first[0] + state],
			 1);
	assert_int_equal(d->slot, 0);
	assert_int_equal(d->known, known);
	assert_int_equal(d->unknown, unknown);
	assert_close(d->numerator, w[0], 0);
	assert_close(d->denominator, w[1], 0);
	assert_close(d->unknown_weight, w[2], 0);
}

/* the unit's deltas against both facts kept (both criteria pass, weight 1 each: Σw·c 2,
 * Σw 2): x.a flipped (state 2) fails both: numerator −2; x.b flipped (state 2·3 = 6) fails
 * c-both: −1; x.a dropped (1) makes both unknown: 2 known criteria fewer, 2 unknown more,
 * Σw·c and Σw −2, unknown weight +2; x.a dropped and x.b flipped (1 + 6 = 7): c-both fails
 * whatever x.a holds (known, credit 0) and c-a is unknown: numerator −2, Σw −1, one unknown
 * more and one known fewer */
static void
test_uncertainty_unit_of_shared_facts(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	const AccordCountryModel *c;

	tiny_load_pair(&t);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.3;
	m = tiny_model(&t, &o);
	c = &m->countries[0];
	assert_int_equal(c->n_facts, 2);
	assert_int_equal(c->n_units, 1);
	assert_int_equal(c->delta_start[c->unit_first[0] + 1] - c->delta_start[c->unit_first[0]],
			 0);
	assert_delta(c, 2, 0, 0, (gdouble[]){-2, 0, 0});
	assert_delta(c, 6, 0, 0, (gdouble[]){-1, 0, 0});
	assert_delta(c, 1, -2, 2, (gdouble[]){-2, -2, 2});
	assert_delta(c, 7, -1, 1, (gdouble[]){-2, -1, 1});
	tiny_clear(&t);
}

/* the unit of the same world as a draw picks its state: each fact flips with chance 0.3 and
 * is never dropped, so the reachable states are x.a flipped (state 2: 0.3 × 0.7 = 0.21), x.b
 * flipped (6: 0.7 × 0.3 = 0.21) and both (8: 0.09), most likely first and ties in state
 * order. Thresholds are the cumulative chances × 2^16 = 65,536, rounded: 0.21 gives
 * 13,762.56, 0.42 27,525.12, 0.51 33,423.36; the last is the unit's */
static void
test_uncertainty_unit_state_chances(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	const AccordCountryModel *c;
	const AccordUnitState *s;

	tiny_load_pair(&t);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.3;
	m = tiny_model(&t, &o);
	c = &m->countries[0];
	assert_int_equal(c->n_exact, 0);
	assert_int_equal(c->units[0].n_states, 3);
	assert_true(c->units[0].change == 33423);
	s = c->unit_states + c->units[0].states;
	assert_true(s[0].below == 13763);
	assert_true(s[1].below == 27525);
	assert_true(s[2].below == 33423);
	assert_int_equal(s[0].deltas, c->delta_start[c->unit_first[0] + 2]);
	assert_int_equal(s[1].deltas, c->delta_start[c->unit_first[0] + 6]);
	assert_int_equal(s[2].deltas, c->delta_start[c->unit_first[0] + 8]);
	assert_int_equal(s[2].end, c->delta_start[c->unit_first[0] + 9]);
	assert_int_equal(s[0].flipped, 1);
	assert_int_equal(s[2].flipped, 2);
	assert_int_equal(s[2].dropped, 0);
	tiny_clear(&t);
}

/* the same world drawn: each fact flips with chance 0.3 and is never dropped. x.a flipped
 * (0.3): both fail, 0; x.a kept, x.b flipped (0.7 × 0.3 = 0.21): c-a alone passes, 50; both
 * kept (0.49): 100. Mean 0.21·50 + 0.49·100 = 59.5, standard deviation
 * √(0.21·2500 + 0.49·10000 − 59.5²) = 43.4, so over 20,000 draws a standard error of 0.31;
 * the tolerance 1.5 is nearly 5 of them. Flips: 2 × 0.3 = 0.6 a draw, standard error
 * √(2·0.21/20000) = 0.0046, tolerance 0.025 */
static void
test_uncertainty_shared_facts_drawn(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(GPtrArray) rows = NULL;

	tiny_load_pair(&t);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.3;
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_mean(rows, "score:PP"), 59.5, 1.5);
	assert_close(column_mean(rows, "flipped"), 0.6, 0.025);
	assert_close(column_mean(rows, "dropped"), 0, 0);
	tiny_clear(&t);
}

/* three enum facts of ten symbols, each 11 states (kept, dropped, 9 flips): c-12 needs x.e1
 * and x.e2 at s0, c-23 needs x.e2 and x.e3 at s0. Together they would be 11³ = 1331 joint
 * states, above the 1024 units merge to, so c-23 is a unit of its own and x.e2 is in both:
 * such facts are drawn one by one. Each flips with chance 0.3 (any flip fails its check). If
 * x.e2 were drawn apart for each unit, both criteria would pass with chance 0.49² = 0.24;
 * drawn once, all three facts must be kept: 0.7³ = 0.343, and both fail with chance
 * 1 − (0.49 + 0.49 − 0.343) = 0.363. Over 20,000 draws a share near 0.35 has standard
 * error √(0.343 · 0.657 / 20000) = 0.0034; the tolerance 0.015 is over 4 of them. Flips:
 * 3 × 0.3 = 0.9 a draw, standard error √(3 · 0.21 / 20000) = 0.0056, tolerance 0.03 */
static const gchar shared_vocabulary[] =
    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
    "<fact key=\"x.e1\" type=\"enum\" values=\"s0 s1 s2 s3 s4 s5 s6 s7 s8 s9\">a</fact>"
    "<fact key=\"x.e2\" type=\"enum\" values=\"s0 s1 s2 s3 s4 s5 s6 s7 s8 s9\">b</fact>"
    "<fact key=\"x.e3\" type=\"enum\" values=\"s0 s1 s2 s3 s4 s5 s6 s7 s8 s9\">c</fact>"
    "</vocabulary>";
static const gchar shared_ruleset[] =
    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"shared\" version=\"1\"><title>t</title>"
    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
    "<provision cite=\"T 1\">text</provision>"
    "<criterion id=\"c-12\"><title>C</title><all><check fact=\"x.e1\" in=\"s0\"/>"
    "<check fact=\"x.e2\" in=\"s0\"/></all></criterion>"
    "<criterion id=\"c-23\"><title>C</title><all><check fact=\"x.e2\" in=\"s0\"/>"
    "<check fact=\"x.e3\" in=\"s0\"/></all></criterion>"
    "<recommendation>do</recommendation></rule></ruleset>";
static const gchar shared_profile[] =
    "<profile xmlns=\"urn:accord:profile:1\" country=\"SS\" name=\"S\" as-of=\"2025-06-30\">"
    "<fact key=\"x.e1\" value=\"s0\" confidence=\"high\"><evidence title=\"t\" "
    "date=\"2025-01\"/></fact><fact key=\"x.e2\" value=\"s0\" confidence=\"high\">"
    "<evidence title=\"t\" date=\"2025-01\"/></fact><fact key=\"x.e3\" value=\"s0\" "
    "confidence=\"high\"><evidence title=\"t\" date=\"2025-01\"/></fact></profile>";

static gdouble
column_share(const GPtrArray *rows, const gchar *name, gdouble value)
{
	guint c = column(rows, name), n = 0;

	for (guint i = 1; i < rows->len; i++)
		n += g_ascii_strtod(((gchar **)g_ptr_array_index(rows, i))[c], NULL) == value;
	return (gdouble)n / (rows->len - 1);
}

static void
test_uncertainty_fact_in_two_units(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	g_autoptr(GPtrArray) rows = NULL;

	tiny_load_texts(&t, shared_vocabulary, shared_ruleset, shared_profile);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.3;
	m = tiny_model(&t, &o);
	assert_int_equal(m->countries[0].n_units, 2);
	assert_int_equal(m->countries[0].n_exact, 3);
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_share(rows, "score:SS", 100), 0.343, 0.015);
	assert_close(column_share(rows, "score:SS", 0), 0.363, 0.015);
	assert_close(column_mean(rows, "flipped"), 0.9, 0.03);
	assert_close(column_mean(rows, "dropped"), 0, 0);
	tiny_clear(&t);
}

/* every row of a per-draw CSV has @score in @score_column and @flipped flips */
static void
assert_every_draw(const GPtrArray *rows, const gchar *score_column, gdouble score, guint flipped)
{
	guint s = column(rows, score_column), f = column(rows, "flipped");

	assert_true(rows->len > 1);
	for (guint i = 1; i < rows->len; i++) {
		const gchar *const *row = g_ptr_array_index(rows, i);

		assert_true(g_ascii_strtod(row[s], NULL) == score);
		assert_int_equal(g_ascii_strtoull(row[f], NULL, 10), flipped);
	}
}

/* the world of facts drawn one by one, each flipping with chance 1: in every draw all three
 * flip and both criteria fail, so every one of 300 draws (a batch of 256 and part of one,
 * in chunks of 64) scores 0 with 3 flips. A run whose facts drawn one by one were skipped
 * would score 100 */
static void
test_uncertainty_every_run_draws_its_facts(void **state)
{
	Tiny t;
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(GPtrArray) rows = NULL;

	tiny_load_texts(&t, shared_vocabulary, shared_ruleset, shared_profile);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 1;
	o.draws = 300;
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_int_equal(rows->len, 301);
	assert_every_draw(rows, "score:SS", 0, 3);
	tiny_clear(&t);
}

/* one boolean fact, true, read by a criterion in each of three rules of one pillar: one unit
 * whose flipped state changes three rules, so three deltas, the third past the two a draw
 * adds with no branch. With the flip chance 1 every draw flips it and every rule fails:
 * score 0 in each of 300 draws. Adding only the first delta would leave 66.67, only the first
 * two 33.33 */
static void
test_uncertainty_unit_state_of_three_rules(void **state)
{
	static const gchar vocabulary[] =
	    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
	    "<fact key=\"x.b\" type=\"boolean\">b</fact></vocabulary>";
	g_autoptr(GString) ruleset = g_string_new(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"three\" version=\"1\"><title>t</title>"
	    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
	    "</obligations><pillar id=\"p\"><title>P</title></pillar>");
	static const gchar profile[] =
	    "<profile xmlns=\"urn:accord:profile:1\" country=\"TT\" name=\"T\" "
	    "as-of=\"2025-06-30\"><fact key=\"x.b\" value=\"true\" confidence=\"high\">"
	    "<evidence title=\"t\" date=\"2025-01\"/></fact></profile>";
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	Tiny t;

	for (guint r = 0; r < 3; r++)
		g_string_append_printf(ruleset,
				       "<rule id=\"r%u\" pillar=\"p\" obligation=\"shall\">"
				       "<title>R</title><provision cite=\"T %u\">text</provision>"
				       "<criterion id=\"c%u\"><title>C</title>"
				       "<check fact=\"x.b\" is=\"true\"/></criterion>"
				       "<recommendation>do</recommendation></rule>",
				       r,
				       r,
				       r);
	g_string_append(ruleset, "</ruleset>");
	tiny_load_texts(&t, vocabulary, ruleset->str, profile);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 1;
	o.draws = 300;
	m = tiny_model(&t, &o);
	assert_int_equal(m->countries[0].n_units, 1);
	assert_false(m->countries[0].units[0].single);
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_every_draw(rows, "score:TT", 0, 1);
	tiny_clear(&t);
}

/* 70 boolean facts, all true, high confidence, recent evidence, and one rule of 70 criteria
 * each checking one of them: 70 units, more than the 64 a draw compares in one word. Each
 * flips with chance 0.3 and fails its criterion: flips per draw are Binomial(70, 0.3), mean
 * 21 and variance 70 · 0.21 = 14.7, so over 20,000 draws a standard error of 0.027; the
 * score is 100 (1 − flips/70), mean 70, standard error 100 · √(0.21/70/20000) = 0.039. Were
 * the units past the 64th never drawn, the mean would be 64 · 0.3 = 19.2 flips and a score of
 * 72.6; the tolerances 0.15 and 0.2 are over 5 standard errors and far from that */
/* the world of 70 one-fact units: 70 boolean facts, all true, and one rule of 70 criteria */
static void
wide_load(Tiny *t)
{
	g_autoptr(GString) vocabulary =
	    g_string_new("<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">");
	g_autoptr(GString) ruleset = g_string_new(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"wide\" version=\"1\"><title>t</title>"
	    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
	    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
	    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
	    "<provision cite=\"T 1\">text</provision>");
	g_autoptr(GString) profile =
	    g_string_new("<profile xmlns=\"urn:accord:profile:1\" country=\"WW\" name=\"W\" "
			 "as-of=\"2025-06-30\">");

	for (guint i = 0; i < 70; i++) {
		g_string_append_printf(vocabulary,
				       "<fact key=\"x.b%02u\" type=\"boolean\">b</fact>",
				       i);
		g_string_append_printf(ruleset,
				       "<criterion id=\"c-%02u\"><title>C</title>"
				       "<check fact=\"x.b%02u\" is=\"true\"/></criterion>",
				       i,
				       i);
		g_string_append_printf(profile,
				       "<fact key=\"x.b%02u\" value=\"true\" confidence=\"high\">"
				       "<evidence title=\"t\" date=\"2025-01\"/></fact>",
				       i);
	}
	g_string_append(vocabulary, "</vocabulary>");
	g_string_append(ruleset, "<recommendation>do</recommendation></rule></ruleset>");
	g_string_append(profile, "</profile>");
	tiny_load_texts(t, vocabulary->str, ruleset->str, profile->str);
}

static void
test_uncertainty_more_units_than_a_word(void **state)
{
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	Tiny t;

	wide_load(&t);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.3;
	m = tiny_model(&t, &o);
	assert_int_equal(m->countries[0].n_units, 70);
	assert_int_equal(m->countries[0].n_exact, 0);
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_mean(rows, "flipped"), 21, 0.15);
	assert_close(column_mean(rows, "score:WW"), 70, 0.2);
	tiny_clear(&t);
}

/* the batch of @n runs (at most 71) of the model @m with @widest runs' generators stepping
 * together: the scores, flips and drops it gives (in @out) */
static AccordRun *
run_counting(const AccordModel *m, guint n, guint widest, gboolean count, gdouble out[3][71])
{
	AccordRun *run = accord_run_new(m, n);
	guint64 seeds[71 * ACCORD_N_UNCERTAIN_INPUTS];

	for (guint i = 0; i < G_N_ELEMENTS(seeds); i++)
		seeds[i] = accord_run_seed(7, 0, i, 0);
	run->widest = widest;
	run->count_changes = count;
	accord_run_draw(run, n, seeds);
	for (guint i = 0; i < n; i++) {
		out[0][i] = run->scores[i];
		out[1][i] = run->flipped[i];
		out[2][i] = run->dropped[i];
	}
	return run;
}

static AccordRun *
run_grouped(const AccordModel *m, guint n, guint widest, gdouble out[3][71])
{
	return run_counting(m, n, widest, TRUE, out);
}

/* check_groups() for a batch of @n runs */
static void
check_group_numbers(const AccordModel *m, const AccordCountryModel *c, guint n, guint exact)
{
	gdouble alone[3][71] = {{0}}, grouped[3][71] = {{0}};

	accord_run_free(run_grouped(m, n, 1, alone));
	for (guint widest = 1; widest <= 4; widest *= 2) {
		g_autoptr(AccordRun) run = run_grouped(m, n, widest, grouped);

		assert_memory_equal(alone, grouped, sizeof alone);
		for (guint pos = n - (n - 1) % 64 - 1; pos < n; pos++) {
			guint32 generator[4];

			accord_xoshiro_seed(generator, run->evidence[run->run_at[pos]]);
			for (guint k = 0; k < exact + c->n_exact; k += 2) {
				guint32 x = accord_xoshiro_next(generator);

				for (guint h = 0; h < 2; h++) {
					if (k + h >= exact + c->n_exact ||
					    (k + h >= c->n_units && k + h < exact))
						continue;
					assert_true(accord_run_number(run, pos, k + h) ==
						    (h == 0 ? x & 0xffff : x >> 16));
				}
			}
		}
	}
}

/* the runs of a chunk take their evidence the ways the processor allows: draw by draw, or
 * with AVX2's or AVX-512's tables (fewer where it does not: the test then checks those it
 * has). Whatever the path, the same scores, flips and drops; and each number of the last
 * chunk's runs (of 71 runs, 7; of 16, sixteen, which step together) is what its generator
 * alone gives: unit or fact k takes the low 16 bits (k even) or the high 16 bits (k odd) of
 * output k/2 + 1 of the run's generator. Two worlds: 70 units and one with three facts drawn
 * one by one after the units */
static void
check_groups(const Tiny *t, AccordUncertaintyOptions *o)
{
	g_autoptr(AccordModel) m = tiny_model(t, o);
	const AccordCountryModel *c = &m->countries[0];
	guint exact = (guint)accord_round_up(c->n_units, 4);

	for (guint n = 71; n >= 16; n = n == 71 ? 16 : 0)
		check_group_numbers(m, c, n, exact);
}

/* @text with @insert put before the first @before */
static gchar *
text_with(const gchar *text, const gchar *before, const gchar *insert)
{
	const gchar *at = strstr(text, before);

	g_assert_nonnull(at);
	return g_strdup_printf("%.*s%s%s", (gint)(at - text), text, insert, at);
}

static void
test_uncertainty_numbers_by_group(void **state)
{
	AccordUncertaintyOptions o = tiny_options();
	g_autofree gchar *vocabulary = text_with(shared_vocabulary,
						 "</vocabulary>",
						 "<fact key=\"x.b\" type=\"boolean\">b</fact>");
	g_autofree gchar *ruleset =
	    text_with(shared_ruleset,
		      "<recommendation>",
		      "<criterion id=\"c-b\"><title>C</title><check fact=\"x.b\" is=\"true\"/>"
		      "</criterion>");
	g_autofree gchar *profile =
	    text_with(shared_profile,
		      "</profile>",
		      "<fact key=\"x.b\" value=\"true\" confidence=\"high\"><evidence "
		      "title=\"t\" date=\"2025-01\"/></fact>");
	Tiny t;

	wide_load(&t);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.3;
	check_groups(&t, &o);
	tiny_clear(&t);
	tiny_load_texts(&t, shared_vocabulary, shared_ruleset, shared_profile);
	check_groups(&t, &o);
	tiny_clear(&t);
	/* and its rule changed by a unit with tables (x.b's) as well: the rule's value cannot be
	 * looked up, since the facts drawn one by one add to its sums after the tables */
	tiny_load_texts(&t, vocabulary, ruleset, profile);
	check_groups(&t, &o);
	tiny_clear(&t);
}

/* where the processor has AVX2 or AVX-512, a unit of fewer than 16 states adds its changes for
 * every run of a chunk at once, from tables; a larger one run by run. A world of both, whose draws
 * take the policies zero and exclude (so runs of either policy share blocks of eight), with
 * low-confidence facts flipped (0.3) and dropped (0.2): x.l (adopted, read at least draft:
 * its one flip, to draft, changes no rule), x.b, x.m (read in both rules: a unit of two rules)
 * and x.e, an enum of 20 symbols (dropped, or flipped to any of 19: 20 states). Whatever the
 * width, 71 runs give the same scores, flips and drops; their means are worked out by hand:
 * flips 4 × 0.3 = 1.2 a draw, drops 4 × 0.2 = 0.8 */
static const gchar tables_vocabulary[] =
    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
    "<scale id=\"s\"><level id=\"none\">n</level><level id=\"draft\">d</level>"
    "<level id=\"adopted\">a</level></scale>"
    "<fact key=\"x.l\" type=\"level\" scale=\"s\">l</fact>"
    "<fact key=\"x.b\" type=\"boolean\">b</fact><fact key=\"x.m\" type=\"boolean\">m</fact>"
    "<fact key=\"x.e\" type=\"enum\" values=\"s0 s1 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 s12 s13 "
    "s14 s15 s16 s17 s18 s19\">e</fact></vocabulary>";
static const gchar tables_ruleset[] =
    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"tables\" version=\"1\"><title>t</title>"
    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
    "<rule id=\"r1\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
    "<provision cite=\"T 1\">text</provision>"
    "<criterion id=\"c-l\"><title>C</title><check fact=\"x.l\" at-least=\"draft\"/></criterion>"
    "<criterion id=\"c-b\"><title>C</title><check fact=\"x.b\" is=\"true\"/></criterion>"
    "<criterion id=\"c-m1\"><title>C</title><check fact=\"x.m\" is=\"true\"/></criterion>"
    "<recommendation>do</recommendation></rule>"
    "<rule id=\"r2\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
    "<provision cite=\"T 2\">text</provision>"
    "<criterion id=\"c-e\"><title>C</title><check fact=\"x.e\" in=\"s0\"/></criterion>"
    "<criterion id=\"c-m2\"><title>C</title><check fact=\"x.m\" is=\"true\"/></criterion>"
    "<recommendation>do</recommendation></rule></ruleset>";
static const gchar tables_profile[] =
    "<profile xmlns=\"urn:accord:profile:1\" country=\"TT\" name=\"T\" as-of=\"2025-06-30\">"
    "<fact key=\"x.l\" value=\"adopted\" confidence=\"low\"><evidence title=\"t\" "
    "date=\"2025-01\"/></fact><fact key=\"x.b\" value=\"true\" confidence=\"low\">"
    "<evidence title=\"t\" date=\"2025-01\"/></fact><fact key=\"x.m\" value=\"true\" "
    "confidence=\"low\"><evidence title=\"t\" date=\"2025-01\"/></fact>"
    "<fact key=\"x.e\" value=\"s0\" confidence=\"low\"><evidence title=\"t\" "
    "date=\"2025-01\"/></fact></profile>";

/* the model of a world whose low-confidence facts are flipped (0.3) and dropped (0.2), its
 * draws taking the policies zero and exclude */
static AccordModel *
low_model(Tiny *t, const gchar *vocabulary, const gchar *ruleset, const gchar *profile)
{
	AccordUncertaintyOptions o = tiny_options();

	tiny_load_texts(t, vocabulary, ruleset, profile);
	o.inputs = UNKNOWN | EVIDENCE;
	o.flip[ACCORD_EVIDENCE_CLASS_LOW] = 0.3;
	o.drop[ACCORD_EVIDENCE_CLASS_LOW] = 0.2;
	return tiny_model(t, &o);
}

/* a batch that drew 71 runs (its last chunk of 7) then draws 128 scores them as a new batch
 * does: nothing the positions past the 71st were given is left in the sums */
static void
assert_reused_batch(const AccordModel *m)
{
	g_autoptr(AccordRun) reused = accord_run_new(m, 128);
	g_autoptr(AccordRun) fresh = accord_run_new(m, 128);
	guint64 seeds[128 * ACCORD_N_UNCERTAIN_INPUTS];

	for (guint i = 0; i < G_N_ELEMENTS(seeds); i++)
		seeds[i] = accord_run_seed(11, 0, i, 0);
	accord_run_draw(reused, 71, seeds);
	accord_run_draw(reused, 128, seeds);
	accord_run_draw(fresh, 128, seeds);
	assert_memory_equal(reused->scores, fresh->scores, 128 * m->n_countries * sizeof(gdouble));
}

static void
test_uncertainty_tables_and_runs(void **state)
{
	g_autoptr(AccordModel) m = NULL;
	const AccordCountryModel *c;
	gdouble alone[3][71], wide[3][71], flips = 0, drops = 0;
	guint tabled = 0;
	Tiny t;

	m = low_model(&t, tables_vocabulary, tables_ruleset, tables_profile);
	c = &m->countries[0];
	assert_int_equal(c->n_units, 4);
	assert_int_equal(c->n_exact, 0);
	for (guint u = 0; u < c->n_units; u++)
		tabled += c->units[u].tabled;
	/* every unit but x.e's, where the tables are kept */
	assert_int_equal(tabled, accord_evidence_widest_group() >= 2 ? 3 : 0);
	accord_run_free(run_grouped(m, 71, 1, alone));
	accord_run_free(run_grouped(m, 71, accord_evidence_widest_group(), wide));
	assert_memory_equal(alone, wide, sizeof alone);
	for (guint i = 0; i < 71; i++) {
		flips += wide[1][i];
		drops += wide[2][i];
	}
	/* not counting flips and drops (x.l's and x.b's states then not kept: their rule looks
	 * its value up) scores the same */
	accord_run_free(run_counting(m, 71, accord_evidence_widest_group(), FALSE, wide));
	assert_memory_equal(alone[0], wide[0], sizeof alone[0]);
	/* over 71 draws, standard errors √(4 · 0.21 / 71) = 0.11 and √(4 · 0.16 / 71) = 0.095 */
	assert_close(flips / 71, 1.2, 0.45);
	assert_close(drops / 71, 0.8, 0.4);
	assert_reused_batch(m);
	tiny_clear(&t);
}

/* where the processor has AVX2 or AVX-512, a rule whose units have at most ACCORD_JOINT_STATES
 * joint states looks its value up; one with more adds up its tables. A world of seven boolean facts
 * (x.a to x.g)
 * of low confidence, flipped (0.3) and dropped (0.2), so each a unit of 3 states: r-all reads
 * all seven (3⁷ = 2,187 joint states, too many), r-two reads x.a and x.b (9). Draws take the
 * policies zero and exclude. Whatever the width, 71 runs give the same scores; flips 7 × 0.3
 * = 2.1 a draw */
static void
test_uncertainty_joint_and_summed_rules(void **state)
{
	g_autoptr(GString) vocabulary =
	    g_string_new("<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">");
	g_autoptr(GString) ruleset = g_string_new(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"joint\" version=\"1\"><title>t</title>"
	    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
	    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
	    "<rule id=\"r-all\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
	    "<provision cite=\"T 1\">text</provision>");
	g_autoptr(GString) profile =
	    g_string_new("<profile xmlns=\"urn:accord:profile:1\" country=\"JJ\" name=\"J\" "
			 "as-of=\"2025-06-30\">");
	g_autoptr(AccordModel) m = NULL;
	const AccordCountryModel *c;
	gdouble alone[3][71], wide[3][71], flips = 0;
	Tiny t;

	for (guint f = 0; f < 7; f++) {
		g_string_append_printf(vocabulary,
				       "<fact key=\"x.%c\" type=\"boolean\">f</fact>",
				       'a' + f);
		g_string_append_printf(ruleset,
				       "<criterion id=\"c-%u\"><title>C</title><check "
				       "fact=\"x.%c\" is=\"true\"/></criterion>",
				       f,
				       'a' + f);
		g_string_append_printf(profile,
				       "<fact key=\"x.%c\" value=\"true\" confidence=\"low\">"
				       "<evidence title=\"t\" date=\"2025-01\"/></fact>",
				       'a' + f);
	}
	g_string_append(vocabulary, "</vocabulary>");
	g_string_append(
	    ruleset,
	    "<recommendation>do</recommendation></rule>"
	    "<rule id=\"r-two\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
	    "<provision cite=\"T 2\">text</provision>"
	    "<criterion id=\"d-0\"><title>C</title><check fact=\"x.a\" is=\"true\"/></criterion>"
	    "<criterion id=\"d-1\"><title>C</title><check fact=\"x.b\" is=\"true\"/></criterion>"
	    "<recommendation>do</recommendation></rule></ruleset>");
	g_string_append(profile, "</profile>");
	m = low_model(&t, vocabulary->str, ruleset->str, profile->str);
	c = &m->countries[0];
	assert_int_equal(c->n_units, 7);
	if (accord_evidence_widest_group() >= 2) {
		/* r-all is slot 0, r-two slot 1; two policies */
		assert_int_equal(m->n_taken, 2);
		assert_int_equal(c->joint_at[1] - c->joint_at[0], 0);
		assert_int_equal(c->joint_at[2] - c->joint_at[1], 9 * 2);
		/* r-all adds its sums: its pillar is not summed as its values are looked up */
		assert_false(c->pillar_summed[0]);
	}
	accord_run_free(run_grouped(m, 71, 1, alone));
	accord_run_free(run_grouped(m, 71, accord_evidence_widest_group(), wide));
	assert_memory_equal(alone, wide, sizeof alone);
	for (guint i = 0; i < 71; i++)
		flips += wide[1][i];
	/* standard error √(7 · 0.21 / 71) = 0.14 */
	assert_close(flips / 71, 2.1, 0.55);
	assert_reused_batch(m);
	tiny_clear(&t);
}

/* a world of two pillars, p (weight 1) and q (2), with the rules of @rules (id, pillar,
 * weight, how many facts it checks), each fact boolean, stated at low confidence, false for
 * every third fact: the texts into @t */
static void
pillars_world(Tiny *t, const gchar *const rules[][4], guint n_rules)
{
	g_autoptr(GString) vocabulary =
	    g_string_new("<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">");
	g_autoptr(GString) ruleset = g_string_new(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"pillars\" version=\"1\"><title>t"
	    "</title><agreement name=\"T\"/><obligations><obligation id=\"shall\" "
	    "multiplier=\"1\"/></obligations><pillar id=\"p\" weight=\"1\"><title>P</title>"
	    "</pillar><pillar id=\"q\" weight=\"2\"><title>Q</title></pillar>");
	g_autoptr(GString) profile =
	    g_string_new("<profile xmlns=\"urn:accord:profile:1\" country=\"PP\" name=\"P\" "
			 "as-of=\"2025-06-30\">");
	guint f = 0;

	for (guint r = 0; r < n_rules; r++) {
		g_string_append_printf(ruleset,
				       "<rule id=\"%s\" pillar=\"%s\" obligation=\"shall\" "
				       "weight=\"%s\"><title>R</title><provision cite=\"T %u\">"
				       "text</provision>",
				       rules[r][0],
				       rules[r][1],
				       rules[r][2],
				       r);
		for (guint k = 0; k < (guint)atoi(rules[r][3]); k++, f++) {
			g_string_append_printf(vocabulary,
					       "<fact key=\"x.f%u\" type=\"boolean\">f</fact>",
					       f);
			g_string_append_printf(ruleset,
					       "<criterion id=\"c-%u\"><title>C</title><check "
					       "fact=\"x.f%u\" is=\"true\"/></criterion>",
					       f,
					       f);
			g_string_append_printf(
			    profile,
			    "<fact key=\"x.f%u\" value=\"%s\" confidence=\"low\">"
			    "<evidence title=\"t\" date=\"2025-01\"/></fact>",
			    f,
			    f % 3 == 0 ? "false" : "true");
		}
		g_string_append(ruleset, "<recommendation>do</recommendation></rule>");
	}
	g_string_append(vocabulary, "</vocabulary>");
	g_string_append(ruleset, "</ruleset>");
	g_string_append(profile, "</profile>");
	tiny_load_texts(t, vocabulary->str, ruleset->str, profile->str);
}

/* two pillars whose rules all look their values up (two rules each, of weights 1 and 3, and
 * 2 and 1; each rule's criteria read two or three facts of their own), every input varying:
 * where the processor has AVX2 or AVX-512 each slot has a joint table, so the tables' path adds
 * each pillar's looked-up values into its sums as it looks them up (with AVX2), and its scores,
 * flips and drops are bit for bit those of the path one run at a time, which adds the rules'
 * sums (add_rule()) */
static void
test_uncertainty_pillars_looked_up(void **state)
{
	static const gchar *const rules[][4] = {{"r-a", "p", "1", "2"},
						{"r-b", "p", "3", "3"},
						{"r-c", "q", "2", "2"},
						{"r-d", "q", "1", "3"}};
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	gdouble alone[3][71], wide[3][71];
	Tiny t;

	pillars_world(&t, rules, G_N_ELEMENTS(rules));
	o.inputs = WEIGHTS | AGGREGATION | UNKNOWN | EVIDENCE;
	o.geometric_probability = 0.5;
	o.flip[ACCORD_EVIDENCE_CLASS_LOW] = 0.3;
	o.drop[ACCORD_EVIDENCE_CLASS_LOW] = 0.2;
	m = tiny_model(&t, &o);
	if (accord_evidence_widest_group() >= 2) {
		for (guint slot = 0; slot < m->n_rules; slot++)
			assert_true(m->countries[0].joint_at[slot] <
				    m->countries[0].joint_at[slot + 1]);
		assert_true(m->countries[0].pillar_summed[0] && m->countries[0].pillar_summed[1]);
	}
	accord_run_free(run_grouped(m, 71, 1, alone));
	accord_run_free(run_grouped(m, 71, accord_evidence_widest_group(), wide));
	assert_memory_equal(alone, wide, sizeof alone);
	assert_reused_batch(m);
	tiny_clear(&t);
}

/* A pillar's counts (Σ w over the rules that count) where its rules count in every joint state
 * under every policy of a chunk's runs are the sums of its weights, which the AVX2 look-ups
 * take from one row for all countries (AccordRun.pillar_counts) rather than add: with the
 * unknown policies zero and pass no rule ever fails to count, with zero and exclude a rule of
 * one fact dropped (chance 0.5) does under exclude, and the batch's first chunk holds runs of
 * both. Pillar p has three rules, q two. Either way the scores, flips and drops are bit for bit
 * those of the path one run at a time */
static void
test_uncertainty_pillar_counts_shared(void **state)
{
	static const gchar *const rules[][4] = {{"r-a", "p", "1", "1"},
						{"r-b", "p", "3", "1"},
						{"r-c", "p", "2", "2"},
						{"r-d", "q", "1", "1"},
						{"r-e", "q", "2", "1"}};
	static const guint policies[] = {1u << ACCORD_UNKNOWN_ZERO | 1u << ACCORD_UNKNOWN_PASS,
					 1u << ACCORD_UNKNOWN_ZERO | 1u << ACCORD_UNKNOWN_EXCLUDE};
	Tiny t;

	pillars_world(&t, rules, G_N_ELEMENTS(rules));
	for (guint k = 0; k < G_N_ELEMENTS(policies); k++) {
		AccordUncertaintyOptions o = tiny_options();
		g_autoptr(AccordModel) m = NULL;
		gdouble alone[3][71], wide[3][71];
		const AccordCountryModel *c;

		o.inputs = WEIGHTS | AGGREGATION | UNKNOWN | EVIDENCE;
		o.unknown_policies = policies[k];
		o.geometric_probability = 0.5;
		o.flip[ACCORD_EVIDENCE_CLASS_LOW] = 0.1;
		o.drop[ACCORD_EVIDENCE_CLASS_LOW] = 0.5;
		m = tiny_model(&t, &o);
		c = &m->countries[0];
		accord_run_free(run_grouped(m, 71, 1, alone));
		if (accord_evidence_widest_group() >= 2) {
			g_autoptr(AccordRun) run = run_grouped(m, 71, 2, wide);

			assert_true(c->pillar_summed[0] && c->pillar_summed[1]);
			/* each chunk's policies: those of the runs at its positions */
			for (guint chunk = 0; chunk < 2; chunk++) {
				guint taken = 0;

				for (guint i = 64 * chunk; i < MIN(64 * chunk + 64, 71); i++)
					taken |= 1u << run->unknown[run->run_at[i]];
				assert_int_equal(run->chunk_policies[chunk], taken);
			}
			/* under exclude, and there alone, a dropped fact leaves its rule out */
			for (guint p = 0; p < m->n_pillars; p++) {
				assert_int_equal(c->pillar_uncounted[p],
						 k == 0 ? 0 : 1u << ACCORD_UNKNOWN_EXCLUDE);
				/* the last chunk's runs share one policy: shared unless exclude */
				assert_int_equal(
				    run->counts_shared[p],
				    run->chunk_policies[1] == 1u << ACCORD_UNKNOWN_ZERO || k == 0);
			}
			assert_memory_equal(alone, wide, sizeof alone);
		}
		accord_run_free(run_grouped(m, 71, accord_evidence_widest_group(), wide));
		assert_memory_equal(alone, wide, sizeof alone);
		assert_reused_batch(m);
	}
	tiny_clear(&t);
}

/* Spearman's rho of one run of four countries against nominal scores 40, 30, 20, 10 (ranks 1
 * to 4), by the network (where the processor has AVX2 or AVX-512) and by the comparison sort
 * (width 1). Worked out by hand: scores 30, 40, 20, 10 rank 2, 1, 3, 4, no ties: 1 − 6 Σd² /
 * (n(n² − 1)) = 1 − 6 · 2 / 60 = 0.8. Scores 40, 40, 20, 10: average ranks 1.5, 1.5, 3, 4; less
 * the mean 2.5, (−1, −1, 0.5, 1.5) against (−1.5, −0.5, 0.5, 1.5): Σxy = 4.5, Σx² = 4.5, Σy² =
 * 5, so rho = 4.5 / √22.5 = 0.948683 */
static void
test_uncertainty_spearman_known(void **state)
{
	const gdouble swapped[] = {30, 40, 20, 10}, tied[] = {40, 40, 20, 10};
	AccordCountryModel countries[4] = {{0}};
	AccordModel m = {0};

	(void)state;
	m.n_countries = 4;
	m.countries = countries;
	for (guint c = 0; c < 4; c++)
		countries[c].nominal = 40 - 10.0 * c;
	accord_model_rank_nominal(&m);
	for (guint widest = 1; widest <= 2; widest++) {
		g_autoptr(AccordRun) run = accord_run_new(&m, 1);

		run->widest = widest;
		memcpy(run->scores, swapped, sizeof swapped);
		accord_run_rank(run, 0, TRUE);
		assert_true(accord_run_spearman(run) == 0.8);
		memcpy(run->scores, tied, sizeof tied);
		accord_run_rank(run, 0, TRUE);
		assert_close(accord_run_spearman(run), 4.5 / sqrt(22.5), 1e-15);
		assert_close(accord_run_spearman(run), 0.948683, 1e-6);
	}
	g_free(m.nominal_positions);
	g_free(m.nominal_centered);
}

/* the ranks of one run whose countries scored @scores (NAN: nothing applied), as
 * accord_run_rank() gives them: competition positions and average ranks */
static void
rank_scores(const gdouble *scores, guint n, guint *positions, gdouble *ranks)
{
	AccordModel m = {0};
	g_autoptr(AccordRun) run = NULL;

	m.n_countries = n;
	run = accord_run_new(&m, 1);
	memcpy(run->scores, scores, n * sizeof(gdouble));
	accord_run_rank(run, 0, TRUE);
	memcpy(positions, run->positions, n * sizeof(guint));
	memcpy(ranks, run->ranks, n * sizeof(gdouble));
}

/* ranking one run as engine/rank.c ranks: best first, scores within 1e-9 tied, a country
 * nothing applies to last (those tied among themselves). Worked out by hand: 100 is first;
 * the two 70s share 2 (average rank 2.5); 50 and 50 + 5e-10 share 4 (4.5); 0 is 6th; the two
 * n/a share 7 (7.5). Then the buckets' edge cases: every score the same (their range is 0),
 * scores spread over less than 1e-9 (each within 1e-9 of the next: one tie), a range so small
 * (the least subnormal) that the buckets' scale would overflow were it not taken as a tie, a
 * single score among n/a */
static void
test_uncertainty_rank_ties_and_na(void **state)
{
	const gdouble mixed[] = {50, NAN, 70, 50 + 5e-10, 70, 100, NAN, 0};
	const guint mixed_positions[] = {4, 7, 2, 4, 2, 1, 7, 6};
	const gdouble mixed_ranks[] = {4.5, 7.5, 2.5, 4.5, 2.5, 1, 7.5, 6};
	const gdouble same[] = {30, 30, 30}, close[] = {10 + 8e-10, 10, 10 + 4e-10};
	const gdouble alone[] = {NAN, 42, NAN}, tiny[] = {5e-324, 0, NAN};
	guint positions[8];
	gdouble ranks[8];

	rank_scores(mixed, 8, positions, ranks);
	assert_memory_equal(positions, mixed_positions, sizeof mixed_positions);
	assert_memory_equal(ranks, mixed_ranks, sizeof mixed_ranks);
	rank_scores(same, 3, positions, ranks);
	for (guint c = 0; c < 3; c++) {
		assert_int_equal(positions[c], 1);
		assert_close(ranks[c], 2, 0);
	}
	rank_scores(close, 3, positions, ranks);
	for (guint c = 0; c < 3; c++) {
		assert_int_equal(positions[c], 1);
		assert_close(ranks[c], 2, 0);
	}
	rank_scores(tiny, 3, positions, ranks);
	assert_int_equal(positions[0], 1);
	assert_int_equal(positions[1], 1);
	assert_int_equal(positions[2], 3);
	rank_scores(alone, 3, positions, ranks);
	assert_int_equal(positions[1], 1);
	assert_int_equal(positions[0], 2);
	assert_int_equal(positions[2], 2);
	assert_close(ranks[1], 1, 0);
	assert_close(ranks[0], 2.5, 0);
}

/* @n scores of a random kind: distinct, drawn from a few values (exact ties), with pairs
 * 5e-10 apart (near ties) or chains of steps 6e-10 (each within 1e-9 of the next, the ends
 * not), some n/a, some zero, −0 or subnormal, or huge (where the network's keys, the scores'
 * bits but the last byte, order pairs within 255 units in the last place by country) */
static void
random_scores(GRand *rand, guint kind, guint n, gdouble *scores)
{
	for (guint c = 0; c < n; c++) {
		gdouble x = g_rand_double_range(rand, 0, 100);

		switch (kind) {
		case 1:
			x = 10.0 * g_rand_int_range(rand, 0, 8);
			break;
		case 2:
			x = c % 3 == 0 && c > 0 ? scores[c - 1] + 5e-10 : x;
			break;
		case 3:
			x = 40 + 6e-10 * g_rand_int_range(rand, 0, 6);
			break;
		case 4:
			x = g_rand_int_range(rand, 0, 20) == 0 ? NAN : x;
			break;
		case 5: {
			const gdouble odd[] = {0.0, -0.0, 5e-324, 1e-310, 100.0};

			x = g_rand_int_range(rand, 0, 2) ? odd[g_rand_int_range(rand, 0, 5)] : x;
			break;
		}
		case 6:
			x = 1e300 * (1 + 1e-14 * g_rand_int_range(rand, 0, 4));
			break;
		default:
			break;
		}
		scores[c] = x;
	}
}

/* whether the sorting network must rank @n scores of random_scores() kind @kind (1), must
 * decline them (0) or may do either (-1): more than 256 countries, an n/a, or a chain of three
 * steps of 6e-10 (each within 1e-9 of the next, the ends 1.2e-9 apart: ties that depend on the
 * order) it declines; distinct scores, exact ties and ties of scores within 1e-9 of one another
 * and more than 1e-9 from the others (pairs 5e-10 apart, a step and its neighbour when the
 * next step is missing, 1.2e-9 away) it ranks */
static gint
network_must(guint kind, guint n, const gdouble *scores)
{
	gboolean step[6] = {FALSE};

	if (n > 256)
		return 0;
	switch (kind) {
	case 0:
	case 1:
	case 2:
		return 1;
	case 3:
		for (guint c = 0; c < n; c++)
			step[(guint)lround((scores[c] - 40) / 6e-10)] = TRUE;
		for (guint k = 0; k + 2 < 6; k++) {
			if (step[k] && step[k + 1] && step[k + 2])
				return 0;
		}
		return 1;
	case 4:
		for (guint c = 0; c < n; c++) {
			if (isnan(scores[c]))
				return 0;
		}
		return 1;
	default:
		return -1;
	}
}

/* test_uncertainty_rank_network()'s runs with the network of batches of width @widest: 2 (on
 * registers of eight 32-bit keys, where the processor has AVX2) or 4 (of eight doubles with
 * AVX-512, else of 32-bit keys) */
static void
check_network(guint widest)
{
	const guint sizes[] = {2, 3, 7, 8, 9, 16, 17, 64, 65, 128, 200, 255, 256, 257, 300};
	g_autoptr(GRand) rand = g_rand_new_with_seed(11);
	gboolean wide = accord_evidence_widest_group() >= 2;
	guint taken[7] = {0}, declined[7] = {0};

	for (guint kind = 0; kind < 7; kind++) {
		for (guint i = 0; i < G_N_ELEMENTS(sizes) * 20; i++) {
			guint n = sizes[i % G_N_ELEMENTS(sizes)];
			AccordModel m = {0};
			g_autoptr(AccordRun) network = NULL, sorted = NULL;
			g_autofree gdouble *scores = g_new(gdouble, n);

			m.n_countries = n;
			network = accord_run_new(&m, 1);
			network->widest = widest;
			sorted = accord_run_new(&m, 1);
			random_scores(rand, kind, n, scores);
			memcpy(sorted->scores, scores, n * sizeof(gdouble));
			sorted->widest = 1;
			accord_run_rank(sorted, 0, TRUE);
			if (!accord_run_rank_network(network, scores, TRUE)) {
				assert_true(!wide || network_must(kind, n, scores) != 1);
				declined[kind]++;
				continue;
			}
			assert_true(network_must(kind, n, scores) != 0);
			taken[kind]++;
			assert_memory_equal(network->positions,
					    sorted->positions,
					    n * sizeof(guint));
			assert_memory_equal(network->ranks, sorted->ranks, n * sizeof(gdouble));
		}
	}
	if (!wide) {
		assert_int_equal(taken[0] + taken[1] + taken[2], 0);
		return;
	}
	/* 20 runs of each size, two sizes past 256 */
	assert_int_equal(taken[0], 260);
	assert_int_equal(taken[1], 260);
	assert_int_equal(taken[2], 260);
	assert_true(taken[3] > 0 && declined[3] > 40 && taken[4] > 0 && declined[4] > 40);
}

/* the sorting network (where the processor has AVX2 or AVX-512, on registers of eight 32-bit
 * keys and of eight doubles) ranks as the comparison sort does: 2,100 runs of 2 to 300 countries
 * (past the 256 it sorts: 257 and 300 must fall back), for each kind of random_scores(), the same
 * positions and average ranks bit for bit where it ranks, and it ranks or declines as
 * network_must() says, each kind 3 and 4 seen both ways. Hand-worked: 30, 10, 20, 10 → 1, 3, 2, 3
 * (average ranks 1, 3.5, 2, 3.5) */
static void
test_uncertainty_rank_network(void **state)
{
	const gdouble hand[] = {30, 10, 20, 10};
	const guint hand_positions[] = {1, 3, 2, 3};
	const gdouble hand_ranks[] = {1, 3.5, 2, 3.5};

	(void)state;
	check_network(2);
	check_network(4);
	if (accord_evidence_widest_group() < 2)
		return;
	{
		AccordModel m = {0};
		g_autoptr(AccordRun) run = NULL;
		gdouble up = 40, above[3], below[3], two[4];

		m.n_countries = 4;
		run = accord_run_new(&m, 1);
		assert_true(accord_run_rank_network(run, hand, TRUE));
		assert_memory_equal(run->positions, hand_positions, sizeof hand_positions);
		assert_memory_equal(run->ranks, hand_ranks, sizeof hand_ranks);
		/* 40 and 14 units in the last place above it (1e-13) sort by country, 40 first:
		 * the keys differ in the last byte alone. A tie whose highest is not its first
		 * place: a score more than 1e-9 above that first but not above its highest, or
		 * one not 1e-9 below its lowest, or a second tie likewise, would be tied by the
		 * comparison in an order its sort does not follow. Declined */
		for (guint i = 0; i < 14; i++)
			up = nextafter(up, 100);
		above[0] = 40, above[1] = up, above[2] = 40 + 1e-9 + 5e-14;
		below[0] = 40, below[1] = up, below[2] = 40 - 1e-9 + 5e-14;
		two[0] = 40, two[1] = up, two[2] = 40 - 1e-9 + 5e-14, two[3] = two[2] - 1e-12;
		assert_true(above[2] - 40 > 1e-9 && above[2] - up <= 1e-9);
		assert_true(up - below[2] > 1e-9 && 40 - below[2] <= 1e-9);
		assert_false(accord_run_rank_network(run, two, TRUE));
		m.n_countries = 3;
		assert_false(accord_run_rank_network(run, above, TRUE));
		assert_false(accord_run_rank_network(run, below, TRUE));
	}
	{
		/* two scores 5e-10 apart, a tie, on either side of a border between the AVX2 keys'
		 * steps (2^24 − 1 over 100 points, as uncertainty-rank.c scales them): the
		 * network, which looks for ties only where places are on one step or on two next
		 * to each other, ranks them tied, first */
		const gdouble steps_per_point = 16777215.0 / 100.0;
		const gdouble border = 8388608.0 / steps_per_point;
		const gdouble straddle[] = {border + 2e-10, 10, border - 3e-10};
		const guint positions[] = {1, 3, 1};
		const gdouble ranks[] = {1.5, 3, 1.5};
		AccordModel m = {0};
		g_autoptr(AccordRun) run = NULL;

		assert_int_equal((gint)(straddle[0] * steps_per_point), 8388608);
		assert_int_equal((gint)(straddle[2] * steps_per_point), 8388607);
		m.n_countries = 3;
		run = accord_run_new(&m, 1);
		assert_true(accord_run_rank_network(run, straddle, TRUE));
		assert_memory_equal(run->positions, positions, sizeof positions);
		assert_memory_equal(run->ranks, ranks, sizeof ranks);
	}
}

/* one enum fact of twelve symbols at s0, read by two criteria of one rule: c-0 needs s0,
 * c-far needs s0, s10 or s11. It flips with chance 0.6 and is never dropped, to one of its
 * 11 other symbols (0.6/11 each): one unit of 11 reachable states, more than the first eight
 * a draw compares at once, so s9, s10 and s11 are found past them. Kept (0.4): 100; flipped
 * to s10 or s11 (2 · 0.6/11): c-far alone passes, 50; else 0. Mean 40 + 0.6 · 2/11 · 50 =
 * 45.45, standard deviation √(0.4 · 10000 + 0.109 · 2500 − 45.45²) = 46.1, so over 20,000
 * draws a standard error of 0.33; the tolerance 1.5 is under half the distance to 40, the
 * mean were s10 and s11 never reached */
static void
test_uncertainty_unit_of_many_states(void **state)
{
	static const gchar vocabulary[] =
	    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
	    "<fact key=\"x.e\" type=\"enum\" values=\"s0 s1 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11\">"
	    "e</fact></vocabulary>";
	static const gchar ruleset[] =
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"many\" version=\"1\"><title>t</title>"
	    "<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
	    "</obligations><pillar id=\"p\"><title>P</title></pillar>"
	    "<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>R</title>"
	    "<provision cite=\"T 1\">text</provision>"
	    "<criterion id=\"c-0\"><title>C</title><check fact=\"x.e\" in=\"s0\"/></criterion>"
	    "<criterion id=\"c-far\"><title>C</title><check fact=\"x.e\" in=\"s0 s10 s11\"/>"
	    "</criterion><recommendation>do</recommendation></rule></ruleset>";
	static const gchar profile[] =
	    "<profile xmlns=\"urn:accord:profile:1\" country=\"MM\" name=\"M\" "
	    "as-of=\"2025-06-30\"><fact key=\"x.e\" value=\"s0\" confidence=\"high\">"
	    "<evidence title=\"t\" date=\"2025-01\"/></fact></profile>";
	AccordUncertaintyOptions o = tiny_options();
	g_autoptr(AccordModel) m = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	Tiny t;

	tiny_load_texts(&t, vocabulary, ruleset, profile);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.6;
	m = tiny_model(&t, &o);
	assert_int_equal(m->countries[0].n_units, 1);
	assert_int_equal(m->countries[0].units[0].n_states, 11);
	if (m->countries[0].lookup_states != NULL) {
		const AccordCountryModel *c = &m->countries[0];

		/* a look-up tells apart only the states with different terms: s1 to s9 (0),
		 * s10 and s11 (50), every fact kept (100); the thresholds between them, those
		 * after s9 and s11 */
		assert_int_equal(c->lookup_states[0], 2);
		assert_int_equal(c->lookup_below[0], c->unit_below[8]);
		assert_int_equal(c->lookup_below[1], c->unit_below[10]);
		assert_int_equal(c->lookup_below[2], G_MAXUINT32);
		assert_int_equal(c->lookup_first[1], 9);
		assert_int_equal(c->lookup_first[2], 11);
	}
	rows = run_csv(t.ruleset, t.profiles, &o);
	assert_close(column_mean(rows, "score:MM"), 40 + 0.6 * 2 / 11 * 50, 1.5);
	assert_close(column_share(rows, "score:MM", 50), 0.6 * 2 / 11, 0.01);
	assert_close(column_mean(rows, "flipped"), 0.6, 0.02);
	tiny_clear(&t);
}

/* the evidence stream is SplitMix64: the first outputs for the seed 1234567 that its
 * authors' reference code gives (they are the check values of Rosetta Code's SplitMix64
 * task) */
static void
test_uncertainty_splitmix_reference(void **state)
{
	const guint64 expected[] = {G_GUINT64_CONSTANT(6457827717110365317),
				    G_GUINT64_CONSTANT(3203168211198807973),
				    G_GUINT64_CONSTANT(9817491932198370423),
				    G_GUINT64_CONSTANT(4593380528125082431),
				    G_GUINT64_CONSTANT(16408922859458223821)};
	guint64 stream = 1234567;

	for (guint i = 0; i < G_N_ELEMENTS(expected); i++)
		assert_true(accord_splitmix_next(&stream) == expected[i]);
}

/* each run's evidence comes from xoshiro128** generators: from the state 964D4A0C D40AB895
 * AD7FDECB 3006F0F0 (hexadecimal), the outputs and states that the authors' reference code
 * gives, as the test data of the xoshiro-6502 project lists them
 * (github.com/edorfaus/xoshiro-6502, test-rom/testdata.asm) */
static void
test_uncertainty_xoshiro_reference(void **state)
{
	const guint32 expected[] = {0xF1391922, 0x6FE53806, 0xA5BE2840, 0xF510EE70};
	const guint32 after[] = {0xFC65379C, 0x52006D70, 0x87487639, 0xF1908343};
	guint32 s[4] = {0x964D4A0C, 0xD40AB895, 0xAD7FDECB, 0x3006F0F0};

	for (guint i = 0; i < G_N_ELEMENTS(expected); i++)
		assert_true(accord_xoshiro_next(s) == expected[i]);
	for (guint i = 0; i < 4; i++)
		assert_true(s[i] == after[i]);
}

/* a run's generator is seeded from SplitMix64 started at the run's seed, two outputs (low
 * word first): for the seed 1234567, the first two outputs of the SplitMix64 test above */
static void
test_uncertainty_xoshiro_seed(void **state)
{
	guint32 s[4];

	accord_xoshiro_seed(s, 1234567);
	assert_true(s[0] == (guint32)G_GUINT64_CONSTANT(6457827717110365317));
	assert_true(s[1] == (guint32)(G_GUINT64_CONSTANT(6457827717110365317) >> 32));
	assert_true(s[2] == (guint32)G_GUINT64_CONSTANT(3203168211198807973));
	assert_true(s[3] == (guint32)(G_GUINT64_CONSTANT(3203168211198807973) >> 32));
}

/* a geometric pillar (accord_add_pillars_logs()) against its formula worked out here with libm:
 * over pillar values from 10^-300 to 1, one whose sums give a value below the normal range
 * (libm's log() exactly), one at 0 and one whose rules do not count (count 0). Each term is
 * added to sums of 1, so that the additions show: the weight where the pillar counts, 1 where
 * it is at 0, w × log(value) within 2 ulp of libm's (as test_uncertainty_logarithm() has it) */
static void
test_uncertainty_pillar_logs(void **state)
{
	enum { N = 203 };
	gdouble sum[N], count[N], w[N], den[N], zeros[N], logs[N];
	g_autoptr(GRand) rand = g_rand_new_with_seed(9);

	(void)state;
	for (guint i = 0; i < N; i++) {
		count[i] = g_rand_double_range(rand, 0.5, 4);
		sum[i] = count[i] * pow(10, g_rand_double_range(rand, -300, 0));
		w[i] = 0.5 + i % 3;
		den[i] = zeros[i] = logs[i] = 1;
	}
	sum[0] = G_MINDOUBLE / 4, count[0] = 2;
	sum[1] = 0, count[1] = 3;
	sum[2] = 0, count[2] = 0;
	accord_add_pillars_logs(N, 1, &(AccordPillarRows){w, sum, count}, den, zeros, logs);
	for (guint i = 0; i < N; i++) {
		gdouble value = count[i] > 0 ? sum[i] / count[i] : 0;
		gdouble term = value > 0 ? w[i] * log(value) : 0;

		assert_true(den[i] == 1 + (count[i] > 0 ? w[i] : 0));
		assert_true(zeros[i] == (i == 1 ? 2 : 1));
		if (i <= 2)
			assert_true(logs[i] == 1 + term);
		else
			assert_true(fabs(logs[i] - (1 + term)) <=
				    2 * fabs(term) * DBL_EPSILON + DBL_EPSILON);
	}
	assert_true(sum[0] / count[0] < G_MINDOUBLE && logs[0] != 1);
}

/* pillars passed together add to the scores what each passed alone, in order, adds: the same
 * bits (three pillars of 37 scores, one of them at 0 somewhere, one not counting somewhere) */
static void
test_uncertainty_pillars_together(void **state)
{
	enum { N = 37, P = 3 };
	gdouble w[P][N], sum[P][N], count[P][N], together[4][N], alone[4][N];
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);
	AccordPillarRows rows[P];

	(void)state;
	for (guint p = 0; p < P; p++) {
		for (guint i = 0; i < N; i++) {
			w[p][i] = g_rand_double_range(rand, 0.1, 3);
			count[p][i] = (i + p) % 11 == 0 ? 0 : g_rand_double_range(rand, 0.5, 4);
			sum[p][i] = (i + 2 * p) % 7 == 0 ? 0 : count[p][i] * g_rand_double(rand);
		}
		rows[p] = (AccordPillarRows){w[p], sum[p], count[p]};
	}
	for (guint geometric = 0; geometric < 2; geometric++) {
		memset(together, 0, sizeof together);
		memset(alone, 0, sizeof alone);
		for (guint k = 0; k <= P; k++) {
			/* k = P: all together; else pillar k alone, into alone */
			gdouble(*to)[N] = k == P ? together : alone;
			guint first = k == P ? 0 : k, n = k == P ? P : 1;

			if (geometric)
				accord_add_pillars_logs(N, n, rows + first, to[1], to[2], to[3]);
			else
				accord_add_pillars(N, n, rows + first, to[0], to[1]);
		}
		assert_memory_equal(together, alone, sizeof together);
		assert_true(together[1][0] > 0);
	}
}

/* the geometric pillars' logarithms (fdlibm's method, within 1 ulp) against libm's log(),
 * which is within 1 ulp too: within 2 ulp of each other over values from 10^-300 to 10^3,
 * each side of the border where fdlibm changes formulas and log_positive() does not (the
 * mantissa's top 20 bits at 0x6147a and 0x6b851, about 1.38 and 1.42), at 1 (exactly 0) and 2
 * (exactly ln 2 as fdlibm splits it); a value of 0 adds nothing, and one below the normal range
 * is libm's log() exactly */
static void
test_uncertainty_logarithm(void **state)
{
	gdouble values[1406], weights[1406], sums[1406], ones[1406], scratch[2 * 1406] = {0};
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);
	guint n = 0;

	for (guint i = 0; i < 1000; i++)
		values[n++] = pow(10, g_rand_double_range(rand, -300, 3));
	for (gint d = -100; d <= 100; d++) {
		values[n++] = 1.0 + (gdouble)0x6147a / 0x100000 + d * 1e-9;
		values[n++] = 1.0 + (gdouble)0x6b851 / 0x100000 + d * 1e-9;
	}
	values[n++] = 1.0;
	values[n++] = 2.0;
	values[n++] = 0.0;
	values[n++] = G_MINDOUBLE / 8;
	for (guint i = 0; i < n; i++) {
		weights[i] = 0.5 + i % 3;
		sums[i] = 0;
		ones[i] = 1;
	}
	/* the values as a pillar's sums over counts of 1 */
	accord_add_pillars_logs(n,
				1,
				&(AccordPillarRows){weights, values, ones},
				scratch,
				scratch + n,
				sums);
	for (guint i = 0; i < n; i++) {
		gdouble expected = values[i] > 0 ? weights[i] * log(values[i]) : 0;

		if (values[i] == 1.0 || values[i] == 0.0)
			assert_true(sums[i] == 0);
		else if (values[i] < G_MINDOUBLE)
			assert_true(sums[i] == expected);
		else
			assert_true(fabs(sums[i] - expected) <= 2 * fabs(expected) * DBL_EPSILON);
	}
	/* eight at a time, as the evidence's scores take them where the processor has AVX-512:
	 * the same bits (each lane's sum starts at 1, so that its additions are seen too) */
	for (guint i = 0; i < n; i += 8) {
		gdouble eight[8] = {1, 1, 1, 1, 1, 1, 1, 1}, row[8] = {1, 1, 1, 1, 1, 1, 1, 1};
		gdouble v[8] = {1, 1, 1, 1, 1, 1, 1, 1}, w[8] = {0};

		memcpy(v, values + i, MIN(8, n - i) * sizeof(gdouble));
		memcpy(w, weights + i, MIN(8, n - i) * sizeof(gdouble));
		gdouble one[8] = {1, 1, 1, 1, 1, 1, 1, 1}, other[16] = {0};

		if (!accord_add_logs_eight(v, w, eight))
			return;
		accord_add_pillars_logs(8,
					1,
					&(AccordPillarRows){w, v, one},
					other,
					other + 8,
					row);
		assert_memory_equal(eight, row, sizeof row);
	}
}

/* each country's scores by position, as a batch hands them over (AccordRun.scored) */
typedef struct {
	guint n_countries;
	guint seen;
	gdouble scores[3][100];
} Handed;

static void
hand_over(gpointer data, guint country, const gdouble *scores, guint n)
{
	Handed *h = data;

	assert_true(country < h->n_countries && n <= 100);
	memcpy(h->scores[country], scores, n * sizeof(gdouble));
	h->seen |= 1u << country;
}

/* position @pos of @by_position (its scores kept by country) and run @pos of @by_row (its
 * scores in rows) ranked: the same competition positions and average ranks, bit for bit */
static void
assert_ranked_alike(AccordRun *by_position, AccordRun *by_row, guint pos)
{
	guint n = by_position->model->n_countries;

	accord_run_rank_position(by_position, pos, TRUE);
	accord_run_rank(by_row, pos, TRUE);
	assert_memory_equal(by_position->positions, by_row->positions, n * sizeof(guint));
	assert_memory_equal(by_position->ranks, by_row->ranks, n * sizeof(gdouble));
}

/* ranking a position from the scores kept by country (eight positions of a country a cache
 * line, turned into columns eight countries at a time where the processor has AVX-512, the
 * rest one by one) ranks as ranking the same scores in a row: 21 countries (two blocks of
 * eight and five) and 20 positions (two blocks of eight and four), 16 countries whose last
 * reads no further than its 20 scores, and 8 countries of 3 positions; distinct random
 * scores, so that any score taken from the wrong country or position moves ranks */
static void
test_uncertainty_rank_position_columns(void **state)
{
	const guint sizes[][2] = {{21, 20}, {16, 20}, {8, 3}};
	g_autoptr(GRand) rand = g_rand_new_with_seed(13);

	(void)state;
	for (guint i = 0; i < G_N_ELEMENTS(sizes); i++) {
		AccordModel m = {0};
		g_autoptr(AccordRun) by_position = NULL, by_row = NULL;
		guint n = sizes[i][0], runs = sizes[i][1];

		m.n_countries = n;
		by_position = accord_run_new(&m, runs);
		by_row = accord_run_new(&m, runs);
		by_position->n = by_row->n = runs;
		for (guint c = 0; c < n; c++) {
			for (guint pos = 0; pos < runs; pos++) {
				gdouble x = g_rand_double_range(rand, 0, 100);

				by_position->by_country[(gsize)c * by_position->stride + pos] = x;
				by_row->scores[(gsize)pos * n + c] = x;
			}
		}
		for (guint pos = 0; pos < runs; pos++)
			assert_ranked_alike(by_position, by_row, pos);
	}
}

/* where a block of eight positions is ranked together (with AVX2, their keys sorted in one
 * network, a position a lane), each position ranks as the comparison sort ranks its scores:
 * 2 to 256 countries (a lane's countries past a multiple of eight, of sixteen, of a power of
 * two), the positions of a block of each kind of random_scores() (distinct, exact ties, near
 * ties, chains, n/a, zeros and subnormals, huge, ties across the edge of two of the AVX2
 * keys' steps and distinct scores on one step), so that one lane declines, or ties, beside another
 * that does not; positions past the batch's last run (9 of 16) left as they are. A position of
 * distinct scores is ranked by the network (untied), not the comparison sort */
static void
test_uncertainty_rank_block_network(void **state)
{
	const guint sizes[][2] =
	    {{2, 9}, {3, 8}, {9, 16}, {17, 24}, {64, 24}, {65, 8}, {200, 40}, {255, 8}, {256, 16}};
	g_autoptr(GRand) rand = g_rand_new_with_seed(17);
	guint untied = 0;

	(void)state;
	for (guint i = 0; i < G_N_ELEMENTS(sizes); i++) {
		AccordModel m = {0};
		g_autoptr(AccordRun) by_position = NULL, sorted = NULL;
		guint n = sizes[i][0], runs = sizes[i][1];
		g_autofree gdouble *scores = g_new(gdouble, n);

		m.n_countries = n;
		by_position = accord_run_new(&m, runs);
		sorted = accord_run_new(&m, runs);
		by_position->n = sorted->n = runs;
		sorted->widest = 1;
		for (guint pos = 0; pos < runs; pos++) {
			random_scores(rand, (pos + i) % 8 % 7, n, scores);
			/* and (the eighth kind) pairs 4e-10 apart, a tie, either side of the edge
			 * of two of the AVX2 keys' steps (2^24 − 1 over 100 points), and pairs on
			 * one step 3e-9 apart, not tied, the higher first whatever the countries'
			 * order */
			for (guint c = 0; (pos + i) % 8 == 7 && c + 1 < n; c += 3) {
				gdouble edge =
				    g_rand_int_range(rand, 1, 16777215) * (100.0 / 16777215);
				gboolean across = c % 2 == 0;

				scores[c] = across ? edge + 2e-10 : edge + 1e-6;
				scores[c + 1] = across ? edge - 2e-10 : edge + 1e-6 + 3e-9;
			}
			for (guint c = 0; c < n; c++) {
				by_position->by_country[(gsize)c * by_position->stride + pos] =
				    scores[c];
				sorted->scores[(gsize)pos * n + c] = scores[c];
			}
		}
		for (guint pos = 0; pos < runs; pos++) {
			assert_ranked_alike(by_position, sorted, pos);
			if ((pos + i) % 8 == 0 && accord_evidence_widest_group() >= 2) {
				assert_true(by_position->untied);
				untied++;
			}
		}
	}
	assert_true(accord_evidence_widest_group() < 2 || untied > 10);
}

/* a batch that keeps its scores by position (no per-draw CSV) hands each country's over and
 * ranks each position, in any order, as a batch with rows ranks the run there: the same scores,
 * competition positions and average ranks, bit for bit (AA, BB and CC, every input varying, the
 * evidence flipped 0.3 and dropped 0.2, so that the rankings move) */
static void
test_uncertainty_ranked_by_position(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(WEIGHTS | AGGREGATION | UNKNOWN | EVIDENCE, 100);
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	g_autoptr(AccordModel) m = NULL;
	g_autoptr(AccordRun) rows = NULL;
	g_autoptr(AccordRun) kept = NULL;
	guint64 seeds[100 * ACCORD_N_UNCERTAIN_INPUTS];
	Handed handed = {3, 0, {{0}}};
	AccordAssessmentOptions a;
	guint moved = 0;

	data_load(&d);
	accord_assessment_options_init(&a);
	for (guint i = 0; i < 3; i++)
		g_ptr_array_add(
		    assessments,
		    accord_assess(d.f.ruleset, g_ptr_array_index(d.profiles, i), &a, NULL));
	for (guint k = 0; k < ACCORD_N_EVIDENCE_CLASSES; k++) {
		o.flip[k] = 0.3;
		o.drop[k] = 0.2;
	}
	m = accord_model_new(d.f.ruleset, assessments, NULL, &o, NULL);
	assert_non_null(m);
	for (guint i = 0; i < G_N_ELEMENTS(seeds); i++)
		seeds[i] = accord_run_seed(3,
					   0,
					   i / ACCORD_N_UNCERTAIN_INPUTS,
					   i % ACCORD_N_UNCERTAIN_INPUTS);
	rows = accord_run_new(m, 100);
	kept = accord_run_new(m, 100);
	kept->keep_rows = FALSE;
	kept->scored = hand_over;
	kept->scored_data = &handed;
	accord_run_draw(rows, 100, seeds);
	/* a block of positions ranked in an earlier draw is not taken for this one's */
	accord_run_draw(kept, 90, seeds + 10 * ACCORD_N_UNCERTAIN_INPUTS);
	accord_run_rank_position(kept, 0, TRUE);
	accord_run_draw(kept, 100, seeds);
	assert_true(rows->in_rows);
	assert_false(kept->in_rows);
	assert_int_equal(handed.seen, 7);
	/* positions in a scrambled order, across blocks */
	for (guint i = 0; i < 100; i++) {
		guint pos = i * 37 % 100, run = kept->run_at[pos];

		for (guint c = 0; c < 3; c++)
			assert_memory_equal(&handed.scores[c][pos],
					    &rows->scores[(gsize)run * 3 + c],
					    sizeof(gdouble));
		accord_run_rank(rows, run, TRUE);
		accord_run_rank_position(kept, pos, TRUE);
		assert_memory_equal(kept->positions, rows->positions, 3 * sizeof(guint));
		assert_memory_equal(kept->ranks, rows->ranks, 3 * sizeof(gdouble));
		moved += memcmp(rows->positions, m->nominal_positions, 3 * sizeof(guint)) != 0;
	}
	/* the rankings did move */
	assert_true(moved > 0);
	data_clear(&d);
}

/* an analysis gives the same figures with or without the per-draw CSV (with it the draws are
 * tallied and ranked in draw order from rows, without it as each country is scored) */
static void
test_uncertainty_same_without_csv(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(WEIGHTS | AGGREGATION | UNKNOWN | EVIDENCE, 3000);
	g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable();
	g_autoptr(AccordUncertainty) with = NULL;
	g_autoptr(AccordUncertainty) without = NULL;
	const AccordRankStability *s, *t;

	data_load(&d);
	for (guint k = 0; k < ACCORD_N_EVIDENCE_CLASSES; k++)
		o.flip[k] = 0.3;
	without = analyse(&d, &o);
	o.draws_output = out;
	with = analyse(&d, &o);
	assert_int_equal(accord_uncertainty_get_n_rows(with), 3);
	for (guint i = 0; i < 3; i++) {
		const AccordUncertaintyRow *x = accord_uncertainty_get_row(with, i);
		const AccordUncertaintyRow *y = accord_uncertainty_get_row(without, i);

		assert_memory_equal(&x->nominal,
				    &y->nominal,
				    sizeof *x - G_STRUCT_OFFSET(AccordUncertaintyRow, nominal));
	}
	s = accord_uncertainty_get_stability(with);
	t = accord_uncertainty_get_stability(without);
	assert_memory_equal(s, t, sizeof *s);
	/* the ranking moved in some draws and not in others */
	assert_true(s->same > 0 && s->same < 1);
	data_clear(&d);
}

/* a value near @x whose high word (fdlibm's hx) is @hx, then its neighbours: the edges of
 * fdlibm's exponential's cases */
static guint
around_high_word(gdouble *values, guint32 hx, gdouble sign)
{
	guint64 bits = (guint64)hx << 32;
	gdouble x;
	guint n = 0;

	memcpy(&x, &bits, sizeof x);
	for (gint d = -3; d <= 3; d++)
		values[n++] = sign * nextafter(x, d < 0 ? 0 : INFINITY) * (1 + d * 1e-15);
	return n;
}

/* the geometric scores' exponential (fdlibm's method, within 1 ulp) against libm's exp(): a
 * score is 100 exp(Σ w log v / Σ w), 0 where a pillar is at 0, n/a where nothing counts; and
 * eight at a time, as the evidence's scores take them where the processor has AVX-512, the same
 * bits */
static void
test_uncertainty_exponential(void **state)
{
	gdouble x[1200], log_sum[1200], denominator[1200], zeros[1200], scores[1200];
	g_autoptr(GRand) rand = g_rand_new_with_seed(7);
	guint n = 0;
	/* fdlibm's edges: |x| = ½ ln 2, 1.5 ln 2, 2^−28 */
	const guint32 edges[] = {0x3fd62e42, 0x3ff0a2b2, 0x3e300000};

	for (guint i = 0; i < 900; i++)
		x[n++] = g_rand_double_range(rand, -750, 2);
	for (guint i = 0; i < 100; i++)
		x[n++] = -pow(10, g_rand_double_range(rand, -12, 0));
	for (guint e = 0; e < G_N_ELEMENTS(edges); e++) {
		n += around_high_word(x + n, edges[e], 1);
		n += around_high_word(x + n, edges[e], -1);
	}
	for (gint d = -3; d <= 3; d++)
		x[n++] = -708 + d * 1e-9;
	x[n++] = 0.0;
	x[n++] = -0.0;
	x[n++] = -1e-300;
	for (guint i = 0; i < n; i++) {
		/* means of three kinds: the mean itself, twice over 2, thrice over 3 */
		denominator[i] = 1 + i % 3;
		log_sum[i] = x[i] * denominator[i];
		x[i] = log_sum[i] / denominator[i];
		zeros[i] = 0;
	}
	denominator[n] = 0;
	log_sum[n] = 0;
	zeros[n++] = 0;
	denominator[n] = 2;
	log_sum[n] = -1;
	zeros[n++] = 1;
	accord_geometric_scores(n, log_sum, denominator, zeros, scores);
	for (guint i = 0; i < n - 2; i++) {
		gdouble expected = 100.0 * exp(x[i]);

		if (x[i] <= -708 || x[i] == 0)
			/* libm's exp() takes them; 100 e^0 is 100 */
			assert_true(scores[i] == expected);
		else if (fabs(scores[i] - expected) > 2 * expected * DBL_EPSILON)
			fail_msg("exp(%.17g): %.17g, libm %.17g", x[i], scores[i] / 100, exp(x[i]));
	}
	assert_true(isnan(scores[n - 2]));
	assert_true(scores[n - 1] == 0);
	for (guint i = 0; i < n; i += 8) {
		gdouble eight[8], row[8], l[8] = {0}, d[8] = {1, 1, 1, 1, 1, 1, 1, 1}, z[8] = {0};
		guint k = MIN(8, n - i);

		memcpy(l, log_sum + i, k * sizeof(gdouble));
		memcpy(d, denominator + i, k * sizeof(gdouble));
		memcpy(z, zeros + i, k * sizeof(gdouble));
		if (!accord_geometric_scores_eight(l, d, z, eight))
			return;
		accord_geometric_scores(8, l, d, z, row);
		assert_memory_equal(eight, row, sizeof row);
	}
}

static void
assert_refused(const AccordRuleset *ruleset,
	       const GPtrArray *profiles,
	       const AccordUncertaintyOptions *o,
	       const gchar *words)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordUncertainty) u = NULL;
	AccordAssessmentOptions a;

	accord_assessment_options_init(&a);
	u = accord_uncertainty_new(ruleset, profiles, &a, o, &error);
	assert_null(u);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
	if (strstr(error->message, words) == NULL)
		fail_msg("'%s' lacks '%s'", error->message, words);
}

/* an input asked to vary that cannot change any score is refused, not skipped */
static void
test_uncertainty_refuses_input_that_cannot_vary(void **state)
{
	Tiny t;
	Data d;
	AccordUncertaintyOptions o;

	tiny_load(&t);
	data_load(&d);
	/* one pillar holding one rule: no weight to trade */
	o = options_for(WEIGHTS, 10);
	assert_refused(t.ruleset, t.profiles, &o, "'weights' cannot vary");
	/* one pillar: both aggregations agree */
	o = options_for(AGGREGATION, 10);
	assert_refused(t.ruleset, t.profiles, &o, "'aggregation' cannot vary");
	/* geometric always */
	o = options_for(AGGREGATION, 10);
	o.geometric_probability = 1;
	assert_refused(d.f.ruleset, d.profiles, &o, "'aggregation' cannot vary");
	/* one policy listed */
	o = options_for(UNKNOWN, 10);
	o.unknown_policies = 1u << ACCORD_UNKNOWN_EXCLUDE;
	assert_refused(d.f.ruleset, d.profiles, &o, "'unknown' cannot vary");
	/* the tiny profile states its one fact, and no chance drops it: nothing is unknown */
	o = tiny_options();
	o.inputs = UNKNOWN | EVIDENCE;
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.1;
	assert_refused(t.ruleset, t.profiles, &o, "'unknown' cannot vary");
	/* every chance 0 */
	o = tiny_options();
	assert_refused(t.ruleset, t.profiles, &o, "'evidence' cannot vary");
	data_clear(&d);
	tiny_clear(&t);
}

static void
assert_bad_options(const AccordUncertaintyOptions *o, const gchar *words)
{
	g_autoptr(GError) error = NULL;

	assert_false(accord_uncertainty_options_check(o, &error));
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
	if (strstr(error->message, words) == NULL)
		fail_msg("'%s' lacks '%s'", error->message, words);
}

static void
test_uncertainty_options_out_of_range(void **state)
{
	AccordUncertaintyOptions o;

	o = options_for(WEIGHTS, 0);
	assert_bad_options(&o, "draws");
	o = options_for(WEIGHTS, 10);
	o.concentration = 0;
	assert_bad_options(&o, "concentration");
	o.concentration = -1;
	assert_bad_options(&o, "concentration");
	o.concentration = NAN;
	assert_bad_options(&o, "concentration");
	o = options_for(WEIGHTS, 10);
	o.spread = 1;
	assert_bad_options(&o, "spread");
	o = options_for(WEIGHTS, 10);
	o.geometric_probability = 1.5;
	assert_bad_options(&o, "geometric");
	o.geometric_probability = -0.1;
	assert_bad_options(&o, "geometric");
	o = options_for(WEIGHTS, 10);
	o.flip[ACCORD_EVIDENCE_CLASS_LOW] = 1.1;
	assert_bad_options(&o, "flipping a fact of class low");
	o = options_for(WEIGHTS, 10);
	o.drop[ACCORD_EVIDENCE_CLASS_OLD] = -0.5;
	assert_bad_options(&o, "dropping a fact of class old");
	o = options_for(WEIGHTS, 10);
	o.flip[ACCORD_EVIDENCE_CLASS_HIGH] = 0.6;
	o.drop[ACCORD_EVIDENCE_CLASS_HIGH] = 0.6;
	assert_bad_options(&o, "add up to more than 1");
	o = options_for(WEIGHTS, 10);
	o.unknown_policies = 0;
	assert_bad_options(&o, "unknown policies");
	o = options_for(WEIGHTS, 10);
	o.old_years = 1;
	assert_bad_options(&o, "age-bands");
	/* 2^53 cannot be written exactly as a JSON number */
	o = options_for(WEIGHTS, 10);
	o.seed = G_GUINT64_CONSTANT(1) << 53;
	assert_bad_options(&o, "seed");
}

static const AccordUncertainFact *
find_fact(const AccordCountryModel *country, const gchar *key)
{
	for (guint i = 0; i < country->n_facts; i++) {
		if (g_strcmp0(accord_fact_def_get_key(country->info[i].def), key) == 0)
			return &country->info[i];
	}
	fail_msg("no uncertain fact %s", key);
	return NULL;
}

static guint32
julian(guint year, guint month, guint day)
{
	g_autoptr(GDate) date = g_date_new_dmy(day, month, year);

	return g_date_get_julian(date);
}

/* what each of AA's facts may flip to (test ruleset, docs/scoring.md section 15):
 *   ir.csirt true → false; framework.process consultation → closed or open-comment (the
 *   levels either side); iot.regime mandatory → none or voluntary-label (every other
 *   symbol); workforce.size 5000 → 999 (checked at-least 1000: the nearest value judged
 *   differently is just below); strategy.adopted 2018-05-01 → 2020-01-01 (checked
 *   on-or-after 2020-01-01: the nearest day that passes); disclosure.cvd draft → none or
 *   adopted */
static void
test_uncertainty_neighbouring_values(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(EVIDENCE, 1);
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	g_autoptr(AccordModel) m = NULL;
	const AccordCountryModel *aa;
	const AccordUncertainFact *f;
	AccordAssessmentOptions a;

	data_load(&d);
	accord_assessment_options_init(&a);
	g_ptr_array_add(assessments,
			accord_assess(d.f.ruleset, g_ptr_array_index(d.profiles, 1), &a, NULL));
	m = accord_model_new(d.f.ruleset, assessments, NULL, &o, NULL);
	assert_non_null(m);
	aa = &m->countries[0];
	f = find_fact(aa, "ir.csirt");
	assert_int_equal(f->n_neighbours, 1);
	assert_false(f->neighbours[0].v.boolean);
	f = find_fact(aa, "framework.process");
	assert_int_equal(f->n_neighbours, 2);
	assert_int_equal(f->neighbours[0].v.level, 0);
	assert_int_equal(f->neighbours[1].v.level, 2);
	f = find_fact(aa, "iot.regime");
	assert_int_equal(f->n_neighbours, 2);
	assert_int_equal(f->neighbours[0].v.symbol, 0);
	assert_int_equal(f->neighbours[1].v.symbol, 1);
	f = find_fact(aa, "workforce.size");
	assert_int_equal(f->n_neighbours, 1);
	assert_close(f->neighbours[0].v.number, 999, 0);
	f = find_fact(aa, "strategy.adopted");
	assert_int_equal(f->n_neighbours, 1);
	assert_int_equal(f->neighbours[0].v.julian, julian(2020, 1, 1));
	/* every fact is high confidence with evidence of 2024-01 (read as 2024-01-31), 1.4 years
	 * before 2025-06-30: recent. High: flip 0.02, drop 0.01, so the chance of a change is
	 * 0.03 and a change is a drop with chance ⅓ */
	assert_int_equal(f->confidence, ACCORD_EVIDENCE_CLASS_HIGH);
	assert_int_equal(f->age, ACCORD_EVIDENCE_CLASS_RECENT);
	assert_close(f->change, 0.03, 1e-12);
	assert_close(f->drop, 1.0 / 3, 1e-12);
	data_clear(&d);
}

/* evidence is aged as of the analysis's date when it has one: on 2027-06-30 AA's evidence of
 * 2024-01 (read as 2024-01-31) is 3.4 years old, dated (2 to 5 years). High and dated chances
 * combine: flip = 0.02 + (1 − 0.02 − 0.01)·0.02 = 0.0394, drop = 0.01 + 0.97·0.03 = 0.0391, so a
 * change comes with chance 0.0785 and is a drop with chance 0.0391/0.0785 */
static void
test_uncertainty_evidence_aged_as_of_the_date(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(EVIDENCE, 1);
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	g_autoptr(AccordModel) m = NULL;
	const AccordUncertainFact *f;
	AccordAssessmentOptions a;

	data_load(&d);
	accord_assessment_options_init(&a);
	g_ptr_array_add(assessments,
			accord_assess(d.f.ruleset, g_ptr_array_index(d.profiles, 1), &a, NULL));
	m = accord_model_new(d.f.ruleset, assessments, "2027-06-30", &o, NULL);
	assert_non_null(m);
	f = find_fact(&m->countries[0], "ir.csirt");
	assert_int_equal(f->age, ACCORD_EVIDENCE_CLASS_DATED);
	assert_close(f->change, 0.0785, 1e-12);
	assert_close(f->drop, 0.0391 / 0.0785, 1e-12);
	data_clear(&d);
}

/* with one factor, A_B^1 is B: Jansen's first-order estimate is exactly 1, the total-effect
 * one near 1; BB, always 100, does not vary and has no indices; the ranking never moves */
static void
test_uncertainty_sobol_one_factor(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(AGGREGATION, 10);
	g_autoptr(AccordUncertainty) u = NULL;

	data_load(&d);
	o.sobol_samples = 512;
	u = analyse(&d, &o);
	assert_int_equal(accord_uncertainty_get_design(u)->runs, 512 * 3);
	/* outputs in row order (BB, AA, CC), then the ranking; one factor each */
	assert_int_equal(accord_uncertainty_get_n_sensitivities(u), 4);
	assert_true(isnan(accord_uncertainty_get_sensitivity(u, 0)->first));
	assert_close(accord_uncertainty_get_sensitivity(u, 1)->first, 1.0, 1e-12);
	assert_close(accord_uncertainty_get_sensitivity(u, 1)->total, 1.0, 0.2);
	assert_true(isnan(accord_uncertainty_get_sensitivity(u, 3)->first));
	assert_null(accord_uncertainty_get_sensitivity(u, 3)->profile);
	data_clear(&d);
}

/* the nominal ranks are engine/rank.c's: BB 1, AA 2, CC 3; rows in that order */
static void
test_uncertainty_rows_by_nominal_rank(void **state)
{
	Data d;
	AccordUncertaintyOptions o = options_for(WEIGHTS, 100);
	g_autoptr(AccordUncertainty) u = NULL;
	const gchar *order[] = {"BB", "AA", "CC"};

	data_load(&d);
	u = analyse(&d, &o);
	for (guint i = 0; i < 3; i++) {
		const AccordUncertaintyRow *r = accord_uncertainty_get_row(u, i);

		assert_string_equal(accord_profile_get_country(r->profile), order[i]);
		assert_int_equal(r->nominal_rank, i + 1);
	}
	data_clear(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_uncertainty_off_every_draw_is_nominal),
	    cmocka_unit_test(test_uncertainty_perfect_profile_interval_is_100),
	    cmocka_unit_test(test_uncertainty_aggregation_alone),
	    cmocka_unit_test(test_uncertainty_unknown_policy_alone),
	    cmocka_unit_test(test_uncertainty_dirichlet_means_converge),
	    cmocka_unit_test(test_uncertainty_follows_the_tailoring),
	    cmocka_unit_test(test_uncertainty_uniform_weights),
	    cmocka_unit_test(test_uncertainty_same_bytes_any_threads),
	    cmocka_unit_test(test_uncertainty_evidence_chances_combine),
	    cmocka_unit_test(test_uncertainty_evidence_drop),
	    cmocka_unit_test(test_uncertainty_evidence_small_chance),
	    cmocka_unit_test(test_uncertainty_unit_of_shared_facts),
	    cmocka_unit_test(test_uncertainty_unit_state_chances),
	    cmocka_unit_test(test_uncertainty_shared_facts_drawn),
	    cmocka_unit_test(test_uncertainty_fact_in_two_units),
	    cmocka_unit_test(test_uncertainty_every_run_draws_its_facts),
	    cmocka_unit_test(test_uncertainty_unit_state_of_three_rules),
	    cmocka_unit_test(test_uncertainty_more_units_than_a_word),
	    cmocka_unit_test(test_uncertainty_unit_of_many_states),
	    cmocka_unit_test(test_uncertainty_splitmix_reference),
	    cmocka_unit_test(test_uncertainty_xoshiro_reference),
	    cmocka_unit_test(test_uncertainty_xoshiro_seed),
	    cmocka_unit_test(test_uncertainty_pillar_logs),
	    cmocka_unit_test(test_uncertainty_pillars_together),
	    cmocka_unit_test(test_uncertainty_numbers_by_group),
	    cmocka_unit_test(test_uncertainty_tables_and_runs),
	    cmocka_unit_test(test_uncertainty_joint_and_summed_rules),
	    cmocka_unit_test(test_uncertainty_pillars_looked_up),
	    cmocka_unit_test(test_uncertainty_pillar_counts_shared),
	    cmocka_unit_test(test_uncertainty_rank_ties_and_na),
	    cmocka_unit_test(test_uncertainty_spearman_known),
	    cmocka_unit_test(test_uncertainty_logarithm),
	    cmocka_unit_test(test_uncertainty_exponential),
	    cmocka_unit_test(test_uncertainty_ranked_by_position),
	    cmocka_unit_test(test_uncertainty_rank_position_columns),
	    cmocka_unit_test(test_uncertainty_rank_block_network),
	    cmocka_unit_test(test_uncertainty_same_without_csv),
	    cmocka_unit_test(test_uncertainty_refuses_input_that_cannot_vary),
	    cmocka_unit_test(test_uncertainty_options_out_of_range),
	    cmocka_unit_test(test_uncertainty_neighbouring_values),
	    cmocka_unit_test(test_uncertainty_evidence_aged_as_of_the_date),
	    cmocka_unit_test(test_uncertainty_sobol_one_factor),
	    cmocka_unit_test(test_uncertainty_rows_by_nominal_rank),
	    cmocka_unit_test(test_uncertainty_rank_network),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
