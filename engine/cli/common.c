#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* the options every verb takes */
static void
add_common(GArray *entries, AccordCli *cli)
{
	const GOptionEntry common[] = {
	    {"vocabulary",
	     0,
	     0,
	     G_OPTION_ARG_FILENAME,
	     &cli->vocabulary,
	     "Vocabulary file; default: the shipped rulesets/vocabulary.xml",
	     "FILE"},
	    {"format",
	     'f',
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->format,
	     "Output format: text, json, csv or markdown; default: text",
	     "FORMAT"},
	    {"output",
	     'o',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &cli->output,
	     "Write to FILE (atomically) instead of standard output",
	     "FILE"},
	};
	g_array_append_vals(entries, common, G_N_ELEMENTS(common));
}

/* the options of the groups a verb takes, and only those */
static void
add_groups(GArray *entries, AccordCli *cli, guint groups)
{
	const GOptionEntry ruleset[] = {{"ruleset",
					 'r',
					 0,
					 G_OPTION_ARG_STRING_ARRAY,
					 &cli->rulesets,
					 "Ruleset id (e.g. usmca) or path; default: interop",
					 "ID|FILE"}};
	const GOptionEntry model[] = {
	    {"model",
	     'm',
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->model,
	     "Scoring model: weighted, xccdf-default, xccdf-flat, xccdf-flat-unweighted or "
	     "xccdf-absolute; default: weighted",
	     "MODEL"},
	    {"aggregation",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->aggregation,
	     "Pillar aggregation for the weighted model: arithmetic or geometric",
	     "HOW"},
	    {"unknown",
	     'u',
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->unknown,
	     "How unknown facts score: zero, exclude or pass; default: zero",
	     "POLICY"}};
	const GOptionEntry assume[] = {
	    {"assume",
	     'a',
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &cli->assumptions,
	     "What-if: evaluate as if the profile stated KEY=VALUE (repeatable; CC:KEY=VALUE for "
	     "one country only)",
	     "KEY=VALUE"}};
	const GOptionEntry tailoring[] = {
	    {"tailoring",
	     't',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &cli->tailoring,
	     "Select rules and override weights with a tailoring file",
	     "FILE"}};
	const GOptionEntry waivers[] = {
	    {"waivers",
	     'w',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &cli->waivers,
	     "Accept waived criteria as met (until they expire), from a waivers file",
	     "FILE"}};
	const GOptionEntry date[] = {{"date",
				      0,
				      0,
				      G_OPTION_ARG_STRING,
				      &cli->date,
				      "The day of the assessment, YYYY-MM-DD: waivers are checked, "
				      "evidence aged and parties bound as of it; default: today",
				      "DATE"}};
	const GOptionEntry gate[] = {{"fail-under",
				      0,
				      0,
				      G_OPTION_ARG_STRING,
				      &cli->fail_under,
				      "Exit with status 1 if the overall score is below N",
				      "N"}};

	if (groups & ACCORD_CLI_RULESET)
		g_array_append_vals(entries, ruleset, G_N_ELEMENTS(ruleset));
	if (groups & ACCORD_CLI_MODEL)
		g_array_append_vals(entries, model, G_N_ELEMENTS(model));
	if (groups & ACCORD_CLI_ASSUME)
		g_array_append_vals(entries, assume, G_N_ELEMENTS(assume));
	if (groups & ACCORD_CLI_TAILORING)
		g_array_append_vals(entries, tailoring, G_N_ELEMENTS(tailoring));
	if (groups & ACCORD_CLI_WAIVERS)
		g_array_append_vals(entries, waivers, G_N_ELEMENTS(waivers));
	if (groups & ACCORD_CLI_GATE)
		g_array_append_vals(entries, gate, G_N_ELEMENTS(gate));
	if (groups & ACCORD_CLI_MODEL)
		g_array_append_vals(entries, date, G_N_ELEMENTS(date));
}

static gboolean
usage_error(GError **error, const gchar *format, ...) G_GNUC_PRINTF(2, 3);

static gboolean
usage_error(GError **error, const gchar *format, ...)
{
	va_list args;

	va_start(args, format);
	g_propagate_error(error,
			  g_error_new_valist(ACCORD_ERROR, ACCORD_ERROR_USAGE, format, args));
	va_end(args);
	return FALSE;
}

static gboolean
is_day(const gchar *text)
{
	guint y = 0, m = 0, d = 0;
	gchar end = '\0';

	return sscanf(text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 && strlen(text) == 10 &&
	       g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

/**
 * accord_cli_get_date:
 * @cli: parsed options
 *
 * Returns: (transfer full): --date, or today in local time
 */
gchar *
accord_cli_get_date(const AccordCli *cli)
{
	g_autoptr(GDateTime) now = NULL;

	if (cli->date != NULL)
		return g_strdup(cli->date);
	now = g_date_time_new_now_local();
	return g_date_time_format(now, "%Y-%m-%d");
}

/* every option value is checked before any file is read, so usage errors come first */
static gboolean
check_values(const AccordCli *cli, GError **error)
{
	AccordScoreOptions o;
	AccordFormat format;
	gchar *end = NULL;

	if (cli->format != NULL && !accord_format_from_string(cli->format, &format))
		return usage_error(error,
				   "unknown --format '%s' (expected text, json, csv or markdown)",
				   cli->format);
	if (!accord_cli_output_check(cli->output, error))
		return FALSE;
	if (cli->date != NULL && !is_day(cli->date))
		return usage_error(error, "--date takes a day, YYYY-MM-DD, not '%s'", cli->date);
	if (cli->model != NULL && !accord_score_model_from_string(cli->model, &o.model))
		return usage_error(error,
				   "unknown --model '%s' (expected weighted, xccdf-default, "
				   "xccdf-flat, xccdf-flat-unweighted or xccdf-absolute)",
				   cli->model);
	if (cli->aggregation != NULL &&
	    !accord_aggregation_from_string(cli->aggregation, &o.aggregation))
		return usage_error(error,
				   "unknown --aggregation '%s' (expected arithmetic or geometric)",
				   cli->aggregation);
	if (cli->unknown != NULL && !accord_unknown_policy_from_string(cli->unknown, &o.unknown))
		return usage_error(error,
				   "unknown --unknown '%s' (expected zero, exclude or pass)",
				   cli->unknown);
	if (cli->fail_under != NULL && (!isfinite(g_ascii_strtod(cli->fail_under, &end)) ||
					end == cli->fail_under || *end != '\0'))
		return usage_error(error,
				   "--fail-under takes a finite number such as 60, not '%s'",
				   cli->fail_under);
	return TRUE;
}

/**
 * accord_cli_parse:
 * @cli: the options to fill
 * @verb: the verb's name
 * @extra: (nullable): options of this verb alone, %NULL-terminated
 * @argc: (inout): arguments
 * @argv: (inout): arguments
 * @error: return location for a usage error
 *
 * Parses the options the verb takes (common, its groups, @extra); any other is refused.
 */
gboolean
accord_cli_parse(AccordCli *cli,
		 const gchar *verb_name,
		 const GOptionEntry *extra,
		 int *argc,
		 char ***argv,
		 GError **error)
{
	const AccordCliVerb *verb = accord_cli_find_verb(verb_name);
	g_autoptr(GArray) entries = g_array_new(TRUE, TRUE, sizeof(GOptionEntry));
	g_autofree gchar *prgname = g_strdup_printf("accord %s", verb->name);
	g_autoptr(GOptionContext) context = g_option_context_new(verb->arguments);
	g_autoptr(GError) local = NULL;

	add_groups(entries, cli, verb->groups);
	for (guint i = 0; extra != NULL && extra[i].long_name != NULL; i++)
		g_array_append_val(entries, extra[i]);
	add_common(entries, cli);
	/* the usage line reads "accord score [OPTION…] PROFILE" */
	g_set_prgname(prgname);
	g_option_context_set_summary(context, verb->summary);
	g_option_context_add_main_entries(context, (GOptionEntry *)entries->data, NULL);
	g_option_context_set_strict_posix(context, FALSE);
	if (!g_option_context_parse(context, argc, argv, &local))
		return usage_error(error, "%s", local->message);
	return check_values(cli, error);
}

/**
 * accord_cli_expect_arguments:
 * @argc: the argument count after parsing
 * @argv: the arguments; argv[0] is the verb
 * @min: the fewest arguments the verb takes
 * @max: the most
 * @usage: what it takes, in words
 * @error: return location for a usage error
 */
gboolean
accord_cli_expect_arguments(int argc,
			    char **argv,
			    guint min,
			    guint max,
			    const gchar *usage,
			    GError **error)
{
	if ((guint)(argc - 1) >= min && (guint)(argc - 1) <= max)
		return TRUE;
	return usage_error(error, "%s takes %s", argv[0], usage);
}

AccordVocabulary *
accord_cli_load_vocabulary(const AccordCli *cli, GError **error)
{
	g_autofree gchar *path = NULL;

	if (cli->vocabulary != NULL)
		return accord_vocabulary_load_file(cli->vocabulary, error);
	path = accord_datadir_get_vocabulary_path();
	return accord_vocabulary_load_file(path, error);
}

AccordProfile *
accord_cli_load_profile(const AccordVocabulary *vocab, const gchar *id_or_path, GError **error)
{
	g_autofree gchar *path = accord_datadir_find_profile(id_or_path, error);

	if (path == NULL)
		return NULL;
	return accord_profile_load_file(path, vocab, error);
}

/* the profiles named on the command line, or every shipped profile */
GPtrArray *
accord_cli_load_profiles(const AccordVocabulary *vocab, int argc, char **argv, GError **error)
{
	g_autoptr(GPtrArray) ids = NULL;
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);

	if (argc > 1) {
		ids = g_ptr_array_new();
		for (int i = 1; i < argc; i++)
			g_ptr_array_add(ids, argv[i]);
	} else {
		ids = accord_datadir_list("profiles");
	}
	for (guint i = 0; i < ids->len; i++) {
		AccordProfile *p = accord_cli_load_profile(vocab, g_ptr_array_index(ids, i), error);
		if (p == NULL)
			return NULL;
		g_ptr_array_add(profiles, p);
	}
	return g_steal_pointer(&profiles);
}

/* the --ruleset files (interop when none is given); at most @max of them */
static GPtrArray *
load_rulesets(const AccordCli *cli, const AccordVocabulary *vocab, guint max, GError **error)
{
	const gchar *fallback[] = {"interop", NULL};
	const gchar *const *ids = cli->rulesets != NULL ? (const gchar *const *)cli->rulesets
							: fallback;
	g_autoptr(GPtrArray) rulesets =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);

	if (g_strv_length((gchar **)ids) > max) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "this verb takes one --ruleset, not %u",
			    g_strv_length((gchar **)ids));
		return NULL;
	}
	if (cli->tailoring != NULL && g_strv_length((gchar **)ids) != 1) {
		usage_error(error,
			    "--tailoring applies to one ruleset; give exactly one --ruleset");
		return NULL;
	}
	for (guint i = 0; ids[i] != NULL; i++) {
		g_autofree gchar *path = accord_datadir_find_ruleset(ids[i], error);
		AccordRuleset *ruleset;

		if (path == NULL ||
		    (ruleset = accord_ruleset_load_file(path, vocab, error)) == NULL)
			return NULL;
		g_ptr_array_add(rulesets, ruleset);
	}
	return g_steal_pointer(&rulesets);
}

/**
 * accord_cli_load_inputs:
 * @cli: parsed options
 * @max_rulesets: how many --ruleset the verb takes
 * @in: (out): what was loaded, with the assessment options pointing at it
 * @error: return location for an error
 */
gboolean
accord_cli_load_inputs(const AccordCli *cli,
		       guint max_rulesets,
		       AccordCliInputs *in,
		       GError **error)
{
	AccordAssessmentOptions *o = &in->options;

	accord_assessment_options_init(o);
	if (cli->model != NULL)
		accord_score_model_from_string(cli->model, &o->score.model);
	if (cli->aggregation != NULL)
		accord_aggregation_from_string(cli->aggregation, &o->score.aggregation);
	if (cli->unknown != NULL)
		accord_unknown_policy_from_string(cli->unknown, &o->score.unknown);
	if (o->score.model != ACCORD_SCORE_MODEL_WEIGHTED &&
	    o->score.aggregation != ACCORD_AGGREGATION_ARITHMETIC)
		return usage_error(error,
				   "the %s model defines its own aggregation; only the weighted "
				   "model takes --aggregation=geometric",
				   cli->model);
	o->assumptions = (const gchar *const *)cli->assumptions;
	o->date = cli->date;
	in->vocabulary = accord_cli_load_vocabulary(cli, error);
	if (in->vocabulary == NULL)
		return FALSE;
	in->rulesets = load_rulesets(cli, in->vocabulary, max_rulesets, error);
	if (in->rulesets == NULL)
		return FALSE;
	if (cli->tailoring != NULL) {
		in->tailoring = accord_tailoring_load_file(cli->tailoring,
							   g_ptr_array_index(in->rulesets, 0),
							   error);
		if (in->tailoring == NULL)
			return FALSE;
		o->score.tailoring = in->tailoring;
	}
	if (cli->waivers != NULL) {
		in->waivers = accord_waiver_list_load_file(cli->waivers, error);
		if (in->waivers == NULL)
			return FALSE;
		o->waivers = in->waivers;
	}
	return TRUE;
}

void
accord_cli_inputs_clear(AccordCliInputs *in)
{
	g_clear_pointer(&in->waivers, accord_waiver_list_unref);
	g_clear_pointer(&in->tailoring, accord_tailoring_unref);
	g_clear_pointer(&in->rulesets, g_ptr_array_unref);
	g_clear_pointer(&in->vocabulary, accord_vocabulary_unref);
}

/* one profile against the one ruleset, as the options say */
AccordAssessment *
accord_cli_assess_one(const AccordCli *cli,
		      AccordCliInputs *in,
		      const gchar *profile,
		      GError **error)
{
	g_autoptr(AccordProfile) p = NULL;

	if (!accord_cli_load_inputs(cli, 1, in, error))
		return NULL;
	p = accord_cli_load_profile(in->vocabulary, profile, error);
	if (p == NULL)
		return NULL;
	return accord_assess(g_ptr_array_index(in->rulesets, 0), p, &in->options, error);
}

gboolean
accord_cli_write(AccordCli *cli, GBytes *bytes, GError **error)
{
	gsize len = 0;
	const gchar *data = g_bytes_get_data(bytes, &len);

	return accord_cli_output_write(cli->output, data, len, ACCORD_CLI_OUTPUT_NONE, error);
}

/**
 * accord_cli_emit:
 * @cli: parsed options
 * @document: what to write
 * @error: return location for an error
 *
 * Renders @document in the --format and writes it to standard output or --output.
 */
gboolean
accord_cli_emit(AccordCli *cli, const AccordDocument *document, GError **error)
{
	g_autoptr(GBytes) bytes = NULL;
	AccordFormat format = ACCORD_FORMAT_TEXT;

	if (cli->format != NULL)
		accord_format_from_string(cli->format, &format);
	bytes = accord_document_render(document, format, error);
	return bytes != NULL && accord_cli_write(cli, bytes, error);
}

/**
 * accord_cli_gate:
 * @cli: parsed options
 * @score: the score --fail-under judges
 *
 * Sets exit status 1 when the overall score is below --fail-under, or cannot be computed.
 */
void
accord_cli_gate(AccordCli *cli, const AccordScore *score)
{
	const AccordScoreItem *overall = accord_score_get_overall(score);

	if (cli->fail_under == NULL)
		return;
	if (!overall->applicable || overall->value < g_ascii_strtod(cli->fail_under, NULL))
		cli->exit_code = ACCORD_EXIT_THRESHOLD;
}
