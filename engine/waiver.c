#include "config.h"

#include "accord/error.h"
#include "accord/waiver.h"
#include "util-private.h"
#include "xml-private.h"

struct _AccordWaiverList {
	gatomicrefcount refcount;
	GArray *waivers; /* AccordWaiver */
};

struct _AccordWaiverOutcome {
	AccordWaiverList *list; /* the uses point into it */
	gchar *date;
	GArray *uses;		      /* AccordWaiverUse */
	AccordEvaluation *evaluation; /* after the applied waivers */
};

static const gchar *status_names[] = {"applied", "redundant", "lapsed", "orphan"};

/**
 * accord_waiver_status_to_string:
 * @status: a waiver status
 *
 * Returns: (transfer none): its name: applied, redundant, lapsed or orphan
 */
const gchar *
accord_waiver_status_to_string(AccordWaiverStatus status)
{
	g_return_val_if_fail(status <= ACCORD_WAIVER_ORPHAN, NULL);
	return status_names[status];
}

static void
clear_waiver(gpointer data)
{
	AccordWaiver *w = data;

	g_free(w->country);
	g_free(w->ruleset);
	g_free(w->criterion);
	g_free(w->approver);
	g_free(w->expires);
	g_free(w->justification);
}

static gboolean
load_waiver(AccordWaiverList *self,
	    const xmlNode *node,
	    const gchar *name,
	    GHashTable *seen,
	    GError **error)
{
	AccordWaiver w = {0};

	w.country = accord_xml_get_prop(node, "country");
	w.ruleset = accord_xml_get_prop(node, "ruleset");
	w.criterion = accord_xml_get_prop(node, "criterion");
	w.approver = accord_xml_get_prop(node, "approver");
	w.expires = accord_xml_get_prop(node, "expires");
	w.justification = accord_xml_get_text(node);
	w.line = xmlGetLineNo(node);
	g_array_append_val(self->waivers, w);
	if (!accord_parse_date(w.expires, NULL)) {
		accord_xml_set_error(
		    error,
		    ACCORD_ERROR_VALUE,
		    name,
		    node,
		    "waiver of %s expires '%s', which is not a valid YYYY-MM-DD date",
		    w.criterion,
		    w.expires);
		return FALSE;
	}
	/* hashed on country, ruleset and criterion (no id holds a \x1f): 10^5 waivers are
	 * checked in milliseconds, not minutes; joined without printf, a tenth of the time of
	 * loading them */
	if (!g_hash_table_add(seen, g_strjoin("\x1f", w.country, w.ruleset, w.criterion, NULL))) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "criterion %s of %s is waived twice for %s",
				     w.criterion,
				     w.ruleset,
				     w.country);
		return FALSE;
	}
	return TRUE;
}

/**
 * accord_waiver_list_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @error: return location for an `ACCORD_ERROR`
 *
 * Loads waivers. Each needs a country, ruleset, criterion, approver, justification and an
 * expiry date (a waiver without one is a schema error); one criterion is waived once per
 * country and ruleset.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
AccordWaiverList *
accord_waiver_list_load_data(const gchar *data, gsize len, const gchar *name, GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordWaiverList) self = g_new0(AccordWaiverList, 1);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	g_return_val_if_fail(data != NULL, NULL);
	g_atomic_ref_count_init(&self->refcount);
	self->waivers = g_array_new(FALSE, TRUE, sizeof(AccordWaiver));
	g_array_set_clear_func(self->waivers, clear_waiver);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_load(data, len, name, ACCORD_SCHEMA_WAIVERS, error);
	if (doc == NULL)
		return NULL;
	for (xmlNode *n = accord_xml_first_element(xmlDocGetRootElement(doc)); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (!load_waiver(self, n, name, seen, error))
			return NULL;
	}
	return g_steal_pointer(&self);
}

/**
 * accord_waiver_list_load_file:
 * @path: a waivers XML file
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
AccordWaiverList *
accord_waiver_list_load_file(const gchar *path, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_waiver_list_load_data(data, len, path, error);
}

/**
 * accord_waiver_list_ref:
 * @self: a waiver list
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordWaiverList *
accord_waiver_list_ref(const AccordWaiverList *self)
{
	AccordWaiverList *mutable_self = (AccordWaiverList *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_waiver_list_unref:
 * @self: (nullable) (transfer full): a waiver list
 *
 * Drops one reference; the last one frees the list.
 */
void
accord_waiver_list_unref(AccordWaiverList *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_array_unref(self->waivers);
	g_free(self);
}

/**
 * accord_waiver_list_get_n_waivers:
 * @self: a waiver list
 *
 * Returns: how many waivers it holds
 */
guint
accord_waiver_list_get_n_waivers(const AccordWaiverList *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->waivers->len;
}

/**
 * accord_waiver_list_get_waiver:
 * @self: a waiver list
 * @index: from 0, in file order
 *
 * Returns: (transfer none): a waiver
 */
const AccordWaiver *
accord_waiver_list_get_waiver(const AccordWaiverList *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->waivers->len, NULL);
	return &g_array_index(self->waivers, AccordWaiver, index);
}

static AccordWaiverStatus
classify(const AccordWaiver *w,
	 const AccordCriterion *criterion,
	 const AccordEvaluation *eval,
	 const gchar *date)
{
	AccordOutcome outcome;

	if (criterion == NULL)
		return ACCORD_WAIVER_ORPHAN;
	/* dates are YYYY-MM-DD, so string order is date order; the expiry day itself is in force */
	if (g_strcmp0(w->expires, date) < 0)
		return ACCORD_WAIVER_LAPSED;
	outcome = accord_evaluation_get_result(eval, criterion)->outcome;
	if (outcome == ACCORD_OUTCOME_PASS || outcome == ACCORD_OUTCOME_NOT_APPLICABLE)
		return ACCORD_WAIVER_REDUNDANT;
	return ACCORD_WAIVER_APPLIED;
}

/**
 * accord_waivers_apply:
 * @list: waivers
 * @evaluation: the assessment of one country against one ruleset
 * @date: the day the waivers are checked on, YYYY-MM-DD
 * @error: return location for an `ACCORD_ERROR`
 *
 * Classifies every waiver for this country and ruleset (applied, redundant, lapsed, orphan;
 * waivers for other countries or rulesets are left out) and re-evaluates with the applied
 * ones counted as met. A lapsed waiver never counts.
 *
 * Returns: (transfer full) (nullable): the outcome, or %NULL with `ACCORD_ERROR_USAGE` for a
 *   malformed @date
 */
AccordWaiverOutcome *
accord_waivers_apply(const AccordWaiverList *list,
		     const AccordEvaluation *evaluation,
		     const gchar *date,
		     GError **error)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	const gchar *country =
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation));
	g_autoptr(GPtrArray) met = g_ptr_array_new();
	g_autoptr(GString) why = g_string_new("waived");
	AccordWaiverOutcome *self;

	g_return_val_if_fail(list != NULL && evaluation != NULL && date != NULL, NULL);
	if (!accord_parse_date(date, NULL)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "the date waivers are checked on must be YYYY-MM-DD, not '%s'",
			    date);
		return NULL;
	}
	self = g_new0(AccordWaiverOutcome, 1);
	self->list = accord_waiver_list_ref(list);
	self->date = g_strdup(date);
	self->uses = g_array_new(FALSE, TRUE, sizeof(AccordWaiverUse));
	for (guint i = 0; i < list->waivers->len; i++) {
		const AccordWaiver *w = &g_array_index(list->waivers, AccordWaiver, i);
		AccordWaiverUse use = {w, 0, NULL};

		if (g_strcmp0(w->country, country) != 0 ||
		    g_strcmp0(w->ruleset, accord_ruleset_get_id(rs)) != 0)
			continue;
		use.criterion = accord_ruleset_lookup_criterion(rs, w->criterion);
		use.status = classify(w, use.criterion, evaluation, date);
		if (use.status == ACCORD_WAIVER_APPLIED)
			g_ptr_array_add(met, (gpointer)use.criterion);
		g_array_append_val(self->uses, use);
	}
	/* a waiver accepts the criterion as met; it does not make its facts known */
	self->evaluation = accord_evaluation_new_with_met(evaluation, met, why->str, FALSE);
	return self;
}

/**
 * accord_waiver_outcome_free:
 * @self: (nullable) (transfer full): a waiver outcome
 */
void
accord_waiver_outcome_free(AccordWaiverOutcome *self)
{
	if (self == NULL)
		return;
	g_free(self->date);
	g_array_unref(self->uses);
	accord_evaluation_unref(self->evaluation);
	accord_waiver_list_unref(self->list);
	g_free(self);
}

/**
 * accord_waiver_outcome_get_date:
 * @self: a waiver outcome
 *
 * Returns: (transfer none): the day the waivers were checked on, `YYYY-MM-DD`
 */
const gchar *
accord_waiver_outcome_get_date(const AccordWaiverOutcome *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->date;
}

/**
 * accord_waiver_outcome_get_n_uses:
 * @self: a waiver outcome
 *
 * Returns: how many waivers are for the assessed country and ruleset
 */
guint
accord_waiver_outcome_get_n_uses(const AccordWaiverOutcome *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->uses->len;
}

/**
 * accord_waiver_outcome_get_use:
 * @self: a waiver outcome
 * @index: from 0, in file order
 *
 * Returns: (transfer none): how one waiver bears on the assessment
 */
const AccordWaiverUse *
accord_waiver_outcome_get_use(const AccordWaiverOutcome *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->uses->len, NULL);
	return &g_array_index(self->uses, AccordWaiverUse, index);
}

/**
 * accord_waiver_outcome_get_evaluation:
 * @self: a waiver outcome
 *
 * Returns: (transfer none) (nullable): the evaluation after the applied waivers, or %NULL
 *   once stolen
 */
const AccordEvaluation *
accord_waiver_outcome_get_evaluation(const AccordWaiverOutcome *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->evaluation;
}
