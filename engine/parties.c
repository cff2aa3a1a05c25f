#include "config.h"

#include "accord/error.h"
#include "accord/parties.h"
#include "util-private.h"
#include "xml-private.h"

typedef struct {
	gchar *ruleset;
	gchar *name;
	GArray *parties; /* AccordParty */
} Agreement;

struct _AccordParties {
	gatomicrefcount refcount;
	gchar *version;
	GStringChunk *strings;
	GArray *agreements;	/* Agreement */
	GPtrArray *sources;	/* AccordDatedSource*, owned */
	GHashTable *by_ruleset; /* ruleset id → index + 1 */
};

static void
clear_agreement(gpointer data)
{
	Agreement *a = data;

	g_free(a->ruleset);
	g_free(a->name);
	g_array_unref(a->parties);
}

static const gchar *
keep(AccordParties *self, gchar *owned)
{
	g_autofree gchar *text = owned;

	return text == NULL ? NULL : g_string_chunk_insert_const(self->strings, text);
}

/* <signed> or <in-force>: a date that must be a real day, with its source */
static gboolean
load_date(AccordParties *self,
	  const xmlNode *node,
	  const gchar *name,
	  const AccordDatedSource **out,
	  GError **error)
{
	AccordDatedSource *s = g_new0(AccordDatedSource, 1);

	g_ptr_array_add(self->sources, s);
	s->date = keep(self, accord_xml_get_prop(node, "date"));
	s->title = keep(self, accord_xml_get_prop(node, "title"));
	s->href = keep(self, accord_xml_get_prop(node, "href"));
	*out = s;
	if (accord_parse_date(s->date, NULL))
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_VALUE,
			     name,
			     node,
			     "'%s' is not a valid YYYY-MM-DD date",
			     s->date);
	return FALSE;
}

static gboolean
load_party(AccordParties *self,
	   Agreement *a,
	   const xmlNode *node,
	   const gchar *name,
	   GHashTable *seen,
	   GError **error)
{
	AccordParty p = {keep(self, accord_xml_get_prop(node, "country")), NULL, NULL, NULL};

	for (xmlNode *c = accord_xml_first_element(node); c != NULL;
	     c = accord_xml_next_element(c)) {
		if (accord_xml_is(c, "signed") && !load_date(self, c, name, &p.signed_on, error))
			return FALSE;
		if (accord_xml_is(c, "in-force") && !load_date(self, c, name, &p.in_force, error))
			return FALSE;
		if (accord_xml_is(c, "note"))
			p.note = keep(self, accord_xml_get_text(c));
	}
	g_array_append_val(a->parties, p);
	if (g_hash_table_add(seen, g_strconcat(a->ruleset, ":", p.country, NULL)))
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_DUPLICATE,
			     name,
			     node,
			     "%s is listed twice as a party of %s",
			     p.country,
			     a->ruleset);
	return FALSE;
}

static gboolean
load_agreement(AccordParties *self, const xmlNode *node, const gchar *name, GError **error)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	Agreement a = {accord_xml_get_prop(node, "ruleset"),
		       accord_xml_get_prop(node, "name"),
		       g_array_new(FALSE, TRUE, sizeof(AccordParty))};

	g_array_append_val(self->agreements, a);
	if (!g_hash_table_insert(self->by_ruleset,
				 a.ruleset,
				 GUINT_TO_POINTER(self->agreements->len))) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     name,
				     node,
				     "ruleset %s has two agreement entries",
				     a.ruleset);
		return FALSE;
	}
	for (xmlNode *c = accord_xml_first_element(node); c != NULL;
	     c = accord_xml_next_element(c)) {
		if (accord_xml_is(c, "party") && !load_party(self, &a, c, name, seen, error))
			return FALSE;
	}
	return TRUE;
}

/**
 * accord_parties_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @error: return location for an `ACCORD_ERROR`
 *
 * Loads a parties file: per agreement ruleset, each party with the date it signed and the
 * date the agreement entered into force for it, each date with its source. Dates must be
 * real days; a ruleset or a party listed twice is refused.
 *
 * Returns: (transfer full) (nullable): the parties, or %NULL with @error set
 */
AccordParties *
accord_parties_load_data(const gchar *data, gsize len, const gchar *name, GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordParties) self = g_new0(AccordParties, 1);
	xmlNode *root;

	g_return_val_if_fail(data != NULL, NULL);
	g_atomic_ref_count_init(&self->refcount);
	self->strings = g_string_chunk_new(4096);
	self->agreements = g_array_new(FALSE, TRUE, sizeof(Agreement));
	g_array_set_clear_func(self->agreements, clear_agreement);
	self->sources = g_ptr_array_new_with_free_func(g_free);
	self->by_ruleset = g_hash_table_new(g_str_hash, g_str_equal);
	name = name != NULL ? name : "<memory>";
	doc = accord_xml_load(data, len, name, ACCORD_SCHEMA_PARTIES, error);
	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	self->version = accord_xml_get_prop(root, "version");
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (!load_agreement(self, n, name, error))
			return NULL;
	}
	return g_steal_pointer(&self);
}

/**
 * accord_parties_load_file:
 * @path: a parties XML file
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the parties, or %NULL with @error set
 */
AccordParties *
accord_parties_load_file(const gchar *path, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_parties_load_data(data, len, path, error);
}

/**
 * accord_parties_ref:
 * @self: parties
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordParties *
accord_parties_ref(const AccordParties *self)
{
	AccordParties *mutable_self = (AccordParties *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_parties_unref:
 * @self: (nullable) (transfer full): parties
 *
 * Drops one reference; the last one frees them.
 */
void
accord_parties_unref(AccordParties *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_hash_table_unref(self->by_ruleset);
	g_array_unref(self->agreements);
	g_ptr_array_unref(self->sources);
	g_string_chunk_free(self->strings);
	g_free(self->version);
	g_free(self);
}

/**
 * accord_parties_get_version:
 * @self: parties
 *
 * Returns: (transfer none): the file's version (the date it was researched)
 */
const gchar *
accord_parties_get_version(const AccordParties *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->version;
}

/**
 * accord_parties_get_n_agreements:
 * @self: parties
 *
 * Returns: how many agreements the file lists
 */
guint
accord_parties_get_n_agreements(const AccordParties *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->agreements->len;
}

static const Agreement *
agreement(const AccordParties *self, guint index)
{
	return &g_array_index(self->agreements, Agreement, index);
}

/**
 * accord_parties_get_ruleset:
 * @self: parties
 * @index: an agreement, from 0 in file order
 *
 * Returns: (transfer none): the id of the ruleset that scores the agreement
 */
const gchar *
accord_parties_get_ruleset(const AccordParties *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->agreements->len, NULL);
	return agreement(self, index)->ruleset;
}

/**
 * accord_parties_get_name:
 * @self: parties
 * @index: an agreement
 *
 * Returns: (transfer none): the agreement's name
 */
const gchar *
accord_parties_get_name(const AccordParties *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->agreements->len, NULL);
	return agreement(self, index)->name;
}

/**
 * accord_parties_has_ruleset:
 * @self: parties
 * @ruleset: a ruleset id
 *
 * Returns: %TRUE when the file lists the agreement the ruleset scores
 */
gboolean
accord_parties_has_ruleset(const AccordParties *self, const gchar *ruleset)
{
	g_return_val_if_fail(self != NULL && ruleset != NULL, FALSE);
	return g_hash_table_contains(self->by_ruleset, ruleset);
}

/**
 * accord_parties_get_n_parties:
 * @self: parties
 * @index: an agreement
 *
 * Returns: how many parties it lists
 */
guint
accord_parties_get_n_parties(const AccordParties *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->agreements->len, 0);
	return agreement(self, index)->parties->len;
}

/**
 * accord_parties_get_party:
 * @self: parties
 * @index: an agreement
 * @party: a party of it, from 0 in file order
 *
 * Returns: (transfer none): the party
 */
const AccordParty *
accord_parties_get_party(const AccordParties *self, guint index, guint party)
{
	g_return_val_if_fail(self != NULL && index < self->agreements->len, NULL);
	g_return_val_if_fail(party < agreement(self, index)->parties->len, NULL);
	return &g_array_index(agreement(self, index)->parties, AccordParty, party);
}

/**
 * accord_parties_is_bound:
 * @self: parties
 * @ruleset: the id of an agreement's ruleset
 * @country: a country code
 * @date: a day, YYYY-MM-DD
 *
 * Returns: %TRUE when @country is a party of the agreement and it had entered into force for
 *   it on or before @date (YYYY-MM-DD dates order as text)
 */
gboolean
accord_parties_is_bound(const AccordParties *self,
			const gchar *ruleset,
			const gchar *country,
			const gchar *date)
{
	guint index;
	const Agreement *a;

	g_return_val_if_fail(self != NULL && ruleset != NULL && country != NULL, FALSE);
	index = GPOINTER_TO_UINT(g_hash_table_lookup(self->by_ruleset, ruleset));
	if (index == 0)
		return FALSE;
	a = agreement(self, index - 1);
	for (guint i = 0; i < a->parties->len; i++) {
		const AccordParty *p = &g_array_index(a->parties, AccordParty, i);

		if (g_strcmp0(p->country, country) == 0)
			return p->in_force != NULL && g_strcmp0(p->in_force->date, date) <= 0;
	}
	return FALSE;
}
