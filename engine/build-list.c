#include "config.h"

#include "build-private.h"

/* what is shipped: `accord list rulesets|profiles|facts|parties` */

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
	g_autoptr(AccordDocument) doc = accord_document_new("rulesets", "Rulesets");
	AccordNode *t = accord_node_add_table(accord_document_get_root(doc),
					      "rulesets",
					      NULL,
					      "ruleset=Ruleset|version=Version|verified=Verified|"
					      "rules=Rules|criteria=Criteria|title=Title");

	for (guint i = 0; i < rulesets->len; i++) {
		const AccordRuleset *rs = g_ptr_array_index(rulesets, i);

		ACCORD_ROW(t,
			   accord_cell_id(accord_ruleset_get_id(rs)),
			   accord_cell_text(accord_ruleset_get_version(rs)),
			   accord_cell_boolean(accord_ruleset_is_verified(rs)),
			   accord_cell_count(accord_ruleset_get_n_rules(rs)),
			   accord_cell_count(accord_ruleset_get_n_criteria(rs)),
			   accord_cell_text(accord_ruleset_get_title(rs)));
	}
	return g_steal_pointer(&doc);
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
	g_autoptr(AccordDocument) doc = accord_document_new("profiles", "Profiles");
	AccordNode *t = accord_node_add_table(accord_document_get_root(doc),
					      "profiles",
					      NULL,
					      "country=Country|as_of=As of|facts=Facts|high=High|"
					      "medium=Medium|low=Low|name=Name");

	for (guint i = 0; i < profiles->len; i++) {
		const AccordProfile *p = g_ptr_array_index(profiles, i);

		ACCORD_ROW(
		    t,
		    accord_cell_id(accord_profile_get_country(p)),
		    accord_cell_date(accord_profile_get_as_of(p)),
		    accord_cell_count(accord_profile_get_n_facts(p)),
		    accord_cell_count(accord_profile_count_facts(p, ACCORD_CONFIDENCE_HIGH)),
		    accord_cell_count(accord_profile_count_facts(p, ACCORD_CONFIDENCE_MEDIUM)),
		    accord_cell_count(accord_profile_count_facts(p, ACCORD_CONFIDENCE_LOW)),
		    accord_cell_text(accord_profile_get_name(p)));
	}
	return g_steal_pointer(&doc);
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
	g_autoptr(AccordDocument) doc = accord_document_new("facts", "Facts");
	AccordNode *t =
	    accord_node_add_table(accord_document_get_root(doc),
				  "facts",
				  NULL,
				  "fact=Fact|type=Type|scale=Scale|"
				  "informational=Informational|description=Description");

	for (guint i = 0; i < accord_vocabulary_get_n_facts(vocabulary); i++) {
		const AccordFactDef *f = accord_vocabulary_get_fact(vocabulary, i);
		const AccordScale *scale = accord_fact_def_get_scale(f);

		ACCORD_ROW(
		    t,
		    accord_cell_id(accord_fact_def_get_key(f)),
		    accord_cell_text(accord_fact_type_to_string(accord_fact_def_get_fact_type(f))),
		    accord_cell_id(scale != NULL ? accord_scale_get_id(scale) : NULL),
		    accord_cell_boolean(accord_fact_def_is_informational(f)),
		    accord_cell_text(accord_fact_def_get_description(f)));
	}
	return g_steal_pointer(&doc);
}

static AccordCell
dated(const AccordDatedSource *d)
{
	return d == NULL ? accord_cell_empty() : accord_cell_url(d->href, d->date);
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
	g_autoptr(AccordDocument) doc = accord_document_new("parties", "Parties");
	AccordNode *t = accord_node_add_table(accord_document_get_root(doc),
					      "parties",
					      NULL,
					      "ruleset=Ruleset|country=Country|signed=Signed|"
					      "in_force=In force");

	for (guint a = 0; a < accord_parties_get_n_agreements(parties); a++) {
		for (guint p = 0; p < accord_parties_get_n_parties(parties, a); p++) {
			const AccordParty *party = accord_parties_get_party(parties, a, p);

			ACCORD_ROW(t,
				   accord_cell_id(accord_parties_get_ruleset(parties, a)),
				   accord_cell_id(party->country),
				   dated(party->signed_on),
				   dated(party->in_force));
		}
	}
	return g_steal_pointer(&doc);
}
