#pragma once

#include <accord/accord.h>

G_BEGIN_DECLS

/* exit codes of the accord program; docs/accord.1.md lists them */
typedef enum {
	ACCORD_EXIT_OK = 0,
	ACCORD_EXIT_THRESHOLD = 1,
	ACCORD_EXIT_USAGE = 2,
	ACCORD_EXIT_INPUT = 3,
	ACCORD_EXIT_OUTPUT = 4,
	ACCORD_EXIT_INTERNAL = 5,
} AccordExitCode;

/* options shared by the verbs, filled by GOptionContext */
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
	gdouble fail_under;
	AccordExitCode exit_code; /* set by a verb that succeeded but wants 1 */
} AccordCli;

typedef gboolean (*AccordCliRun)(AccordCli *cli, int argc, char **argv, GError **error);

typedef struct {
	const gchar *name;
	const gchar *arguments;
	const gchar *summary;
	AccordCliRun run;
} AccordCliVerb;

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

/* shared helpers (common.c) */
GOptionContext *
accord_cli_context_new(AccordCli *cli, const AccordCliVerb *verb, gboolean scoring);
gboolean
accord_cli_get_format(const AccordCli *cli, AccordFormat *format, GError **error);
gboolean
accord_cli_parse(GOptionContext *context, int *argc, char ***argv, GError **error);
AccordVocabulary *
accord_cli_load_vocabulary(AccordCli *cli, GError **error);
gboolean
accord_cli_get_score_options(const AccordCli *cli, AccordScoreOptions *options, GError **error);
GPtrArray *
accord_cli_load_rulesets(const AccordCli *cli,
			 const AccordVocabulary *vocab,
			 guint max,
			 GError **error);
GStrv
accord_cli_assumptions_for(const AccordCli *cli, const gchar *country);
AccordProfile *
accord_cli_apply_assumptions(const AccordCli *cli, const AccordProfile *profile, GError **error);
gboolean
accord_cli_load_extras(AccordCli *cli,
		       const AccordRuleset *ruleset,
		       AccordTailoring **tailoring,
		       AccordWaiverList **waivers,
		       GError **error);
AccordReport *
accord_cli_assess(AccordCli *cli,
		  const AccordRuleset *ruleset,
		  const AccordProfile *profile,
		  const AccordTailoring *tailoring,
		  const AccordWaiverList *waivers,
		  AccordReportKind kind,
		  gboolean with_assumptions,
		  GError **error);
AccordProfile *
accord_cli_load_profile(const AccordVocabulary *vocab, const gchar *id_or_path, GError **error);
AccordReport *
accord_cli_build_report(AccordCli *cli,
			const gchar *profile,
			AccordReportKind kind,
			GError **error);
gboolean
accord_cli_emit_report(AccordCli *cli, const AccordReport *report, GError **error);
gboolean
accord_cli_run_profile_verb(AccordCli *cli,
			    int argc,
			    char **argv,
			    const gchar *verb,
			    const GOptionEntry *entries,
			    AccordReportKind kind,
			    GError **error);
/* which of the optional inputs a verb honours */
enum {
	ACCORD_CLI_ALLOW_TAILORING = 1 << 0,
	ACCORD_CLI_ALLOW_WAIVERS = 1 << 1,
	ACCORD_CLI_ALLOW_ASSUMPTIONS = 1 << 2,
};

typedef AccordReport *(*AccordCliPairBuild)(AccordCli *cli,
					    const gchar *first,
					    const gchar *second,
					    GError **error);

gboolean
accord_cli_run_pair_verb(AccordCli *cli,
			 int argc,
			 char **argv,
			 const gchar *verb,
			 const gchar *arguments,
			 guint allow,
			 AccordCliPairBuild build,
			 GError **error);
gboolean
accord_cli_refuse_options(const AccordCli *cli,
			  const gchar *verb,
			  gboolean tailoring,
			  gboolean waivers,
			  gboolean assumptions,
			  GError **error);
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
const AccordCliVerb *
accord_cli_find_verb(const gchar *name);

G_END_DECLS
