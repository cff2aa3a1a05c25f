#include "config.h"

#include <math.h>

#include "cli.h"

/* the options of roadmap alone, as given */
typedef struct {
	gint budget; /* -1: not given */
	gchar *target;
	gchar *weights;
	gchar *plan;
} RoadmapArgs;

static void
roadmap_args_clear(RoadmapArgs *args)
{
	g_clear_pointer(&args->target, g_free);
	g_clear_pointer(&args->weights, g_free);
	g_clear_pointer(&args->plan, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RoadmapArgs, roadmap_args_clear)

static gboolean
parse_number(const gchar *text, gdouble *out)
{
	gchar *end = NULL;

	*out = g_ascii_strtod(text, &end);
	return text[0] != '\0' && end != NULL && *end == '\0' && isfinite(*out);
}

/* "2,1": one weight greater than 0 per --ruleset */
static gboolean
parse_weights(const gchar *text,
	      guint n_rulesets,
	      AccordRoadmapOptions *options,
	      GArray *weights,
	      GError **error)
{
	g_auto(GStrv) parts = g_strsplit(text, ",", -1);

	for (guint i = 0; parts[i] != NULL; i++) {
		gdouble w;

		if (!parse_number(g_strstrip(parts[i]), &w) || w <= 0) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "--weights takes one number greater than 0 per --ruleset, such "
				    "as 2,1, not '%s'",
				    text);
			return FALSE;
		}
		g_array_append_val(weights, w);
	}
	if (weights->len != n_rulesets) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--weights gives %u weight(s) for %u ruleset(s)",
			    weights->len,
			    n_rulesets);
		return FALSE;
	}
	options->weights = (const gdouble *)weights->data;
	return TRUE;
}

/* every option value is checked before any file is read, so usage errors come first */
static gboolean
check_args(const AccordCli *cli,
	   const RoadmapArgs *args,
	   AccordRoadmapOptions *options,
	   GArray *weights,
	   GError **error)
{
	guint n_rulesets = cli->rulesets != NULL ? g_strv_length(cli->rulesets) : 1;

	if (cli->phase_effort < 1 || args->budget == 0 || args->budget < -1) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--%s must be at least 1, not %d",
			    cli->phase_effort < 1 ? "phase-effort" : "budget",
			    cli->phase_effort < 1 ? cli->phase_effort : args->budget);
		return FALSE;
	}
	options->phase_effort = (guint)cli->phase_effort;
	options->budget = args->budget > 0 ? (guint)args->budget : 0;
	if (args->target != NULL && (!parse_number(args->target, &options->target) ||
				     options->target < 0 || options->target > 100)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--target takes a score from 0 to 100, not '%s'",
			    args->target);
		return FALSE;
	}
	return args->weights == NULL ||
	       parse_weights(args->weights, n_rulesets, options, weights, error);
}

/* the profile against every --ruleset, as the options say */
static GPtrArray *
assess_all(const AccordCli *cli, AccordCliInputs *in, const gchar *profile, GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	g_autoptr(AccordProfile) p = NULL;

	if (!accord_cli_load_inputs(cli, G_MAXUINT, in, error))
		return NULL;
	p = accord_cli_load_profile(in->vocabulary, profile, error);
	if (p == NULL)
		return NULL;
	for (guint i = 0; i < in->rulesets->len; i++) {
		AccordAssessment *a =
		    accord_assess(g_ptr_array_index(in->rulesets, i), p, &in->options, error);

		if (a == NULL)
			return NULL;
		g_ptr_array_add(out, a);
	}
	return g_steal_pointer(&out);
}

/* accord roadmap PROFILE: the changes that raise the score most per unit of effort, in
 * phases of bounded effort, against one ruleset or several at once */
gboolean
accord_cli_roadmap_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_auto(RoadmapArgs) args = {-1, NULL, NULL, NULL};
	const GOptionEntry entries[] = {
	    {"phase-effort",
	     0,
	     0,
	     G_OPTION_ARG_INT,
	     &cli->phase_effort,
	     "Effort budget of a phase in units (low 1, medium 2, high 3); default: 6",
	     "UNITS"},
	    {"budget",
	     0,
	     0,
	     G_OPTION_ARG_INT,
	     &args.budget,
	     "Plan no more than UNITS of effort in all; default: no limit",
	     "UNITS"},
	    {"target",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &args.target,
	     "Stop at the first phase whose score (the mean, with several rulesets) reaches SCORE",
	     "SCORE"},
	    {"weights",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &args.weights,
	     "With several --ruleset, weigh their scores in the objective, e.g. 2,1",
	     "W,W…"},
	    {"plan",
	     0,
	     0,
	     G_OPTION_ARG_FILENAME,
	     &args.plan,
	     "Efforts, kept facts and bundles that override the vocabulary's, from a plan file",
	     "FILE"},
	    {NULL}};
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(GArray) weights = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autoptr(GPtrArray) assessments = NULL;
	g_autoptr(AccordPlan) plan = NULL;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	g_autoptr(AccordDocument) document = NULL;
	AccordRoadmapOptions options;

	accord_roadmap_options_init(&options);
	if (!accord_cli_parse(cli, "roadmap", entries, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc,
					 argv,
					 1,
					 1,
					 "exactly one PROFILE (an id such as gb, or a file)",
					 error) ||
	    !check_args(cli, &args, &options, weights, error))
		return FALSE;
	assessments = assess_all(cli, &in, argv[1], error);
	if (assessments == NULL)
		return FALSE;
	if (args.plan != NULL) {
		plan = accord_plan_load_file(args.plan, in.vocabulary, error);
		if (plan == NULL)
			return FALSE;
		options.plan = plan;
	}
	roadmap = accord_roadmap_new((const AccordAssessment *const *)assessments->pdata,
				     assessments->len,
				     &options,
				     error);
	if (roadmap == NULL)
		return FALSE;
	document = accord_roadmap_to_document(roadmap);
	return accord_cli_emit(cli, document, error);
}
