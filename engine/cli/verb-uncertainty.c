#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* accord uncertainty, and the --uncertainty of score and rank: the options, checked to the
 * letter (a bad value is a usage error, exit 2), the per-draw CSV and the progress bar */

/* the sensitivity design the uncertainty verb runs unless told otherwise: 1024 samples give
 * indices to within a few hundredths (docs/scoring.md) */
#define UNCERTAINTY_SOBOL_SAMPLES 1024

/* how many draws and how: the options of the run itself */
static void
add_run_entries(AccordCliUncertainty *u, GArray *entries)
{
	const GOptionEntry run[] = {
	    {"draws",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->draws,
	     "Monte Carlo draws; default: 10000",
	     "N"},
	    {"seed", 0, 0, G_OPTION_ARG_STRING, &u->seed, "Random seed; default: 1", "S"},
	    {"vary",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->vary,
	     "Inputs that vary: weights, aggregation, unknown, evidence, comma-separated, or all "
	     "or none; default: all",
	     "LIST"},
	    {"top", 0, 0, G_OPTION_ARG_STRING, &u->top, "The k of P(top k); default: 10", "K"},
	    {"sobol",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->sobol,
	     "Base sample N of the Sobol sensitivity design, N(k + 2) runs; 0 for none; default: "
	     "1024 for the uncertainty verb, 0 with --uncertainty",
	     "N"},
	    {"bootstrap",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->bootstrap,
	     "Bootstrap replicates of the Sobol indices' intervals; default: 200",
	     "B"}};

	g_array_append_vals(entries, run, G_N_ELEMENTS(run));
}

/* how each input group is drawn */
static void
add_input_entries(AccordCliUncertainty *u, GArray *entries)
{
	const GOptionEntry inputs[] = {
	    {"concentration",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->concentration,
	     "Draw rule and pillar weights from a Dirichlet around the nominal ones, with this "
	     "concentration (above 0); default: 100",
	     "C"},
	    {"weight-spread",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->spread,
	     "Draw each weight uniformly within ± this percentage of its nominal value instead",
	     "PERCENT"},
	    {"geometric",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->geometric,
	     "Chance that a draw aggregates pillars geometrically, in [0, 1]; default: 0.5",
	     "P"},
	    {"unknown-policies",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->policies,
	     "Unknown policies a draw picks from: zero, exclude, pass, comma-separated; default: "
	     "zero,exclude",
	     "LIST"},
	    {"flip",
	     0,
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &u->flip,
	     "Chance a fact of CLASS (high, medium, low, recent, dated, old) is flipped to a "
	     "neighbouring value (repeatable)",
	     "CLASS=P"},
	    {"drop",
	     0,
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &u->drop,
	     "Chance a fact of CLASS is dropped to unknown (repeatable)",
	     "CLASS=P"},
	    {"age-bands",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &u->age_bands,
	     "Evidence up to RECENT years old (on --date, else the profile's as-of date) is "
	     "recent, over OLD years old; default: 2,5",
	     "RECENT,OLD"}};

	g_array_append_vals(entries, inputs, G_N_ELEMENTS(inputs));
}

/**
 * accord_cli_uncertainty_add_entries:
 * @cli: where the values go
 * @entries: (element-type GOptionEntry): the verb's entries, to append to
 * @as_option: %TRUE for score and rank, which take --uncertainty to switch the analysis on;
 *   %FALSE for the uncertainty verb, which also takes --draws-csv
 */
void
accord_cli_uncertainty_add_entries(AccordCli *cli, GArray *entries, gboolean as_option)
{
	AccordCliUncertainty *u = &cli->uncertainty;
	const GOptionEntry own[] = {
	    {"uncertainty",
	     0,
	     0,
	     G_OPTION_ARG_NONE,
	     &u->enabled,
	     "Add score and rank intervals over random draws of the uncertain inputs",
	     NULL},
	    {"draws-csv",
	     0,
	     0,
	     G_OPTION_ARG_FILENAME,
	     &u->draws_csv,
	     "Also write one CSV line per draw (its inputs, every score and rank) to FILE",
	     "FILE"}};

	g_array_append_vals(entries, &own[as_option ? 0 : 1], 1);
	add_run_entries(u, entries);
	add_input_entries(u, entries);
}

void
accord_cli_uncertainty_clear(AccordCliUncertainty *u)
{
	g_free(u->draws);
	g_free(u->seed);
	g_free(u->vary);
	g_free(u->concentration);
	g_free(u->spread);
	g_free(u->geometric);
	g_free(u->policies);
	g_strfreev(u->flip);
	g_strfreev(u->drop);
	g_free(u->age_bands);
	g_free(u->top);
	g_free(u->sobol);
	g_free(u->bootstrap);
	g_free(u->draws_csv);
}

/* a whole number in [min, max], written in digits alone */
static gboolean
parse_whole(const gchar *option,
	    const gchar *text,
	    guint64 min,
	    guint64 max,
	    guint64 *out,
	    GError **error)
{
	if (text == NULL)
		return TRUE;
	if (!g_ascii_string_to_unsigned(text, 10, min, max, out, NULL) || !g_ascii_isdigit(text[0]))
		return accord_cli_usage_error(error,
					      "--%s takes a whole number from %" G_GUINT64_FORMAT
					      " to %" G_GUINT64_FORMAT ", not '%s'",
					      option,
					      min,
					      max,
					      text);
	return TRUE;
}

static gboolean
parse_real(const gchar *option, const gchar *text, gdouble *out, GError **error)
{
	gchar *end = NULL;
	gdouble value;

	if (text == NULL)
		return TRUE;
	value = g_ascii_strtod(text, &end);
	if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite(value))
		return accord_cli_usage_error(error,
					      "--%s takes a finite number, not '%s'",
					      option,
					      text);
	*out = value;
	return TRUE;
}

/* "weights,evidence", "all" or "none" */
static gboolean
parse_vary(const gchar *text, guint *inputs, GError **error)
{
	g_auto(GStrv) names = NULL;

	if (text == NULL)
		return TRUE;
	*inputs = 0;
	if (g_strcmp0(text, "all") == 0)
		*inputs = (1u << ACCORD_N_UNCERTAIN_INPUTS) - 1;
	if (g_strcmp0(text, "all") == 0 || g_strcmp0(text, "none") == 0)
		return TRUE;
	names = g_strsplit(text, ",", -1);
	for (guint i = 0; names[i] != NULL; i++) {
		AccordUncertainInput input;

		if (!accord_uncertain_input_from_string(g_strstrip(names[i]), &input))
			return accord_cli_usage_error(
			    error,
			    "--vary takes weights, aggregation, unknown and evidence, "
			    "comma-separated, or all or none, not '%s'",
			    text);
		*inputs |= 1u << input;
	}
	return TRUE;
}

static gboolean
parse_policies(const gchar *text, guint *policies, GError **error)
{
	g_auto(GStrv) names = NULL;

	if (text == NULL)
		return TRUE;
	*policies = 0;
	names = g_strsplit(text, ",", -1);
	for (guint i = 0; names[i] != NULL; i++) {
		AccordUnknownPolicy p;

		if (!accord_unknown_policy_from_string(g_strstrip(names[i]), &p))
			return accord_cli_usage_error(
			    error,
			    "--unknown-policies takes zero, exclude and pass, "
			    "comma-separated, not '%s'",
			    text);
		*policies |= 1u << p;
	}
	return TRUE;
}

/* CLASS=P, each --flip or --drop */
static gboolean
parse_chances(const gchar *option, gchar **given, gdouble *chances, GError **error)
{
	for (guint i = 0; given != NULL && given[i] != NULL; i++) {
		g_auto(GStrv) parts = g_strsplit(given[i], "=", 2);
		AccordEvidenceClass c;

		if (parts[0] == NULL || parts[1] == NULL ||
		    !accord_evidence_class_from_string(parts[0], &c))
			return accord_cli_usage_error(
			    error,
			    "--%s takes CLASS=P with CLASS one of high, medium, low, "
			    "recent, dated and old, not '%s'",
			    option,
			    given[i]);
		if (!parse_real(option, parts[1], &chances[c], error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
parse_ages(const gchar *text, AccordUncertaintyOptions *o, GError **error)
{
	g_auto(GStrv) parts = NULL;

	if (text == NULL)
		return TRUE;
	parts = g_strsplit(text, ",", -1);
	if (g_strv_length(parts) != 2)
		return accord_cli_usage_error(error,
					      "--age-bands takes RECENT,OLD in years, not '%s'",
					      text);
	return parse_real("age-bands", parts[0], &o->recent_years, error) &&
	       parse_real("age-bands", parts[1], &o->old_years, error);
}

/* the weights: a Dirichlet by default, uniform ± a percentage when --weight-spread is given */
static gboolean
parse_weights(const AccordCliUncertainty *u, AccordUncertaintyOptions *o, GError **error)
{
	g_autofree gchar *spread = NULL;

	if (u->concentration != NULL && u->spread != NULL)
		return accord_cli_usage_error(
		    error,
		    "give --concentration (Dirichlet weights) or --weight-spread "
		    "(uniform weights), not both");
	if (u->spread == NULL)
		return parse_real("concentration", u->concentration, &o->concentration, error);
	spread = g_strdup(u->spread);
	if (g_str_has_suffix(spread, "%"))
		spread[strlen(spread) - 1] = '\0';
	o->weight_draw = ACCORD_WEIGHT_DRAW_UNIFORM;
	if (!parse_real("weight-spread", spread, &o->spread, error))
		return FALSE;
	o->spread /= 100;
	return TRUE;
}

static gboolean
parse_counts(const AccordCliUncertainty *u, AccordUncertaintyOptions *o, GError **error)
{
	guint64 top = o->top, sobol = o->sobol_samples, bootstrap = o->bootstrap;

	if (!parse_whole("draws", u->draws, 1, G_MAXUINT32, &o->draws, error) ||
	    !parse_whole("seed", u->seed, 0, (G_GUINT64_CONSTANT(1) << 53) - 1, &o->seed, error) ||
	    !parse_whole("top", u->top, 1, G_MAXUINT32, &top, error) ||
	    !parse_whole("sobol", u->sobol, 0, 10000000, &sobol, error) ||
	    !parse_whole("bootstrap", u->bootstrap, 0, 100000, &bootstrap, error))
		return FALSE;
	o->top = (guint)top;
	o->sobol_samples = (guint)sobol;
	o->bootstrap = (guint)bootstrap;
	return TRUE;
}

/**
 * accord_cli_uncertainty_options:
 * @cli: parsed options
 * @sobol_default: the sensitivity design's sample size when --sobol is not given
 * @options: (out): the analysis's options
 * @error: return location for a usage error
 *
 * Reads and checks every uncertainty option: a malformed or out-of-range value is a usage
 * error that names the option.
 */
gboolean
accord_cli_uncertainty_options(const AccordCli *cli,
			       guint sobol_default,
			       AccordUncertaintyOptions *o,
			       GError **error)
{
	const AccordCliUncertainty *u = &cli->uncertainty;

	accord_uncertainty_options_init(o);
	o->sobol_samples = sobol_default;
	/* --threads, shared with the batch verbs */
	if (cli->threads > 0)
		o->threads = (guint)cli->threads;
	if (!parse_vary(u->vary, &o->inputs, error))
		return FALSE;
	/* with nothing varying there is nothing to apportion: no design unless asked for */
	if (o->inputs == 0)
		o->sobol_samples = 0;
	return parse_counts(u, o, error) && parse_weights(u, o, error) &&
	       parse_real("geometric", u->geometric, &o->geometric_probability, error) &&
	       parse_policies(u->policies, &o->unknown_policies, error) &&
	       parse_chances("flip", u->flip, o->flip, error) &&
	       parse_chances("drop", u->drop, o->drop, error) &&
	       parse_ages(u->age_bands, o, error) && accord_uncertainty_options_check(o, error);
}

/**
 * accord_cli_uncertainty_check_used:
 * @cli: parsed options
 * @error: return location for a usage error
 *
 * For score and rank: an uncertainty option without --uncertainty would do nothing, so it is
 * refused rather than ignored.
 */
gboolean
accord_cli_uncertainty_check_used(const AccordCli *cli, GError **error)
{
	const AccordCliUncertainty *u = &cli->uncertainty;
	const gchar *given[] = {u->draws,
				u->seed,
				u->vary,
				u->concentration,
				u->spread,
				u->geometric,
				u->policies,
				u->age_bands,
				u->top,
				u->sobol,
				u->bootstrap};
	gboolean any = u->flip != NULL || u->drop != NULL;

	for (guint i = 0; i < G_N_ELEMENTS(given); i++)
		any = any || given[i] != NULL;
	if (any && !u->enabled)
		return accord_cli_usage_error(
		    error,
		    "the uncertainty options (--draws, --seed, --vary …) go with "
		    "--uncertainty");
	return TRUE;
}

/* ---- the progress bar: on standard error, and only when it is a terminal ---- */

typedef struct {
	guint shown; /* the last percentage drawn */
} Progress;

static void
show_progress(guint64 done, guint64 total, gpointer data)
{
	Progress *p = data;
	guint percent = total > 0 ? (guint)(100 * done / total) : 100;
	gchar bar[41];

	if (percent == p->shown)
		return;
	p->shown = percent;
	memset(bar, '#', percent * 40 / 100);
	memset(bar + percent * 40 / 100, '.', 40 - percent * 40 / 100);
	bar[40] = '\0';
	fprintf(stderr, "\r[%s] %3u%%", bar, percent);
	if (done == total)
		fprintf(stderr, "\r%*s\r", 47, "");
	fflush(stderr);
}

/* ---- the per-draw CSV: written to a temporary file beside FILE, renamed over it when
 * complete, removed when not, so FILE is never half-written ---- */

typedef struct {
	gchar *path;
	gchar *temporary;
	GOutputStream *stream;
} DrawsFile;

static gboolean
draws_file_open(DrawsFile *f, const gchar *path, GError **error)
{
	g_autoptr(GFile) file = NULL;
	g_autoptr(GError) local = NULL;
	mode_t mask = umask(0);
	gint fd;

	umask(mask);
	f->path = g_strdup(path);
	f->temporary = g_strdup_printf("%s.XXXXXX", path);
	fd = g_mkstemp(f->temporary);
	if (fd < 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_WRITE,
			    "cannot write %s: %s",
			    path,
			    g_strerror(errno));
		g_clear_pointer(&f->temporary, g_free);
		return FALSE;
	}
	/* the mode a new file would get, not mkstemp's 0600 */
	if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0)
		g_debug("cannot set the mode of %s", f->temporary);
	file = g_file_new_for_path(f->temporary);
	f->stream = G_OUTPUT_STREAM(g_file_append_to(file, G_FILE_CREATE_NONE, NULL, &local));
	if (f->stream != NULL)
		return TRUE;
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_WRITE,
		    "cannot write %s: %s",
		    path,
		    local->message);
	return FALSE;
}

/* renames the complete file into place when @ok, else removes it */
static gboolean
draws_file_close(DrawsFile *f, gboolean ok, GError **error)
{
	g_autoptr(GError) local = NULL;

	if (f->stream != NULL && !g_output_stream_close(f->stream, NULL, &local) && ok) {
		ok = FALSE;
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_WRITE,
			    "cannot write %s: %s",
			    f->path,
			    local->message);
	}
	if (ok && g_rename(f->temporary, f->path) != 0) {
		ok = FALSE;
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_WRITE,
			    "cannot write %s: %s",
			    f->path,
			    g_strerror(errno));
	}
	if (!ok && f->temporary != NULL)
		g_unlink(f->temporary);
	g_clear_object(&f->stream);
	g_free(f->temporary);
	g_free(f->path);
	return ok;
}

/**
 * accord_cli_uncertainty_new:
 * @cli: parsed options
 * @ruleset: the ruleset
 * @profiles: (element-type AccordProfile): the countries
 * @assessment: the nominal assessment options
 * @error: return location for an error
 *
 * Runs the analysis the options ask for (as the uncertainty verb, or as the --uncertainty of
 * score and rank), with a progress bar on a terminal and the per-draw CSV if asked.
 */
AccordUncertainty *
accord_cli_uncertainty_new(const AccordCli *cli,
			   const AccordRuleset *ruleset,
			   const GPtrArray *profiles,
			   const AccordAssessmentOptions *assessment,
			   GError **error)
{
	AccordUncertaintyOptions o;
	Progress progress = {G_MAXUINT};
	DrawsFile draws = {0};
	AccordUncertainty *u;
	guint sobol = cli->uncertainty.enabled ? 0 : UNCERTAINTY_SOBOL_SAMPLES;

	if (!accord_cli_uncertainty_options(cli, sobol, &o, error))
		return NULL;
	if (isatty(STDERR_FILENO)) {
		o.progress = show_progress;
		o.progress_data = &progress;
	}
	if (cli->uncertainty.draws_csv != NULL) {
		if (!draws_file_open(&draws, cli->uncertainty.draws_csv, error))
			return NULL;
		o.draws_output = draws.stream;
	}
	u = accord_uncertainty_new(ruleset, profiles, assessment, &o, error);
	if (cli->uncertainty.draws_csv != NULL &&
	    !draws_file_close(&draws, u != NULL, u != NULL ? error : NULL))
		g_clear_pointer(&u, accord_uncertainty_free);
	return u;
}

/* accord uncertainty [PROFILE…]: how far each country's score and rank can move when the
 * weights, the aggregation, the unknown policy and the evidence are uncertain, and which of
 * them moves them most */
gboolean
accord_cli_uncertainty_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_autoptr(GArray) entries = g_array_new(TRUE, TRUE, sizeof(GOptionEntry));
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(GPtrArray) profiles = NULL;
	g_autoptr(AccordUncertainty) u = NULL;
	g_autoptr(AccordDocument) document = NULL;
	AccordUncertaintyOptions checked;

	accord_cli_uncertainty_add_entries(cli, entries, FALSE);
	if (!accord_cli_parse(cli,
			      "uncertainty",
			      (GOptionEntry *)entries->data,
			      &argc,
			      &argv,
			      error) ||
	    !accord_cli_uncertainty_options(cli, 0, &checked, error))
		return FALSE;
	if (cli->uncertainty.draws_csv != NULL &&
	    g_strcmp0(cli->uncertainty.draws_csv, cli->output) == 0)
		return accord_cli_usage_error(error, "--draws-csv and --output name the same file");
	if (!accord_cli_load_inputs(cli, 1, &in, error) ||
	    (profiles = accord_cli_load_profiles(in.vocabulary, argc, argv, error)) == NULL)
		return FALSE;
	u = accord_cli_uncertainty_new(cli,
				       g_ptr_array_index(in.rulesets, 0),
				       profiles,
				       &in.options,
				       error);
	if (u == NULL)
		return FALSE;
	document = accord_uncertainty_to_document(u);
	return accord_cli_emit(cli, document, error);
}
