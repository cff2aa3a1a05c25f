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
	     "Output format: text, json, csv, markdown or html; default: text (html for report)",
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
	const GOptionEntry ruleset[] = {
	    {"ruleset",
	     'r',
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &cli->rulesets,
	     "Ruleset id (e.g. usmca), path, or all (every shipped ruleset); default: interop",
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
	const GOptionEntry date[] = {
	    {"date",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->date,
	     "The day of the assessment, YYYY-MM-DD: waivers are checked, "
	     "evidence aged and parties bound as of it; default: today",
	     "DATE"},
	    {"min-confidence",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->min_confidence,
	     "Count only facts of at least this confidence (low, medium or high); the others are "
	     "unknown and listed; default: low (all)",
	     "LEVEL"},
	    {"evidence-max-age",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->evidence_max_age,
	     "Count only facts whose newest evidence is at most YEARS whole years before --date; "
	     "the others are unknown and listed as stale",
	     "YEARS"}};
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
	     "Worker threads (the output is the same for any number); default: one per "
	     "processor",
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

/* a usage error (exit 2) with a formatted message; returns FALSE (also for verb files) */
gboolean
accord_cli_usage_error(GError **error, const gchar *format, ...)
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

/* a whole number of years from 1 to 9999, in plain digits */
static gboolean
parse_years(const gchar *text, guint *years)
{
	guint64 value = 0;

	if (!g_ascii_string_to_unsigned(text, 10, 1, 9999, &value, NULL) || text[0] == '+')
		return FALSE;
	if (years != NULL)
		*years = (guint)value;
	return TRUE;
}

/* an --assume is KEY=VALUE or CC:KEY=VALUE, every part non-empty; anything else would be
 * silently ignored by every country, so it is refused before any file is read */
static gboolean
check_assumption(const gchar *assumption, GError **error)
{
	const gchar *eq = strchr(assumption, '=');
	const gchar *colon = strchr(assumption, ':');
	const gchar *key = colon != NULL && eq != NULL && colon < eq ? colon + 1 : assumption;

	if (eq != NULL && eq > key && eq[1] != '\0' && key != assumption + 1)
		return TRUE;
	return accord_cli_usage_error(error,
				      "--assume takes KEY=VALUE or CC:KEY=VALUE, not '%s'",
				      assumption);
}

/**
 * accord_cli_check_prefix_countries:
 * @cli: parsed options
 * @countries: (element-type utf8): the country codes the verb assessed
 * @error: return location for a usage error
 *
 * Every CC: prefix of --assume must name one of @countries, in any case: an assumption for a
 * country not assessed would be silently ignored.
 */
gboolean
accord_cli_check_prefix_countries(const AccordCli *cli, const GPtrArray *countries, GError **error)
{
	for (guint i = 0; cli->assumptions != NULL && cli->assumptions[i] != NULL; i++) {
		const gchar *a = cli->assumptions[i];
		const gchar *colon = strchr(a, ':');
		const gchar *eq = strchr(a, '=');
		g_autoptr(GString) known = g_string_new(NULL);
		gboolean found = FALSE;

		if (colon == NULL || eq == NULL || colon > eq)
			continue;
		for (guint p = 0; p < countries->len && !found; p++) {
			const gchar *cc = g_ptr_array_index(countries, p);

			found = strlen(cc) == (gsize)(colon - a) &&
				g_ascii_strncasecmp(a, cc, (gsize)(colon - a)) == 0;
			g_string_append_printf(known, "%s%s", p > 0 ? ", " : "", cc);
		}
		if (!found)
			return accord_cli_usage_error(
			    error,
			    "--assume '%s' is for %.*s, which is not a country "
			    "assessed here (%s)",
			    a,
			    (int)(colon - a),
			    a,
			    known->str);
	}
	return TRUE;
}

/**
 * accord_cli_check_prefixes:
 * @cli: parsed options
 * @profiles: (element-type AccordProfile): the profiles the verb assesses
 * @error: return location for a usage error
 *
 * accord_cli_check_prefix_countries() with the countries of @profiles.
 */
gboolean
accord_cli_check_prefixes(const AccordCli *cli, const GPtrArray *profiles, GError **error)
{
	g_autoptr(GPtrArray) countries = g_ptr_array_new();

	for (guint p = 0; p < profiles->len; p++)
		g_ptr_array_add(
		    countries,
		    (gpointer)accord_profile_get_country(g_ptr_array_index(profiles, p)));
	return accord_cli_check_prefix_countries(cli, countries, error);
}

/* every option value is checked before any file is read, so usage errors come first */
static gboolean
check_values(const AccordCli *cli, GError **error)
{
	AccordScoreOptions o;
	AccordFormat format;
	AccordConfidence c;
	gchar *end = NULL;

	if (cli->format != NULL && !accord_format_from_string(cli->format, &format))
		return accord_cli_usage_error(
		    error,
		    "unknown --format '%s' (expected text, json, csv, markdown or html)",
		    cli->format);
	if (!accord_cli_output_check(cli->output, error))
		return FALSE;
	if (cli->date != NULL && !is_day(cli->date))
		return accord_cli_usage_error(error,
					      "--date takes a day, YYYY-MM-DD, not '%s'",
					      cli->date);
	if (cli->model != NULL && !accord_score_model_from_string(cli->model, &o.model))
		return accord_cli_usage_error(
		    error,
		    "unknown --model '%s' (expected weighted, xccdf-default, "
		    "xccdf-flat, xccdf-flat-unweighted or xccdf-absolute)",
		    cli->model);
	if (cli->aggregation != NULL &&
	    !accord_aggregation_from_string(cli->aggregation, &o.aggregation))
		return accord_cli_usage_error(
		    error,
		    "unknown --aggregation '%s' (expected arithmetic or geometric)",
		    cli->aggregation);
	if (cli->unknown != NULL && !accord_unknown_policy_from_string(cli->unknown, &o.unknown))
		return accord_cli_usage_error(
		    error,
		    "unknown --unknown '%s' (expected zero, exclude or pass)",
		    cli->unknown);
	for (guint i = 0; cli->assumptions != NULL && cli->assumptions[i] != NULL; i++) {
		if (!check_assumption(cli->assumptions[i], error))
			return FALSE;
	}
	if (cli->min_confidence != NULL && !accord_confidence_from_string(cli->min_confidence, &c))
		return accord_cli_usage_error(
		    error,
		    "unknown --min-confidence '%s' (expected low, medium or high)",
		    cli->min_confidence);
	if (cli->evidence_max_age != NULL && !parse_years(cli->evidence_max_age, NULL))
		return accord_cli_usage_error(
		    error,
		    "--evidence-max-age takes a whole number of years from 1 to 9999, "
		    "not '%s'",
		    cli->evidence_max_age);
	if (cli->fail_under != NULL && (!isfinite(g_ascii_strtod(cli->fail_under, &end)) ||
					end == cli->fail_under || *end != '\0'))
		return accord_cli_usage_error(
		    error,
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
		return accord_cli_usage_error(error, "%s", local->message);
	if (cli->threads == -1)
		cli->threads = (gint)MIN(g_get_num_processors(), 64);
	else if (cli->threads < 1 || cli->threads > 1024)
		return accord_cli_usage_error(error,
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
	return accord_cli_usage_error(error, "%s takes %s", argv[0], usage);
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

/* the --ruleset ids: interop when none is given; every shipped ruleset for `all`, which
 * must then be the only one */
static GPtrArray *
ruleset_ids(const AccordCli *cli, GError **error)
{
	GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);

	if (cli->rulesets == NULL)
		g_ptr_array_add(ids, g_strdup("interop"));
	for (guint i = 0; cli->rulesets != NULL && cli->rulesets[i] != NULL; i++) {
		if (g_strcmp0(cli->rulesets[i], "all") != 0) {
			g_ptr_array_add(ids, g_strdup(cli->rulesets[i]));
			continue;
		}
		if (g_strv_length(cli->rulesets) > 1) {
			g_ptr_array_unref(ids);
			accord_cli_usage_error(
			    error,
			    "--ruleset all names every shipped ruleset; give it alone");
			return NULL;
		}
		g_ptr_array_unref(ids);
		ids = accord_datadir_list("rulesets");
	}
	g_ptr_array_add(ids, NULL);
	return ids;
}

/* the --ruleset files; at most @max of them */
static GPtrArray *
load_rulesets(const AccordCli *cli, const AccordVocabulary *vocab, guint max, GError **error)
{
	g_autoptr(GPtrArray) id_array = ruleset_ids(cli, error);
	const gchar *const *ids = id_array != NULL ? (const gchar *const *)id_array->pdata : NULL;
	g_autoptr(GPtrArray) rulesets =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);

	if (ids == NULL)
		return NULL;

	if (g_strv_length((gchar **)ids) > max) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "this verb takes one --ruleset, not %u",
			    g_strv_length((gchar **)ids));
		return NULL;
	}
	if (cli->tailoring != NULL && g_strv_length((gchar **)ids) != 1) {
		accord_cli_usage_error(
		    error,
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
		return accord_cli_usage_error(
		    error,
		    "the %s model defines its own aggregation; only the weighted "
		    "model takes --aggregation=geometric",
		    cli->model);
	o->assumptions = (const gchar *const *)cli->assumptions;
	o->date = cli->date;
	if (cli->min_confidence != NULL)
		accord_confidence_from_string(cli->min_confidence, &o->min_confidence);
	if (cli->evidence_max_age != NULL)
		parse_years(cli->evidence_max_age, &o->evidence_max_age);
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
	g_autoptr(GPtrArray) one = g_ptr_array_new();

	if (!accord_cli_load_inputs(cli, 1, in, error))
		return NULL;
	p = accord_cli_load_profile(in->vocabulary, profile, error);
	if (p == NULL)
		return NULL;
	g_ptr_array_add(one, p);
	if (!accord_cli_check_prefixes(cli, one, error))
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

static gboolean
write_piece(const gchar *data, gsize len, gpointer stream, GError **error)
{
	return accord_cli_stream_write(stream, data, len, error);
}

/* through a stream: to standard output as it comes, or to --output once whole */
static gboolean
emit_streamed(AccordCli *cli,
	      const AccordDocument *document,
	      AccordFormat format,
	      AccordCliEmitCheck check,
	      gconstpointer data,
	      GError **error)
{
	g_autoptr(AccordCliStream) stream = accord_cli_stream_new(cli->output, error);

	return stream != NULL &&
	       accord_document_write(document, format, write_piece, stream, error) &&
	       (check == NULL || check(data, error)) && accord_cli_stream_close(stream, error);
}

/**
 * accord_cli_emit_checked:
 * @cli: parsed options
 * @document: what to write
 * @check: (nullable): run once the document is rendered, before --output is replaced: a
 *   document whose rows are read from a source (a ranking's records) learns only then whether
 *   every row was read whole
 * @data: for @check
 * @error: return location for an error
 *
 * As accord_cli_emit(); when @check fails, --output is left as it was.
 */
gboolean
accord_cli_emit_checked(AccordCli *cli,
			const AccordDocument *document,
			AccordCliEmitCheck check,
			gconstpointer data,
			GError **error)
{
	g_autoptr(GBytes) bytes = NULL;
	AccordFormat format = ACCORD_FORMAT_TEXT;

	if (cli->format != NULL)
		accord_format_from_string(cli->format, &format);
	/* text is written as it is made, so a long table is never held whole */
	if (format == ACCORD_FORMAT_TEXT || format == ACCORD_FORMAT_MARKDOWN)
		return emit_streamed(cli, document, format, check, data, error);
	bytes = accord_document_render(document, format, error);
	return bytes != NULL && (check == NULL || check(data, error)) &&
	       accord_cli_write(cli, bytes, error);
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
	return accord_cli_emit_checked(cli, document, NULL, NULL, error);
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
	gchar *country;
} Rendered;

typedef struct {
	AccordCli *cli;
	AccordCliInputs *in;
	AccordCliBuild build;
	AccordFormat format;
	AccordCliStream *stream;
	guint64 n_written; /* documents */
	GHashTable *seen;  /* the countries of the profiles written, for the checks of --assume */
} DocumentRun;

static void
rendered_free(gpointer data)
{
	Rendered *r = data;

	if (r->bytes != NULL)
		g_bytes_unref(r->bytes);
	g_free(r->country);
	g_free(r);
}

/* each ruleset in turn; text and Markdown documents are set apart by a blank line */
static gpointer
render_profile(const AccordProfile *profile, gpointer data, GError **error)
{
	DocumentRun *run = data;
	g_autoptr(GByteArray) out = g_byte_array_new();
	Rendered *r = g_new0(Rendered, 1);

	r->country = g_strdup(accord_profile_get_country(profile));

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
			rendered_free(r);
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
	g_hash_table_add(run->seen, g_steal_pointer(&r->country));
	if (r->below)
		run->cli->exit_code = ACCORD_EXIT_THRESHOLD;
	rendered_free(r);
	return ok;
}

/* the profiles named one by one are read first, so a --assume prefix that names none of them
 * is refused before anything is written; one that fails to load is reported by the run */
static gboolean
check_named_prefixes(const AccordCli *cli,
		     const AccordCliInputs *in,
		     int argc,
		     char **argv,
		     GError **error)
{
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	gboolean prefixed = FALSE;

	for (guint i = 0; cli->assumptions != NULL && cli->assumptions[i] != NULL; i++) {
		const gchar *colon = strchr(cli->assumptions[i], ':');
		const gchar *eq = strchr(cli->assumptions[i], '=');

		prefixed |= colon != NULL && eq != NULL && colon < eq;
	}
	if (!prefixed)
		return TRUE;
	for (int i = 1; i < argc; i++) {
		AccordProfile *p = accord_cli_load_profile(in->vocabulary, argv[i], NULL);

		if (p == NULL)
			return TRUE;
		g_ptr_array_add(profiles, p);
	}
	return accord_cli_check_prefixes(cli, profiles, error);
}

static gint
compare_codes(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

static gboolean
check_seen_prefixes(const AccordCli *cli, GHashTable *seen, GError **error)
{
	g_autoptr(GPtrArray) countries = g_ptr_array_new();
	GHashTableIter iter;
	gpointer code;

	g_hash_table_iter_init(&iter, seen);
	while (g_hash_table_iter_next(&iter, &code, NULL))
		g_ptr_array_add(countries, code);

	g_ptr_array_sort(countries, compare_codes);
	return accord_cli_check_prefix_countries(cli, countries, error);
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
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	DocumentRun run = {cli, &in, build, ACCORD_FORMAT_TEXT, NULL, 0, seen};
	AccordCliBatch batch = {NULL, render_profile, write_rendered, rendered_free, &run, 1};
	gboolean several;

	if (cli->format != NULL)
		accord_format_from_string(cli->format, &run.format);
	several = accord_cli_is_batch(argc, argv) ||
		  (cli->rulesets != NULL && g_strv_length(cli->rulesets) > 1);
	if (several && (run.format == ACCORD_FORMAT_JSON || run.format == ACCORD_FORMAT_CSV))
		return accord_cli_usage_error(
		    error,
		    "--format %s writes one document, and several profiles or "
		    "rulesets make several: use --format jsonl (one JSON document "
		    "per line), text or markdown",
		    cli->format);
	if (!accord_cli_load_inputs(cli, G_MAXUINT, &in, error) ||
	    (!accord_cli_is_batch(argc, argv) &&
	     !check_named_prefixes(cli, &in, argc, argv, error)))
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
	/* a batch's countries are known once it is read; what it wrote to --output is dropped */
	if (!check_seen_prefixes(cli, seen, error))
		return FALSE;
	return accord_cli_stream_close(stream, error);
}
