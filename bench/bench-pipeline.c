/* Benchmark of the whole pipeline on synthetic data: load a ruleset of R rules × C criteria,
 * then load, evaluate, score, gap and render P profiles. Prints figures; asserts nothing,
 * because timings on a shared machine are noise for a pass/fail test.
 *
 * usage: bench-pipeline [RULES [CRITERIA [PROFILES [SEED]]]]   (defaults 200 5 200 1) */
#include "config.h"

#include <accord/accord.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static const gchar *levels[] = {"none", "draft", "adopted"};

static gchar *
make_vocabulary(guint n_facts)
{
	GString *out =
	    g_string_new("<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"b\">\n"
			 "<scale id=\"s\"><level id=\"none\">n</level>"
			 "<level id=\"draft\">d</level><level id=\"adopted\">a</level></scale>\n");

	for (guint i = 0; i < n_facts; i++)
		g_string_append_printf(out,
				       "<fact key=\"f.l%u\" type=\"level\" scale=\"s\">l</fact>\n"
				       "<fact key=\"f.b%u\" type=\"boolean\">b</fact>\n",
				       i,
				       i);
	g_string_append(out, "</vocabulary>\n");
	return g_string_free(out, FALSE);
}

static gchar *
make_ruleset(gsl_rng *rng, guint n_rules, guint n_criteria, guint n_facts)
{
	GString *out =
	    g_string_new("<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"bench\" version=\"1\">"
			 "<title>bench</title><agreement name=\"B\"/><obligations>"
			 "<obligation id=\"shall\" multiplier=\"1\"/>"
			 "<obligation id=\"endeavor\" multiplier=\"0.75\"/></obligations>\n");

	for (guint p = 0; p < 8; p++)
		g_string_append_printf(
		    out,
		    "<pillar id=\"p%u\" weight=\"%u\"><title>P</title></pillar>\n",
		    p,
		    1 + (guint)gsl_rng_uniform_int(rng, 3));
	for (guint r = 0; r < n_rules; r++) {
		g_string_append_printf(
		    out,
		    "<rule id=\"r%u\" pillar=\"p%u\" obligation=\"%s\" weight=\"%u\">"
		    "<title>R</title><provision cite=\"Art. %u\">text</provision>\n",
		    r,
		    r % 8,
		    r % 2 ? "shall" : "endeavor",
		    1 + (guint)gsl_rng_uniform_int(rng, 4),
		    r);
		for (guint c = 0; c < n_criteria; c++) {
			guint f = (guint)gsl_rng_uniform_int(rng, n_facts);
			g_string_append_printf(out,
					       "<criterion id=\"c%u-%u\"><title>C</title>",
					       r,
					       c);
			if (c % 3 == 0)
				g_string_append_printf(out,
						       "<check fact=\"f.l%u\" at-least=\"adopted\" "
						       "partial=\"yes\"/>",
						       f);
			else if (c % 3 == 1)
				g_string_append_printf(out,
						       "<check fact=\"f.b%u\" is=\"true\"/>",
						       f);
			else
				g_string_append_printf(
				    out,
				    "<any><check fact=\"f.b%u\" is=\"true\"/>"
				    "<not><check fact=\"f.l%u\" is=\"none\"/></not></any>",
				    f,
				    f);
			g_string_append(out, "</criterion>\n");
		}
		g_string_append(out, "<recommendation>do</recommendation></rule>\n");
	}
	g_string_append(out, "</ruleset>\n");
	return g_string_free(out, FALSE);
}

/* each fact is stated with probability 0.8, so some criteria are unknown */
static gchar *
make_profile(gsl_rng *rng, guint n_facts)
{
	GString *out = g_string_new("<profile xmlns=\"urn:accord:profile:1\" country=\"XX\" "
				    "name=\"X\" as-of=\"2025-01-01\">\n");

	for (guint i = 0; i < n_facts; i++) {
		const gchar *ev = "<evidence title=\"t\" date=\"2024\"/>";
		if (gsl_rng_uniform(rng) < 0.8)
			g_string_append_printf(
			    out,
			    "<fact key=\"f.l%u\" value=\"%s\" confidence=\"high\">%s</fact>\n",
			    i,
			    levels[gsl_rng_uniform_int(rng, 3)],
			    ev);
		if (gsl_rng_uniform(rng) < 0.8)
			g_string_append_printf(
			    out,
			    "<fact key=\"f.b%u\" value=\"%s\" confidence=\"low\">%s</fact>\n",
			    i,
			    gsl_rng_uniform(rng) < 0.5 ? "true" : "false",
			    ev);
	}
	g_string_append(out, "</profile>\n");
	return g_string_free(out, FALSE);
}

int
main(int argc, char **argv)
{
	guint n_rules = argc > 1 ? (guint)atoi(argv[1]) : 200;
	guint n_criteria = argc > 2 ? (guint)atoi(argv[2]) : 5;
	guint n_profiles = argc > 3 ? (guint)atoi(argv[3]) : 200;
	gulong seed = argc > 4 ? strtoul(argv[4], NULL, 10) : 1;
	guint n_facts = 100;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *vtext = NULL, *rtext = NULL;
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(AccordRuleset) ruleset = NULL;
	g_autoptr(GTimer) timer = g_timer_new();
	gdouble load_s, total = 0, checksum = 0;
	gsize bytes = 0;
	struct rusage usage;

	gsl_rng_set(rng, seed);
	vtext = make_vocabulary(n_facts);
	rtext = make_ruleset(rng, n_rules, n_criteria, n_facts);
	g_timer_start(timer);
	vocab = accord_vocabulary_load_data(vtext, strlen(vtext), "bench-vocabulary", &error);
	ruleset =
	    vocab != NULL
		? accord_ruleset_load_data(rtext, strlen(rtext), "bench-ruleset", vocab, &error)
		: NULL;
	load_s = g_timer_elapsed(timer, NULL);
	if (ruleset == NULL) {
		fprintf(stderr, "bench: %s\n", error->message);
		return 1;
	}
	for (guint i = 0; i < n_profiles; i++) {
		g_autofree gchar *ptext = make_profile(rng, n_facts);
		g_autoptr(AccordProfile) profile = NULL;
		g_autoptr(AccordAssessment) assessment = NULL;
		g_autoptr(AccordGapList) gaps = NULL;
		g_autoptr(AccordDocument) document = NULL;
		g_autoptr(GBytes) out = NULL;
		AccordAssessmentOptions options;

		accord_assessment_options_init(&options);
		g_timer_start(timer);
		profile =
		    accord_profile_load_data(ptext, strlen(ptext), "bench-profile", vocab, &error);
		assessment = accord_assess(ruleset, profile, &options, &error);
		checksum += accord_score_get_overall(
				accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN))
				->value;
		gaps = accord_gaps_compute(
		    accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN));
		document = accord_gaps_to_document(assessment, gaps);
		out = accord_document_render(document, ACCORD_FORMAT_JSON, &error);
		total += g_timer_elapsed(timer, NULL);
		bytes += g_bytes_get_size(out);
	}
	getrusage(RUSAGE_SELF, &usage);
	printf("ruleset: %u rules x %u criteria, %zu bytes, loaded in %.2f ms\n",
	       n_rules,
	       n_criteria,
	       strlen(rtext),
	       load_s * 1e3);
	printf(
	    "profiles: %u, load+evaluate+score+gaps+json: %.3f ms per profile (%.1f profiles/s)\n",
	    n_profiles,
	    total * 1e3 / n_profiles,
	    n_profiles / total);
	printf("json output: %.1f KiB per profile; mean overall score %.2f (seed %lu)\n",
	       bytes / 1024.0 / n_profiles,
	       checksum / n_profiles,
	       seed);
	printf("peak resident memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);
	gsl_rng_free(rng);
	return 0;
}
