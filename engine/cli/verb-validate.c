#include "config.h"

#include <stdio.h>

#include "cli.h"

/* the ruleset a tailoring names, by id only: one given earlier on the command line, else the
 * shipped one; never a path, so a tailoring cannot make validate read another file */
static AccordRuleset *
find_tailored_ruleset(const gchar *path,
		      glong line,
		      const gchar *id,
		      const AccordVocabulary *vocab,
		      GHashTable *rulesets,
		      GError **error)
{
	g_autofree gchar *rs_path = NULL;

	if (g_hash_table_contains(rulesets, id))
		return accord_ruleset_ref(g_hash_table_lookup(rulesets, id));
	rs_path = accord_datadir_find_ruleset_id(id, NULL);
	if (rs_path == NULL) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_REFERENCE,
			    "%s:%ld: the tailoring is for ruleset '%s', which is neither given "
			    "before it nor shipped",
			    path,
			    line,
			    id);
		return NULL;
	}
	return accord_ruleset_load_file(rs_path, vocab, error);
}

/* a tailoring is checked against its schema first, then against the ruleset it names */
static gboolean
validate_tailoring(const gchar *path,
		   const gchar *data,
		   gsize len,
		   const AccordVocabulary *vocab,
		   GHashTable *rulesets,
		   GString *summary,
		   GError **error)
{
	glong line = 0;
	g_autofree gchar *id = accord_tailoring_peek_ruleset(data, len, path, &line, error);
	g_autoptr(AccordRuleset) rs = NULL;
	g_autoptr(AccordTailoring) t = NULL;

	if (id == NULL)
		return FALSE;
	rs = find_tailored_ruleset(path, line, id, vocab, rulesets, error);
	if (rs == NULL)
		return FALSE;
	t = accord_tailoring_load_data(data, len, path, rs, error);
	if (t != NULL)
		g_string_printf(summary,
				"tailoring %s of ruleset %s, %u change(s)",
				accord_tailoring_get_id(t),
				id,
				accord_tailoring_get_n_changes(t));
	return t != NULL;
}

/* the loaders share one entry point here: the root element's namespace says which */
static gboolean
validate_one(const gchar *path,
	     const AccordVocabulary *vocab,
	     GHashTable *rulesets,
	     GString *summary,
	     GError **error)
{
	g_autoptr(GBytes) bytes = accord_input_read(path, ACCORD_INPUT_ALLOW_STDIN, error);
	g_autoptr(AccordVocabulary) v = NULL;
	g_autoptr(AccordRuleset) rs = NULL;
	g_autoptr(AccordProfile) p = NULL;
	const gchar *data;
	gsize len = 0;
	AccordInputKind kind;

	/* a regular file within the size limit, or standard input for `-` */
	if (bytes == NULL)
		return FALSE;
	data = g_bytes_get_data(bytes, &len);
	if (data == NULL)
		data = "";
	path = accord_input_get_name(path, ACCORD_INPUT_ALLOW_STDIN);
	if (!accord_input_sniff(data, len, path, &kind, error))
		return FALSE;
	if (kind == ACCORD_INPUT_TAILORING)
		return validate_tailoring(path, data, len, vocab, rulesets, summary, error);
	if (kind == ACCORD_INPUT_WAIVERS) {
		g_autoptr(AccordWaiverList) w =
		    accord_waiver_list_load_data(data, len, path, error);

		if (w != NULL)
			g_string_printf(summary,
					"waivers, %u waiver(s)",
					accord_waiver_list_get_n_waivers(w));
		return w != NULL;
	}
	if (kind == ACCORD_INPUT_PARTIES) {
		g_autoptr(AccordParties) parties = accord_parties_load_data(data, len, path, error);

		if (parties != NULL)
			g_string_printf(summary,
					"parties %s, %u agreement(s)",
					accord_parties_get_version(parties),
					accord_parties_get_n_agreements(parties));
		return parties != NULL;
	}
	if (kind == ACCORD_INPUT_PLAN) {
		g_autoptr(AccordPlan) plan = accord_plan_load_data(data, len, path, vocab, error);

		if (plan != NULL)
			g_string_printf(summary,
					"plan %s, %u entry(ies)",
					accord_plan_get_id(plan),
					accord_plan_get_n_entries(plan));
		return plan != NULL;
	}
	if (kind == ACCORD_INPUT_VOCABULARY) {
		v = accord_vocabulary_load_data(data, len, path, error);
		if (v != NULL)
			g_string_printf(summary,
					"vocabulary %s, %u facts",
					accord_vocabulary_get_version(v),
					accord_vocabulary_get_n_facts(v));
		return v != NULL;
	}
	if (kind == ACCORD_INPUT_RULESET) {
		rs = accord_ruleset_load_data(data, len, path, vocab, error);
		if (rs != NULL) {
			g_hash_table_replace(rulesets,
					     g_strdup(accord_ruleset_get_id(rs)),
					     accord_ruleset_ref(rs));
			g_string_printf(summary,
					"ruleset %s version %s, %s (signed %s, in force %s), "
					"%u rules, %u criteria",
					accord_ruleset_get_id(rs),
					accord_ruleset_get_version(rs),
					accord_ruleset_get_agreement(rs),
					accord_ruleset_get_signed(rs) != NULL
					    ? accord_ruleset_get_signed(rs)
					    : "unknown",
					accord_ruleset_get_in_force(rs) != NULL
					    ? accord_ruleset_get_in_force(rs)
					    : "not in force or unknown",
					accord_ruleset_get_n_rules(rs),
					accord_ruleset_get_n_criteria(rs));
		}
		return rs != NULL;
	}
	p = accord_profile_load_data(data, len, path, vocab, error);
	if (p != NULL)
		g_string_printf(summary,
				"profile %s (%s) as of %s, %u facts",
				accord_profile_get_country(p),
				accord_profile_get_name(p),
				accord_profile_get_as_of(p),
				accord_profile_get_n_facts(p));
	return p != NULL;
}

/* accord validate FILE…: every file is checked and reported in the chosen format; the exit
 * status is 3 if any failed, with the first failure on standard error */
gboolean
accord_cli_validate_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(GPtrArray) results =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_validation_free);
	g_autoptr(AccordDocument) document = NULL;
	g_autoptr(GError) first = NULL;
	g_autoptr(GHashTable) rulesets =
	    g_hash_table_new_full(g_str_hash,
				  g_str_equal,
				  g_free,
				  (GDestroyNotify)accord_ruleset_unref);
	guint n_invalid = 0;

	if (!accord_cli_parse(cli, "validate", NULL, &argc, &argv, error))
		return FALSE;
	if (argc < 2) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "validate needs at least one FILE");
		return FALSE;
	}
	vocab = accord_cli_load_vocabulary(cli, error);
	if (vocab == NULL)
		return FALSE;
	for (int i = 1; i < argc; i++) {
		g_autoptr(GError) local = NULL;
		g_autoptr(GString) summary = g_string_new(NULL);

		validate_one(argv[i], vocab, rulesets, summary, &local);
		g_ptr_array_add(results, accord_validation_new(argv[i], summary->str, local));
		if (local != NULL && n_invalid++ == 0)
			first = g_steal_pointer(&local);
	}
	document = accord_validation_to_document(results);
	if (!accord_cli_emit(cli, document, error))
		return FALSE;
	if (first == NULL)
		return TRUE;
	g_set_error(error,
		    ACCORD_ERROR,
		    first->code,
		    "%u of %d files invalid; the first: %s",
		    n_invalid,
		    argc - 1,
		    first->message);
	return FALSE;
}
