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
	const GOptionEntry batch[] = {
	    {"threads",
	     'j',
	     0,
	     G_OPTION_ARG_INT,
	     &cli->threads,
	     "Assess N profiles at once; default: the number of processors",
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
	if (groups & ACCORD_CLI_BATCH)
		g_array_append_vals(entries, batch, G_N_ELEMENTS(batch));
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
	cli->threads = -1;
	if (!g_option_context_parse(context, argc, argv, &local))
		return usage_error(error, "%s", local->message);
	if (cli->threads == -1)
		cli->threads = (gint)MIN(g_get_num_processors(), 64);
	else if (cli->threads < 1 || cli->threads > 1024)
		return usage_error(error,
				   "--threads takes a number from 1 to 1024, not %d",
				   cli->threads);
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

/* every --assume, whichever country it names, applied to an empty profile: a malformed or
 * impossible one is refused once, before any profile is read, with the message a profile
 * would give, rather than once for every profile of a batch */
static gboolean
check_assumptions(const AccordCli *cli, const AccordVocabulary *vocab, GError **error)
{
	static const gchar empty[] = "<profile xmlns=\"urn:accord:profile:1\" country=\"ZZ\" "
				     "name=\"-\" as-of=\"2000-01-01\"/>";
	g_autoptr(AccordProfile) base = NULL;
	g_autoptr(AccordProfile) assumed = NULL;
	g_autoptr(GStrvBuilder) all = g_strv_builder_new();
	g_auto(GStrv) stripped = NULL;

	if (cli->assumptions == NULL)
		return TRUE;
	for (guint i = 0; cli->assumptions[i] != NULL; i++) {
		const gchar *a = cli->assumptions[i];
		const gchar *colon = strchr(a, ':');
		const gchar *eq = strchr(a, '=');

		g_strv_builder_add(all,
				   colon != NULL && (eq == NULL || colon < eq) ? colon + 1 : a);
	}
	stripped = g_strv_builder_end(all);
	base = accord_profile_load_data(empty, strlen(empty), "<assumptions>", vocab, error);
	if (base == NULL)
		return FALSE;
	assumed = accord_profile_new_with_assumptions(base, (const gchar *const *)stripped, error);
	return assumed != NULL;
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
	if (in->vocabulary == NULL || !check_assumptions(cli, in->vocabulary, error))
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
	if (accord_cli_is_below(cli, score))
		cli->exit_code = ACCORD_EXIT_THRESHOLD;
}

/**
 * accord_cli_is_below:
 * @cli: parsed options
 * @score: the score --fail-under judges
 *
 * Returns: %TRUE when --fail-under is given and the overall score is below it, or cannot be
 *   computed
 */
gboolean
accord_cli_is_below(const AccordCli *cli, const AccordScore *score)
{
	const AccordScoreItem *overall = accord_score_get_overall(score);

	if (cli->fail_under == NULL)
		return FALSE;
	return !overall->applicable || overall->value < g_ascii_strtod(cli->fail_under, NULL);
}

/* what a worker makes of one profile for score or gaps: its documents, rendered */
typedef struct {
	GBytes *bytes;
	gboolean below; /* some score is below --fail-under */
} Rendered;

typedef struct {
	AccordCli *cli;
	AccordCliInputs *in;
	AccordCliBuild build;
	AccordFormat format;
	AccordCliStream *stream;
	guint64 n_written; /* documents */
} DocumentRun;

static void
rendered_free(gpointer data)
{
	Rendered *r = data;

	g_bytes_unref(r->bytes);
	g_free(r);
}

/* each ruleset in turn; text and Markdown documents are set apart by a blank line */
static gpointer
render_profile(const AccordProfile *profile, gpointer data, GError **error)
{
	DocumentRun *run = data;
	g_autoptr(GByteArray) out = g_byte_array_new();
	Rendered *r = g_new0(Rendered, 1);

	for (guint i = 0; i < run->in->rulesets->len; i++) {
		g_autoptr(AccordAssessment) a =
		    accord_assess(g_ptr_array_index(run->in->rulesets, i),
				  profile,
				  &run->in->options,
				  error);
		g_autoptr(AccordDocument) document = NULL;
		g_autoptr(GBytes) bytes = NULL;
		gsize len = 0;
		const guint8 *data_ = NULL;

		if (a != NULL)
			document = run->build(run->cli, a, error);
		if (document != NULL)
			bytes = accord_document_render(document, run->format, error);
		if (bytes == NULL) {
			g_byte_array_unref(g_steal_pointer(&out));
			g_free(r);
			return NULL;
		}
		r->below |=
		    accord_cli_is_below(run->cli,
					accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN));
		if (i > 0 &&
		    (run->format == ACCORD_FORMAT_TEXT || run->format == ACCORD_FORMAT_MARKDOWN))
			g_byte_array_append(out, (const guint8 *)"\n", 1);
		data_ = g_bytes_get_data(bytes, &len);
		g_byte_array_append(out, data_, (guint)len);
	}
	r->bytes = g_byte_array_free_to_bytes(g_steal_pointer(&out));
	return r;
}

static gboolean
write_rendered(gpointer result, gpointer data, GError **error)
{
	DocumentRun *run = data;
	Rendered *r = result;
	gsize len = 0;
	const gchar *bytes = g_bytes_get_data(r->bytes, &len);
	gboolean separate = run->n_written > 0 && (run->format == ACCORD_FORMAT_TEXT ||
						   run->format == ACCORD_FORMAT_MARKDOWN);
	gboolean ok = (!separate || accord_cli_stream_write(run->stream, "\n", 1, error)) &&
		      accord_cli_stream_write(run->stream, bytes, len, error);

	run->n_written++;
	if (r->below)
		run->cli->exit_code = ACCORD_EXIT_THRESHOLD;
	rendered_free(r);
	return ok;
}

/**
 * accord_cli_run_documents:
 * @cli: parsed options
 * @argc: arguments after the options; argv[0] is the verb
 * @argv: the profiles: ids, files, directories, @LIST files or -
 * @build: the view of one assessment
 * @error: return location for an error
 *
 * Every profile against every --ruleset, one document each, written in input order as each
 * profile is done (score, gaps). JSON and CSV hold one document: with several, the JSON Lines
 * format is the one to use.
 */
gboolean
accord_cli_run_documents(AccordCli *cli,
			 int argc,
			 char **argv,
			 AccordCliBuild build,
			 GError **error)
{
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordCliStream) stream = NULL;
	DocumentRun run = {cli, &in, build, ACCORD_FORMAT_TEXT, NULL, 0};
	AccordCliBatch batch = {NULL, render_profile, write_rendered, rendered_free, &run, 1};
	gboolean several;

	if (cli->format != NULL)
		accord_format_from_string(cli->format, &run.format);
	several = accord_cli_is_batch(argc, argv) ||
		  (cli->rulesets != NULL && g_strv_length(cli->rulesets) > 1);
	if (several && (run.format == ACCORD_FORMAT_JSON || run.format == ACCORD_FORMAT_CSV))
		return usage_error(error,
				   "--format %s writes one document, and several profiles or "
				   "rulesets make several: use --format jsonl (one JSON document "
				   "per line), text or markdown",
				   cli->format);
	if (!accord_cli_load_inputs(cli, G_MAXUINT, &in, error))
		return FALSE;
	stream = accord_cli_stream_new(cli->output, error);
	if (stream == NULL)
		return FALSE;
	run.stream = stream;
	batch.vocabulary = in.vocabulary;
	batch.threads = accord_cli_is_batch(argc, argv) ? (guint)cli->threads : 1;
	if (!accord_cli_batch_run(&batch, argc, argv, error)) {
		/* what the other profiles gave is still written */
		g_autoptr(GError) ignored = NULL;

		if (run.n_written > 0 && accord_error_is_input(*error))
			accord_cli_stream_close(stream, &ignored);
		return FALSE;
	}
	return accord_cli_stream_close(stream, error);
}
