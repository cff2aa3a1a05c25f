/* Benchmark of the uncertainty analysis on synthetic data: P profiles against a ruleset of
 * 20 rules × 3 criteria (60 criteria, 8 pillars), every input group varying at its default.
 * Prints draws per second and peak memory, each run in a child process so its peak resident
 * memory is its own, and compares with two references measured in the same run:
 *   floor  the least a re-aggregation must do: once per draw, sum every country's 60
 *          criterion credits (with one GSL uniform per country-draw so nothing is hoisted)
 *   naive  the public API the obvious way: accord_score_compute() for every country in every
 *          draw (timed on fewer draws and scaled)
 * Every figure is given in wall-clock time and in CPU time (user + system, from getrusage):
 * on a machine that others load, the wall clock says little and the CPU time what the work
 * costs; CPU time over the number of threads is what idle cores would take. The analysis of
 * DRAWS is run RUNS times, each run followed by the floor, and the least and the median of
 * each are printed with every run's time: on a virtual machine whose speed moves by half
 * from one minute to the next (the floor with it), one run says little, and the floor run
 * beside it tells a slow machine from slow code.
 * Asserts nothing: timings on a shared machine are figures to read, not a pass/fail test.
 *
 * usage: bench-uncertainty [PROFILES [DRAWS [THREADS [SEED [INPUTS [RUNS]]]]]]
 *   defaults 200 100000 2 1 all 5; INPUTS as for --vary, e.g. weights,aggregation,unknown */
#include "config.h"

#include <accord/accord.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_FACTS	   60
#define N_RULES	   20
#define N_CRITERIA 3
#define N_PILLARS  8

static const gchar *levels[] = {"none", "draft", "adopted"};
static const gchar *confidences[] = {"high", "medium", "low"};

static gchar *
make_vocabulary(void)
{
	GString *out =
	    g_string_new("<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"b\">\n"
			 "<scale id=\"s\"><level id=\"none\">n</level>"
			 "<level id=\"draft\">d</level><level id=\"adopted\">a</level></scale>\n");

	for (guint i = 0; i < N_FACTS; i++)
		g_string_append_printf(out,
				       "<fact key=\"f.l%u\" type=\"level\" scale=\"s\">l</fact>\n"
				       "<fact key=\"f.b%u\" type=\"boolean\">b</fact>\n",
				       i,
				       i);
	g_string_append(out, "</vocabulary>\n");
	return g_string_free(out, FALSE);
}

static void
append_criterion(GString *out, gsl_rng *rng, guint r, guint c)
{
	guint f = (guint)gsl_rng_uniform_int(rng, N_FACTS);

	g_string_append_printf(out, "<criterion id=\"c%u-%u\"><title>C</title>", r, c);
	if (c % 3 == 0)
		g_string_append_printf(
		    out,
		    "<check fact=\"f.l%u\" at-least=\"adopted\" partial=\"yes\"/>",
		    f);
	else if (c % 3 == 1)
		g_string_append_printf(out, "<check fact=\"f.b%u\" is=\"true\"/>", f);
	else
		g_string_append_printf(out,
				       "<any><check fact=\"f.b%u\" is=\"true\"/>"
				       "<not><check fact=\"f.l%u\" is=\"none\"/></not></any>",
				       f,
				       f);
	g_string_append(out, "</criterion>\n");
}

static gchar *
make_ruleset(gsl_rng *rng)
{
	GString *out =
	    g_string_new("<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"bench\" version=\"1\">"
			 "<title>bench</title><agreement name=\"B\"/><obligations>"
			 "<obligation id=\"shall\" multiplier=\"1\"/>"
			 "<obligation id=\"endeavor\" multiplier=\"0.75\"/></obligations>\n");

	for (guint p = 0; p < N_PILLARS; p++)
		g_string_append_printf(
		    out,
		    "<pillar id=\"p%u\" weight=\"%u\"><title>P</title></pillar>\n",
		    p,
		    1 + (guint)gsl_rng_uniform_int(rng, 3));
	for (guint r = 0; r < N_RULES; r++) {
		g_string_append_printf(
		    out,
		    "<rule id=\"r%u\" pillar=\"p%u\" obligation=\"%s\" weight=\"%u\">"
		    "<title>R</title><provision cite=\"Art. %u\">text</provision>\n",
		    r,
		    r % N_PILLARS,
		    r % 2 ? "shall" : "endeavor",
		    1 + (guint)gsl_rng_uniform_int(rng, 4),
		    r);
		for (guint c = 0; c < N_CRITERIA; c++)
			append_criterion(out, rng, r, c);
		g_string_append(out, "<recommendation>do</recommendation></rule>\n");
	}
	g_string_append(out, "</ruleset>\n");
	return g_string_free(out, FALSE);
}

/* each fact stated with probability 0.9, at a random confidence, dated 2015–2025 */
static gchar *
make_profile(gsl_rng *rng, guint index)
{
	GString *out = g_string_new(NULL);

	g_string_append_printf(out,
			       "<profile xmlns=\"urn:accord:profile:1\" country=\"%c%c%c\" "
			       "name=\"X\" as-of=\"2025-06-30\">\n",
			       'A' + index / 676,
			       'A' + index / 26 % 26,
			       'A' + index % 26);
	for (guint i = 0; i < N_FACTS; i++) {
		for (guint kind = 0; kind < 2; kind++) {
			if (gsl_rng_uniform(rng) >= 0.9)
				continue;
			g_string_append_printf(
			    out,
			    "<fact key=\"f.%c%u\" value=\"%s\" confidence=\"%s\">"
			    "<evidence title=\"t\" date=\"%u\"/></fact>\n",
			    kind == 0 ? 'l' : 'b',
			    i,
			    kind == 0 ? levels[gsl_rng_uniform_int(rng, 3)]
				      : (gsl_rng_uniform(rng) < 0.6 ? "true" : "false"),
			    confidences[gsl_rng_uniform_int(rng, 3)],
			    2015 + (guint)gsl_rng_uniform_int(rng, 11));
		}
	}
	g_string_append(out, "</profile>\n");
	return g_string_free(out, FALSE);
}

typedef struct {
	AccordVocabulary *vocabulary;
	AccordRuleset *ruleset;
	GPtrArray *profiles;
} Data;

static void
make_data(Data *d, guint n_profiles, gulong seed)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	g_autofree gchar *vtext = make_vocabulary();
	g_autofree gchar *rtext = NULL;
	g_autoptr(GError) error = NULL;

	gsl_rng_set(rng, seed);
	rtext = make_ruleset(rng);
	d->vocabulary = accord_vocabulary_load_data(vtext, strlen(vtext), "bench", &error);
	d->ruleset = accord_ruleset_load_data(rtext, strlen(rtext), "bench", d->vocabulary, &error);
	if (d->ruleset == NULL) {
		fprintf(stderr, "bench: %s\n", error->message);
		exit(1);
	}
	d->profiles = g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	for (guint i = 0; i < n_profiles; i++) {
		g_autofree gchar *ptext = make_profile(rng, i);
		AccordProfile *p =
		    accord_profile_load_data(ptext, strlen(ptext), "bench", d->vocabulary, &error);

		if (p == NULL) {
			fprintf(stderr, "bench: %s\n", error->message);
			exit(1);
		}
		g_ptr_array_add(d->profiles, p);
	}
	gsl_rng_free(rng);
}

static gdouble
cpu_seconds(const struct rusage *u)
{
	return u->ru_utime.tv_sec + u->ru_utime.tv_usec * 1e-6 + u->ru_stime.tv_sec +
	       u->ru_stime.tv_usec * 1e-6;
}

static gdouble
cpu_now(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return cpu_seconds(&u);
}

/* the analysis in a child process: its wall-clock time (through a pipe), its own peak memory
 * and its CPU time */
static guint
parse_inputs(const gchar *text)
{
	g_auto(GStrv) names = g_strsplit(text, ",", -1);
	guint inputs = 0;

	if (g_strcmp0(text, "all") == 0)
		return (1u << ACCORD_N_UNCERTAIN_INPUTS) - 1;
	for (guint i = 0; names[i] != NULL; i++) {
		AccordUncertainInput input;

		if (!accord_uncertain_input_from_string(names[i], &input)) {
			fprintf(stderr, "bench: unknown input %s\n", names[i]);
			exit(1);
		}
		inputs |= 1u << input;
	}
	return inputs;
}

static gdouble
measure(const Data *d,
	guint64 draws,
	guint threads,
	guint64 seed,
	guint inputs,
	glong *peak_kib,
	gdouble *cpu,
	gdouble *check)
{
	gint fds[2];
	gdouble result[2] = {-1, 0};
	struct rusage usage;
	gint status;
	pid_t pid;

	if (pipe(fds) != 0 || (pid = fork()) < 0)
		exit(1);
	if (pid == 0) {
		AccordAssessmentOptions a;
		AccordUncertaintyOptions o;
		g_autoptr(GTimer) timer = g_timer_new();
		g_autoptr(GError) error = NULL;
		g_autoptr(AccordUncertainty) u = NULL;

		accord_assessment_options_init(&a);
		accord_uncertainty_options_init(&o);
		o.draws = draws;
		o.threads = threads;
		o.seed = seed;
		o.inputs = inputs;
		u = accord_uncertainty_new(d->ruleset, d->profiles, &a, &o, &error);
		result[0] = g_timer_elapsed(timer, NULL);
		result[1] = u != NULL ? accord_uncertainty_get_row(u, 0)->median : -1;
		if (u == NULL)
			fprintf(stderr, "bench: %s\n", error->message);
		if (write(fds[1], result, sizeof result) != sizeof result)
			_exit(1);
		_exit(u != NULL ? 0 : 1);
	}
	close(fds[1]);
	if (read(fds[0], result, sizeof result) != sizeof result)
		result[0] = -1;
	close(fds[0]);
	wait4(pid, &status, 0, &usage);
	/* a child that crashed leaves no figure and no message of its own: say so */
	if (WIFSIGNALED(status))
		fprintf(stderr,
			"bench-uncertainty: the analysis of %" G_GUINT64_FORMAT
			" draws was killed by signal %d (%s)\n",
			draws,
			WTERMSIG(status),
			g_strsignal(WTERMSIG(status)));
	*peak_kib = usage.ru_maxrss;
	*cpu = cpu_seconds(&usage);
	*check = result[1];
	return result[0];
}

/* the floor: per draw, per country, one uniform and the sum of 60 credits; CPU time */
static gdouble
measure_floor(guint n_profiles, guint64 draws, gdouble *sink)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
	g_autofree gdouble *credits = g_new(gdouble, (gsize)n_profiles * N_RULES * N_CRITERIA);
	g_autoptr(GTimer) timer = g_timer_new();
	gdouble total = 0, start;

	for (gsize i = 0; i < (gsize)n_profiles * N_RULES * N_CRITERIA; i++)
		credits[i] = (gdouble)(i % 7) / 7;
	start = cpu_now();
	for (guint64 d = 0; d < draws; d++) {
		for (guint c = 0; c < n_profiles; c++) {
			const gdouble *x = credits + (gsize)c * N_RULES * N_CRITERIA;
			gdouble sum = gsl_rng_uniform(rng);

			for (guint i = 0; i < N_RULES * N_CRITERIA; i++)
				sum += x[i];
			total += sum;
		}
	}
	*sink = total;
	gsl_rng_free(rng);
	return cpu_now() - start;
}

/* the naive way: every country re-scored through the public API in every draw; CPU time */
static gdouble
measure_naive(const Data *d, guint64 draws)
{
	g_autoptr(GPtrArray) evaluations =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_evaluation_unref);
	AccordScoreOptions o;
	gdouble start;

	accord_score_options_init(&o);
	for (guint c = 0; c < d->profiles->len; c++)
		g_ptr_array_add(
		    evaluations,
		    accord_evaluate(d->ruleset, g_ptr_array_index(d->profiles, c), NULL));
	start = cpu_now();
	for (guint64 i = 0; i < draws; i++) {
		o.aggregation = i % 2 ? ACCORD_AGGREGATION_GEOMETRIC
				      : ACCORD_AGGREGATION_ARITHMETIC;
		for (guint c = 0; c < evaluations->len; c++)
			accord_score_unref(
			    accord_score_compute(g_ptr_array_index(evaluations, c), &o, NULL));
	}
	return cpu_now() - start;
}

static gint
compare_doubles(gconstpointer a, gconstpointer b)
{
	gdouble x = *(const gdouble *)a, y = *(const gdouble *)b;

	return (x > y) - (x < y);
}

/* the least and the median of @n figures (sorted in place) */
static gdouble
least_and_median(gdouble *x, guint n, gdouble *median)
{
	qsort(x, n, sizeof *x, compare_doubles);
	*median = n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
	return x[0];
}

static void
print_runs(const gdouble *x, guint n)
{
	for (guint r = 0; r < n; r++)
		printf("%s%.3f", r > 0 ? " " : "", x[r]);
}

int
main(int argc, char **argv)
{
	guint n_profiles = argc > 1 ? (guint)atoi(argv[1]) : 200;
	guint64 draws = argc > 2 ? g_ascii_strtoull(argv[2], NULL, 10) : 100000;
	guint threads = argc > 3 ? (guint)atoi(argv[3]) : 2;
	guint64 seed = argc > 4 ? g_ascii_strtoull(argv[4], NULL, 10) : 1;
	const gchar *vary = argc > 5 ? argv[5] : "all";
	guint runs = argc > 6 ? (guint)CLAMP(atoi(argv[6]), 1, 100) : 5;
	guint inputs = parse_inputs(vary);
	guint64 tenth = MAX(draws / 10, 1), naive_draws = MAX(draws / 100, 10);
	Data d = {0};
	glong peak = 0, peak_tenth;
	g_autofree gdouble *wall = g_new(gdouble, runs), *cpu = g_new(gdouble, runs);
	g_autofree gdouble *floor_s = g_new(gdouble, runs), *by_wall = g_new(gdouble, runs);
	gdouble t_tenth, cpu_tenth, naive_s, sink = 0, check = 0, check_tenth, median, floor_median;
	gdouble least, floor_least, least_cpu = 0;

	make_data(&d, n_profiles, seed);
	t_tenth = measure(&d, tenth, threads, seed, inputs, &peak_tenth, &cpu_tenth, &check_tenth);
	for (guint r = 0; r < runs; r++) {
		glong peak_run;

		wall[r] = measure(&d, draws, threads, seed, inputs, &peak_run, &cpu[r], &check);
		floor_s[r] = measure_floor(n_profiles, draws, &sink);
		peak = MAX(peak, peak_run);
		if (wall[r] < 0 || t_tenth < 0)
			return 1;
	}
	naive_s = measure_naive(&d, naive_draws) * draws / naive_draws;
	printf("data: %u profiles x %u criteria (%u rules, %u pillars), seed %" G_GUINT64_FORMAT
	       "; varying: %s, at the defaults\n",
	       n_profiles,
	       N_RULES * N_CRITERIA,
	       N_RULES,
	       N_PILLARS,
	       seed,
	       vary);
	printf("runs of %" G_GUINT64_FORMAT " draws on %u threads, s wall clock: ", draws, threads);
	print_runs(wall, runs);
	printf("\n  floor after each, s CPU: ");
	print_runs(floor_s, runs);
	printf("\n");
	/* the least run's CPU time, before the sort loses which run it was */
	memcpy(by_wall, wall, runs * sizeof *wall);
	least = least_and_median(by_wall, runs, &median);
	for (guint r = 0; r < runs; r++) {
		if (wall[r] == least) {
			least_cpu = cpu[r];
			break;
		}
	}
	floor_least = least_and_median(floor_s, runs, &floor_median);
	g_autofree gchar *which = runs > 1 ? g_strdup_printf("the least of %u runs", runs)
					   : g_strdup("one run");

	printf("uncertainty: %" G_GUINT64_FORMAT " draws on %u threads: %.3f s wall clock, %s "
	       "(%.0f draws/s; median %.3f s), %.3f s CPU (%.0f draws per CPU second, %.1f ns per "
	       "country-draw)\n",
	       draws,
	       threads,
	       least,
	       which,
	       draws / least,
	       median,
	       least_cpu,
	       draws / least_cpu,
	       least_cpu * 1e9 / ((gdouble)draws * n_profiles));
	printf("  on %u idle cores that CPU time is %.3f s\n", threads, least_cpu / threads);
	printf("peak resident memory: %.1f MiB at %" G_GUINT64_FORMAT
	       " draws (the most of the runs), %.1f MiB at %" G_GUINT64_FORMAT
	       " draws (%.3f s wall, %.3f s CPU)\n",
	       peak / 1024.0,
	       draws,
	       peak_tenth / 1024.0,
	       tenth,
	       t_tenth,
	       cpu_tenth);
	printf("floor (sum of 60 credits per country-draw, 1 thread): %.3f s CPU, %s (median "
	       "%.3f s); the analysis's CPU costs %.1f times the floor's\n",
	       floor_least,
	       which,
	       floor_median,
	       floor_least > 0 ? least_cpu / floor_least : NAN);
	printf("naive (accord_score_compute per country-draw, 1 thread, %" G_GUINT64_FORMAT
	       " draws scaled): %.1f s CPU; %.1f times the analysis\n",
	       naive_draws,
	       naive_s,
	       naive_s / least_cpu);
	printf("check: median score of the first country %.4f (%.4f at a tenth of the draws); "
	       "floor sum %.0f\n",
	       check,
	       check_tenth,
	       sink);
	g_ptr_array_unref(d.profiles);
	accord_ruleset_unref(d.ruleset);
	accord_vocabulary_unref(d.vocabulary);
	return 0;
}
