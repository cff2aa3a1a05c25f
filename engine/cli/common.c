#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* the options of the verbs that score: score and gaps */
static GOptionGroup *
scoring_group(AccordCli *cli)
{
	const GOptionEntry entries[] = {
	    {"ruleset",
	     'r',
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &cli->rulesets,
	     "Ruleset id (e.g. usmca) or path; default: interop (rank takes several)",
	     "ID|FILE"},
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
	     "POLICY"},
	    {"fail-under",
	     0,
	     0,
	     G_OPTION_ARG_DOUBLE,
	     &cli->fail_under,
	     "Exit with status 1 if the overall score is below N",
	     "N"},
	    {"assume",
	     'a',
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &cli->assumptions,
	     "What-if: evaluate as if the profile stated KEY=VALUE (repeatable; CC:KEY=VALUE for "
	     "one country only)",
	     "KEY=VALUE"},
	    {"tailoring",
	     't',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &cli->tailoring,
	     "Select rules and override weights with a tailoring file",
	     "FILE"},
	    {"waivers",
	     'w',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &cli->waivers,
	     "Accept waived criteria as met (until they expire), from a waivers file",
	     "FILE"},
	    {"date",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->date,
	     "The day waivers are checked on, YYYY-MM-DD; default: today",
	     "DATE"},
	    {NULL}};
	GOptionGroup *group =
	    g_option_group_new("scoring", "Scoring options:", "Show scoring options", NULL, NULL);

	g_option_group_add_entries(group, entries);
	return group;
}

GOptionContext *
accord_cli_context_new(AccordCli *cli, const AccordCliVerb *verb, gboolean scoring)
{
	const GOptionEntry entries[] = {
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
	    {NULL}};
	g_autofree gchar *prgname = g_strdup_printf("accord %s", verb->name);
	GOptionContext *context = g_option_context_new(verb->arguments);

	/* the usage line reads "accord score [OPTION…] PROFILE" */
	g_set_prgname(prgname);
	g_option_context_set_summary(context, verb->summary);
	/* the scoring options are the verb's own: list them under plain --help */
	if (scoring)
		g_option_context_set_main_group(context, scoring_group(cli));
	g_option_context_add_main_entries(context, entries, NULL);
	g_option_context_set_strict_posix(context, FALSE);
	return context;
}

gboolean
accord_cli_get_format(const AccordCli *cli, AccordFormat *format, GError **error)
{
	*format = ACCORD_FORMAT_TEXT;
	if (!accord_cli_output_check(cli->output, error))
		return FALSE;
	if (cli->format == NULL || accord_format_from_string(cli->format, format))
		return TRUE;
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_USAGE,
		    "unknown --format '%s' (expected text, json, csv or markdown)",
		    cli->format);
	return FALSE;
}

gboolean
accord_cli_parse(GOptionContext *context, int *argc, char ***argv, GError **error)
{
	g_autoptr(GError) local = NULL;

	if (g_option_context_parse(context, argc, argv, &local))
		return TRUE;
	g_set_error(error, ACCORD_ERROR, ACCORD_ERROR_USAGE, "%s", local->message);
	return FALSE;
}

AccordVocabulary *
accord_cli_load_vocabulary(AccordCli *cli, GError **error)
{
	g_autofree gchar *path = NULL;

	if (cli->vocabulary != NULL)
		return accord_vocabulary_load_file(cli->vocabulary, error);
	path = accord_datadir_get_vocabulary_path();
	return accord_vocabulary_load_file(path, error);
}

gboolean
accord_cli_get_score_options(const AccordCli *cli, AccordScoreOptions *options, GError **error)
{
	AccordFormat format;

	accord_score_options_init(options);
	if (!accord_cli_get_format(cli, &format, error))
		return FALSE;
	/* "inf" or "nan" is no threshold: inf would fail every score, nan none */
	if (!isfinite(cli->fail_under)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--fail-under takes a finite score, not %g",
			    cli->fail_under);
		return FALSE;
	}
	/* a date with nothing to date is a mistake worth saying, not ignoring */
	if (cli->date != NULL && cli->waivers == NULL) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "--date is the day waivers are checked on; it needs --waivers");
		return FALSE;
	}
	if (cli->model != NULL && !accord_score_model_from_string(cli->model, &options->model)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "unknown --model '%s' (expected weighted, xccdf-default, xccdf-flat, "
			    "xccdf-flat-unweighted or xccdf-absolute)",
			    cli->model);
		return FALSE;
	}
	if (cli->aggregation != NULL &&
	    !accord_aggregation_from_string(cli->aggregation, &options->aggregation)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "unknown --aggregation '%s' (expected arithmetic or geometric)",
			    cli->aggregation);
		return FALSE;
	}
	if (cli->unknown != NULL &&
	    !accord_unknown_policy_from_string(cli->unknown, &options->unknown)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "unknown --unknown '%s' (expected zero, exclude or pass)",
			    cli->unknown);
		return FALSE;
	}
	/* accord_score_compute() refuses this too, but only after every file is loaded */
	if (options->model != ACCORD_SCORE_MODEL_WEIGHTED &&
	    options->aggregation != ACCORD_AGGREGATION_ARITHMETIC) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "the %s model defines its own aggregation; only the weighted model "
			    "takes --aggregation=%s",
			    accord_score_model_to_string(options->model),
			    accord_aggregation_to_string(options->aggregation));
		return FALSE;
	}
	return TRUE;
}

/* loads the --ruleset files (interop when none is given); at most @max of them */
GPtrArray *
accord_cli_load_rulesets(const AccordCli *cli,
			 const AccordVocabulary *vocab,
			 guint max,
			 GError **error)
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
	for (guint i = 0; ids[i] != NULL; i++) {
		g_autofree gchar *path = accord_datadir_find_ruleset(ids[i], error);
		AccordRuleset *ruleset;

		if (path == NULL)
			return NULL;
		ruleset = accord_ruleset_load_file(path, vocab, error);
		if (ruleset == NULL)
			return NULL;
		g_ptr_array_add(rulesets, ruleset);
	}
	return g_steal_pointer(&rulesets);
}

AccordProfile *
accord_cli_load_profile(const AccordVocabulary *vocab, const gchar *id_or_path, GError **error)
{
	g_autofree gchar *path = accord_datadir_find_profile(id_or_path, error);

	if (path == NULL)
		return NULL;
	return accord_profile_load_file(path, vocab, error);
}

/* the --assume entries for one country: unprefixed ones apply to every profile,
 * CC:KEY=VALUE only to that country's */
GStrv
accord_cli_assumptions_for(const AccordCli *cli, const gchar *country)
{
	g_autoptr(GStrvBuilder) out = g_strv_builder_new();
	g_autofree gchar *prefix = g_strdup_printf("%s:", country);

	for (guint i = 0; cli->assumptions != NULL && cli->assumptions[i] != NULL; i++) {
		const gchar *a = cli->assumptions[i];
		const gchar *colon = strchr(a, ':');
		const gchar *eq = strchr(a, '=');

		if (colon == NULL || (eq != NULL && eq < colon))
			g_strv_builder_add(out, a);
		else if (g_str_has_prefix(a, prefix))
			g_strv_builder_add(out, a + strlen(prefix));
	}
	return g_strv_builder_end(out);
}

/* the profile as evaluated: with this country's assumptions applied, if any */
AccordProfile *
accord_cli_apply_assumptions(const AccordCli *cli, const AccordProfile *profile, GError **error)
{
	g_auto(GStrv) mine = accord_cli_assumptions_for(cli, accord_profile_get_country(profile));

	if (mine[0] == NULL)
		return accord_profile_ref(profile);
	return accord_profile_new_with_assumptions(profile, (const gchar *const *)mine, error);
}

gboolean
accord_cli_load_extras(AccordCli *cli,
		       const AccordRuleset *ruleset,
		       AccordTailoring **tailoring,
		       AccordWaiverList **waivers,
		       GError **error)
{
	if (cli->tailoring != NULL) {
		*tailoring = accord_tailoring_load_file(cli->tailoring, ruleset, error);
		if (*tailoring == NULL)
			return FALSE;
	}
	if (cli->waivers != NULL) {
		*waivers = accord_waiver_list_load_file(cli->waivers, error);
		if (*waivers == NULL)
			return FALSE;
	}
	return TRUE;
}

/* today, unless --date says otherwise: the day waivers are checked on */
static gchar *
waiver_date(const AccordCli *cli)
{
	g_autoptr(GDateTime) now = NULL;

	if (cli->date != NULL)
		return g_strdup(cli->date);
	now = g_date_time_new_now_local();
	return g_date_time_format(now, "%Y-%m-%d");
}

static AccordReport *
make_view(AccordEvaluation *evaluation,
	  AccordScore *score,
	  AccordReportKind kind,
	  guint phase_effort,
	  GError **error)
{
	if (kind == ACCORD_REPORT_ROADMAP)
		return accord_report_new_roadmap(evaluation, score, phase_effort, error);
	if (kind == ACCORD_REPORT_EXPLAIN)
		return accord_report_new_explanation(evaluation, score, error);
	return accord_report_new(kind, evaluation, score);
}

/* one country against one ruleset, as the options say: assumptions, tailoring, waivers;
 * with "before waivers" and "without assumptions" alternatives beside the main view */
AccordReport *
accord_cli_assess(AccordCli *cli,
		  const AccordRuleset *ruleset,
		  const AccordProfile *profile,
		  const AccordTailoring *tailoring,
		  const AccordWaiverList *waivers,
		  AccordReportKind kind,
		  gboolean with_assumptions,
		  GError **error)
{
	g_autoptr(AccordProfile) evaluated = NULL;
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;
	g_autoptr(AccordEvaluation) before = NULL;
	g_autoptr(AccordReport) report = NULL;
	AccordScoreOptions options;
	AccordScore *score;

	if (!accord_cli_get_score_options(cli, &options, error))
		return NULL;
	options.tailoring = tailoring;
	evaluated = with_assumptions ? accord_cli_apply_assumptions(cli, profile, error)
				     : accord_profile_ref(profile);
	if (evaluated == NULL)
		return NULL;
	evaluation = accord_evaluate(ruleset, evaluated, error);
	if (evaluation == NULL)
		return NULL;
	if (waivers != NULL) {
		g_autofree gchar *date = waiver_date(cli);

		outcome = accord_waivers_apply(waivers, evaluation, date, error);
		if (outcome == NULL)
			return NULL;
		before = g_steal_pointer(&evaluation);
		evaluation = accord_waiver_outcome_steal_evaluation(outcome);
	}
	score = accord_score_compute(evaluation, &options, error);
	if (score == NULL)
		return NULL;
	report = make_view(g_steal_pointer(&evaluation), score, kind, cli->phase_effort, error);
	if (report == NULL)
		return NULL;
	if (tailoring != NULL)
		accord_report_set_tailoring(report, tailoring);
	if (outcome != NULL) {
		AccordScore *before_score = accord_score_compute(before, &options, error);
		AccordReport *alt;

		if (before_score == NULL)
			return NULL;
		alt =
		    accord_report_new(ACCORD_REPORT_SCORE, g_steal_pointer(&before), before_score);
		if (tailoring != NULL)
			accord_report_set_tailoring(alt, tailoring);
		accord_report_add_alternative(report, ACCORD_ALTERNATIVE_BEFORE_WAIVERS, alt);
		accord_report_set_waivers(report, g_steal_pointer(&outcome));
	}
	if (with_assumptions && evaluated != profile) {
		AccordReport *alt = accord_cli_assess(cli,
						      ruleset,
						      profile,
						      tailoring,
						      waivers,
						      ACCORD_REPORT_SCORE,
						      FALSE,
						      error);
		if (alt == NULL)
			return NULL;
		accord_report_add_alternative(report, ACCORD_ALTERNATIVE_WITHOUT_ASSUMPTIONS, alt);
	}
	return g_steal_pointer(&report);
}

AccordReport *
accord_cli_build_report(AccordCli *cli,
			const gchar *profile_arg,
			AccordReportKind kind,
			GError **error)
{
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(GPtrArray) rulesets = NULL;
	g_autoptr(AccordProfile) profile = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordWaiverList) waivers = NULL;
	AccordScoreOptions options;

	/* check every option before reading any file, so usage errors come first */
	if (!accord_cli_get_score_options(cli, &options, error))
		return NULL;
	if (cli->rulesets != NULL && g_strv_length(cli->rulesets) > 1) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "this verb takes one --ruleset, not %u",
			    g_strv_length(cli->rulesets));
		return NULL;
	}
	vocab = accord_cli_load_vocabulary(cli, error);
	if (vocab == NULL)
		return NULL;
	rulesets = accord_cli_load_rulesets(cli, vocab, 1, error);
	if (rulesets == NULL)
		return NULL;
	profile = accord_cli_load_profile(vocab, profile_arg, error);
	if (profile == NULL)
		return NULL;
	if (!accord_cli_load_extras(cli,
				    g_ptr_array_index(rulesets, 0),
				    &tailoring,
				    &waivers,
				    error))
		return NULL;
	return accord_cli_assess(cli,
				 g_ptr_array_index(rulesets, 0),
				 profile,
				 tailoring,
				 waivers,
				 kind,
				 TRUE,
				 error);
}

/* score, gaps and roadmap differ only in the view and a few options: parse, build the report
 * for one profile, emit */
gboolean
accord_cli_run_profile_verb(AccordCli *cli,
			    int argc,
			    char **argv,
			    const gchar *verb,
			    const GOptionEntry *entries,
			    AccordReportKind kind,
			    GError **error)
{
	g_autoptr(GOptionContext) context =
	    accord_cli_context_new(cli, accord_cli_find_verb(verb), TRUE);
	g_autoptr(AccordReport) report = NULL;

	if (entries != NULL)
		g_option_context_add_main_entries(context, entries, NULL);
	if (!accord_cli_parse(context, &argc, &argv, error))
		return FALSE;
	if (argc != 2) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "%s takes exactly one PROFILE (an id such as gb, or a file)",
			    verb);
		return FALSE;
	}
	if (cli->phase_effort < 1) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--phase-effort must be at least 1, not %d",
			    cli->phase_effort);
		return FALSE;
	}
	report = accord_cli_build_report(cli,
					 argv[1],
					 cli->explain ? ACCORD_REPORT_EXPLAIN : kind,
					 error);
	if (report == NULL)
		return FALSE;
	return accord_cli_emit_report(cli, report, error);
}

/* compare and diff: two profiles, a verb-specific builder, the shared checks around it */
gboolean
accord_cli_run_pair_verb(AccordCli *cli,
			 int argc,
			 char **argv,
			 const gchar *verb,
			 const gchar *arguments,
			 guint allow,
			 AccordCliPairBuild build,
			 GError **error)
{
	g_autoptr(GOptionContext) context =
	    accord_cli_context_new(cli, accord_cli_find_verb(verb), TRUE);
	g_autoptr(AccordReport) report = NULL;
	AccordScoreOptions options;

	if (!accord_cli_parse(context, &argc, &argv, error))
		return FALSE;
	if (argc != 3) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "%s takes %s",
			    verb,
			    arguments);
		return FALSE;
	}
	if (!accord_cli_refuse_options(cli,
				       verb,
				       allow & ACCORD_CLI_ALLOW_TAILORING,
				       allow & ACCORD_CLI_ALLOW_WAIVERS,
				       allow & ACCORD_CLI_ALLOW_ASSUMPTIONS,
				       error) ||
	    !accord_cli_get_score_options(cli, &options, error))
		return FALSE;
	report = build(cli, argv[1], argv[2], error);
	if (report == NULL)
		return FALSE;
	return accord_cli_emit_report(cli, report, error);
}

/* options that only some verbs honour are refused by the others rather than ignored */
gboolean
accord_cli_refuse_options(const AccordCli *cli,
			  const gchar *verb,
			  gboolean tailoring,
			  gboolean waivers,
			  gboolean assumptions,
			  GError **error)
{
	const gchar *option = NULL;

	if (!tailoring && cli->tailoring != NULL)
		option = "--tailoring";
	else if (!waivers && cli->waivers != NULL)
		option = "--waivers";
	else if (!assumptions && cli->assumptions != NULL)
		option = "--assume";
	if (option == NULL)
		return TRUE;
	g_set_error(error, ACCORD_ERROR, ACCORD_ERROR_USAGE, "%s does not take %s", verb, option);
	return FALSE;
}

gboolean
accord_cli_write(AccordCli *cli, GBytes *bytes, GError **error)
{
	gsize len = 0;
	const gchar *data = g_bytes_get_data(bytes, &len);

	return accord_cli_output_write(cli->output, data, len, ACCORD_CLI_OUTPUT_NONE, error);
}

gboolean
accord_cli_emit_report(AccordCli *cli, const AccordReport *report, GError **error)
{
	g_autoptr(GBytes) bytes = NULL;
	AccordFormat format;
	const AccordScoreItem *overall;

	if (!accord_cli_get_format(cli, &format, error))
		return FALSE;
	bytes = accord_report_render(report, format, error);
	if (bytes == NULL || !accord_cli_write(cli, bytes, error))
		return FALSE;
	if (accord_report_get_score(report) == NULL)
		return TRUE;
	overall = accord_score_get_overall(accord_report_get_score(report));
	/* a score that cannot be computed does not meet any threshold */
	if (cli->fail_under >= 0 && (!overall->applicable || overall->value < cli->fail_under))
		cli->exit_code = ACCORD_EXIT_THRESHOLD;
	return TRUE;
}
