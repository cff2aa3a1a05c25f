#include "config.h"

#include "accord/error.h"
#include "util-private.h"
#include "vocabulary-private.h"
#include "xml-private.h"

struct _AccordVocabulary {
	gatomicrefcount refcount;
	gchar *version;
	gchar *title;
	GPtrArray *scales;	/* AccordScale*, in file order */
	GPtrArray *facts;	/* AccordFactDef*, sorted by key */
	GHashTable *fact_index; /* key → AccordFactDef* */
	GHashTable *scale_index;
};

static const gchar *fact_type_names[] = {"boolean", "level", "enum", "number", "date"};

/**
 * accord_fact_type_to_string:
 * @type: a fact type
 *
 * Returns: the name used in vocabulary files, e.g. `level`
 */
const gchar *
accord_fact_type_to_string(AccordFactType type)
{
	g_return_val_if_fail(type <= ACCORD_FACT_TYPE_DATE, NULL);
	return fact_type_names[type];
}

static gboolean
fact_type_from_string(const gchar *text, AccordFactType *type)
{
	for (guint i = 0; i < G_N_ELEMENTS(fact_type_names); i++) {
		if (g_strcmp0(text, fact_type_names[i]) == 0) {
			*type = i;
			return TRUE;
		}
	}
	return FALSE;
}

static void
scale_free(AccordScale *scale)
{
	g_free(scale->id);
	g_free(scale->title);
	g_hash_table_unref(scale->level_index);
	g_ptr_array_unref(scale->levels);
	g_ptr_array_unref(scale->descriptions);
	g_free(scale);
}

static void
fact_def_free(AccordFactDef *def)
{
	g_free(def->key);
	g_free(def->description);
	g_free(def->unit);
	if (def->symbol_index != NULL)
		g_hash_table_unref(def->symbol_index);
	if (def->symbols != NULL)
		g_ptr_array_unref(def->symbols);
	g_free(def->value_efforts);
	if (def->conflicts != NULL)
		g_ptr_array_unref(def->conflicts);
	g_free(def);
}

static AccordVocabulary *
vocabulary_new(void)
{
	AccordVocabulary *self = g_new0(AccordVocabulary, 1);

	g_atomic_ref_count_init(&self->refcount);
	self->scales = g_ptr_array_new_with_free_func((GDestroyNotify)scale_free);
	self->facts = g_ptr_array_new_with_free_func((GDestroyNotify)fact_def_free);
	self->fact_index = g_hash_table_new(g_str_hash, g_str_equal);
	self->scale_index = g_hash_table_new(g_str_hash, g_str_equal);
	return self;
}

static gboolean
load_scale(AccordVocabulary *self, const xmlNode *node, const gchar *name, GError **error)
{
	AccordScale *scale = g_new0(AccordScale, 1);

	scale->id = accord_xml_get_prop(node, "id");
	scale->levels = g_ptr_array_new_with_free_func(g_free);
	scale->descriptions = g_ptr_array_new_with_free_func(g_free);
	scale->level_index = g_hash_table_new(g_str_hash, g_str_equal);
	g_ptr_array_add(self->scales, scale);
	if (!g_hash_table_insert(self->scale_index, scale->id, scale)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "scale '%s' is defined twice",
				     scale->id);
		return FALSE;
	}
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		g_autofree gchar *id = NULL;

		if (accord_xml_is(n, "title")) {
			scale->title = accord_xml_get_text(n);
			continue;
		}
		/* hashed: a scale of 10^5 levels is checked in milliseconds, not minutes */
		id = accord_xml_get_prop(n, "id");
		if (g_hash_table_contains(scale->level_index, id)) {
			accord_xml_set_error(error,
					     ACCORD_ERROR_DUPLICATE,
					     name,
					     n,
					     "scale '%s' lists level '%s' twice",
					     scale->id,
					     id);
			return FALSE;
		}
		g_hash_table_insert(scale->level_index,
				    id,
				    GUINT_TO_POINTER(scale->levels->len + 1));
		g_ptr_array_add(scale->levels, g_steal_pointer(&id));
		g_ptr_array_add(scale->descriptions, accord_xml_get_text(n));
	}
	return TRUE;
}

static gboolean
load_symbols(AccordFactDef *def, const xmlNode *node, const gchar *name, GError **error)
{
	g_autofree gchar *values = accord_xml_get_prop(node, "values");
	g_auto(GStrv) parts = g_strsplit_set(values, " \t\r\n", -1);

	def->symbols = g_ptr_array_new_with_free_func(g_free);
	def->symbol_index = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; parts[i] != NULL; i++) {
		gchar *symbol;

		if (parts[i][0] == '\0')
			continue;
		/* hashed: an enum of 10^5 values is checked in milliseconds, not minutes */
		if (g_hash_table_contains(def->symbol_index, parts[i])) {
			accord_xml_set_error(error,
					     ACCORD_ERROR_DUPLICATE,
					     name,
					     node,
					     "fact '%s' lists value '%s' twice",
					     def->key,
					     parts[i]);
			return FALSE;
		}
		symbol = g_strdup(parts[i]);
		g_hash_table_insert(def->symbol_index,
				    symbol,
				    GUINT_TO_POINTER(def->symbols->len + 1));
		g_ptr_array_add(def->symbols, symbol);
	}
	return TRUE;
}

/* `low`, `medium`, `high` (1, 2, 3 units) or a whole number of units from 1 to 999, written
 * without sign or leading zero */
gboolean
accord_effort_parse(const gchar *text, guint *units)
{
	static const gchar *const names[] = {"low", "medium", "high"};
	guint64 n = 0;

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		if (g_strcmp0(text, names[i]) == 0) {
			*units = i + 1;
			return TRUE;
		}
	}
	/* the cap keeps sums of costs far from overflow */
	if (text == NULL || !g_ascii_string_to_unsigned(text, 10, 1, 999, &n, NULL) ||
	    text[0] == '0' || text[0] == '+')
		return FALSE;
	*units = (guint)n;
	return TRUE;
}

/* how many values a fact's efforts are indexed by: false/true, levels or symbols */
static guint
n_values(const AccordFactDef *def)
{
	switch (def->type) {
	case ACCORD_FACT_TYPE_BOOLEAN:
		return 2;
	case ACCORD_FACT_TYPE_LEVEL:
		return accord_scale_get_n_levels(def->scale);
	case ACCORD_FACT_TYPE_ENUM:
		return def->symbols->len;
	default:
		return 0;
	}
}

/* where a value's effort is kept: false/true, a level's or a symbol's index */
static guint
value_index(const AccordFactDef *def, const AccordValue *value)
{
	return def->type == ACCORD_FACT_TYPE_BOOLEAN ? (guint)(value->v.boolean != FALSE)
	       : def->type == ACCORD_FACT_TYPE_LEVEL ? value->v.level
						     : value->v.symbol;
}

/* one `value:effort` of a value-effort list */
static gboolean
load_value_effort(AccordFactDef *def,
		  const gchar *item,
		  const xmlNode *node,
		  const gchar *name,
		  GError **error)
{
	g_auto(GStrv) parts = g_strsplit(item, ":", 2);
	g_autoptr(GError) local = NULL;
	AccordValue value;
	guint index, units;

	if (parts[1] == NULL || !accord_effort_parse(parts[1], &units)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     name,
				     node,
				     "fact '%s': '%s' is not VALUE:EFFORT with an effort of low, "
				     "medium, high or 1 to 999 units",
				     def->key,
				     item);
		return FALSE;
	}
	if (!accord_value_parse(def, parts[0], &value, &local)) {
		accord_xml_set_error(error, local->code, name, node, "%s", local->message);
		return FALSE;
	}
	index = value_index(def, &value);
	if (def->value_efforts[index] != 0) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "fact '%s' gives the effort of '%s' twice",
				     def->key,
				     parts[0]);
		return FALSE;
	}
	def->value_efforts[index] = units;
	return TRUE;
}

/* effort (default medium) and value-effort: what reaching each value costs */
static gboolean
load_efforts(AccordFactDef *def, const xmlNode *node, const gchar *name, GError **error)
{
	g_autofree gchar *effort = accord_xml_get_prop(node, "effort");
	g_autofree gchar *list = accord_xml_get_prop(node, "value-effort");
	g_auto(GStrv) items = NULL;

	def->effort = 2;
	if (effort != NULL && !accord_effort_parse(effort, &def->effort)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     name,
				     node,
				     "fact '%s': effort '%s' is not low, medium, high or 1 to 999 "
				     "units",
				     def->key,
				     effort);
		return FALSE;
	}
	if (list == NULL)
		return TRUE;
	if (n_values(def) == 0) {
		accord_xml_set_error(
		    error,
		    ACCORD_ERROR_TYPE,
		    name,
		    node,
		    "fact '%s' is of type %s; value-effort needs a boolean, level or "
		    "enum fact",
		    def->key,
		    accord_fact_type_to_string(def->type));
		return FALSE;
	}
	def->value_efforts = g_new0(guint, n_values(def));
	items = g_strsplit_set(list, " \t\r\n", -1);
	for (guint i = 0; items[i] != NULL; i++) {
		if (items[i][0] != '\0' && !load_value_effort(def, items[i], node, name, error))
			return FALSE;
	}
	return TRUE;
}

/* one side of a <conflict>: values of the fact's own type, as a profile would state them */
static GArray *
load_conflict_side(const AccordFactDef *def,
		   const xmlNode *node,
		   const gchar *attribute,
		   const gchar *name,
		   GError **error)
{
	g_autofree gchar *text = accord_xml_get_prop(node, attribute);
	g_auto(GStrv) parts = g_strsplit_set(text, " \t\r\n", -1);
	g_autoptr(GArray) side = g_array_new(FALSE, FALSE, sizeof(AccordValue));

	for (guint i = 0; parts[i] != NULL; i++) {
		g_autoptr(GError) local = NULL;
		AccordValue value;

		if (parts[i][0] == '\0')
			continue;
		if (!accord_value_parse(def, parts[i], &value, &local)) {
			accord_xml_set_error(error,
					     local->code,
					     name,
					     node,
					     "conflict of fact '%s': %s",
					     def->key,
					     local->message);
			return NULL;
		}
		g_array_append_val(side, value);
	}
	return g_steal_pointer(&side);
}

static gboolean
side_has(const GArray *side, const AccordValue *value)
{
	for (guint i = 0; i < side->len; i++) {
		if (accord_value_compare(&g_array_index(side, AccordValue, i), value) == 0)
			return TRUE;
	}
	return FALSE;
}

/* <conflict a="…" b="…"/>: each value of a is an incompatible regime with each value of b;
 * a value on both sides would conflict with itself */
static gboolean
load_conflicts(AccordFactDef *def, const xmlNode *node, const gchar *name, GError **error)
{
	def->conflicts = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		GArray *a = load_conflict_side(def, n, "a", name, error);
		GArray *b = a != NULL ? load_conflict_side(def, n, "b", name, error) : NULL;

		if (a != NULL)
			g_ptr_array_add(def->conflicts, a);
		if (b == NULL)
			return FALSE;
		g_ptr_array_add(def->conflicts, b);
		for (guint i = 0; i < a->len; i++) {
			g_autofree gchar *text = NULL;

			if (!side_has(b, &g_array_index(a, AccordValue, i)))
				continue;
			text = accord_value_to_string(def, &g_array_index(a, AccordValue, i));
			accord_xml_set_error(error,
					     ACCORD_ERROR_VALUE,
					     name,
					     n,
					     "conflict of fact '%s' puts '%s' on both sides",
					     def->key,
					     text);
			return FALSE;
		}
	}
	return TRUE;
}

static gboolean
load_fact_type(AccordVocabulary *self,
	       AccordFactDef *def,
	       const xmlNode *node,
	       const gchar *name,
	       GError **error)
{
	g_autofree gchar *type = accord_xml_get_prop(node, "type");
	g_autofree gchar *scale = accord_xml_get_prop(node, "scale");

	if (!fact_type_from_string(type, &def->type)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     node,
				     "fact '%s' has unknown type '%s'",
				     def->key,
				     type);
		return FALSE;
	}
	if (def->type == ACCORD_FACT_TYPE_ENUM && !load_symbols(def, node, name, error))
		return FALSE;
	if (def->type == ACCORD_FACT_TYPE_LEVEL) {
		def->scale = g_hash_table_lookup(self->scale_index, scale);
		if (def->scale == NULL) {
			accord_xml_set_error(error,
					     ACCORD_ERROR_REFERENCE,
					     name,
					     node,
					     "fact '%s' uses undefined scale '%s'",
					     def->key,
					     scale);
			return FALSE;
		}
	}
	return load_efforts(def, node, name, error);
}

static gboolean
load_fact(AccordVocabulary *self, const xmlNode *node, const gchar *name, GError **error)
{
	AccordFactDef *def = g_new0(AccordFactDef, 1);
	g_autofree gchar *informational = accord_xml_get_prop(node, "informational");

	def->key = accord_xml_get_prop(node, "key");
	def->description = accord_xml_get_text(node);
	def->unit = accord_xml_get_prop(node, "unit");
	def->informational = g_strcmp0(informational, "true") == 0;
	g_ptr_array_add(self->facts, def);
	if (!g_hash_table_insert(self->fact_index, def->key, def)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "fact '%s' is defined twice",
				     def->key);
		return FALSE;
	}
	/* the schema lets <conflict> elements into the description, so it cannot require text */
	if (def->description[0] == '\0') {
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     node,
				     "fact '%s' has no description",
				     def->key);
		return FALSE;
	}
	return load_fact_type(self, def, node, name, error) &&
	       load_conflicts(def, node, name, error);
}

static gint
compare_fact_keys(gconstpointer a, gconstpointer b)
{
	const AccordFactDef *x = *(const AccordFactDef *const *)a;
	const AccordFactDef *y = *(const AccordFactDef *const *)b;

	return g_strcmp0(x->key, y->key);
}

static gboolean
load_document(AccordVocabulary *self, const xmlNode *root, const gchar *name, GError **error)
{
	self->version = accord_xml_get_prop(root, "version");

	/* scales first, so a fact may name a scale defined further down */
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "title"))
			self->title = accord_xml_get_text(n);
		else if (accord_xml_is(n, "scale") && !load_scale(self, n, name, error))
			return FALSE;
	}
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "fact") && !load_fact(self, n, name, error))
			return FALSE;
	}
	g_ptr_array_sort(self->facts, compare_fact_keys);
	for (guint i = 0; i < self->facts->len; i++)
		((AccordFactDef *)g_ptr_array_index(self->facts, i))->index = i;
	return TRUE;
}

/**
 * accord_vocabulary_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @error: return location for an `ACCORD_ERROR`
 *
 * Parses (hardened), validates against the vocabulary schema and checks that scales and fact
 * keys are unique and that every level fact names a defined scale.
 *
 * Returns: (transfer full) (nullable): an immutable vocabulary, or %NULL with @error set
 */
AccordVocabulary *
accord_vocabulary_load_data(const gchar *data, gsize len, const gchar *name, GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordVocabulary) self = vocabulary_new();

	g_return_val_if_fail(data != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_load(data, len, name, ACCORD_SCHEMA_VOCABULARY, error);
	if (doc == NULL)
		return NULL;
	if (!load_document(self, xmlDocGetRootElement(doc), name, error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_vocabulary_load_file:
 * @path: a vocabulary XML file
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads @path and loads it as accord_vocabulary_load_data() does.
 *
 * Returns: (transfer full) (nullable): an immutable vocabulary, or %NULL with @error set
 */
AccordVocabulary *
accord_vocabulary_load_file(const gchar *path, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_vocabulary_load_data(data, len, path, error);
}

/**
 * accord_vocabulary_ref:
 * @self: a vocabulary
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordVocabulary *
accord_vocabulary_ref(const AccordVocabulary *self)
{
	AccordVocabulary *mutable_self = (AccordVocabulary *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_vocabulary_unref:
 * @self: (nullable) (transfer full): a vocabulary
 *
 * Drops one reference; the last one frees the vocabulary.
 */
void
accord_vocabulary_unref(AccordVocabulary *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_hash_table_unref(self->fact_index);
	g_hash_table_unref(self->scale_index);
	g_ptr_array_unref(self->facts);
	g_ptr_array_unref(self->scales);
	g_free(self->version);
	g_free(self->title);
	g_free(self);
}

/**
 * accord_vocabulary_get_version:
 * @self: a vocabulary
 *
 * Returns: (transfer none): its version, as its `version` attribute states it
 */
const gchar *
accord_vocabulary_get_version(const AccordVocabulary *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->version;
}

/**
 * accord_vocabulary_get_n_facts:
 * @self: a vocabulary
 *
 * Returns: how many facts it defines
 */
guint
accord_vocabulary_get_n_facts(const AccordVocabulary *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->facts->len;
}

/**
 * accord_vocabulary_get_fact:
 * @self: a vocabulary
 * @index: from 0 to accord_vocabulary_get_n_facts() − 1; facts are sorted by key
 *
 * Returns: (transfer none): the fact definition
 */
const AccordFactDef *
accord_vocabulary_get_fact(const AccordVocabulary *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->facts->len, NULL);
	return g_ptr_array_index(self->facts, index);
}

/**
 * accord_vocabulary_lookup_fact:
 * @self: a vocabulary
 * @key: a fact key such as `incident_response.national_csirt`
 *
 * Returns: (transfer none) (nullable): the definition, or %NULL if the key is not defined
 */
const AccordFactDef *
accord_vocabulary_lookup_fact(const AccordVocabulary *self, const gchar *key)
{
	g_return_val_if_fail(self != NULL && key != NULL, NULL);
	return g_hash_table_lookup(self->fact_index, key);
}

/**
 * accord_vocabulary_get_n_scales:
 * @self: a vocabulary
 *
 * Returns: how many scales it defines
 */
guint
accord_vocabulary_get_n_scales(const AccordVocabulary *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->scales->len;
}

/**
 * accord_vocabulary_get_scale:
 * @self: a vocabulary
 * @index: from 0, in file order
 *
 * Returns: (transfer none): a scale
 */
const AccordScale *
accord_vocabulary_get_scale(const AccordVocabulary *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->scales->len, NULL);
	return g_ptr_array_index(self->scales, index);
}

/**
 * accord_fact_def_get_key:
 * @def: a fact definition
 *
 * Returns: (transfer none): its key, e.g. `incident_response.national_csirt`
 */
const gchar *
accord_fact_def_get_key(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, NULL);
	return def->key;
}

/**
 * accord_fact_def_get_fact_type:
 * @def: a fact definition
 *
 * Returns: the type of every value of the fact
 */
AccordFactType
accord_fact_def_get_fact_type(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, ACCORD_FACT_TYPE_BOOLEAN);
	return def->type;
}

/**
 * accord_fact_def_get_description:
 * @def: a fact definition
 *
 * Returns: (transfer none): what the fact means, in words
 */
const gchar *
accord_fact_def_get_description(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, NULL);
	return def->description;
}

/**
 * accord_fact_def_get_scale:
 * @def: a fact definition
 *
 * Returns: (transfer none) (nullable): the scale of a level fact, %NULL for other types
 */
const AccordScale *
accord_fact_def_get_scale(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, NULL);
	return def->scale;
}

/**
 * accord_fact_def_get_n_symbols:
 * @def: a fact definition
 *
 * Returns: how many symbols an enum fact may take; 0 for other types
 */
guint
accord_fact_def_get_n_symbols(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, 0);
	return def->symbols != NULL ? def->symbols->len : 0;
}

/**
 * accord_fact_def_get_symbol:
 * @def: a fact definition
 * @index: from 0, in declared order: the index an #AccordValue stores
 *
 * Returns: (transfer none): a symbol of an enum fact
 */
const gchar *
accord_fact_def_get_symbol(const AccordFactDef *def, guint index)
{
	g_return_val_if_fail(def != NULL && index < accord_fact_def_get_n_symbols(def), NULL);
	return g_ptr_array_index(def->symbols, index);
}

/**
 * accord_fact_def_get_unit:
 * @def: a fact definition
 *
 * Returns: (transfer none) (nullable): the unit of a number fact, or %NULL when none is declared
 *   (always for other types)
 */
const gchar *
accord_fact_def_get_unit(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, NULL);
	return def->unit;
}

/**
 * accord_fact_def_is_informational:
 * @def: a fact definition
 *
 * Returns: %TRUE when the vocabulary marks the fact as for reference only (`informational="true"`);
 *   the loader does not enforce it
 */
gboolean
accord_fact_def_is_informational(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, FALSE);
	return def->informational;
}

/**
 * accord_fact_def_values_conflict:
 * @def: a fact definition
 * @a: a value of the fact
 * @b: another value of the fact
 *
 * Whether the vocabulary declares @a and @b incompatible regimes (`<conflict>` in the fact):
 * one is on one side of a declared conflict and the other on its other side, in either order.
 * Values that differ without a declared conflict (a lower level of the same scale, a partial
 * regime, an absence) do not conflict.
 *
 * Returns: %TRUE when the two values conflict
 */
gboolean
accord_fact_def_values_conflict(const AccordFactDef *def,
				const AccordValue *a,
				const AccordValue *b)
{
	g_return_val_if_fail(def != NULL && a != NULL && b != NULL, FALSE);
	for (guint i = 0; def->conflicts != NULL && i + 1 < def->conflicts->len; i += 2) {
		const GArray *x = g_ptr_array_index(def->conflicts, i);
		const GArray *y = g_ptr_array_index(def->conflicts, i + 1);

		if ((side_has(x, a) && side_has(y, b)) || (side_has(x, b) && side_has(y, a)))
			return TRUE;
	}
	return FALSE;
}

/**
 * accord_fact_def_get_n_conflicts:
 * @def: a fact definition
 *
 * Returns: how many `<conflict>` declarations the fact has
 */
guint
accord_fact_def_get_n_conflicts(const AccordFactDef *def)
{
	g_return_val_if_fail(def != NULL, 0);
	return def->conflicts != NULL ? def->conflicts->len / 2 : 0;
}

/**
 * accord_scale_get_id:
 * @scale: a scale
 *
 * Returns: (transfer none): its id, as level facts name it
 */
const gchar *
accord_scale_get_id(const AccordScale *scale)
{
	g_return_val_if_fail(scale != NULL, NULL);
	return scale->id;
}

/**
 * accord_scale_get_n_levels:
 * @scale: a scale
 *
 * Returns: how many levels it has, at least two
 */
guint
accord_scale_get_n_levels(const AccordScale *scale)
{
	g_return_val_if_fail(scale != NULL, 0);
	return scale->levels->len;
}

/**
 * accord_scale_get_level:
 * @scale: a scale
 * @index: from 0, the lowest level
 *
 * Returns: (transfer none): the level's id
 */
const gchar *
accord_scale_get_level(const AccordScale *scale, guint index)
{
	g_return_val_if_fail(scale != NULL && index < scale->levels->len, NULL);
	return g_ptr_array_index(scale->levels, index);
}

/**
 * accord_scale_get_level_description:
 * @scale: a scale
 * @index: as for accord_scale_get_level()
 *
 * Returns: (transfer none): what the level means, in words; may be empty
 */
const gchar *
accord_scale_get_level_description(const AccordScale *scale, guint index)
{
	g_return_val_if_fail(scale != NULL && index < scale->levels->len, NULL);
	return g_ptr_array_index(scale->descriptions, index);
}

/**
 * accord_scale_find_level:
 * @scale: a scale
 * @name: a level id
 *
 * Returns: the level's index (0 is the lowest), or -1 if the scale has no such level
 */
gint
accord_scale_find_level(const AccordScale *scale, const gchar *name)
{
	g_return_val_if_fail(scale != NULL && name != NULL, -1);
	return (gint)GPOINTER_TO_UINT(g_hash_table_lookup(scale->level_index, name)) - 1;
}

/* the symbol's index in the enum, or -1; the index a value of the fact stores */
gint
accord_fact_def_find_symbol(const AccordFactDef *def, const gchar *symbol)
{
	if (def->symbol_index == NULL)
		return -1;
	return (gint)GPOINTER_TO_UINT(g_hash_table_lookup(def->symbol_index, symbol)) - 1;
}

/**
 * accord_fact_def_get_effort:
 * @def: a fact definition
 * @value: a value of that fact
 *
 * The declared cost of reaching @value, in effort units (low 1, medium 2, high 3): its
 * `value-effort` entry, else the fact's `effort`, else medium. For a level fact it is the cost
 * of the step between @value and the level below it; a roadmap adds up the steps a change
 * crosses.
 *
 * Returns: the cost, at least 1
 */
guint
accord_fact_def_get_effort(const AccordFactDef *def, const AccordValue *value)
{
	guint index;

	g_return_val_if_fail(def != NULL && value != NULL, 0);
	if (def->value_efforts == NULL)
		return def->effort;
	index = value_index(def, value);
	g_return_val_if_fail(index < n_values(def), def->effort);
	return def->value_efforts[index] != 0 ? def->value_efforts[index] : def->effort;
}
