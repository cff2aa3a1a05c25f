#include "config.h"

#include <string.h>

#include "accord/datadir.h"
#include "accord/error.h"
#include "util-private.h"

/* where shipped rulesets and profiles live: $ACCORD_DATADIR if set; the source tree when the
 * running program is the one in the build tree (so a fresh build works before install); the
 * installed data directory otherwise */
static gpointer
find_datadir(gpointer unused)
{
	const gchar *env = g_getenv("ACCORD_DATADIR");
	g_autofree gchar *exe = NULL;
	g_autofree gchar *dir = NULL;

	if (env != NULL && env[0] != '\0')
		return g_strdup(env);
	exe = g_file_read_link("/proc/self/exe", NULL);
	dir = exe != NULL ? g_path_get_dirname(exe) : NULL;
	if (dir != NULL && g_strcmp0(dir, ACCORD_BUILDDIR) == 0)
		return g_strdup(ACCORD_SOURCE_DATADIR);
	return g_strdup(ACCORD_DATADIR);
}

/**
 * accord_datadir_get:
 *
 * Returns: (transfer none): the directory that holds `rulesets/` and `profiles/`
 */
const gchar *
accord_datadir_get(void)
{
	static GOnce once = G_ONCE_INIT;

	return g_once(&once, find_datadir, NULL);
}

/**
 * accord_datadir_get_vocabulary_path:
 *
 * Returns: (transfer full): the path of the shipped vocabulary
 */
gchar *
accord_datadir_get_vocabulary_path(void)
{
	return g_build_filename(accord_datadir_get(), "rulesets", "vocabulary.xml", NULL);
}

/**
 * accord_datadir_get_parties_path:
 *
 * Returns: (transfer full): the path of the shipped parties file
 */
gchar *
accord_datadir_get_parties_path(void)
{
	return g_build_filename(accord_datadir_get(), "agreements", "parties.xml", NULL);
}

static gint
compare_ids(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/**
 * accord_datadir_list:
 * @kind: `rulesets` or `profiles`
 *
 * Returns: (transfer full) (element-type utf8): the ids shipped in the data directory, sorted
 */
GPtrArray *
accord_datadir_list(const gchar *kind)
{
	g_autofree gchar *path = g_build_filename(accord_datadir_get(), kind, NULL);
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		if (g_str_has_suffix(name, ".xml") && g_strcmp0(name, "vocabulary.xml") != 0)
			g_ptr_array_add(ids, g_strndup(name, strlen(name) - 4));
	}
	g_ptr_array_sort(ids, compare_ids);
	return ids;
}

/* looks like a path: taken as one, so a typo is not silently an id */
static gboolean
is_path(const gchar *id_or_path)
{
	return strchr(id_or_path, '/') != NULL || g_str_has_suffix(id_or_path, ".xml");
}

static gchar *
find_item(const gchar *kind,
	  const gchar *label,
	  const gchar *id_or_path,
	  gboolean allow_path,
	  GError **error)
{
	g_autofree gchar *file = NULL;
	g_autofree gchar *path = NULL;
	g_autoptr(GPtrArray) ids = NULL;
	g_autofree gchar *known = NULL;
	g_autofree gchar *hint = NULL;
	const gchar *nearest;

	if (allow_path && is_path(id_or_path))
		return g_strdup(id_or_path);
	/* an id never leaves the data directory */
	if (strchr(id_or_path, '/') != NULL || id_or_path[0] == '.' || id_or_path[0] == '\0') {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "'%s' is not a %s id",
			    id_or_path,
			    label);
		return NULL;
	}
	file = g_strconcat(id_or_path, ".xml", NULL);
	path = g_build_filename(accord_datadir_get(), kind, file, NULL);
	if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return g_steal_pointer(&path);
	ids = accord_datadir_list(kind);
	nearest = accord_nearest_word(id_or_path, (const gchar *const *)ids->pdata, ids->len);
	if (nearest != NULL)
		hint = g_strdup_printf("did you mean '%s'? ", nearest);
	g_ptr_array_add(ids, NULL);
	known = g_strjoinv(", ", (gchar **)ids->pdata);
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_USAGE,
		    "no %s '%s' in %s/%s (%sshipped: %s)",
		    label,
		    id_or_path,
		    accord_datadir_get(),
		    kind,
		    hint != NULL ? hint : "",
		    known[0] != '\0' ? known : "none");
	return NULL;
}

/**
 * accord_datadir_find_ruleset:
 * @id_or_path: a ruleset id such as `usmca`, or a path to a ruleset file
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the file to load, or %NULL with `ACCORD_ERROR_USAGE`
 *   naming the shipped ids when @id_or_path is an unknown id
 */
gchar *
accord_datadir_find_ruleset(const gchar *id_or_path, GError **error)
{
	return find_item("rulesets", "ruleset", id_or_path, TRUE, error);
}

/**
 * accord_datadir_find_ruleset_id:
 * @id: a ruleset id such as `usmca`
 * @error: return location for an `ACCORD_ERROR`
 *
 * Like accord_datadir_find_ruleset(), but @id is only ever an id, even if it ends in `.xml`:
 * for references inside files, which must not name other files.
 *
 * Returns: (transfer full) (nullable): the shipped file, or %NULL with `ACCORD_ERROR_USAGE`
 */
gchar *
accord_datadir_find_ruleset_id(const gchar *id, GError **error)
{
	return find_item("rulesets", "ruleset", id, FALSE, error);
}

/**
 * accord_datadir_find_profile:
 * @id_or_path: a profile id such as `gb`, or a path to a profile file
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the file to load, or %NULL with `ACCORD_ERROR_USAGE`
 */
gchar *
accord_datadir_find_profile(const gchar *id_or_path, GError **error)
{
	return find_item("profiles", "profile", id_or_path, TRUE, error);
}
