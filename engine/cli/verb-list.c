#include "config.h"

#include "cli.h"

/* every shipped ruleset or profile, loaded (so the list shows only what loads) */
static GPtrArray *
load_all(const AccordVocabulary *vocab, const gchar *kind, GError **error)
{
	g_autoptr(GPtrArray) ids = accord_datadir_list(kind);
	gboolean rulesets = g_strcmp0(kind, "rulesets") == 0;
	g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(
	    rulesets ? (GDestroyNotify)accord_ruleset_unref : (GDestroyNotify)accord_profile_unref);

	for (guint i = 0; i < ids->len; i++) {
		const gchar *id = g_ptr_array_index(ids, i);
		g_autofree gchar *path = rulesets ? accord_datadir_find_ruleset(id, error)
						  : accord_datadir_find_profile(id, error);
		gpointer item = path == NULL ? NULL
				: rulesets ? (gpointer)accord_ruleset_load_file(path, vocab, error)
					   : (gpointer)accord_profile_load_file(path, vocab, error);

		if (item == NULL)
			return NULL;
		g_ptr_array_add(out, item);
	}
	return g_steal_pointer(&out);
}

static AccordDocument *
list_document(const gchar *what, const AccordVocabulary *vocab, GError **error)
{
	g_autoptr(GPtrArray) items = NULL;

	if (g_strcmp0(what, "facts") == 0)
		return accord_vocabulary_to_document(vocab);
	if (g_strcmp0(what, "parties") == 0) {
		g_autofree gchar *path = accord_datadir_get_parties_path();
		g_autoptr(AccordParties) parties = accord_parties_load_file(path, error);

		return parties != NULL ? accord_parties_to_document(parties) : NULL;
	}
	items = load_all(vocab, what, error);
	if (items == NULL)
		return NULL;
	return g_strcmp0(what, "rulesets") == 0 ? accord_rulesets_to_document(items)
						: accord_profiles_to_document(items);
}

/* accord list rulesets|profiles|facts|parties: what is shipped */
gboolean
accord_cli_list_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	const gchar *const kinds[] = {"rulesets", "profiles", "facts", "parties", NULL};
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(AccordDocument) document = NULL;

	if (!accord_cli_parse(cli, "list", NULL, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc,
					 argv,
					 1,
					 1,
					 "one of rulesets, profiles, facts or parties",
					 error))
		return FALSE;
	if (!g_strv_contains(kinds, argv[1])) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "list takes rulesets, profiles, facts or parties, not '%s'",
			    argv[1]);
		return FALSE;
	}
	vocab = accord_cli_load_vocabulary(cli, error);
	if (vocab == NULL || (document = list_document(argv[1], vocab, error)) == NULL)
		return FALSE;
	return accord_cli_emit(cli, document, error);
}
