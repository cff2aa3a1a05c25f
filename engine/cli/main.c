#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "cli.h"

#define SCORING	    (ACCORD_CLI_RULESET | ACCORD_CLI_MODEL)
#define ONE_COUNTRY (SCORING | ACCORD_CLI_ASSUME | ACCORD_CLI_TAILORING | ACCORD_CLI_WAIVERS)

/* each verb takes the common options, its groups, and its own options; nothing else */
static const AccordCliVerb verbs[] = {
    {"validate",
     "FILE…",
     "Check vocabulary, ruleset and profile files",
     0,
     accord_cli_validate_run},
    {"list",
     "WHAT",
     "List the shipped rulesets, profiles, facts or parties",
     0,
     accord_cli_list_run},
    {"score",
     "PROFILE…",
     "Score profiles against rulesets",
     ONE_COUNTRY | ACCORD_CLI_GATE | ACCORD_CLI_BATCH,
     accord_cli_score_run},
    {"gaps",
     "PROFILE…",
     "Report the rules a profile falls short of, largest gap first",
     ONE_COUNTRY | ACCORD_CLI_GATE | ACCORD_CLI_BATCH,
     accord_cli_gaps_run},
    {"rank",
     "[PROFILE…]",
     "Rank countries against one or more rulesets",
     SCORING | ACCORD_CLI_ASSUME | ACCORD_CLI_WAIVERS | ACCORD_CLI_BATCH,
     accord_cli_rank_run},
    {"compare",
     "A B [C…]",
     "Compare countries criterion by criterion",
     SCORING | ACCORD_CLI_ASSUME | ACCORD_CLI_TAILORING,
     accord_cli_compare_run},
    {"roadmap",
     "PROFILE",
     "Plan which gaps to close first, in phases",
     ONE_COUNTRY,
     accord_cli_roadmap_run},
    {"uncertainty",
     "[PROFILE…]",
     "How far scores and ranks can be trusted: Monte Carlo and Sobol indices",
     SCORING | ACCORD_CLI_ASSUME | ACCORD_CLI_TAILORING | ACCORD_CLI_BATCH,
     accord_cli_uncertainty_run},
    {"diff",
     "OLD NEW",
     "Show what changed between two snapshots of a country",
     SCORING | ACCORD_CLI_TAILORING,
     accord_cli_diff_run},
    {"report",
     "[PROFILE…]",
     "Write a whole briefing in one file (HTML by default)",
     SCORING | ACCORD_CLI_ASSUME,
     accord_cli_report_run},
};

const AccordCliVerb *
accord_cli_find_verb(const gchar *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(verbs); i++) {
		if (g_strcmp0(verbs[i].name, name) == 0)
			return &verbs[i];
	}
	return NULL;
}

static void
print_usage(FILE *stream)
{
	fprintf(stream, "Usage:\n  accord VERB [OPTION…] ARGUMENTS\n\nVerbs:\n");
	for (guint i = 0; i < G_N_ELEMENTS(verbs); i++) {
		/* pad by characters, not bytes: "FILE…" is five characters in seven bytes */
		glong pad = 10 - g_utf8_strlen(verbs[i].arguments, -1);

		fprintf(stream,
			"  %-11s %s%*s%s\n",
			verbs[i].name,
			verbs[i].arguments,
			(int)MAX(pad, 1),
			"",
			verbs[i].summary);
	}
	fprintf(stream,
		"\nOptions:\n  -h, --help     Show this help\n"
		"  --version      Show the version\n\n"
		"Run 'accord VERB --help' for the options of a verb.\n");
}

/* an error message quotes input (ids, values, file names): its control and bidirectional
 * formatting characters are printed visibly, as the text reports print them */
void
accord_cli_print_error(const gchar *message)
{
	g_autofree gchar *valid = g_utf8_make_valid(message, -1);
	g_autoptr(GString) out = g_string_new("accord: ");

	for (const gchar *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) ||
		    c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069))
			g_string_append_printf(out, "<U+%04X>", c);
		else
			g_string_append_unichar(out, c);
	}
	fprintf(stderr, "%s\n", out->str);
}

/* the one place that turns an error into an exit code */
static AccordExitCode
exit_code_for(const GError *error)
{
	if (error->domain != ACCORD_ERROR)
		return ACCORD_EXIT_INTERNAL;
	if (accord_error_is_input(error))
		return ACCORD_EXIT_INPUT;
	switch (error->code) {
	case ACCORD_ERROR_USAGE:
		return ACCORD_EXIT_USAGE;
	case ACCORD_ERROR_WRITE:
		return ACCORD_EXIT_OUTPUT;
	default:
		return ACCORD_EXIT_INTERNAL;
	}
}

static void
cli_clear(AccordCli *cli)
{
	g_free(cli->vocabulary);
	g_strfreev(cli->rulesets);
	g_free(cli->tiers);
	g_strfreev(cli->correlate);
	g_strfreev(cli->assumptions);
	g_free(cli->tailoring);
	g_free(cli->waivers);
	g_free(cli->date);
	g_free(cli->format);
	g_free(cli->output);
	g_free(cli->model);
	g_free(cli->aggregation);
	g_free(cli->unknown);
	g_free(cli->fail_under);
	accord_cli_uncertainty_clear(&cli->uncertainty);
	g_free(cli->mean);
	g_free(cli->min_confidence);
	g_free(cli->evidence_max_age);
}

int
main(int argc, char **argv)
{
	g_autoptr(GError) error = NULL;
	AccordCli cli = {.phase_effort = ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT};
	const AccordCliVerb *verb;
	AccordExitCode code;

	setlocale(LC_ALL, "");
	if (argc < 2) {
		print_usage(stderr);
		return ACCORD_EXIT_USAGE;
	}
	if (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0) {
		print_usage(stdout);
		return ACCORD_EXIT_OK;
	}
	if (g_strcmp0(argv[1], "--version") == 0) {
		printf("accord %s\n", ACCORD_VERSION_STRING);
		return ACCORD_EXIT_OK;
	}
	verb = accord_cli_find_verb(argv[1]);
	if (verb == NULL) {
		fprintf(stderr, "accord: unknown verb '%s'\n\n", argv[1]);
		print_usage(stderr);
		return ACCORD_EXIT_USAGE;
	}
	if (verb->run(&cli, argc - 1, argv + 1, &error))
		code = cli.exit_code;
	else
		code = exit_code_for(error);
	if (error != NULL)
		accord_cli_print_error(error->message);
	cli_clear(&cli);
	return code;
}
