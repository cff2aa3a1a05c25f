#include "config.h"

#include "accord/error.h"
#include "accord/plan.h"
#include "vocabulary-private.h"
#include "xml-private.h"

/* a user's plan file: efforts that replace the vocabulary's, facts the plan must keep, and
 * bundles of changes planned as one step. Strings live in one chunk, freed with the plan */
struct _AccordPlan {
	gatomicrefcount refcount;
	AccordVocabulary *vocab;
	GStringChunk *strings;
	const gchar *id;
	const gchar *title;
	GHashTable *efforts;   /* "FACT" or "FACT=VALUE" → cost units */
	GHashTable *kept;      /* AccordFactDef* set */
	GHashTable *bundle_of; /* AccordFactDef* → AccordPlanBundle* */
	GPtrArray *bundles;    /* AccordPlanBundle*, in file order */
	GArray *entries;       /* AccordPlanEntry, in file order */
};

static void
bundle_free(AccordPlanBundle *bundle)
{
	g_free((gpointer)bundle->settings);
	g_free(bundle);
}

static const gchar *
keep_string(AccordPlan *self, gchar *text)
{
	g_autofree gchar *owned = text;

	return owned != NULL ? g_string_chunk_insert_const(self->strings, owned) : NULL;
}

static void
add_entry(AccordPlan *self, const gchar *kind, gchar *subject, guint cost, const gchar *note)
{
	AccordPlanEntry entry = {kind, keep_string(self, subject), cost, note};

	g_array_append_val(self->entries, entry);
}

/* the fact an element names; the schema has checked the key's syntax */
static const AccordFactDef *
find_fact(AccordPlan *self, const xmlNode *node, const gchar *name, GError **error)
{
	g_autofree gchar *key = accord_xml_get_prop(node, "fact");
	const AccordFactDef *def = accord_vocabulary_lookup_fact(self->vocab, key);

	if (def == NULL)
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     name,
				     node,
				     "fact '%s' is not defined in the vocabulary",
				     key);
	return def;
}

/* a value of @def as the `value` attribute gives it, in its canonical spelling */
static gboolean
parse_value(const AccordFactDef *def,
	    const xmlNode *node,
	    const gchar *name,
	    AccordValue *value,
	    gchar **text,
	    GError **error)
{
	g_autofree gchar *raw = accord_xml_get_prop(node, "value");
	g_autoptr(GError) local = NULL;

	if (!accord_value_parse(def, raw, value, &local)) {
		accord_xml_set_error(error, local->code, name, node, "%s", local->message);
		return FALSE;
	}
	*text = accord_value_to_string(def, value);
	return TRUE;
}

static gboolean
parse_cost(const xmlNode *node, const gchar *name, guint *cost, GError **error)
{
	g_autofree gchar *text = accord_xml_get_prop(node, "cost");

	if (accord_effort_parse(text, cost))
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_VALUE,
			     name,
			     node,
			     "cost '%s' is not low, medium, high or 1 to 999 units",
			     text);
	return FALSE;
}

/* <effort fact="…" [value="…"] cost="…">why</effort> */
static gboolean
load_effort(AccordPlan *self, const xmlNode *node, const gchar *name, GError **error)
{
	const AccordFactDef *def = find_fact(self, node, name, error);
	g_autofree gchar *value_prop = accord_xml_get_prop(node, "value");
	g_autofree gchar *text = NULL;
	g_autofree gchar *subject = NULL;
	AccordValue value;
	guint cost;

	if (def == NULL || !parse_cost(node, name, &cost, error))
		return FALSE;
	if (value_prop != NULL && !parse_value(def, node, name, &value, &text, error))
		return FALSE;
	subject = text != NULL ? g_strdup_printf("%s=%s", accord_fact_def_get_key(def), text)
			       : g_strdup(accord_fact_def_get_key(def));
	if (g_hash_table_contains(self->efforts, subject)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "the effort of %s is given twice",
				     subject);
		return FALSE;
	}
	g_hash_table_insert(self->efforts,
			    (gpointer)g_string_chunk_insert_const(self->strings, subject),
			    GUINT_TO_POINTER(cost));
	add_entry(self,
		  "effort",
		  g_steal_pointer(&subject),
		  cost,
		  keep_string(self, accord_xml_get_text(node)));
	return TRUE;
}

/* a fact may be kept, or set by one bundle, but not both and not twice */
static gboolean
claim_fact(AccordPlan *self,
	   const AccordFactDef *def,
	   const xmlNode *node,
	   const gchar *name,
	   GError **error)
{
	const AccordPlanBundle *bundle = g_hash_table_lookup(self->bundle_of, def);

	if (!g_hash_table_contains(self->kept, def) && bundle == NULL)
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_DUPLICATE,
			     name,
			     node,
			     "fact '%s' is already %s%s%s",
			     accord_fact_def_get_key(def),
			     bundle != NULL ? "set by bundle '" : "kept",
			     bundle != NULL ? bundle->id : "",
			     bundle != NULL ? "'" : "");
	return FALSE;
}

/* <keep fact="…">why</keep> */
static gboolean
load_keep(AccordPlan *self, const xmlNode *node, const gchar *name, GError **error)
{
	const AccordFactDef *def = find_fact(self, node, name, error);

	if (def == NULL || !claim_fact(self, def, node, name, error))
		return FALSE;
	g_hash_table_add(self->kept, (gpointer)def);
	add_entry(self,
		  "keep",
		  g_strdup(accord_fact_def_get_key(def)),
		  0,
		  keep_string(self, accord_xml_get_text(node)));
	return TRUE;
}

/* one <set fact="…" value="…"/> of a bundle, appended to @settings and @subject */
static gboolean
load_setting(AccordPlan *self,
	     AccordPlanBundle *bundle,
	     GArray *settings,
	     GString *subject,
	     const xmlNode *node,
	     const gchar *name,
	     GError **error)
{
	AccordPlanSetting setting = {find_fact(self, node, name, error), {0}, NULL};
	g_autofree gchar *text = NULL;

	if (setting.fact == NULL || !claim_fact(self, setting.fact, node, name, error) ||
	    !parse_value(setting.fact, node, name, &setting.value, &text, error))
		return FALSE;
	g_hash_table_insert(self->bundle_of, (gpointer)setting.fact, bundle);
	g_string_append_printf(subject,
			       "%s%s=%s",
			       settings->len == 0 ? ": " : ", ",
			       accord_fact_def_get_key(setting.fact),
			       text);
	setting.text = keep_string(self, g_steal_pointer(&text));
	g_array_append_val(settings, setting);
	return TRUE;
}

/* <bundle id="…" cost="…"><title/><set/>…</bundle> */
static gboolean
load_bundle(AccordPlan *self, const xmlNode *node, const gchar *name, GError **error)
{
	AccordPlanBundle *bundle = g_new0(AccordPlanBundle, 1);
	g_autoptr(GArray) settings = g_array_new(FALSE, TRUE, sizeof(AccordPlanSetting));
	g_autoptr(GString) subject = g_string_new(NULL);

	g_ptr_array_add(self->bundles, bundle);
	bundle->id = keep_string(self, accord_xml_get_prop(node, "id"));
	g_string_append(subject, bundle->id);
	for (guint i = 0; i + 1 < self->bundles->len; i++) {
		if (g_strcmp0(((AccordPlanBundle *)g_ptr_array_index(self->bundles, i))->id,
			      bundle->id) == 0) {
			accord_xml_set_error(error,
					     ACCORD_ERROR_DUPLICATE,
					     name,
					     node,
					     "bundle '%s' is defined twice",
					     bundle->id);
			return FALSE;
		}
	}
	if (!parse_cost(node, name, &bundle->cost, error))
		return FALSE;
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "title"))
			bundle->title = keep_string(self, accord_xml_get_text(n));
		else if (!load_setting(self, bundle, settings, subject, n, name, error))
			return FALSE;
	}
	bundle->n_settings = settings->len;
	bundle->settings =
	    (const AccordPlanSetting *)g_array_free(g_steal_pointer(&settings), FALSE);
	add_entry(self,
		  "bundle",
		  g_string_free(g_steal_pointer(&subject), FALSE),
		  bundle->cost,
		  bundle->title);
	return TRUE;
}

static gboolean
load_document(AccordPlan *self, const xmlNode *root, const gchar *name, GError **error)
{
	self->id = keep_string(self, accord_xml_get_prop(root, "id"));
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		gboolean ok = TRUE;

		if (accord_xml_is(n, "title"))
			self->title = keep_string(self, accord_xml_get_text(n));
		else if (accord_xml_is(n, "effort"))
			ok = load_effort(self, n, name, error);
		else if (accord_xml_is(n, "keep"))
			ok = load_keep(self, n, name, error);
		else if (accord_xml_is(n, "bundle"))
			ok = load_bundle(self, n, name, error);
		if (!ok)
			return FALSE;
	}
	return TRUE;
}

static AccordPlan *
plan_new(const AccordVocabulary *vocab)
{
	AccordPlan *self = g_new0(AccordPlan, 1);

	g_atomic_ref_count_init(&self->refcount);
	self->vocab = accord_vocabulary_ref(vocab);
	self->strings = g_string_chunk_new(256);
	self->efforts = g_hash_table_new(g_str_hash, g_str_equal);
	self->kept = g_hash_table_new(NULL, NULL);
	self->bundle_of = g_hash_table_new(NULL, NULL);
	self->bundles = g_ptr_array_new_with_free_func((GDestroyNotify)bundle_free);
	self->entries = g_array_new(FALSE, TRUE, sizeof(AccordPlanEntry));
	return self;
}

/**
 * accord_plan_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @vocab: (transfer none): the vocabulary every fact and value must belong to
 * @error: return location for an `ACCORD_ERROR`
 *
 * Loads a plan file (hardened parse, RELAX NG schema, then semantic checks): efforts that
 * replace the vocabulary's, facts a roadmap must keep as they are, and bundles of changes
 * planned as one step. Every fact must be defined and every value of its type; an effort is
 * given at most once per fact and per fact and value, and a fact is kept or set by one bundle,
 * at most once.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
AccordPlan *
accord_plan_load_data(const gchar *data,
		      gsize len,
		      const gchar *name,
		      const AccordVocabulary *vocab,
		      GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordPlan) self = NULL;

	g_return_val_if_fail(data != NULL && vocab != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_load(data, len, name, ACCORD_SCHEMA_PLAN, error);
	if (doc == NULL)
		return NULL;
	self = plan_new(vocab);
	if (!load_document(self, xmlDocGetRootElement(doc), name, error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_plan_load_file:
 * @path: a plan XML file
 * @vocab: (transfer none): the vocabulary every fact and value must belong to
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads @path and loads it as accord_plan_load_data() does.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
AccordPlan *
accord_plan_load_file(const gchar *path, const AccordVocabulary *vocab, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL && vocab != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_plan_load_data(data, len, path, vocab, error);
}

/**
 * accord_plan_ref:
 * @self: a plan
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordPlan *
accord_plan_ref(const AccordPlan *self)
{
	AccordPlan *mutable_self = (AccordPlan *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_plan_unref:
 * @self: (nullable) (transfer full): a plan
 *
 * Drops one reference; the last one frees the plan.
 */
void
accord_plan_unref(AccordPlan *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_array_unref(self->entries);
	g_ptr_array_unref(self->bundles);
	g_hash_table_unref(self->bundle_of);
	g_hash_table_unref(self->kept);
	g_hash_table_unref(self->efforts);
	g_string_chunk_free(self->strings);
	accord_vocabulary_unref(self->vocab);
	g_free(self);
}

/**
 * accord_plan_get_id:
 * @self: a plan
 *
 * Returns: (transfer none): the plan's id
 */
const gchar *
accord_plan_get_id(const AccordPlan *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->id;
}

/**
 * accord_plan_get_title:
 * @self: a plan
 *
 * Returns: (transfer none): the plan's title
 */
const gchar *
accord_plan_get_title(const AccordPlan *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->title;
}

/**
 * accord_plan_get_effort:
 * @self: a plan
 * @fact: a fact of its vocabulary
 * @value: a value of @fact
 * @cost: (out): the cost the plan gives, in effort units
 *
 * The plan's effort for reaching @value (for a level, the step into it, as
 * accord_fact_def_get_effort() reads it): the entry for the fact and value, else the entry for
 * the fact.
 *
 * Returns: %TRUE when the plan overrides the vocabulary's effort, with @cost set
 */
gboolean
accord_plan_get_effort(const AccordPlan *self,
		       const AccordFactDef *fact,
		       const AccordValue *value,
		       guint *cost)
{
	g_autofree gchar *text = NULL;
	g_autofree gchar *key = NULL;
	gpointer found = NULL;

	g_return_val_if_fail(self != NULL && fact != NULL && value != NULL && cost != NULL, FALSE);
	text = accord_value_to_string(fact, value);
	key = g_strdup_printf("%s=%s", accord_fact_def_get_key(fact), text);
	if (!g_hash_table_lookup_extended(self->efforts, key, NULL, &found) &&
	    !g_hash_table_lookup_extended(self->efforts,
					  accord_fact_def_get_key(fact),
					  NULL,
					  &found))
		return FALSE;
	*cost = GPOINTER_TO_UINT(found);
	return TRUE;
}

/**
 * accord_plan_keeps_fact:
 * @self: a plan
 * @fact: a fact
 *
 * Returns: %TRUE when the plan says @fact must not change
 */
gboolean
accord_plan_keeps_fact(const AccordPlan *self, const AccordFactDef *fact)
{
	g_return_val_if_fail(self != NULL && fact != NULL, FALSE);
	return g_hash_table_contains(self->kept, fact);
}

/**
 * accord_plan_get_n_bundles:
 * @self: a plan
 *
 * Returns: how many bundles it declares
 */
guint
accord_plan_get_n_bundles(const AccordPlan *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->bundles->len;
}

/**
 * accord_plan_get_bundle:
 * @self: a plan
 * @index: from 0, in file order
 *
 * Returns: (transfer none): the bundle
 */
const AccordPlanBundle *
accord_plan_get_bundle(const AccordPlan *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->bundles->len, NULL);
	return g_ptr_array_index(self->bundles, index);
}

/**
 * accord_plan_get_bundle_of_fact:
 * @self: a plan
 * @fact: a fact
 *
 * Returns: (transfer none) (nullable): the bundle that sets @fact, which a roadmap then
 *   changes only through that bundle; %NULL when no bundle sets it
 */
const AccordPlanBundle *
accord_plan_get_bundle_of_fact(const AccordPlan *self, const AccordFactDef *fact)
{
	g_return_val_if_fail(self != NULL && fact != NULL, NULL);
	return g_hash_table_lookup(self->bundle_of, fact);
}

/**
 * accord_plan_get_n_entries:
 * @self: a plan
 *
 * Returns: how many efforts, kept facts and bundles the file holds
 */
guint
accord_plan_get_n_entries(const AccordPlan *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->entries->len;
}

/**
 * accord_plan_get_entry:
 * @self: a plan
 * @index: from 0, in file order
 *
 * Returns: (transfer none): the entry, for reports
 */
const AccordPlanEntry *
accord_plan_get_entry(const AccordPlan *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->entries->len, NULL);
	return &g_array_index(self->entries, AccordPlanEntry, index);
}
