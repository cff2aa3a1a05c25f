#include "config.h"

#include "accord/error.h"
#include "accord/profile.h"
#include "profile-private.h"
#include "util-private.h"
#include "vocabulary-private.h"
#include "xml-private.h"

struct _AccordEvidence {
	gchar *title;
	gchar *href;
	gchar *date;
	gchar *expires; /* YYYY-MM-DD, or NULL: the last day it counts */
};

struct _AccordProfileFact {
	const AccordFactDef *def;
	AccordValue value;
	gchar *text;
	AccordConfidence confidence;
	gchar *note;
	GPtrArray *evidence;	  /* AccordEvidence*, owned */
	gboolean assumed;	  /* stated by a what-if assumption, not by the file */
	gchar *was;		  /* for an assumed fact: the value the file stated, or NULL */
	AccordDropReason dropped; /* why a filtered profile does not count it */
};

struct _AccordIndexFigure {
	gchar *name;
	gdouble value;
	guint rank;
	gchar *source;
};

struct _AccordProfile {
	gatomicrefcount refcount;
	AccordVocabulary *vocab;
	gchar *filename;
	gchar *country;
	gchar *name;
	gchar *as_of;
	gchar *id; /* the id attribute, or the country and as-of date joined by '@' */
	gchar *note;
	GPtrArray *facts; /* AccordProfileFact*, sorted by key */
	/* by the vocabulary's fact index: evaluation finds a fact without hashing its key */
	AccordProfileFact **by_def;
	GPtrArray *figures;
	GPtrArray *dropped; /* AccordProfileFact*, sorted by key: stated but not counted */
	GHashTable *dropped_index;
	gboolean filtered;
	gboolean expiring;	    /* some evidence has an expires date */
	AccordProfileFilter filter; /* when filtered; its date points at filter_date */
	gchar *filter_date;
};

static const gchar *confidence_names[] = {"low", "medium", "high"};
static const gchar *const drop_names[] = {"none", "below-floor", "stale", "expired"};

/**
 * accord_confidence_to_string:
 * @confidence: a confidence level
 *
 * Returns: (transfer none): its name, as profile files write it: low, medium or high
 */
const gchar *
accord_confidence_to_string(AccordConfidence confidence)
{
	g_return_val_if_fail(confidence <= ACCORD_CONFIDENCE_HIGH, NULL);
	return confidence_names[confidence];
}

/**
 * accord_confidence_from_string:
 * @text: (nullable): a confidence name
 * @confidence: (out): the level
 *
 * Returns: %TRUE when @text is low, medium or high
 */
gboolean
accord_confidence_from_string(const gchar *text, AccordConfidence *confidence)
{
	for (guint i = 0; i < G_N_ELEMENTS(confidence_names); i++) {
		if (g_strcmp0(text, confidence_names[i]) == 0) {
			*confidence = (AccordConfidence)i;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_drop_reason_to_string:
 * @reason: why a fact does not count
 *
 * Returns: (transfer none): its name: none, below-floor, stale or expired
 */
const gchar *
accord_drop_reason_to_string(AccordDropReason reason)
{
	g_return_val_if_fail(reason < G_N_ELEMENTS(drop_names), NULL);
	return drop_names[reason];
}

static void
evidence_free(AccordEvidence *evidence)
{
	g_free(evidence->title);
	g_free(evidence->href);
	g_free(evidence->date);
	g_free(evidence->expires);
	g_free(evidence);
}

static void
fact_free(AccordProfileFact *fact)
{
	g_free(fact->text);
	g_free(fact->note);
	g_free(fact->was);
	g_ptr_array_unref(fact->evidence);
	g_free(fact);
}

static void
figure_free(AccordIndexFigure *figure)
{
	g_free(figure->name);
	g_free(figure->source);
	g_free(figure);
}

static AccordProfile *
profile_new(const AccordVocabulary *vocab, const gchar *filename)
{
	AccordProfile *self = g_new0(AccordProfile, 1);

	g_atomic_ref_count_init(&self->refcount);
	self->vocab = accord_vocabulary_ref(vocab);
	self->filename = g_strdup(filename);
	self->facts = g_ptr_array_new_with_free_func((GDestroyNotify)fact_free);
	self->by_def = g_new0(AccordProfileFact *, accord_vocabulary_get_n_facts(vocab));
	self->figures = g_ptr_array_new_with_free_func((GDestroyNotify)figure_free);
	self->dropped = g_ptr_array_new_with_free_func((GDestroyNotify)fact_free);
	self->dropped_index = g_hash_table_new(g_str_hash, g_str_equal);
	return self;
}

/* The builder: what the DOM loader and the streamed reader (profile-sax.c) both call, with
 * the strings of each element's attributes (owned, freed here), in document order. @node is
 * for the line of an error; the streamed reader gives none, and on any error the profile is
 * loaded again through the DOM, whose error is the one reported. */

/**
 * accord_profile_builder_new:
 * @vocab: the vocabulary
 * @name: the file name errors use
 *
 * Returns: (transfer full): an empty profile to fill
 */
AccordProfile *
accord_profile_builder_new(const AccordVocabulary *vocab, const gchar *name)
{
	return profile_new(vocab, name);
}

/**
 * accord_profile_builder_set_header:
 * @self: a profile being built
 * @node: (nullable): the element, for the line of an error
 * @country: (transfer full): the attributes of `<profile>` (the schema requires the first three)
 * @name: (transfer full):
 * @as_of: (transfer full):
 * @id: (transfer full) (nullable): without one, country@as-of
 * @error: return location for an `ACCORD_ERROR`
 */
gboolean
accord_profile_builder_set_header(AccordProfile *self,
				  const xmlNode *node,
				  gchar *country,
				  gchar *name,
				  gchar *as_of,
				  gchar *id,
				  GError **error)
{
	self->country = country;
	self->name = name;
	self->as_of = as_of;
	self->id = id != NULL ? id : g_strconcat(country, "@", as_of, NULL);
	if (accord_parse_date(as_of, NULL))
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_VALUE,
			     self->filename,
			     node,
			     "as-of '%s' is not a valid YYYY-MM-DD date",
			     as_of);
	return FALSE;
}

/**
 * accord_profile_builder_set_note:
 * @self: a profile being built
 * @fact: (nullable): the fact the note qualifies; %NULL for the profile's note
 * @text: (transfer full): the note's text, white space as in the file
 */
void
accord_profile_builder_set_note(AccordProfile *self, AccordProfileFact *fact, gchar *text)
{
	gchar **note = fact != NULL ? &fact->note : &self->note;

	g_free(*note);
	*note = accord_normalize_space(text);
	g_free(text);
}

/**
 * accord_profile_builder_put_figure:
 * @self: a profile being built
 * @name: (transfer full): the figure's name
 * @value: its value, already read
 * @rank: its rank, 0 for none
 * @source: (transfer full) (nullable): its source
 *
 * Returns: (transfer none): the figure added
 */
AccordIndexFigure *
accord_profile_builder_put_figure(AccordProfile *self,
				  gchar *name,
				  gdouble value,
				  guint rank,
				  gchar *source)
{
	AccordIndexFigure *figure = g_new0(AccordIndexFigure, 1);

	*figure = (AccordIndexFigure){name, value, rank, source};
	g_ptr_array_add(self->figures, figure);
	return figure;
}

/**
 * accord_profile_builder_add_figure:
 * @self: a profile being built
 * @node: (nullable): the element, for the line of an error
 * @name: (transfer full) (nullable): the attributes of `<index>`
 * @value: (transfer full) (nullable):
 * @rank: (transfer full) (nullable):
 * @source: (transfer full) (nullable):
 * @error: return location for an `ACCORD_ERROR`
 */
gboolean
accord_profile_builder_add_figure(AccordProfile *self,
				  const xmlNode *node,
				  gchar *name,
				  gchar *value,
				  gchar *rank,
				  gchar *source,
				  GError **error)
{
	AccordIndexFigure *figure = accord_profile_builder_put_figure(
	    self,
	    name,
	    0,
	    rank != NULL ? (guint)g_ascii_strtoull(rank, NULL, 10) : 0,
	    source);
	g_autofree gchar *owned_value = value;
	g_autofree gchar *owned_rank = rank;

	if (accord_parse_number(value, &figure->value))
		return TRUE;
	accord_xml_set_error(error,
			     ACCORD_ERROR_VALUE,
			     self->filename,
			     node,
			     "index '%s' value '%s' is not a finite decimal number",
			     figure->name,
			     value);
	return FALSE;
}

/**
 * accord_profile_builder_add_fact:
 * @self: a profile being built
 * @node: (nullable): the element, for the line of an error
 * @key: (transfer full) (nullable): the attributes of `<fact>`
 * @value: (transfer full) (nullable):
 * @confidence: (transfer full) (nullable):
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer none) (nullable): the fact, to add evidence and a note to, or %NULL with
 *   @error set: a fact stated twice or not in the vocabulary, or a value not of its type
 */
AccordProfileFact *
accord_profile_builder_add_fact(AccordProfile *self,
				const xmlNode *node,
				gchar *key,
				gchar *value,
				gchar *confidence,
				GError **error)
{
	g_autofree gchar *owned_key = key;
	g_autofree gchar *owned_confidence = confidence;
	g_autoptr(GError) local = NULL;
	const AccordFactDef *def = accord_vocabulary_lookup_fact(self->vocab, key);
	AccordProfileFact *fact;

	if (def != NULL && self->by_def[def->index] != NULL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_DUPLICATE,
				     self->filename,
				     node,
				     "fact '%s' is stated twice",
				     key);
		g_free(value);
		return NULL;
	}
	fact = g_new0(AccordProfileFact, 1);
	fact->evidence = g_ptr_array_new_with_free_func((GDestroyNotify)evidence_free);
	fact->text = value;
	fact->def = def;
	g_ptr_array_add(self->facts, fact);
	if (def == NULL) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_REFERENCE,
				     self->filename,
				     node,
				     "fact '%s' is not defined in the vocabulary",
				     key);
		return NULL;
	}
	self->by_def[def->index] = fact;
	/* the schema allows only the three names */
	accord_confidence_from_string(confidence, &fact->confidence);
	if (accord_value_parse(def, fact->text, &fact->value, &local))
		return fact;
	accord_xml_set_error(error, local->code, self->filename, node, "%s", local->message);
	return NULL;
}

/**
 * accord_profile_builder_add_evidence:
 * @self: a profile being built
 * @node: (nullable): the element, for the line of an error
 * @fact: the fact it backs
 * @title: (transfer full) (nullable): the attributes of `<evidence>`
 * @href: (transfer full) (nullable):
 * @date: (transfer full) (nullable):
 * @expires: (transfer full) (nullable):
 * @error: return location for an `ACCORD_ERROR`
 */
gboolean
accord_profile_builder_add_evidence(AccordProfile *self,
				    const xmlNode *node,
				    AccordProfileFact *fact,
				    gchar *title,
				    gchar *href,
				    gchar *date,
				    gchar *expires,
				    GError **error)
{
	AccordEvidence *evidence = g_new0(AccordEvidence, 1);

	evidence->title = title;
	evidence->href = href;
	evidence->date = date;
	evidence->expires = expires;
	g_ptr_array_add(fact->evidence, evidence);
	if (!accord_parse_partial_date(date)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     self->filename,
				     node,
				     "evidence date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD",
				     date);
		return FALSE;
	}
	if (expires == NULL)
		return TRUE;
	self->expiring = TRUE;
	if (!accord_parse_date(expires, NULL)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     self->filename,
				     node,
				     "evidence expires '%s', which is not a valid YYYY-MM-DD date",
				     expires);
		return FALSE;
	}
	/* text order puts a year before its months and days, so "2024-01-01" is not before
	 * "2024": evidence may expire in the year or month it is dated */
	if (g_strcmp0(expires, date) < 0) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_VALUE,
				     self->filename,
				     node,
				     "evidence expires on %s, before its date %s",
				     expires,
				     date);
		return FALSE;
	}
	return TRUE;
}

static gint
compare_facts(gconstpointer a, gconstpointer b)
{
	const AccordProfileFact *x = *(const AccordProfileFact *const *)a;
	const AccordProfileFact *y = *(const AccordProfileFact *const *)b;

	return g_strcmp0(accord_fact_def_get_key(x->def), accord_fact_def_get_key(y->def));
}

/**
 * accord_profile_builder_finish:
 * @self: a profile whose every element was added
 */
void
accord_profile_builder_finish(AccordProfile *self)
{
	g_ptr_array_sort(self->facts, compare_facts);
}

static gchar *
content_of(const xmlNode *node)
{
	xmlChar *content = xmlNodeGetContent(node);
	gchar *text = g_strdup(content != NULL ? (const gchar *)content : "");

	xmlFree(content);
	return text;
}

static gboolean
load_fact(AccordProfile *self, const xmlNode *node, GError **error)
{
	AccordProfileFact *fact =
	    accord_profile_builder_add_fact(self,
					    node,
					    accord_xml_get_prop(node, "key"),
					    accord_xml_get_prop(node, "value"),
					    accord_xml_get_prop(node, "confidence"),
					    error);

	if (fact == NULL)
		return FALSE;
	for (xmlNode *n = accord_xml_first_element(node); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, "note"))
			accord_profile_builder_set_note(self, fact, content_of(n));
		else if (!accord_profile_builder_add_evidence(self,
							      n,
							      fact,
							      accord_xml_get_prop(n, "title"),
							      accord_xml_get_prop(n, "href"),
							      accord_xml_get_prop(n, "date"),
							      accord_xml_get_prop(n, "expires"),
							      error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
load_document(AccordProfile *self, const xmlNode *root, GError **error)
{
	if (!accord_profile_builder_set_header(self,
					       root,
					       accord_xml_get_prop(root, "country"),
					       accord_xml_get_prop(root, "name"),
					       accord_xml_get_prop(root, "as-of"),
					       accord_xml_get_prop(root, "id"),
					       error))
		return FALSE;
	for (xmlNode *n = accord_xml_first_element(root); n != NULL;
	     n = accord_xml_next_element(n)) {
		gboolean ok = TRUE;

		if (accord_xml_is(n, "note"))
			accord_profile_builder_set_note(self, NULL, content_of(n));
		else if (accord_xml_is(n, "index"))
			ok = accord_profile_builder_add_figure(self,
							       n,
							       accord_xml_get_prop(n, "name"),
							       accord_xml_get_prop(n, "value"),
							       accord_xml_get_prop(n, "rank"),
							       accord_xml_get_prop(n, "source"),
							       error);
		else
			ok = load_fact(self, n, error);
		if (!ok)
			return FALSE;
	}
	accord_profile_builder_finish(self);
	return TRUE;
}

/**
 * accord_profile_load_data:
 * @data: the XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @vocab: (transfer none): the vocabulary that defines every stated fact
 * @error: return location for an `ACCORD_ERROR`
 *
 * Parses (hardened), validates against the profile schema, and checks that every fact is
 * defined once, with a value of its declared type and dated evidence.
 *
 * Returns: (transfer full) (nullable): an immutable profile, or %NULL with @error set
 */
AccordProfile *
accord_profile_load_data(const gchar *data,
			 gsize len,
			 const gchar *name,
			 const AccordVocabulary *vocab,
			 GError **error)
{
	return accord_profile_load_data_checked(data, len, name, vocab, FALSE, error);
}

/* @always_schema: run the RELAX NG validator on every profile, as the differential test of
 * schema-check.c does */
AccordProfile *
accord_profile_load_data_checked(const gchar *data,
				 gsize len,
				 const gchar *name,
				 const AccordVocabulary *vocab,
				 gboolean always_schema,
				 GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	g_autoptr(AccordProfile) self = NULL;

	g_return_val_if_fail(data != NULL && vocab != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	/* a valid profile in the forms the streamed reader decides is read without a tree;
	 * anything else is parsed into one, checked and loaded, with its error */
	if (!always_schema && (self = accord_profile_read_streamed(data, len, name, vocab)) != NULL)
		return g_steal_pointer(&self);
	doc = accord_xml_parse(data, len, name, error);
	if (doc == NULL)
		return NULL;
	/* the RELAX NG validator decides, with its error, whatever the quick check does not
	 * accept (schema-check.c) */
	if (!(always_schema ? accord_xml_validate_schema
			    : accord_xml_validate)(doc, ACCORD_SCHEMA_PROFILE, name, error))
		return NULL;
	self = profile_new(vocab, name);
	if (!load_document(self, xmlDocGetRootElement(doc), error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_profile_load_file:
 * @path: a profile XML file
 * @vocab: (transfer none): the vocabulary that defines every stated fact
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads @path and loads it as accord_profile_load_data() does.
 *
 * Returns: (transfer full) (nullable): an immutable profile, or %NULL with @error set
 */
AccordProfile *
accord_profile_load_file(const gchar *path, const AccordVocabulary *vocab, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize len = 0;

	g_return_val_if_fail(path != NULL && vocab != NULL, NULL);
	if (!accord_xml_read_file(path, &data, &len, error))
		return NULL;
	return accord_profile_load_data(data, len, path, vocab, error);
}

/**
 * accord_profile_ref:
 * @self: a profile
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordProfile *
accord_profile_ref(const AccordProfile *self)
{
	AccordProfile *mutable_self = (AccordProfile *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_profile_unref:
 * @self: (nullable) (transfer full): a profile
 *
 * Drops one reference; the last one frees the profile.
 */
void
accord_profile_unref(AccordProfile *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_free(self->by_def);
	g_hash_table_unref(self->dropped_index);
	g_ptr_array_unref(self->facts);
	g_ptr_array_unref(self->dropped);
	g_ptr_array_unref(self->figures);
	g_free(self->filter_date);
	accord_vocabulary_unref(self->vocab);
	g_free(self->filename);
	g_free(self->country);
	g_free(self->name);
	g_free(self->as_of);
	g_free(self->id);
	g_free(self->note);
	g_free(self);
}

static AccordEvidence *
evidence_copy(const AccordEvidence *src)
{
	AccordEvidence *copy = g_new0(AccordEvidence, 1);

	copy->title = g_strdup(src->title);
	copy->href = g_strdup(src->href);
	copy->date = g_strdup(src->date);
	copy->expires = g_strdup(src->expires);
	return copy;
}

static AccordProfileFact *
fact_copy(const AccordProfileFact *src)
{
	AccordProfileFact *copy = g_new0(AccordProfileFact, 1);

	*copy = *src;
	copy->text = g_strdup(src->text);
	copy->note = g_strdup(src->note);
	copy->was = g_strdup(src->was);
	copy->evidence = g_ptr_array_new_with_free_func((GDestroyNotify)evidence_free);
	for (guint i = 0; i < src->evidence->len; i++)
		g_ptr_array_add(copy->evidence, evidence_copy(g_ptr_array_index(src->evidence, i)));
	return copy;
}

static void
add_fact(AccordProfile *self, AccordProfileFact *fact)
{
	g_ptr_array_add(self->facts, fact);
	self->by_def[fact->def->index] = fact;
}

static void
add_dropped(AccordProfile *self, AccordProfileFact *fact)
{
	g_ptr_array_add(self->dropped, fact);
	g_hash_table_insert(self->dropped_index,
			    (gpointer)accord_fact_def_get_key(fact->def),
			    fact);
}

/* the profile without its facts (but with the facts a filter dropped and the filter), and
 * with no room for any when @facts is FALSE */
static AccordProfile *
header_copy(const AccordProfile *base, gboolean facts)
{
	AccordProfile *self = profile_new(base->vocab, base->filename);

	if (!facts)
		g_clear_pointer(&self->by_def, g_free);

	self->country = g_strdup(base->country);
	self->name = g_strdup(base->name);
	self->as_of = g_strdup(base->as_of);
	self->id = g_strdup(base->id);
	self->note = g_strdup(base->note);
	for (guint i = 0; i < base->figures->len; i++) {
		const AccordIndexFigure *src = g_ptr_array_index(base->figures, i);
		AccordIndexFigure *figure = g_new0(AccordIndexFigure, 1);

		*figure = *src;
		figure->name = g_strdup(src->name);
		figure->source = g_strdup(src->source);
		g_ptr_array_add(self->figures, figure);
	}
	for (guint i = 0; i < base->dropped->len; i++)
		add_dropped(self, fact_copy(g_ptr_array_index(base->dropped, i)));
	self->filtered = base->filtered;
	self->expiring = base->expiring;
	self->filter = base->filter;
	self->filter_date = g_strdup(base->filter_date);
	self->filter.date = self->filter_date;
	return self;
}

static void
add_fact_copy(AccordProfile *self, const AccordProfileFact *src)
{
	add_fact(self, fact_copy(src));
}

static AccordProfile *
profile_copy(const AccordProfile *base)
{
	AccordProfile *self = header_copy(base, TRUE);

	for (guint i = 0; i < base->facts->len; i++)
		add_fact_copy(self, g_ptr_array_index(base->facts, i));
	return self;
}

/**
 * accord_profile_new_summary:
 * @base: a profile
 * @assumed_only: keep the facts assumed by a what-if assumption; %FALSE to keep none
 *
 * Copies what a ranking shows of a profile, so it need not keep the profile: the identity,
 * name, dates and index figures, and the assumed facts when asked (#AccordRankRow).
 *
 * Returns: (transfer full): the copy
 */
AccordProfile *
accord_profile_new_summary(const AccordProfile *base, gboolean assumed_only)
{
	AccordProfile *self = header_copy(base, assumed_only);

	for (guint i = 0; assumed_only && i < base->facts->len; i++) {
		const AccordProfileFact *fact = g_ptr_array_index(base->facts, i);

		if (fact->assumed)
			add_fact_copy(self, fact);
	}
	return self;
}

/* " (did you mean 'KEY'?)" for the vocabulary key nearest to a mistyped one, or "" */
static gchar *
nearest_key(const AccordVocabulary *vocab, const gchar *key)
{
	guint n = accord_vocabulary_get_n_facts(vocab);
	g_autofree const gchar **keys = g_new(const gchar *, n);
	const gchar *nearest;

	for (guint i = 0; i < n; i++)
		keys[i] = accord_fact_def_get_key(accord_vocabulary_get_fact(vocab, i));
	nearest = accord_nearest_word(key, keys, n);
	return nearest != NULL ? g_strdup_printf(" (did you mean '%s'?)", nearest) : g_strdup("");
}

/* one KEY=VALUE: the fact must be defined and the value of its type, as in a profile file */
static gboolean
apply_assumption(AccordProfile *self, const gchar *assumption, GError **error)
{
	g_auto(GStrv) parts = g_strsplit(assumption, "=", 2);
	g_autoptr(GError) local = NULL;
	AccordProfileFact *fact;
	const AccordFactDef *def;
	AccordValue value;

	if (parts[0] == NULL || parts[1] == NULL || parts[0][0] == '\0' || parts[1][0] == '\0') {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--assume '%s' is not KEY=VALUE",
			    assumption);
		return FALSE;
	}
	def = accord_vocabulary_lookup_fact(self->vocab, parts[0]);
	if (def == NULL) {
		g_autofree gchar *hint = nearest_key(self->vocab, parts[0]);

		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_REFERENCE,
			    "--assume %s: fact '%s' is not defined in the vocabulary%s",
			    assumption,
			    parts[0],
			    hint);
		return FALSE;
	}
	if (!accord_value_parse(def, parts[1], &value, &local)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    local->code,
			    "--assume %s: %s",
			    assumption,
			    local->message);
		return FALSE;
	}
	fact = self->by_def[def->index];
	if (fact == NULL) {
		fact = g_new0(AccordProfileFact, 1);
		fact->def = def;
		fact->evidence = g_ptr_array_new_with_free_func((GDestroyNotify)evidence_free);
		g_ptr_array_add(self->facts, fact);
		self->by_def[def->index] = fact;
	} else if (!fact->assumed) {
		fact->was = g_strdup(fact->text);
	}
	g_free(fact->text);
	fact->text = g_strdup(parts[1]);
	fact->value = value;
	fact->assumed = TRUE;
	fact->confidence = ACCORD_CONFIDENCE_LOW;
	g_clear_pointer(&fact->note, g_free);
	fact->note =
	    g_strdup("assumed for a what-if evaluation (--assume), not stated by the profile");
	g_ptr_array_set_size(fact->evidence, 0);
	g_ptr_array_add(fact->evidence,
			evidence_copy(&(AccordEvidence){"what-if assumption", NULL, self->as_of}));
	return TRUE;
}

/**
 * accord_profile_new_with_assumptions:
 * @base: a profile
 * @assumptions: (array zero-terminated=1): `KEY=VALUE` strings, applied in order
 * @error: return location for an `ACCORD_ERROR`
 *
 * Copies @base as if it stated each assumed value: the basis of what-if evaluation. Assumed
 * facts are marked (accord_profile_fact_is_assumed()), keep the value the file stated, and
 * have low confidence.
 *
 * Returns: (transfer full) (nullable): the new profile, or %NULL with `ACCORD_ERROR_USAGE`
 *   (not KEY=VALUE), `ACCORD_ERROR_REFERENCE` (undefined fact), or `ACCORD_ERROR_TYPE` /
 *   `ACCORD_ERROR_VALUE` (a value the fact cannot take)
 */
AccordProfile *
accord_profile_new_with_assumptions(const AccordProfile *base,
				    const gchar *const *assumptions,
				    GError **error)
{
	g_autoptr(AccordProfile) self = NULL;

	g_return_val_if_fail(base != NULL && assumptions != NULL, NULL);
	self = profile_copy(base);
	for (guint i = 0; assumptions[i] != NULL; i++) {
		if (!apply_assumption(self, assumptions[i], error))
			return NULL;
	}
	g_ptr_array_sort(self->facts, compare_facts);
	return g_steal_pointer(&self);
}

/**
 * accord_profile_filter_init:
 * @filter: a filter to fill
 *
 * Sets the filter that keeps every fact: no confidence floor, no age limit, today's date.
 * Expired evidence still does not count.
 */
void
accord_profile_filter_init(AccordProfileFilter *filter)
{
	g_return_if_fail(filter != NULL);
	filter->min_confidence = ACCORD_CONFIDENCE_LOW;
	filter->max_age_years = 0;
	filter->date = NULL;
}

/* the day ages and expiry are measured on, and the last day evidence may be dated and
 * still be young enough (0 without a limit, or when the limit reaches before year 1) */
typedef struct {
	const gchar *day;
	guint32 oldest;
} Limits;

static gboolean
limits_init(Limits *limits, const AccordProfileFilter *filter, const gchar *day, GError **error)
{
	guint32 julian = 0;
	GDate date;

	limits->day = day;
	limits->oldest = 0;
	if (!accord_parse_date(day, &julian)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "the day facts are aged on, '%s', is not a valid YYYY-MM-DD date",
			    day);
		return FALSE;
	}
	g_date_clear(&date, 1);
	g_date_set_julian(&date, julian);
	/* whole years back, so 2026-11-29 less 5 years is 2021-11-29 and a 29 February falls
	 * back to the 28th */
	if (filter->max_age_years > 0 && filter->max_age_years < g_date_get_year(&date)) {
		g_date_subtract_years(&date, filter->max_age_years);
		limits->oldest = g_date_get_julian(&date);
	}
	return TRUE;
}

static gboolean
has_expired(const AccordEvidence *evidence, const Limits *limits)
{
	return evidence->expires != NULL && g_strcmp0(evidence->expires, limits->day) < 0;
}

/* why @fact does not count: expiry first, then the confidence floor, then age (of the
 * newest evidence that has not expired). An assumed fact always counts: it is what the
 * caller asked to evaluate */
static AccordDropReason
drop_reason(const AccordProfileFact *fact, const AccordProfileFilter *filter, const Limits *limits)
{
	guint32 newest = 0;
	guint current = 0;

	if (fact->assumed)
		return ACCORD_DROP_NONE;
	for (guint i = 0; i < fact->evidence->len; i++) {
		const AccordEvidence *e = g_ptr_array_index(fact->evidence, i);
		guint32 last = 0;

		if (has_expired(e, limits))
			continue;
		current++;
		/* dates were checked when the profile was loaded */
		accord_partial_date_last_day(e->date, &last);
		newest = MAX(newest, last);
	}
	if (current == 0)
		return ACCORD_DROP_EXPIRED;
	if (fact->confidence < filter->min_confidence)
		return ACCORD_DROP_BELOW_FLOOR;
	return limits->oldest != 0 && newest < limits->oldest ? ACCORD_DROP_STALE
							      : ACCORD_DROP_NONE;
}

/* the copy of @src that a filtered profile keeps, with the reason it does not count; it keeps
 * the evidence that has not expired, or all of it when all has expired, to show what did */
static AccordProfileFact *
filtered_fact(const AccordProfileFact *src, const AccordProfileFilter *filter, const Limits *limits)
{
	AccordProfileFact *fact = fact_copy(src);

	fact->dropped = drop_reason(src, filter, limits);
	for (guint i = fact->evidence->len; fact->dropped != ACCORD_DROP_EXPIRED && i > 0; i--) {
		if (has_expired(g_ptr_array_index(fact->evidence, i - 1), limits))
			g_ptr_array_remove_index(fact->evidence, i - 1);
	}
	return fact;
}

/**
 * accord_profile_new_filtered:
 * @base: a profile
 * @filter: which facts count
 * @error: return location for an `ACCORD_ERROR`
 *
 * Copies @base keeping only the facts that count under @filter, measured on its day: evidence
 * past its `expires` date is left out, and a fact is dropped when all of its evidence has
 * expired, when its confidence is below the floor, or when its newest evidence is older than
 * the maximum age. A partial evidence date counts as its last day (`2021` as 2021-12-31), so a
 * fact is stale only when every day its date allows is before the day less the maximum age in
 * whole years. Dropped facts are unknown to evaluation; the copy lists them, with the reason
 * (accord_profile_get_dropped()), and records the filter (accord_profile_get_filter()). Every
 * fact keeps only its evidence that has not expired, but for one that drops because all of
 * its evidence has.
 *
 * When the filter keeps every fact as it is (no floor, no age limit, no evidence with an
 * `expires` date), the result is @base itself, with one more reference, and records no
 * filter.
 *
 * Returns: (transfer full) (nullable): the filtered profile, or %NULL with `ACCORD_ERROR_USAGE`
 *   when the filter's date is not a valid day
 */
AccordProfile *
accord_profile_new_filtered(const AccordProfile *base,
			    const AccordProfileFilter *filter,
			    GError **error)
{
	g_autoptr(AccordProfile) self = NULL;
	g_autofree gchar *day = NULL;
	Limits limits;

	g_return_val_if_fail(base != NULL && filter != NULL, NULL);
	if (filter->date != NULL) {
		day = g_strdup(filter->date);
	} else {
		g_autoptr(GDateTime) now = g_date_time_new_now_local();
		day = g_date_time_format(now, "%Y-%m-%d");
	}
	if (!limits_init(&limits, filter, day, error))
		return NULL;
	/* a filter that keeps every fact as it is needs no copy: a rank makes one assessment per
	 * country and ruleset */
	if (filter->min_confidence == ACCORD_CONFIDENCE_LOW && limits.oldest == 0 &&
	    !base->expiring && base->dropped->len == 0)
		return accord_profile_ref(base);
	self = header_copy(base, TRUE);
	self->filtered = TRUE;
	self->filter = *filter;
	g_free(self->filter_date);
	self->filter_date = g_steal_pointer(&day);
	self->filter.date = self->filter_date;
	limits.day = self->filter_date;
	for (guint i = 0; i < base->facts->len; i++) {
		AccordProfileFact *fact =
		    filtered_fact(g_ptr_array_index(base->facts, i), filter, &limits);

		if (fact->dropped != ACCORD_DROP_NONE)
			add_dropped(self, fact);
		else
			add_fact(self, fact);
	}
	g_ptr_array_sort(self->dropped, compare_facts);
	return g_steal_pointer(&self);
}

/**
 * accord_profile_get_filter:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): the filter the profile was made with
 *   (accord_profile_new_filtered()), its date filled in; %NULL for a profile as loaded
 */
const AccordProfileFilter *
accord_profile_get_filter(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->filtered ? &self->filter : NULL;
}

/**
 * accord_profile_get_n_dropped:
 * @self: a profile
 *
 * Returns: how many facts the file states that a filter left out; 0 unless filtered
 */
guint
accord_profile_get_n_dropped(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->dropped->len;
}

/**
 * accord_profile_get_dropped:
 * @self: a profile
 * @index: from 0; dropped facts are sorted by key
 *
 * Returns: (transfer none): a fact left out, with its reason
 *   (accord_profile_fact_get_drop_reason()) and all of its evidence
 */
const AccordProfileFact *
accord_profile_get_dropped(const AccordProfile *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->dropped->len, NULL);
	return g_ptr_array_index(self->dropped, index);
}

/**
 * accord_profile_lookup_dropped:
 * @self: a profile
 * @key: a fact key
 *
 * Returns: (transfer none) (nullable): the fact the file states but the filter left out, or
 *   %NULL when it was not left out
 */
const AccordProfileFact *
accord_profile_lookup_dropped(const AccordProfile *self, const gchar *key)
{
	g_return_val_if_fail(self != NULL && key != NULL, NULL);
	return g_hash_table_lookup(self->dropped_index, key);
}

/**
 * accord_profile_fact_get_drop_reason:
 * @fact: a fact
 *
 * Returns: why a filtered profile left it out, or %ACCORD_DROP_NONE for a fact that counts
 */
AccordDropReason
accord_profile_fact_get_drop_reason(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, ACCORD_DROP_NONE);
	return fact->dropped;
}

/**
 * accord_profile_fact_is_assumed:
 * @fact: a fact
 *
 * Returns: %TRUE when the value comes from a what-if assumption, not from the profile file
 */
gboolean
accord_profile_fact_is_assumed(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, FALSE);
	return fact->assumed;
}

/**
 * accord_profile_fact_get_assumed_from:
 * @fact: an assumed fact
 *
 * Returns: (nullable): the value the profile file stated before the assumption, or %NULL
 *   when it did not state the fact
 */
const gchar *
accord_profile_fact_get_assumed_from(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, NULL);
	return fact->was;
}

/**
 * accord_profile_lookup_fact:
 * @self: a profile
 * @key: a fact key
 *
 * Returns: (transfer none) (nullable): the stated fact, or %NULL when the profile does not
 *   state it (the fact is unknown)
 */
const AccordProfileFact *
accord_profile_lookup_fact(const AccordProfile *self, const gchar *key)
{
	const AccordFactDef *def;

	g_return_val_if_fail(self != NULL && key != NULL, NULL);
	def = accord_vocabulary_lookup_fact(self->vocab, key);
	return def != NULL && self->by_def != NULL ? self->by_def[def->index] : NULL;
}

/**
 * accord_profile_lookup_fact_by_def:
 * @self: a profile
 * @def: a fact of the vocabulary the profile was loaded with
 *
 * Finds a fact by its definition, through the vocabulary's index of it, without comparing
 * keys: how evaluation reads the facts every check names.
 *
 * Returns: (transfer none) (nullable): the stated fact, or %NULL when the profile does not
 *   state it
 */
const AccordProfileFact *
accord_profile_lookup_fact_by_def(const AccordProfile *self, const AccordFactDef *def)
{
	g_return_val_if_fail(self != NULL && def != NULL, NULL);
	g_return_val_if_fail(def->index < accord_vocabulary_get_n_facts(self->vocab) &&
				 accord_vocabulary_get_fact(self->vocab, def->index) == def,
			     NULL);
	return self->by_def != NULL ? self->by_def[def->index] : NULL; /* none in a summary */
}

/**
 * accord_profile_fact_get_value:
 * @fact: a fact
 *
 * Returns: (transfer none): its value, of the fact's type
 */
const AccordValue *
accord_profile_fact_get_value(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, NULL);
	return &fact->value;
}

/* accessors: borrowed, const data valid as long as the profile */
/**
 * accord_profile_get_country:
 * @self: a profile
 *
 * Returns: (transfer none): its country code, e.g. `GB`
 */
const gchar *
accord_profile_get_country(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->country;
}

/**
 * accord_profile_get_id:
 * @self: a profile
 *
 * What tells the profile apart from others in a batch or a ranking: its `id` attribute, given
 * for a sub-national or sectoral framework or a variant of a snapshot, or else its country
 * code and as-of date joined by `@` (`GB@2026-01-31`), so snapshots of a country differ.
 *
 * Returns: (transfer none): its identity
 */
const gchar *
accord_profile_get_id(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->id;
}

/**
 * accord_profile_get_name:
 * @self: a profile
 *
 * Returns: (transfer none): the country's name, as reports show it
 */
const gchar *
accord_profile_get_name(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->name;
}

/**
 * accord_profile_get_as_of:
 * @self: a profile
 *
 * Returns: (transfer none): the date the facts describe, `YYYY-MM-DD`
 */
const gchar *
accord_profile_get_as_of(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->as_of;
}

/**
 * accord_profile_get_filename:
 * @self: a profile
 *
 * Returns: (transfer none): the path it was loaded from, or the name given to
 *   accord_profile_load_data() (`<memory>` when none); a copy with assumptions keeps its base's
 */
const gchar *
accord_profile_get_filename(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->filename;
}

/**
 * accord_profile_get_vocabulary:
 * @self: a profile
 *
 * Returns: (transfer none): the vocabulary it was loaded with; the profile holds a reference
 */
const AccordVocabulary *
accord_profile_get_vocabulary(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->vocab;
}

/**
 * accord_profile_fact_get_def:
 * @fact: a fact
 *
 * Returns: (transfer none): its definition in the vocabulary: key and type
 */
const AccordFactDef *
accord_profile_fact_get_def(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, NULL);
	return fact->def;
}

/**
 * accord_profile_fact_get_text:
 * @fact: a fact
 *
 * Returns: (transfer none): its value as the profile file, or the assumption, writes it
 */
const gchar *
accord_profile_fact_get_text(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, NULL);
	return fact->text;
}

/**
 * accord_profile_fact_get_confidence:
 * @fact: a fact
 *
 * Returns: how far the value can be trusted; %ACCORD_CONFIDENCE_LOW for an assumed fact
 */
AccordConfidence
accord_profile_fact_get_confidence(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, ACCORD_CONFIDENCE_LOW);
	return fact->confidence;
}

/**
 * accord_profile_fact_get_note:
 * @fact: a fact
 *
 * Returns: (transfer none) (nullable): the note that qualifies the value, or %NULL when there is
 *   none; an assumed fact's note says it was assumed
 */
const gchar *
accord_profile_fact_get_note(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, NULL);
	return fact->note;
}

/**
 * accord_evidence_get_title:
 * @evidence: evidence of a fact
 *
 * Returns: (transfer none): what the source is: the document, page or summary it was read in
 */
const gchar *
accord_evidence_get_title(const AccordEvidence *evidence)
{
	g_return_val_if_fail(evidence != NULL, NULL);
	return evidence->title;
}

/**
 * accord_evidence_get_href:
 * @evidence: evidence of a fact
 *
 * Returns: (transfer none) (nullable): where the source can be found, or %NULL without a link
 */
const gchar *
accord_evidence_get_href(const AccordEvidence *evidence)
{
	g_return_val_if_fail(evidence != NULL, NULL);
	return evidence->href;
}

/**
 * accord_evidence_get_date:
 * @evidence: evidence of a fact
 *
 * Returns: (transfer none): the date of the source, as precise as known: `YYYY`, `YYYY-MM` or
 *   `YYYY-MM-DD`
 */
const gchar *
accord_evidence_get_date(const AccordEvidence *evidence)
{
	g_return_val_if_fail(evidence != NULL, NULL);
	return evidence->date;
}

/**
 * accord_evidence_get_expires:
 * @evidence: evidence of a fact
 *
 * Returns: (transfer none) (nullable): the last day the source counts, `YYYY-MM-DD`, or %NULL
 *   when it does not expire
 */
const gchar *
accord_evidence_get_expires(const AccordEvidence *evidence)
{
	g_return_val_if_fail(evidence != NULL, NULL);
	return evidence->expires;
}

/**
 * accord_index_figure_get_name:
 * @figure: an index figure
 *
 * Returns: (transfer none): which index, e.g. `gci-2020`
 */
const gchar *
accord_index_figure_get_name(const AccordIndexFigure *figure)
{
	g_return_val_if_fail(figure != NULL, NULL);
	return figure->name;
}

/**
 * accord_index_figure_get_value:
 * @figure: an index figure
 *
 * Returns: the country's score in the index
 */
gdouble
accord_index_figure_get_value(const AccordIndexFigure *figure)
{
	g_return_val_if_fail(figure != NULL, 0);
	return figure->value;
}

/**
 * accord_index_figure_get_rank:
 * @figure: an index figure
 *
 * Returns: the country's rank in the index, or 0 when the profile gives none
 */
guint
accord_index_figure_get_rank(const AccordIndexFigure *figure)
{
	g_return_val_if_fail(figure != NULL, 0);
	return figure->rank;
}

/**
 * accord_index_figure_get_source:
 * @figure: an index figure
 *
 * Returns: (transfer none): where the figure comes from and how reliable it is
 */
const gchar *
accord_index_figure_get_source(const AccordIndexFigure *figure)
{
	g_return_val_if_fail(figure != NULL, NULL);
	return figure->source;
}

/**
 * accord_profile_get_n_facts:
 * @self: a profile
 *
 * Returns: how many facts it states, assumed ones included
 */
guint
accord_profile_get_n_facts(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->facts->len;
}

/**
 * accord_profile_get_fact:
 * @self: a profile
 * @index: from 0; facts are sorted by key
 *
 * Returns: (transfer none): a stated fact
 */
const AccordProfileFact *
accord_profile_get_fact(const AccordProfile *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->facts->len, NULL);
	return g_ptr_array_index(self->facts, index);
}

/**
 * accord_profile_get_n_index_figures:
 * @self: a profile
 *
 * Returns: how many published index figures it lists
 */
guint
accord_profile_get_n_index_figures(const AccordProfile *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->figures->len;
}

/**
 * accord_profile_get_index_figure:
 * @self: a profile
 * @index: from 0, in file order
 *
 * Returns: (transfer none): an index figure
 */
const AccordIndexFigure *
accord_profile_get_index_figure(const AccordProfile *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->figures->len, NULL);
	return g_ptr_array_index(self->figures, index);
}

/**
 * accord_profile_fact_get_n_evidence:
 * @fact: a fact
 *
 * Returns: how many sources back it: at least one in a profile file; an assumed fact has one, the
 *   what-if assumption
 */
guint
accord_profile_fact_get_n_evidence(const AccordProfileFact *fact)
{
	g_return_val_if_fail(fact != NULL, 0);
	return fact->evidence->len;
}

/**
 * accord_profile_fact_get_evidence:
 * @fact: a fact
 * @index: from 0, in file order
 *
 * Returns: (transfer none): a source
 */
const AccordEvidence *
accord_profile_fact_get_evidence(const AccordProfileFact *fact, guint index)
{
	g_return_val_if_fail(fact != NULL && index < fact->evidence->len, NULL);
	return g_ptr_array_index(fact->evidence, index);
}

/**
 * accord_profile_fact_get_newest_evidence:
 * @fact: a fact
 *
 * Dates are as precise as known (YYYY, YYYY-MM, YYYY-MM-DD); they order as text, a year
 * before its months, so the newest is the greatest. Ties go to the first listed.
 *
 * Returns: (transfer none) (nullable): the evidence with the latest date, or %NULL for an
 *   assumed fact that has none
 */
const AccordEvidence *
accord_profile_fact_get_newest_evidence(const AccordProfileFact *fact)
{
	const AccordEvidence *newest = NULL;

	g_return_val_if_fail(fact != NULL, NULL);
	for (guint i = 0; fact->evidence != NULL && i < fact->evidence->len; i++) {
		const AccordEvidence *e = g_ptr_array_index(fact->evidence, i);

		if (newest == NULL || g_strcmp0(e->date, newest->date) > 0)
			newest = e;
	}
	return newest;
}

/**
 * accord_profile_count_facts:
 * @self: a profile
 * @confidence: a confidence level
 *
 * Returns: how many facts the profile states at @confidence
 */
guint
accord_profile_count_facts(const AccordProfile *self, AccordConfidence confidence)
{
	guint n = 0;

	g_return_val_if_fail(self != NULL, 0);
	for (guint i = 0; i < accord_profile_get_n_facts(self); i++)
		n += accord_profile_fact_get_confidence(accord_profile_get_fact(self, i)) ==
		     confidence;
	return n;
}

static gboolean
same(const gchar *what, const gchar *a, const gchar *b, gchar **why)
{
	if (g_strcmp0(a, b) == 0)
		return TRUE;
	*why = g_strdup_printf("%s: '%s' and '%s'", what, a, b);
	return FALSE;
}

static gboolean
facts_equal(const AccordProfileFact *x, const AccordProfileFact *y, gchar **why)
{
	if (x->def != y->def || x->confidence != y->confidence || x->assumed != y->assumed ||
	    accord_value_compare(&x->value, &y->value) != 0 ||
	    x->evidence->len != y->evidence->len) {
		*why = g_strdup_printf("fact %s", accord_fact_def_get_key(x->def));
		return FALSE;
	}
	if (!same("fact value", x->text, y->text, why) || !same("note", x->note, y->note, why) ||
	    !same("was", x->was, y->was, why))
		return FALSE;
	for (guint e = 0; e < x->evidence->len; e++) {
		const AccordEvidence *a = g_ptr_array_index(x->evidence, e);
		const AccordEvidence *b = g_ptr_array_index(y->evidence, e);

		if (!same("title", a->title, b->title, why) ||
		    !same("href", a->href, b->href, why) || !same("date", a->date, b->date, why))
			return FALSE;
	}
	return TRUE;
}

/**
 * accord_profile_equal:
 * @a: a profile
 * @b: another
 * @why: (out) (transfer full): the first difference, when they differ
 *
 * For tests: whether two loaders made the same profile, every field compared.
 *
 * Returns: %TRUE when they are equal
 */
gboolean
accord_profile_equal(const AccordProfile *a, const AccordProfile *b, gchar **why)
{
	if (!same("country", a->country, b->country, why) || !same("name", a->name, b->name, why) ||
	    !same("as-of", a->as_of, b->as_of, why) || !same("id", a->id, b->id, why) ||
	    !same("note", a->note, b->note, why) || !same("file", a->filename, b->filename, why))
		return FALSE;
	if (a->facts->len != b->facts->len || a->figures->len != b->figures->len) {
		*why = g_strdup("the number of facts or index figures");
		return FALSE;
	}
	for (guint i = 0; i < a->facts->len; i++) {
		if (!facts_equal(g_ptr_array_index(a->facts, i),
				 g_ptr_array_index(b->facts, i),
				 why))
			return FALSE;
	}
	for (guint i = 0; i < a->figures->len; i++) {
		const AccordIndexFigure *x = g_ptr_array_index(a->figures, i);
		const AccordIndexFigure *y = g_ptr_array_index(b->figures, i);

		if (!same("index", x->name, y->name, why) ||
		    !same("source", x->source, y->source, why))
			return FALSE;
		if (x->value != y->value || x->rank != y->rank) {
			*why = g_strdup_printf("index %s value or rank", x->name);
			return FALSE;
		}
	}
	for (guint i = 0;
	     a->by_def != NULL && b->by_def != NULL && i < accord_vocabulary_get_n_facts(a->vocab);
	     i++) {
		if ((a->by_def[i] == NULL) != (b->by_def[i] == NULL)) {
			*why = g_strdup("the fact index");
			return FALSE;
		}
	}
	return TRUE;
}
