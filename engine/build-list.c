#include "config.h"

#include "build-private.h"

/* what is shipped: `accord list rulesets|profiles|facts|parties`, each a document of one
 * table with a row per item */

/* a list as data: its document's kind and title, its table's columns, and how to add the rows
 * of item @i of @items to @table (one, or for parties those of an agreement) */
typedef struct {
	const gchar *kind;
	const gchar *title;
	const gchar *columns;
	void (*add_rows)(AccordNode *table, gconstpointer items, guint i);
} List;

/* the document of one table, named for its kind, with the rows of each of the @n items */
static AccordDocument *
list_document(const List *list, gconstpointer items, guint n)
{
	AccordDocument *doc = accord_document_new(list->kind, list->title);
	AccordNode *table =
	    accord_node_add_table(accord_document_get_root(doc), list->kind, NULL, list->columns);

	for (guint i = 0; i < n; i++)
		list->add_rows(table, items, i);
	return doc;
}

static void
ruleset_row(AccordNode *table, gconstpointer rulesets, guint i)
{
	const AccordRuleset *rs = g_ptr_array_index((const GPtrArray *)rulesets, i);

	ACCORD_ROW(table,
		   accord_cell_id(accord_ruleset_get_id(rs)),
		   accord_cell_text(accord_ruleset_get_version(rs)),
		   accord_cell_boolean(accord_ruleset_is_verified(rs)),
		   accord_cell_count(accord_ruleset_get_n_rules(rs)),
		   accord_cell_count(accord_ruleset_get_n_criteria(rs)),
		   accord_cell_text(accord_ruleset_get_title(rs)));
}

static void
profile_row(AccordNode *table, gconstpointer profiles, guint i)
{
	const AccordProfile *p = g_ptr_array_index((const GPtrArray *)profiles, i);
	AccordCell row[7];

	row[0] = accord_cell_id(accord_profile_get_country(p));
	row[1] = accord_cell_date(accord_profile_get_as_of(p));
	row[2] = accord_cell_count(accord_profile_get_n_facts(p));
	/* how many facts it states at each confidence, high (column 3) to low (column 5) */
	for (AccordConfidence c = ACCORD_CONFIDENCE_LOW; c <= ACCORD_CONFIDENCE_HIGH; c++)
		row[5 - c] = accord_cell_count(accord_profile_count_facts(p, c));
	row[6] = accord_cell_text(accord_profile_get_name(p));
	accord_table_add_row(table, row, G_N_ELEMENTS(row));
}

static void
fact_row(AccordNode *table, gconstpointer vocabulary, guint i)
{
	const AccordFactDef *f = accord_vocabulary_get_fact(vocabulary, i);
	const AccordScale *scale = accord_fact_def_get_scale(f);

	ACCORD_ROW(table,
		   accord_cell_id(accord_fact_def_get_key(f)),
		   accord_cell_text(accord_fact_type_to_string(accord_fact_def_get_fact_type(f))),
		   accord_cell_id(scale != NULL ? accord_scale_get_id(scale) : NULL),
		   accord_cell_boolean(accord_fact_def_is_informational(f)),
		   accord_cell_text(accord_fact_def_get_description(f)));
}

static AccordCell
dated(const AccordDatedSource *d)
{
	return d == NULL ? accord_cell_empty() : accord_cell_url(d->href, d->date);
}

/* every party of agreement @a */
static void
agreement_rows(AccordNode *table, gconstpointer parties, guint a)
{
	for (guint p = 0; p < accord_parties_get_n_parties(parties, a); p++) {
		const AccordParty *party = accord_parties_get_party(parties, a, p);

		ACCORD_ROW(table,
			   accord_cell_id(accord_parties_get_ruleset(parties, a)),
			   accord_cell_id(party->country),
			   dated(party->signed_on),
			   dated(party->in_force));
	}
}

/* by kind: rulesets, profiles, facts, parties */
static const List lists[] = {
    {"rulesets",
     "Rulesets",
     "ruleset=Ruleset|version=Version|verified=Verified|rules=Rules|criteria=Criteria|"
     "title=Title",
     ruleset_row},
    {"profiles",
     "Profiles",
     "country=Country|as_of=As of|facts=Facts|high=High|medium=Medium|low=Low|name=Name",
     profile_row},
    {"facts",
     "Facts",
     "fact=Fact|type=Type|scale=Scale|informational=Informational|description=Description",
     fact_row},
    {"parties",
     "Parties",
     "ruleset=Ruleset|country=Country|signed=Signed|in_force=In force",
     agreement_rows},
};

/**
 * accord_rulesets_to_document:
 * @rulesets: (element-type AccordRuleset): rulesets
 *
 * Returns: (transfer full): a table of the rulesets: id, version, title, agreement, whether
 *   every provision was read verbatim, and the counts of rules and criteria
 */
AccordDocument *
accord_rulesets_to_document(const GPtrArray *rulesets)
{
	return list_document(&lists[0], rulesets, rulesets->len);
}

/**
 * accord_profiles_to_document:
 * @profiles: (element-type AccordProfile): profiles
 *
 * Returns: (transfer full): a table of the profiles: country, name, as-of date, and how many
 *   facts each states at each confidence
 */
AccordDocument *
accord_profiles_to_document(const GPtrArray *profiles)
{
	return list_document(&lists[1], profiles, profiles->len);
}

/**
 * accord_vocabulary_to_document:
 * @vocabulary: a vocabulary
 *
 * Returns: (transfer full): a table of the facts a ruleset may test: key, type, scale,
 *   whether it is informational (tested by no shipped ruleset), and its description
 */
AccordDocument *
accord_vocabulary_to_document(const AccordVocabulary *vocabulary)
{
	return list_document(&lists[2], vocabulary, accord_vocabulary_get_n_facts(vocabulary));
}

/**
 * accord_parties_to_document:
 * @parties: parties
 *
 * Returns: (transfer full): a table of every party of every agreement, with the dates it
 *   signed and the agreement entered into force for it, each linking its source
 */
AccordDocument *
accord_parties_to_document(const AccordParties *parties)
{
	return list_document(&lists[3], parties, accord_parties_get_n_agreements(parties));
}
