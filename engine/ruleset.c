#include "config.h"

#include "accord/error.h"
#include "accord/ruleset.h"
#include "util-private.h"
#include "xml-private.h"

/* combinators may nest, but a ruleset author never needs more than a handful of levels; the
 * cap keeps a hostile file from exhausting the stack in evaluation */
#define MAX_CHECK_DEPTH 32

struct _AccordObligation {
	gchar *id;
	gchar *description;
	gdouble multiplier;
};

struct _AccordPillar {
	gchar *id;
	gchar *title;
	gchar *description;
	gdouble weight;
	guint index;
};

struct _AccordCheck {
	AccordCheckKind kind;
	GPtrArray *children; /* AccordCheck*, owned; combinators only */
	const AccordFactDef *fact;
	AccordCheckOp op;
	GArray *values; /* AccordValue */
	gboolean partial;
};

struct _AccordCriterion {
	gchar *id;
	gchar *title;
	gdouble weight;
	AccordEffort effort;
	const AccordRule *rule;
	guint index;
	/* while loading only: the depends-on list in the parsed tree (or in depends_copy) */
	const gchar *depends_on;
	gchar *depends_copy;
	GPtrArray *depends; /* const AccordCriterion*, borrowed */
	AccordCheck *precondition;
	AccordCheck *check;
	glong line;
};

struct _AccordRule {
	gchar *id;
	gchar *title;
	gchar *cite;
	gchar *provision;
	gchar *recommendation;
	const AccordPillar *pillar;
	const AccordObligation *obligation;
	gdouble weight;
	gboolean verified;
	guint index;
	GPtrArray *criteria; /* const AccordCriterion*, borrowed from the ruleset */
};

struct _AccordRuleset {
	gatomicrefcount refcount;
	AccordVocabulary *vocab;
	gchar *id;
	gchar *version;
	gchar *title;
	gchar *agreement;
	gchar *signed_on;
	gchar *in_force;
	gchar *source_note;
	GPtrArray *obligations;
	GPtrArray *pillars;
	GPtrArray *rules;
	GPtrArray *criteria;
	GHashTable *obligation_index;
	GHashTable *pillar_index;
	GHashTable *rule_index;
	GHashTable *criterion_index;
};

typedef struct {
	AccordRuleset *self;
	const gchar *name;
} Loader;

static const gchar *effort_names[] = {NULL, "low", "medium", "high"};
static const gchar *check_op_names[] =
    {"is", "at-least", "at-most", "in", "not-in", "on-or-before", "on-or-after"};

/**
 * accord_effort_to_string:
 * @effort: an effort level
 *
 * Returns: (transfer none): its name, as ruleset files write it: low, medium or high
 */
const gchar *
accord_effort_to_string(AccordEffort effort)
{
	g_return_val_if_fail(effort >= ACCORD_EFFORT_LOW && effort <= ACCORD_EFFORT_HIGH, NULL);
	return effort_names[effort];
}

/**
 * accord_check_op_to_string:
 * @op: a check operator
 *
 * Returns: (transfer none): its attribute name in ruleset files, e.g. `at-least`
 */
const gchar *
accord_check_op_to_string(AccordCheckOp op)
{
	g_return_val_if_fail(op <= ACCORD_CHECK_OP_ON_OR_AFTER, NULL);
	return check_op_names[op];
}

static void
check_free(AccordCheck *check)
{
	if (check == NULL)
		return;
	if (check->children != NULL)
		g_ptr_array_unref(check->children);
	if (check->values != NULL)
		g_array_unref(check->values);
	g_free(check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordCheck, check_free)

static void
obligation_free(AccordObligation *obligation)
{
	g_free(obligation->id);
	g_free(obligation->description);
	g_free(obligation);
}

static void
pillar_free(AccordPillar *pillar)
{
	g_free(pillar->id);
	g_free(pillar->title);
	g_free(pillar->description);
	g_free(pillar);
}

static void
criterion_free(AccordCriterion *criterion)
{
	g_free(criterion->id);
	g_free(criterion->title);
	g_free(criterion->depends_copy);
	g_ptr_array_unref(criterion->depends);
	check_free(criterion->precondition);
	check_free(criterion->check);
	g_free(criterion);
}

static void
rule_free(AccordRule *rule)
{
	g_free(rule->id);
	g_free(rule->title);
	g_free(rule->cite);
	g_free(rule->provision);
	g_free(rule->recommendation);
	g_ptr_array_unref(rule->criteria);
	g_free(rule);
}

static AccordRuleset *
ruleset_new(const AccordVocabulary *vocab)
{
	AccordRuleset *self = g_new0(AccordRuleset, 1);

	g_atomic_ref_count_init(&self->refcount);
	self->vocab = accord_vocabulary_ref(vocab);
	self->obligations = g_ptr_array_new_with_free_func((GDestroyNotify)obligation_free);
	self->pillars = g_ptr_array_new_with_free_func((GDestroyNotify)pillar_free);
	self->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
	self->criteria = g_ptr_array_new_with_free_func((GDestroyNotify)criterion_free);
	self->obligation_index = g_hash_table_new(g_str_hash, g_str_equal);
	self->pillar_index = g_hash_table_new(g_str_hash, g_str_equal);
	self->rule_index = g_hash_table_new(g_str_hash, g_str_equal);
	self->criterion_index = g_hash_table_new(g_str_hash, g_str_equal);
	return self;
}

/* ids live in one table per kind; the first definition wins and the second is the error */
static gboolean
register_id(Loader *l,
	    GHashTable *index,
	    const gchar *kind,
	    const gchar *id,
	    gpointer item,
	    const xmlNode *node,
	    GError **error)
{
	if (g_hash_table_contains(index, id)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     l->name,
				     node,
				     "%s id '%s' is defined twice",
				     kind,
				     id);
		return FALSE;
	}
	g_hash_table_insert(index, (gpointer)id, item);
	return TRUE;
}

static gboolean
parse_weight_attr(Loader *l, const xmlNode *node, const gchar *attr, gdouble *out, GError **error)
{
	g_autofree gchar *text = accord_xml_get_prop(node, attr);

	*out = 1.0;
	if (text == NULL)
		return TRUE;
	if (!accord_parse_weight(text, out)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     l->name,
				     node,
				     "%s '%s' is not " ACCORD_WEIGHT_RANGE_TEXT,
				     attr,
				     text);
		return FALSE;
	}
	return TRUE;
}

static gboolean
parse_date_attr(Loader *l, const xmlNode *node, const gchar *attr, gchar **out, GError **error)
{
	*out = accord_xml_get_prop(node, attr);
	if (*out == NULL || accord_parse_date(*out, NULL))
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_VALUE,
			     l->name,
			     node,
			     "%s '%s' is not a valid YYYY-MM-DD date",
			     attr,
			     *out);
	return FALSE;
}

static gboolean
load_obligations(Loader *l, const xmlNode *parent, GError **error)
{
	for (xmlNode *n = accord_xml_first_element(parent); n != NULL;
	     n = accord_xml_next_element(n)) {
		AccordObligation *obligation = g_new0(AccordObligation, 1);
		g_autofree gchar *multiplier = accord_xml_get_prop(n, "multiplier");

		obligation->id = accord_xml_get_prop(n, "id");
		obligation->description = accord_xml_get_text(n);
		g_ptr_array_add(l->self->obligations, obligation);
		if (!register_id(l,
				 l->self->obligation_index,
				 "obligation",
				 obligation->id,
				 obligation,
				 n,
				 error))
			return FALSE;
		if (!accord_parse_weight(multiplier, &obligation->multiplier)) {
			accord_xml_set_error(
			    error,
			    ACCORD_ERROR_VALUE,
			    l->name,
			    n,
			    "multiplier '%s' of obligation '%s' is not " ACCORD_WEIGHT_RANGE_TEXT,
			    multiplier,
			    obligation->id);
			return FALSE;
		}
	}
	return TRUE;
}

static gboolean
load_pillar(Loader *l, const xmlNode *node, GError **error)
{
	AccordPillar *pillar = g_new0(AccordPillar, 1);
	xmlNode *description = accord_xml_find_child(node, "description");

	pillar->id = accord_xml_get_prop(node, "id");
	pillar->title = accord_xml_get_text(accord_xml_find_child(node, "title"));
	pillar->description = description != NULL ? accord_xml_get_text(description) : NULL;
	pillar->index = l->self->pillars->len;
	g_ptr_array_add(l->self->pillars, pillar);
	if (!register_id(l, l->self->pillar_index, "pillar", pillar->id, pillar, node, error))
		return FALSE;
	return parse_weight_attr(l, node, "weight", &pillar->weight, error);
}

static gboolean
op_fits_type(AccordCheckOp op, AccordFactType type)
{
	switch (op) {
	case ACCORD_CHECK_OP_IS:
		return TRUE;
	case ACCORD_CHECK_OP_AT_LEAST:
	case ACCORD_CHECK_OP_AT_MOST:
		return type == ACCORD_FACT_TYPE_LEVEL || type == ACCORD_FACT_TYPE_NUMBER;
	case ACCORD_CHECK_OP_IN:
	case ACCORD_CHECK_OP_NOT_IN:
		return type == ACCORD_FACT_TYPE_LEVEL || type == ACCORD_FACT_TYPE_ENUM;
	case ACCORD_CHECK_OP_ON_OR_BEFORE:
	case ACCORD_CHECK_OP_ON_OR_AFTER:
		return type == ACCORD_FACT_TYPE_DATE;
	default:
		return FALSE;
	}
}

/* the schema guarantees exactly one operator attribute; find which */
static const gchar *
find_operator(const xmlNode *node, AccordCheckOp *op, gchar **copy)
{
	for (guint i = 0; i < G_N_ELEMENTS(check_op_names); i++) {
		const gchar *text = accord_xml_peek_prop(node, check_op_names[i], copy);
		if (text != NULL) {
			*op = i;
			return text;
		}
	}
	return NULL;
}

static gboolean
parse_check_values(Loader *l,
		   const xmlNode *node,
		   AccordCheck *check,
		   const gchar *text,
		   GError **error)
{
	/* a single value, the common case, is parsed as it stands */
	g_auto(GStrv) parts = strpbrk(text, " \t\r\n") != NULL ? accord_split_words(text) : NULL;
	const gchar *single[] = {text, NULL};

	check->values = g_array_sized_new(FALSE, TRUE, sizeof(AccordValue), 1);
	for (const gchar *const *p = parts != NULL ? (const gchar *const *)parts : single;
	     *p != NULL;
	     p++) {
		g_autoptr(GError) local = NULL;
		AccordValue value;

		if ((*p)[0] == '\0')
			continue;
		if (!accord_value_parse(check->fact, *p, &value, &local)) {
			accord_xml_set_error(error,
					     local->code,
					     l->name,
					     node,
					     "%s",
					     local->message);
			return FALSE;
		}
		g_array_append_val(check->values, value);
	}
	return TRUE;
}

static gboolean
load_fact_check(Loader *l,
		const xmlNode *node,
		AccordCheck *check,
		gboolean in_when,
		GError **error)
{
	/* the attributes of every check are read without a copy: a tenth of the time of loading
	 * a large ruleset went to copying and freeing them */
	g_autofree gchar *key_copy = NULL;
	g_autofree gchar *partial_copy = NULL;
	g_autofree gchar *text_copy = NULL;
	const gchar *key = accord_xml_peek_prop(node, "fact", &key_copy);
	const gchar *partial = accord_xml_peek_prop(node, "partial", &partial_copy);
	const gchar *text = NULL;
	AccordFactType type;

	check->kind = ACCORD_CHECK_FACT;
	check->fact = accord_vocabulary_lookup_fact(l->self->vocab, key);
	if (check->fact == NULL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     l->name,
				     node,
				     "check uses fact '%s', which the vocabulary does not define",
				     key);
		return FALSE;
	}
	type = accord_fact_def_get_fact_type(check->fact);
	text = find_operator(node, &check->op, &text_copy);
	if (!op_fits_type(check->op, type)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_TYPE,
				     l->name,
				     node,
				     "'%s' cannot test fact '%s', which is of type %s",
				     check_op_names[check->op],
				     key,
				     accord_fact_type_to_string(type));
		return FALSE;
	}
	check->partial = g_strcmp0(partial, "yes") == 0;
	if (check->partial && type != ACCORD_FACT_TYPE_LEVEL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_TYPE,
				     l->name,
				     node,
				     "partial credit needs a level fact, but '%s' is of type %s",
				     key,
				     accord_fact_type_to_string(type));
		return FALSE;
	}
	if (check->partial && in_when) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     l->name,
				     node,
				     "partial credit is not allowed in a precondition");
		return FALSE;
	}
	if (!parse_check_values(l, node, check, text, error))
		return FALSE;
	/* only in and not-in take a set; the schema's token type cannot say so */
	if (check->values->len != 1 && check->op != ACCORD_CHECK_OP_IN &&
	    check->op != ACCORD_CHECK_OP_NOT_IN) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     l->name,
				     node,
				     "'%s' takes exactly one value, but '%s' has %u",
				     check_op_names[check->op],
				     text,
				     check->values->len);
		return FALSE;
	}
	return TRUE;
}

static AccordCheck *
load_test(Loader *l, const xmlNode *node, gboolean in_when, guint depth, GError **error)
{
	g_autoptr(AccordCheck) check = g_new0(AccordCheck, 1);

	if (depth > MAX_CHECK_DEPTH) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_PARSE,
				     l->name,
				     node,
				     "checks are nested deeper than %d levels",
				     MAX_CHECK_DEPTH);
		return NULL;
	}
	if (accord_xml_is(node, "check")) {
		if (!load_fact_check(l, node, check, in_when, error))
			return NULL;
		return g_steal_pointer(&check);
	}
	check->kind = accord_xml_is(node, "all")   ? ACCORD_CHECK_ALL
		      : accord_xml_is(node, "any") ? ACCORD_CHECK_ANY
						   : ACCORD_CHECK_NOT;
	check->children = g_ptr_array_new_with_free_func((GDestroyNotify)check_free);
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		AccordCheck *child = load_test(l, n, in_when, depth + 1, error);
		if (child == NULL)
			return NULL;
		g_ptr_array_add(check->children, child);
	}
	return g_steal_pointer(&check);
}

static gboolean
load_criterion_body(Loader *l, const xmlNode *node, AccordCriterion *criterion, GError **error)
{
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "title")) {
			criterion->title = accord_xml_get_text(n);
		} else if (accord_xml_is(n, "when")) {
			criterion->precondition =
			    load_test(l, accord_xml_first_element(n), TRUE, 1, error);
			if (criterion->precondition == NULL)
				return FALSE;
		} else {
			criterion->check = load_test(l, n, FALSE, 1, error);
			if (criterion->check == NULL)
				return FALSE;
		}
	}
	return TRUE;
}

static gboolean
load_criterion(Loader *l, const xmlNode *node, AccordRule *rule, GError **error)
{
	AccordCriterion *criterion = g_new0(AccordCriterion, 1);
	g_autofree gchar *effort_copy = NULL;
	const gchar *effort = accord_xml_peek_prop(node, "effort", &effort_copy);

	criterion->id = accord_xml_get_prop(node, "id");
	criterion->rule = rule;
	criterion->line = xmlGetLineNo(node);
	criterion->index = l->self->criteria->len;
	criterion->depends = g_ptr_array_new();
	criterion->depends_on = accord_xml_peek_prop(node, "depends-on", &criterion->depends_copy);
	criterion->effort = ACCORD_EFFORT_MEDIUM;
	for (guint i = ACCORD_EFFORT_LOW; effort != NULL && i <= ACCORD_EFFORT_HIGH; i++) {
		if (g_strcmp0(effort, effort_names[i]) == 0)
			criterion->effort = i;
	}
	g_ptr_array_add(l->self->criteria, criterion);
	g_ptr_array_add(rule->criteria, criterion);
	if (!register_id(l,
			 l->self->criterion_index,
			 "criterion",
			 criterion->id,
			 criterion,
			 node,
			 error))
		return FALSE;
	if (!parse_weight_attr(l, node, "weight", &criterion->weight, error))
		return FALSE;
	return load_criterion_body(l, node, criterion, error);
}

static gboolean
resolve_rule_refs(Loader *l, const xmlNode *node, AccordRule *rule, GError **error)
{
	g_autofree gchar *pillar = accord_xml_get_prop(node, "pillar");
	g_autofree gchar *obligation = accord_xml_get_prop(node, "obligation");

	rule->pillar = g_hash_table_lookup(l->self->pillar_index, pillar);
	if (rule->pillar == NULL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     l->name,
				     node,
				     "rule '%s' names undefined pillar '%s'",
				     rule->id,
				     pillar);
		return FALSE;
	}
	rule->obligation = g_hash_table_lookup(l->self->obligation_index, obligation);
	if (rule->obligation == NULL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     l->name,
				     node,
				     "rule '%s' names undefined obligation '%s'",
				     rule->id,
				     obligation);
		return FALSE;
	}
	return TRUE;
}

static gboolean
load_rule(Loader *l, const xmlNode *node, GError **error)
{
	AccordRule *rule = g_new0(AccordRule, 1);
	g_autofree gchar *verified = accord_xml_get_prop(node, "verified");

	rule->id = accord_xml_get_prop(node, "id");
	rule->verified = g_strcmp0(verified, "false") != 0;
	rule->index = l->self->rules->len;
	rule->criteria = g_ptr_array_new();
	g_ptr_array_add(l->self->rules, rule);
	if (!register_id(l, l->self->rule_index, "rule", rule->id, rule, node, error))
		return FALSE;
	if (!resolve_rule_refs(l, node, rule, error))
		return FALSE;
	if (!parse_weight_attr(l, node, "weight", &rule->weight, error))
		return FALSE;
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "title")) {
			rule->title = accord_xml_get_text(n);
		} else if (accord_xml_is(n, "provision")) {
			rule->cite = accord_xml_get_prop(n, "cite");
			rule->provision = accord_xml_get_text(n);
		} else if (accord_xml_is(n, "recommendation")) {
			rule->recommendation = accord_xml_get_text(n);
		} else if (!load_criterion(l, n, rule, error)) {
			return FALSE;
		}
	}
	return TRUE;
}

/* the ids of depends-on, read from the tree while it stands (a copy of each on the stack when
 * short): no list of them is kept */
static gboolean
resolve_depends(Loader *l, AccordCriterion *criterion, GError **error)
{
	const gchar *p = criterion->depends_on;
	gsize len;

	for (; p != NULL && (p = accord_next_word(p, &len)) != NULL; p += len) {
		gchar buf[64];
		g_autofree gchar *long_id = len < sizeof buf ? NULL : g_strndup(p, len);
		const gchar *id = long_id;
		AccordCriterion *target;

		if (long_id == NULL) {
			memcpy(buf, p, len);
			buf[len] = '\0';
			id = buf;
		}
		target = g_hash_table_lookup(l->self->criterion_index, id);
		if (target == NULL) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_REFERENCE,
				    "%s:%ld: criterion '%s' depends on unknown criterion '%s'",
				    l->name,
				    criterion->line,
				    criterion->id,
				    id);
			return FALSE;
		}
		g_ptr_array_add(criterion->depends, target);
	}
	/* the tree is freed once the ruleset is loaded */
	criterion->depends_on = NULL;
	g_clear_pointer(&criterion->depends_copy, g_free);
	return TRUE;
}

static gboolean
report_cycle(Loader *l,
	     const AccordCriterion *criterion,
	     const AccordCriterion *next,
	     GError **error)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_REFERENCE,
		    "%s:%ld: criterion '%s' depends on '%s', which closes a dependency cycle",
		    l->name,
		    criterion->line,
		    criterion->id,
		    next->id);
	return FALSE;
}

/* one criterion on the path of the search, and which of its dependencies comes next */
typedef struct {
	const AccordCriterion *criterion;
	guint next;
} Frame;

/* depth-first search with its own stack, so a chain of dependencies as long as the file
 * allows (over 10^5 criteria) cannot overflow the C stack; colour 1 = on the current path,
 * 2 = finished. Meeting a criterion that is on the path closes a cycle, which would make any
 * plan that respects dependencies impossible */
static gboolean
visit_depends(Loader *l,
	      const AccordCriterion *start,
	      guint8 *colour,
	      GArray *stack,
	      GError **error)
{
	Frame root = {start, 0};

	g_array_set_size(stack, 0);
	g_array_append_val(stack, root);
	colour[start->index] = 1;
	while (stack->len > 0) {
		Frame *top = &g_array_index(stack, Frame, stack->len - 1);
		const AccordCriterion *next;

		if (top->next == top->criterion->depends->len) {
			colour[top->criterion->index] = 2;
			g_array_set_size(stack, stack->len - 1);
			continue;
		}
		next = g_ptr_array_index(top->criterion->depends, top->next++);
		if (colour[next->index] == 1)
			return report_cycle(l, top->criterion, next, error);
		if (colour[next->index] == 0) {
			Frame frame = {next, 0};

			colour[next->index] = 1;
			g_array_append_val(stack, frame);
		}
	}
	return TRUE;
}

static gboolean
check_dependencies(Loader *l, GError **error)
{
	g_autofree guint8 *colour = g_new0(guint8, l->self->criteria->len + 1);
	g_autoptr(GArray) stack = g_array_new(FALSE, FALSE, sizeof(Frame));

	for (guint i = 0; i < l->self->criteria->len; i++) {
		if (!resolve_depends(l, g_ptr_array_index(l->self->criteria, i), error))
			return FALSE;
	}
	for (guint i = 0; i < l->self->criteria->len; i++) {
		const AccordCriterion *criterion = g_ptr_array_index(l->self->criteria, i);
		if (colour[i] == 0 && !visit_depends(l, criterion, colour, stack, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
load_header(Loader *l, const xmlNode *node, GError **error)
{
	AccordRuleset *self = l->self;

	if (accord_xml_is(node, "title")) {
		self->title = accord_xml_get_text(node);
	} else if (accord_xml_is(node, "agreement")) {
		self->agreement = accord_xml_get_prop(node, "name");
		if (!parse_date_attr(l, node, "signed", &self->signed_on, error) ||
		    !parse_date_attr(l, node, "in-force", &self->in_force, error))
			return FALSE;
	} else if (accord_xml_is(node, "source")) {
		self->source_note = accord_xml_get_text(node);
	} else if (accord_xml_is(node, "obligations")) {
		return load_obligations(l, node, error);
	}
	return TRUE;
}

static gboolean
load_document(Loader *l, const xmlNode *root, GError **error)
{
	l->self->id = accord_xml_get_prop(root, "id");
	l->self->version = accord_xml_get_prop(root, "version");
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		gboolean ok;

		if (accord_xml_is(n, "pillar"))
			ok = load_pillar(l, n, error);
		else if (accord_xml_is(n, "rule"))
			ok = load_rule(l, n, error);
		else
			ok = load_header(l, n, error);
		if (!ok)
			return FALSE;
	}
	return check_dependencies(l, error);
}

/**
 * accord_ruleset_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @vocab: (transfer none): the vocabulary every `<check fact=…>` must name
 * @error: return location for an `ACCORD_ERROR`
 *
 * Parses (hardened), validates against the RELAX NG schema and resolves every reference:
 * ids are unique, pillars, obligations, facts and `depends-on` targets exist, dependencies
 * have no cycle, check values have the fact's type, weights are finite and positive.
 *
 * Returns: (transfer full) (nullable): an immutable ruleset, or %NULL with @error set
 */
AccordRuleset *
accord_ruleset_load_data(const gchar *data,
			 gsize len,
			 const gchar *name,
			 const AccordVocabulary *vocab,
			 GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordRuleset) self = NULL;
	Loader l;

	g_return_val_if_fail(data != NULL && vocab != NULL, NULL);
	l.name = name != NULL ? name : "<memory>";
	doc = accord_xml_load(data, len, l.name, ACCORD_SCHEMA_RULESET, error);
	if (doc == NULL)
		return NULL;
	self = ruleset_new(vocab);
	l.self = self;
	if (!load_document(&l, xmlDocGetRootElement(doc), error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_ruleset_load_file:
 * @path: a ruleset XML file
 * @vocab: (transfer none): the vocabulary every `<check fact=…>` must name
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads @path and loads it as accord_ruleset_load_data() does.
 *
 * Returns: (transfer full) (nullable): an immutable ruleset, or %NULL with @error set
 */
AccordRuleset *
accord_ruleset_load_file(const gchar *path, const AccordVocabulary *vocab, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL && vocab != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_ruleset_load_data(data, len, path, vocab, error);
}

/**
 * accord_ruleset_ref:
 * @self: a ruleset
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordRuleset *
accord_ruleset_ref(const AccordRuleset *self)
{
	AccordRuleset *mutable_self = (AccordRuleset *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_ruleset_unref:
 * @self: (nullable) (transfer full): a ruleset
 *
 * Drops one reference; the last one frees the ruleset.
 */
void
accord_ruleset_unref(AccordRuleset *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_hash_table_unref(self->obligation_index);
	g_hash_table_unref(self->pillar_index);
	g_hash_table_unref(self->rule_index);
	g_hash_table_unref(self->criterion_index);
	g_ptr_array_unref(self->criteria);
	g_ptr_array_unref(self->rules);
	g_ptr_array_unref(self->pillars);
	g_ptr_array_unref(self->obligations);
	accord_vocabulary_unref(self->vocab);
	g_free(self->id);
	g_free(self->version);
	g_free(self->title);
	g_free(self->agreement);
	g_free(self->signed_on);
	g_free(self->in_force);
	g_free(self->source_note);
	g_free(self);
}

/* accessors: the model is immutable, so these hand out borrowed, const data */
/**
 * accord_ruleset_get_id:
 * @self: a ruleset
 *
 * Returns: (transfer none): its id, as `--ruleset` names it
 */
const gchar *
accord_ruleset_get_id(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->id;
}

/**
 * accord_ruleset_get_version:
 * @self: a ruleset
 *
 * Returns: (transfer none): its version, as its `version` attribute states it
 */
const gchar *
accord_ruleset_get_version(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->version;
}

/**
 * accord_ruleset_get_title:
 * @self: a ruleset
 *
 * Returns: (transfer none): its title, as reports show it
 */
const gchar *
accord_ruleset_get_title(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->title;
}

/**
 * accord_ruleset_get_agreement:
 * @self: a ruleset
 *
 * Returns: (transfer none): the name of the agreement it scores against, e.g. `USMCA`
 */
const gchar *
accord_ruleset_get_agreement(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->agreement;
}

/**
 * accord_ruleset_get_signed:
 * @self: a ruleset
 *
 * Returns: (transfer none) (nullable): the date the agreement was signed, `YYYY-MM-DD`, or %NULL
 *   when the ruleset does not state it
 */
const gchar *
accord_ruleset_get_signed(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->signed_on;
}

/**
 * accord_ruleset_get_in_force:
 * @self: a ruleset
 *
 * Returns: (transfer none) (nullable): the date the agreement entered into force, `YYYY-MM-DD`, or
 *   %NULL when the ruleset does not state it
 */
const gchar *
accord_ruleset_get_in_force(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->in_force;
}

/**
 * accord_ruleset_get_source_note:
 * @self: a ruleset
 *
 * Returns: (transfer none) (nullable): where the provision texts were read and what is not verified
 *   (its `<source>`), or %NULL when the ruleset has none
 */
const gchar *
accord_ruleset_get_source_note(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->source_note;
}

/**
 * accord_ruleset_get_vocabulary:
 * @self: a ruleset
 *
 * Returns: (transfer none): the vocabulary it was loaded with; the ruleset holds a reference
 */
const AccordVocabulary *
accord_ruleset_get_vocabulary(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->vocab;
}

/**
 * accord_obligation_get_id:
 * @obligation: an obligation
 *
 * Returns: (transfer none): its id, as rules name it
 */
const gchar *
accord_obligation_get_id(const AccordObligation *obligation)
{
	g_return_val_if_fail(obligation != NULL, NULL);
	return obligation->id;
}

/**
 * accord_obligation_get_multiplier:
 * @obligation: an obligation
 *
 * Returns: the factor, finite and greater than 0, that scales the weight of every rule with this
 *   obligation
 */
gdouble
accord_obligation_get_multiplier(const AccordObligation *obligation)
{
	g_return_val_if_fail(obligation != NULL, 0);
	return obligation->multiplier;
}

/**
 * accord_pillar_get_id:
 * @pillar: a pillar
 *
 * Returns: (transfer none): its id, unique among the pillars
 */
const gchar *
accord_pillar_get_id(const AccordPillar *pillar)
{
	g_return_val_if_fail(pillar != NULL, NULL);
	return pillar->id;
}

/**
 * accord_pillar_get_title:
 * @pillar: a pillar
 *
 * Returns: (transfer none): its title
 */
const gchar *
accord_pillar_get_title(const AccordPillar *pillar)
{
	g_return_val_if_fail(pillar != NULL, NULL);
	return pillar->title;
}

/**
 * accord_pillar_get_weight:
 * @pillar: a pillar
 *
 * Returns: its weight in the overall score as the ruleset sets it (1 when not stated);
 *   accord_score_get_pillar_weight() gives the tailored one
 */
gdouble
accord_pillar_get_weight(const AccordPillar *pillar)
{
	g_return_val_if_fail(pillar != NULL, 0);
	return pillar->weight;
}

/**
 * accord_pillar_get_index:
 * @pillar: a pillar
 *
 * Returns: its position among the ruleset's pillars, from 0
 */
guint
accord_pillar_get_index(const AccordPillar *pillar)
{
	g_return_val_if_fail(pillar != NULL, 0);
	return pillar->index;
}

/**
 * accord_rule_get_id:
 * @rule: a rule
 *
 * Returns: (transfer none): its id, unique among the rules
 */
const gchar *
accord_rule_get_id(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->id;
}

/**
 * accord_rule_get_title:
 * @rule: a rule
 *
 * Returns: (transfer none): its title
 */
const gchar *
accord_rule_get_title(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->title;
}

/**
 * accord_rule_get_pillar:
 * @rule: a rule
 *
 * Returns: (transfer none): the pillar it belongs to
 */
const AccordPillar *
accord_rule_get_pillar(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->pillar;
}

/**
 * accord_rule_get_obligation:
 * @rule: a rule
 *
 * Returns: (transfer none): its obligation, whose multiplier scales its weight
 */
const AccordObligation *
accord_rule_get_obligation(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->obligation;
}

/**
 * accord_rule_get_weight:
 * @rule: a rule
 *
 * Returns: its weight within its pillar as the ruleset sets it (1 when not stated), before the
 *   obligation multiplier and any tailoring
 */
gdouble
accord_rule_get_weight(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, 0);
	return rule->weight;
}

/**
 * accord_rule_get_cite:
 * @rule: a rule
 *
 * Returns: (transfer none): where its provision is found, e.g. `USMCA Art. 19.15(1)(a)`
 */
const gchar *
accord_rule_get_cite(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->cite;
}

/**
 * accord_rule_get_provision:
 * @rule: a rule
 *
 * Returns: (transfer none): the quoted text of its provision
 */
const gchar *
accord_rule_get_provision(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->provision;
}

/**
 * accord_rule_get_recommendation:
 * @rule: a rule
 *
 * Returns: (transfer none): the model language or the action that would close its gap
 */
const gchar *
accord_rule_get_recommendation(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, NULL);
	return rule->recommendation;
}

/**
 * accord_rule_get_index:
 * @rule: a rule
 *
 * Returns: its position among the ruleset's rules, from 0
 */
guint
accord_rule_get_index(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, 0);
	return rule->index;
}

/**
 * accord_criterion_get_id:
 * @criterion: a criterion
 *
 * Returns: (transfer none): its id, unique across the ruleset
 */
const gchar *
accord_criterion_get_id(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, NULL);
	return criterion->id;
}

/**
 * accord_criterion_get_title:
 * @criterion: a criterion
 *
 * Returns: (transfer none): its title
 */
const gchar *
accord_criterion_get_title(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, NULL);
	return criterion->title;
}

/**
 * accord_criterion_get_weight:
 * @criterion: a criterion
 *
 * Returns: its weight within its rule as the ruleset sets it (1 when not stated);
 *   accord_score_get_criterion_weight() gives the tailored one
 */
gdouble
accord_criterion_get_weight(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, 0);
	return criterion->weight;
}

/**
 * accord_criterion_get_effort:
 * @criterion: a criterion
 *
 * Returns: the declared cost of meeting it; %ACCORD_EFFORT_MEDIUM when the ruleset states none
 */
AccordEffort
accord_criterion_get_effort(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, ACCORD_EFFORT_MEDIUM);
	return criterion->effort;
}

/**
 * accord_criterion_get_rule:
 * @criterion: a criterion
 *
 * Returns: (transfer none): the rule it belongs to
 */
const AccordRule *
accord_criterion_get_rule(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, NULL);
	return criterion->rule;
}

/**
 * accord_criterion_get_index:
 * @criterion: a criterion
 *
 * Returns: its position among all the ruleset's criteria, from 0
 */
guint
accord_criterion_get_index(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, 0);
	return criterion->index;
}

/**
 * accord_criterion_get_precondition:
 * @criterion: a criterion
 *
 * Returns: (transfer none) (nullable): the `<when>` test that decides whether it applies, or %NULL
 *   when it always applies
 */
const AccordCheck *
accord_criterion_get_precondition(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, NULL);
	return criterion->precondition;
}

/**
 * accord_criterion_get_check:
 * @criterion: a criterion
 *
 * Returns: (transfer none): the test that decides whether it is met
 */
const AccordCheck *
accord_criterion_get_check(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, NULL);
	return criterion->check;
}

/**
 * accord_check_get_kind:
 * @check: a check
 *
 * Returns: whether it compares a fact or combines child checks (all, any, not)
 */
AccordCheckKind
accord_check_get_kind(const AccordCheck *check)
{
	g_return_val_if_fail(check != NULL, ACCORD_CHECK_FACT);
	return check->kind;
}

/**
 * accord_check_get_fact:
 * @check: a check
 *
 * Returns: (transfer none) (nullable): the fact a fact check compares, or %NULL for a combinator
 */
const AccordFactDef *
accord_check_get_fact(const AccordCheck *check)
{
	g_return_val_if_fail(check != NULL, NULL);
	return check->fact;
}

/**
 * accord_check_get_op:
 * @check: a check
 *
 * Returns: how a fact check compares the fact with its values; %ACCORD_CHECK_OP_IS for a combinator
 */
AccordCheckOp
accord_check_get_op(const AccordCheck *check)
{
	g_return_val_if_fail(check != NULL, ACCORD_CHECK_OP_IS);
	return check->op;
}

/**
 * accord_check_get_partial:
 * @check: a check
 *
 * Returns: %TRUE when an `at-least` or `at-most` check on a level fact gives partial credit for the
 *   levels short of its threshold (`partial="yes"`)
 */
gboolean
accord_check_get_partial(const AccordCheck *check)
{
	g_return_val_if_fail(check != NULL, FALSE);
	return check->partial;
}

/**
 * accord_ruleset_get_n_obligations:
 * @self: a ruleset
 *
 * Returns: how many obligations it declares
 */
guint
accord_ruleset_get_n_obligations(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->obligations != NULL ? self->obligations->len : 0;
}

/**
 * accord_ruleset_get_obligation:
 * @self: a ruleset
 * @index: from 0, in file order
 *
 * Returns: (transfer none): an obligation
 */
const AccordObligation *
accord_ruleset_get_obligation(const AccordRuleset *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_ruleset_get_n_obligations(self), NULL);
	return g_ptr_array_index(self->obligations, index);
}

/**
 * accord_ruleset_get_n_pillars:
 * @self: a ruleset
 *
 * Returns: how many pillars it has
 */
guint
accord_ruleset_get_n_pillars(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->pillars != NULL ? self->pillars->len : 0;
}

/**
 * accord_ruleset_get_pillar:
 * @self: a ruleset
 * @index: from 0, in file order, as accord_pillar_get_index() numbers them
 *
 * Returns: (transfer none): a pillar
 */
const AccordPillar *
accord_ruleset_get_pillar(const AccordRuleset *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_ruleset_get_n_pillars(self), NULL);
	return g_ptr_array_index(self->pillars, index);
}

/**
 * accord_ruleset_get_n_rules:
 * @self: a ruleset
 *
 * Returns: how many rules it has
 */
guint
accord_ruleset_get_n_rules(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->rules != NULL ? self->rules->len : 0;
}

/**
 * accord_ruleset_get_rule:
 * @self: a ruleset
 * @index: from 0, in file order, as accord_rule_get_index() numbers them
 *
 * Returns: (transfer none): a rule
 */
const AccordRule *
accord_ruleset_get_rule(const AccordRuleset *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_ruleset_get_n_rules(self), NULL);
	return g_ptr_array_index(self->rules, index);
}

/**
 * accord_ruleset_get_n_criteria:
 * @self: a ruleset
 *
 * Returns: how many criteria it has, over all its rules
 */
guint
accord_ruleset_get_n_criteria(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->criteria != NULL ? self->criteria->len : 0;
}

/**
 * accord_ruleset_get_criterion:
 * @self: a ruleset
 * @index: from 0, in file order, as accord_criterion_get_index() numbers them
 *
 * Returns: (transfer none): a criterion
 */
const AccordCriterion *
accord_ruleset_get_criterion(const AccordRuleset *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_ruleset_get_n_criteria(self), NULL);
	return g_ptr_array_index(self->criteria, index);
}

/**
 * accord_rule_get_n_criteria:
 * @rule: a rule
 *
 * Returns: how many criteria it has, at least one
 */
guint
accord_rule_get_n_criteria(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, 0);
	return rule->criteria != NULL ? rule->criteria->len : 0;
}

/**
 * accord_rule_get_criterion:
 * @rule: a rule
 * @index: from 0, in file order
 *
 * Returns: (transfer none): a criterion
 */
const AccordCriterion *
accord_rule_get_criterion(const AccordRule *rule, guint index)
{
	g_return_val_if_fail(rule != NULL && index < accord_rule_get_n_criteria(rule), NULL);
	return g_ptr_array_index(rule->criteria, index);
}

/**
 * accord_criterion_get_n_depends:
 * @criterion: a criterion
 *
 * Returns: how many criteria it depends on (`depends-on`), 0 for none
 */
guint
accord_criterion_get_n_depends(const AccordCriterion *criterion)
{
	g_return_val_if_fail(criterion != NULL, 0);
	return criterion->depends != NULL ? criterion->depends->len : 0;
}

/**
 * accord_criterion_get_depends:
 * @criterion: a criterion
 * @index: from 0, in `depends-on` order
 *
 * Returns: (transfer none): a criterion to meet before this one
 */
const AccordCriterion *
accord_criterion_get_depends(const AccordCriterion *criterion, guint index)
{
	g_return_val_if_fail(criterion != NULL && index < accord_criterion_get_n_depends(criterion),
			     NULL);
	return g_ptr_array_index(criterion->depends, index);
}

/**
 * accord_check_get_n_children:
 * @check: a check
 *
 * Returns: how many checks a combinator combines; 0 for a fact check
 */
guint
accord_check_get_n_children(const AccordCheck *check)
{
	g_return_val_if_fail(check != NULL, 0);
	return check->children != NULL ? check->children->len : 0;
}

/**
 * accord_check_get_child:
 * @check: a check
 * @index: from 0, in file order
 *
 * Returns: (transfer none): a child check
 */
const AccordCheck *
accord_check_get_child(const AccordCheck *check, guint index)
{
	g_return_val_if_fail(check != NULL && index < accord_check_get_n_children(check), NULL);
	return g_ptr_array_index(check->children, index);
}
/**
 * accord_ruleset_lookup_pillar:
 * @self: a ruleset
 * @id: a pillar id
 *
 * Returns: (transfer none) (nullable): the pillar, or %NULL if there is none with that id
 */
const AccordPillar *
accord_ruleset_lookup_pillar(const AccordRuleset *self, const gchar *id)
{
	g_return_val_if_fail(self != NULL && id != NULL, NULL);
	return g_hash_table_lookup(self->pillar_index, id);
}

/**
 * accord_ruleset_lookup_rule:
 * @self: a ruleset
 * @id: a rule id
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL if there is none with that id
 */
const AccordRule *
accord_ruleset_lookup_rule(const AccordRuleset *self, const gchar *id)
{
	g_return_val_if_fail(self != NULL && id != NULL, NULL);
	return g_hash_table_lookup(self->rule_index, id);
}

/**
 * accord_ruleset_lookup_criterion:
 * @self: a ruleset
 * @id: a criterion id (unique across the ruleset)
 *
 * Returns: (transfer none) (nullable): the criterion, or %NULL if there is none with that id
 */
const AccordCriterion *
accord_ruleset_lookup_criterion(const AccordRuleset *self, const gchar *id)
{
	g_return_val_if_fail(self != NULL && id != NULL, NULL);
	return g_hash_table_lookup(self->criterion_index, id);
}

/**
 * accord_rule_get_effective_weight:
 * @rule: a rule
 *
 * Returns: the rule's weight times its obligation's multiplier, the weight scoring uses
 */
gdouble
accord_rule_get_effective_weight(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, 0);
	return rule->weight * rule->obligation->multiplier;
}

/**
 * accord_rule_is_verified:
 * @rule: a rule
 *
 * Returns: %FALSE when the ruleset marks the provision text as not checked against an
 *   official source
 */
gboolean
accord_rule_is_verified(const AccordRule *rule)
{
	g_return_val_if_fail(rule != NULL, FALSE);
	return rule->verified;
}

/**
 * accord_check_get_n_values:
 * @check: a check
 *
 * Returns: how many values a fact check compares with: one, or more for `in`/`not-in`; 0 for a
 *   combinator
 */
guint
accord_check_get_n_values(const AccordCheck *check)
{
	g_return_val_if_fail(check != NULL, 0);
	return check->values != NULL ? check->values->len : 0;
}

/**
 * accord_check_get_value:
 * @check: a check
 * @index: from 0, in file order
 *
 * Returns: (transfer none): a value, of the fact's type
 */
const AccordValue *
accord_check_get_value(const AccordCheck *check, guint index)
{
	g_return_val_if_fail(check != NULL && index < accord_check_get_n_values(check), NULL);
	return &g_array_index(check->values, AccordValue, index);
}

/**
 * accord_ruleset_is_verified:
 * @self: a ruleset
 *
 * Returns: %TRUE when every rule quotes its provision as read in an official copy; %FALSE
 *   when any rests on unverified treaty text
 */
gboolean
accord_ruleset_is_verified(const AccordRuleset *self)
{
	g_return_val_if_fail(self != NULL, FALSE);
	for (guint i = 0; i < accord_ruleset_get_n_rules(self); i++)
		if (!accord_rule_is_verified(accord_ruleset_get_rule(self, i)))
			return FALSE;
	return TRUE;
}
