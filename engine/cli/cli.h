#pragma once

#include <accord/accord.h>

G_BEGIN_DECLS

/* exit codes of the accord program; docs/accord.1 lists them */
typedef enum {
	ACCORD_EXIT_OK = 0,
	ACCORD_EXIT_THRESHOLD = 1,
	ACCORD_EXIT_USAGE = 2,
	ACCORD_EXIT_INPUT = 3,
	ACCORD_EXIT_OUTPUT = 4,
	ACCORD_EXIT_INTERNAL = 5,
} AccordExitCode;

/* the option groups a verb may take; any option outside its groups is a usage error */
typedef enum {
	ACCORD_CLI_RULESET = 1 << 0,   /* --ruleset */
	ACCORD_CLI_MODEL = 1 << 1,     /* --model, --aggregation, --unknown */
	ACCORD_CLI_ASSUME = 1 << 2,    /* --assume */
	ACCORD_CLI_TAILORING = 1 << 3, /* --tailoring */
	ACCORD_CLI_WAIVERS = 1 << 4,   /* --waivers, --date */
	ACCORD_CLI_GATE = 1 << 5,      /* --fail-under */
	ACCORD_CLI_BATCH = 1 << 6,     /* --threads */
} AccordCliGroups;

/* the uncertainty options (verb-uncertainty.c), as given */
typedef struct {
	gboolean enabled; /* --uncertainty, for score and rank */
	gchar *draws;
	gchar *seed;
	gchar *vary;
	gchar *concentration;
	gchar *spread;
	gchar *geometric;
	gchar *policies;
	gchar **flip;
	gchar **drop;
	gchar *age_bands;
	gchar *top;
	gchar *sobol;
	gchar *bootstrap;
	gchar *draws_csv;
} AccordCliUncertainty;

/* the options, filled by GOptionContext */
typedef struct {
	gchar *vocabulary;
	gchar **rulesets;
	gchar *tiers;
	gchar **correlate;
	gchar **assumptions;
	gchar *tailoring;
	gchar *waivers;
	gchar *date;
	gboolean explain;
	gint phase_effort;
	gchar *format;
	gchar *output;
	gchar *model;
	gchar *aggregation;
	gchar *unknown;
	gchar *fail_under;
	gchar *min_confidence;
	gchar *evidence_max_age;
	gboolean parties;
	AccordCliUncertainty uncertainty;
	gchar *mean;
	gint threads;		  /* --threads; 0 until parsed: the number of processors */
	AccordExitCode exit_code; /* set by a verb that succeeded but wants 1 */
} AccordCli;

typedef gboolean (*AccordCliRun)(AccordCli *cli, int argc, char **argv, GError **error);

typedef struct {
	const gchar *name;
	const gchar *arguments;
	const gchar *summary;
	guint groups;
	AccordCliRun run;
} AccordCliVerb;

/* what a verb loads once its options are checked; every member may be NULL */
typedef struct {
	AccordVocabulary *vocabulary;
	GPtrArray *rulesets; /* AccordRuleset* */
	AccordTailoring *tailoring;
	AccordWaiverList *waivers;
	AccordAssessmentOptions options; /* borrows tailoring and waivers */
} AccordCliInputs;

gboolean
accord_cli_list_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_validate_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_score_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_gaps_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_rank_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_compare_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_roadmap_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_diff_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_uncertainty_run(AccordCli *cli, int argc, char **argv, GError **error);
gboolean
accord_cli_report_run(AccordCli *cli, int argc, char **argv, GError **error);

/* the uncertainty options, shared with score and rank (verb-uncertainty.c) */
void
accord_cli_uncertainty_add_entries(AccordCli *cli, GArray *entries, gboolean as_option);
gboolean
accord_cli_uncertainty_options(const AccordCli *cli,
			       guint sobol_default,
			       AccordUncertaintyOptions *options,
			       GError **error);
AccordUncertainty *
accord_cli_uncertainty_new(const AccordCli *cli,
			   const AccordRuleset *ruleset,
			   const GPtrArray *profiles,
			   const AccordAssessmentOptions *assessment,
			   GError **error);
gboolean
accord_cli_uncertainty_check_used(const AccordCli *cli, GError **error);
void
accord_cli_uncertainty_clear(AccordCliUncertainty *options);

/* a batch of profiles (batch.c): loaded and processed on worker threads, consumed in input
 * order on the main thread */
typedef struct {
	const AccordVocabulary *vocabulary;
	/* in a worker: may only read what the threads share; NULL without error leaves the
	 * profile out */
	gpointer (*process)(const AccordProfile *profile, gpointer data, GError **error);
	/* on the main thread, in input order, owning the result; FALSE stops the batch */
	gboolean (*consume)(gpointer result, gpointer data, GError **error);
	GDestroyNotify free_result;
	gpointer data;
	guint threads;
} AccordCliBatch;

gboolean
accord_cli_is_batch(int argc, char **argv);
gboolean
accord_cli_batch_run(const AccordCliBatch *batch, int argc, char **argv, GError **error);

/* score and gaps (common.c): one document per profile and ruleset */
typedef AccordDocument *(*AccordCliBuild)(const AccordCli *cli,
					  const AccordAssessment *assessment,
					  GError **error);
gboolean
accord_cli_run_documents(AccordCli *cli,
			 int argc,
			 char **argv,
			 AccordCliBuild build,
			 GError **error);

/* main.c: an error message on standard error, control characters made visible */
void
accord_cli_print_error(const gchar *message);

/* shared helpers (common.c) */
gboolean
accord_cli_usage_error(GError **error, const gchar *format, ...) G_GNUC_PRINTF(2, 3);
const AccordCliVerb *
accord_cli_find_verb(const gchar *name);
gboolean
accord_cli_parse(AccordCli *cli,
		 const gchar *verb,
		 const GOptionEntry *extra,
		 int *argc,
		 char ***argv,
		 GError **error);
/* what a batch verb takes as its arguments, for accord_cli_expect_arguments() */
#define ACCORD_CLI_PROFILES                                                                        \
	"one or more PROFILEs (an id such as gb, a file, a directory, @LIST or -)"
gboolean
accord_cli_expect_arguments(int argc,
			    char **argv,
			    guint min,
			    guint max,
			    const gchar *usage,
			    GError **error);
AccordVocabulary *
accord_cli_load_vocabulary(const AccordCli *cli, GError **error);
AccordProfile *
accord_cli_load_profile(const AccordVocabulary *vocab, const gchar *id_or_path, GError **error);
gboolean
accord_cli_load_inputs(const AccordCli *cli,
		       guint max_rulesets,
		       AccordCliInputs *in,
		       GError **error);
void
accord_cli_inputs_clear(AccordCliInputs *in);
GArray *
accord_cli_parse_tiers(const gchar *text, GError **error);
GPtrArray *
accord_cli_load_profiles(const AccordVocabulary *vocab, int argc, char **argv, GError **error);
gboolean
accord_cli_check_prefix_countries(const AccordCli *cli, const GPtrArray *countries, GError **error);
gboolean
accord_cli_check_prefixes(const AccordCli *cli, const GPtrArray *profiles, GError **error);
AccordAssessment *
accord_cli_assess_one(const AccordCli *cli,
		      AccordCliInputs *in,
		      const gchar *profile,
		      GError **error);
gchar *
accord_cli_get_date(const AccordCli *cli);
gboolean
accord_cli_emit(AccordCli *cli, const AccordDocument *document, GError **error);
/* after rendering, before committing --output: FALSE with @error to write nothing */
typedef gboolean (*AccordCliEmitCheck)(gconstpointer data, GError **error);
gboolean
accord_cli_emit_checked(AccordCli *cli,
			const AccordDocument *document,
			AccordCliEmitCheck check,
			gconstpointer data,
			GError **error);
void
accord_cli_gate(AccordCli *cli, const AccordScore *score);
gboolean
accord_cli_is_below(const AccordCli *cli, const AccordScore *score);
gboolean
accord_cli_write(AccordCli *cli, GBytes *bytes, GError **error);

/* --output (output.c) */
typedef enum {
	ACCORD_CLI_OUTPUT_NONE = 0,
	ACCORD_CLI_OUTPUT_NO_TMPFILE = 1 << 0, /* use the named temporary file (for tests) */
} AccordCliOutputFlags;

gboolean
accord_cli_output_check(const gchar *path, GError **error);
gboolean
accord_cli_output_write(const gchar *path,
			const gchar *data,
			gsize len,
			AccordCliOutputFlags flags,
			GError **error);

/* a report written in pieces (output.c) */
typedef struct _AccordCliStream AccordCliStream;

AccordCliStream *
accord_cli_stream_new(const gchar *path, GError **error);
gboolean
accord_cli_stream_write(AccordCliStream *self, const gchar *data, gsize len, GError **error);
gboolean
accord_cli_stream_close(AccordCliStream *self, GError **error);
void
accord_cli_stream_free(AccordCliStream *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(AccordCliInputs, accord_cli_inputs_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordCliStream, accord_cli_stream_free)

G_END_DECLS
