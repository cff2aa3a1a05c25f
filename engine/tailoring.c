#include "config.h"

#include <math.h>

#include "accord/error.h"
#include "accord/tailoring.h"
#include "util-private.h"
#include "xml-private.h"

/* what a tailoring says about one pillar, rule or criterion; NAN weight = not overridden */
typedef struct {
	gboolean deselected;
	gdouble weight;
} Override;

struct _AccordTailoring {
	gatomicrefcount refcount;
	AccordRuleset *ruleset;
	gchar *id;
	gchar *title;
	Override *pillars; /* by index */
	Override *rules;
	Override *criteria;
	GPtrArray *changes; /* gchar*: one line per override, for reports */
	GHashTable *seen;   /* "kind:id" already tailored, to refuse a second entry */
};

static AccordTailoring *
tailoring_new(const AccordRuleset *ruleset)
{
	AccordTailoring *self = g_new0(AccordTailoring, 1);
	guint n;

	g_atomic_ref_count_init(&self->refcount);
	self->ruleset = accord_ruleset_ref(ruleset);
	n = accord_ruleset_get_n_pillars(ruleset);
	self->pillars = g_new0(Override, n);
	for (guint i = 0; i < n; i++)
		self->pillars[i].weight = NAN;
	n = accord_ruleset_get_n_rules(ruleset);
	self->rules = g_new0(Override, n);
	for (guint i = 0; i < n; i++)
		self->rules[i].weight = NAN;
	n = accord_ruleset_get_n_criteria(ruleset);
	self->criteria = g_new0(Override, n);
	for (guint i = 0; i < n; i++)
		self->criteria[i].weight = NAN;
	self->changes = g_ptr_array_new_with_free_func(g_free);
	self->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return self;
}

/* which model item a <pillar>, <rule> or <criterion> element names */
static Override *
find_target(AccordTailoring *self, const xmlNode *node, const gchar *id)
{
	const AccordRuleset *rs = self->ruleset;

	if (accord_xml_is(node, "pillar")) {
		const AccordPillar *pillar = accord_ruleset_lookup_pillar(rs, id);
		return pillar != NULL ? &self->pillars[accord_pillar_get_index(pillar)] : NULL;
	}
	if (accord_xml_is(node, "rule")) {
		const AccordRule *rule = accord_ruleset_lookup_rule(rs, id);
		return rule != NULL ? &self->rules[accord_rule_get_index(rule)] : NULL;
	} else {
		const AccordCriterion *c = accord_ruleset_lookup_criterion(rs, id);
		return c != NULL ? &self->criteria[accord_criterion_get_index(c)] : NULL;
	}
}

static gboolean
load_target(AccordTailoring *self, const xmlNode *node, const gchar *name, GError **error)
{
	g_autofree gchar *id = accord_xml_get_prop(node, "id");
	g_autofree gchar *selected = accord_xml_get_prop(node, "selected");
	g_autofree gchar *weight = accord_xml_get_prop(node, "weight");
	const gchar *kind = (const gchar *)node->name;
	Override *target = find_target(self, node, id);

	if (target == NULL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     name,
				     node,
				     "tailoring names %s '%s', which ruleset '%s' does not have",
				     kind,
				     id,
				     accord_ruleset_get_id(self->ruleset));
		return FALSE;
	}
	if (!g_hash_table_add(self->seen, g_strdup_printf("%s:%s", kind, id))) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "%s '%s' is tailored twice",
				     kind,
				     id);
		return FALSE;
	}
	if (weight != NULL && !accord_parse_weight(weight, &target->weight)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     name,
				     node,
				     "weight '%s' of %s '%s' is not " ACCORD_WEIGHT_RANGE_TEXT,
				     weight,
				     kind,
				     id);
		return FALSE;
	}
	target->deselected = g_strcmp0(selected, "false") == 0;
	if (target->deselected)
		g_ptr_array_add(self->changes, g_strdup_printf("%s %s deselected", kind, id));
	if (weight != NULL)
		g_ptr_array_add(self->changes,
				g_strdup_printf("%s %s weight %s", kind, id, weight));
	return TRUE;
}

static gboolean
load_document(AccordTailoring *self, const xmlNode *root, const gchar *name, GError **error)
{
	g_autofree gchar *ruleset = accord_xml_get_prop(root, "ruleset");

	self->id = accord_xml_get_prop(root, "id");
	if (g_strcmp0(ruleset, accord_ruleset_get_id(self->ruleset)) != 0) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     name,
				     root,
				     "tailoring '%s' is for ruleset '%s', not '%s'",
				     self->id,
				     ruleset,
				     accord_ruleset_get_id(self->ruleset));
		return FALSE;
	}
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "title"))
			self->title = accord_xml_get_text(n);
		else if (!accord_xml_is(n, "description") && !load_target(self, n, name, error))
			return FALSE;
	}
	return TRUE;
}

/**
 * accord_tailoring_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @ruleset: (transfer none): the ruleset the tailoring must be for
 * @error: return location for an `ACCORD_ERROR`
 *
 * Loads a tailoring: rules, criteria and pillars of @ruleset selected or deselected and their
 * weights overridden. Every id must exist in @ruleset, once.
 *
 * Returns: (transfer full) (nullable): the tailoring, or %NULL with @error set
 */
AccordTailoring *
accord_tailoring_load_data(const gchar *data,
			   gsize len,
			   const gchar *name,
			   const AccordRuleset *ruleset,
			   GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordTailoring) self = NULL;

	g_return_val_if_fail(data != NULL && ruleset != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_load(data, len, name, ACCORD_SCHEMA_TAILORING, error);
	if (doc == NULL)
		return NULL;
	self = tailoring_new(ruleset);
	if (!load_document(self, xmlDocGetRootElement(doc), name, error))
		return NULL;
	g_clear_pointer(&self->seen, g_hash_table_unref);
	return g_steal_pointer(&self);
}

/**
 * accord_tailoring_peek_ruleset:
 * @data: the XML text of a tailoring
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @line: (out) (optional): the line of the root element, for messages about the reference
 * @error: return location for an `ACCORD_ERROR`
 *
 * Checks a tailoring against its schema, and only then reads which ruleset it is for, so the
 * caller can find that ruleset before calling accord_tailoring_load_data(). The schema makes
 * the reference an id (letters, digits, `.`, `_`, `-`), never a path: nothing outside @data
 * is named, let alone read.
 *
 * Returns: (transfer full) (nullable): the ruleset id, or %NULL with @error set as
 *   accord_tailoring_load_data() would set it for a malformed document
 */
gchar *
accord_tailoring_peek_ruleset(const gchar *data,
			      gsize len,
			      const gchar *name,
			      glong *line,
			      GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	xmlNode *root;

	g_return_val_if_fail(data != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_load(data, len, name, ACCORD_SCHEMA_TAILORING, error);
	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (line != NULL)
		*line = xmlGetLineNo(root);
	return accord_xml_get_prop(root, "ruleset");
}

/**
 * accord_tailoring_load_file:
 * @path: a tailoring XML file
 * @ruleset: (transfer none): the ruleset the tailoring must be for
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the tailoring, or %NULL with @error set
 */
AccordTailoring *
accord_tailoring_load_file(const gchar *path, const AccordRuleset *ruleset, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL && ruleset != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_tailoring_load_data(data, len, path, ruleset, error);
}

/**
 * accord_tailoring_ref:
 * @self: a tailoring
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordTailoring *
accord_tailoring_ref(const AccordTailoring *self)
{
	AccordTailoring *mutable_self = (AccordTailoring *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_tailoring_unref:
 * @self: (nullable) (transfer full): a tailoring
 *
 * Drops one reference; the last one frees the tailoring and releases its ruleset.
 */
void
accord_tailoring_unref(AccordTailoring *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	accord_ruleset_unref(self->ruleset);
	g_free(self->id);
	g_free(self->title);
	g_free(self->pillars);
	g_free(self->rules);
	g_free(self->criteria);
	g_ptr_array_unref(self->changes);
	if (self->seen != NULL)
		g_hash_table_unref(self->seen);
	g_free(self);
}

/**
 * accord_tailoring_get_id:
 * @self: a tailoring
 *
 * Returns: (transfer none): its id
 */
const gchar *
accord_tailoring_get_id(const AccordTailoring *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->id;
}

/**
 * accord_tailoring_get_title:
 * @self: a tailoring
 *
 * Returns: (transfer none): its title
 */
const gchar *
accord_tailoring_get_title(const AccordTailoring *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->title;
}

/**
 * accord_tailoring_get_ruleset:
 * @self: a tailoring
 *
 * Returns: (transfer none): the ruleset it tailors; the tailoring holds a reference
 */
const AccordRuleset *
accord_tailoring_get_ruleset(const AccordTailoring *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->ruleset;
}

/**
 * accord_tailoring_selects_pillar:
 * @self: a tailoring
 * @pillar: a pillar of its ruleset
 *
 * Returns: %FALSE when the tailoring deselects the pillar
 */
gboolean
accord_tailoring_selects_pillar(const AccordTailoring *self, const AccordPillar *pillar)
{
	g_return_val_if_fail(self != NULL && pillar != NULL, TRUE);
	return !self->pillars[accord_pillar_get_index(pillar)].deselected;
}

/**
 * accord_tailoring_selects_rule:
 * @self: a tailoring
 * @rule: a rule of its ruleset
 *
 * Returns: %FALSE when the tailoring deselects the rule or its pillar
 */
gboolean
accord_tailoring_selects_rule(const AccordTailoring *self, const AccordRule *rule)
{
	g_return_val_if_fail(self != NULL && rule != NULL, TRUE);
	return !self->rules[accord_rule_get_index(rule)].deselected &&
	       accord_tailoring_selects_pillar(self, accord_rule_get_pillar(rule));
}

/**
 * accord_tailoring_selects_criterion:
 * @self: a tailoring
 * @criterion: a criterion of its ruleset
 *
 * Returns: %FALSE when the tailoring deselects the criterion, its rule or its pillar
 */
gboolean
accord_tailoring_selects_criterion(const AccordTailoring *self, const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, TRUE);
	return !self->criteria[accord_criterion_get_index(criterion)].deselected &&
	       accord_tailoring_selects_rule(self, accord_criterion_get_rule(criterion));
}

static gdouble
weight_or(const Override *o, gdouble fallback)
{
	return isnan(o->weight) ? fallback : o->weight;
}

/**
 * accord_tailoring_get_pillar_weight:
 * @self: a tailoring
 * @pillar: a pillar of its ruleset
 *
 * Returns: the tailored weight, or the ruleset's when the tailoring does not override it
 */
gdouble
accord_tailoring_get_pillar_weight(const AccordTailoring *self, const AccordPillar *pillar)
{
	g_return_val_if_fail(self != NULL && pillar != NULL, 0);
	return weight_or(&self->pillars[accord_pillar_get_index(pillar)],
			 accord_pillar_get_weight(pillar));
}

/**
 * accord_tailoring_get_rule_weight:
 * @self: a tailoring
 * @rule: a rule of its ruleset
 *
 * Returns: the tailored rule weight (before the obligation multiplier), or the ruleset's
 */
gdouble
accord_tailoring_get_rule_weight(const AccordTailoring *self, const AccordRule *rule)
{
	g_return_val_if_fail(self != NULL && rule != NULL, 0);
	return weight_or(&self->rules[accord_rule_get_index(rule)], accord_rule_get_weight(rule));
}

/**
 * accord_tailoring_get_criterion_weight:
 * @self: a tailoring
 * @criterion: a criterion of its ruleset
 *
 * Returns: the tailored criterion weight, or the ruleset's when the tailoring does not override it
 */
gdouble
accord_tailoring_get_criterion_weight(const AccordTailoring *self, const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, 0);
	return weight_or(&self->criteria[accord_criterion_get_index(criterion)],
			 accord_criterion_get_weight(criterion));
}

/**
 * accord_tailoring_get_n_changes:
 * @self: a tailoring
 *
 * Returns: how many changes it makes: one per deselection and one per weight override
 */
guint
accord_tailoring_get_n_changes(const AccordTailoring *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->changes->len;
}

/**
 * accord_tailoring_get_change:
 * @self: a tailoring
 * @index: which change, in file order
 *
 * Returns: one change in words, e.g. "rule usmca-19.15.2 deselected"
 */
const gchar *
accord_tailoring_get_change(const AccordTailoring *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->changes->len, NULL);
	return g_ptr_array_index(self->changes, index);
}
