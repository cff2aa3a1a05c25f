#include "config.h"

#include "build-private.h"

/* the comparison of two or more countries, per ruleset: scores, pillars (a radar), the
 * alignment and heterogeneity matrices, every criterion with each country's outcome, and
 * each pair's alignment and divergences with the provision and both sides' facts */

static const AccordProfile *
profile_at(const AccordComparisonSet *set, guint i)
{
	return accord_build_profile_of(accord_comparison_set_get_score(set, i));
}

static const gchar *
country_at(const AccordComparisonSet *set, guint i)
{
	return accord_profile_get_country(profile_at(set, i));
}

/* a table of @lead columns and then one column per country, keyed by its code */
static AccordNode *
country_table(AccordNode *parent,
	      const gchar *key,
	      const gchar *title,
	      const gchar *lead,
	      const AccordComparisonSet *set)
{
	AccordNode *table = accord_node_add_table(parent, key, title, lead);

	for (guint i = 0; i < accord_comparison_set_get_n_scores(set); i++)
		accord_table_add_column(table, country_at(set, i), country_at(set, i));
	return table;
}

/* each country's overall score and coverage, as given and, when assumptions applied,
 * without them */
static void
build_scores(AccordNode *item, const AccordComparisonSet *set, const AccordComparisonSet *base)
{
	AccordNode *table =
	    accord_node_add_table(item,
				  "scores",
				  NULL,
				  "variant=Variant|country=Country|overall=Score|"
				  "coverage=Coverage|coverage_high=High confidence");

	for (guint v = 0; v < 2; v++) {
		const AccordComparisonSet *s = v == 0 ? set : base;

		for (guint i = 0; s != NULL && i < accord_comparison_set_get_n_scores(s); i++) {
			const AccordScoreItem *o =
			    accord_score_get_overall(accord_comparison_set_get_score(s, i));
			ACCORD_ROW(table,
				   accord_cell_outcome(accord_variant_to_string(
				       v == 0 ? ACCORD_VARIANT_AS_GIVEN
					      : ACCORD_VARIANT_WITHOUT_ASSUMPTIONS)),
				   accord_cell_id(country_at(s, i)),
				   accord_cell_score(o->value),
				   accord_cell_percent(o->coverage),
				   accord_cell_percent(o->coverage_high));
		}
	}
}

/* every country's pillar scores, drawn as overlaid radars */
static void
build_pillars(AccordNode *item, const AccordComparisonSet *set)
{
	const AccordRuleset *rs = accord_comparison_set_get_ruleset(set);
	guint n = accord_comparison_set_get_n_scores(set);
	AccordNode *table = country_table(item, "pillars", "Pillar scores", "pillar=Pillar", set);
	g_autofree AccordCell *row = g_new(AccordCell, n + 2);
	g_autoptr(GString) series = g_string_new(NULL);

	accord_table_add_column(table, "title", "Title");
	for (guint p = 0; p < accord_ruleset_get_n_pillars(rs); p++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, p);

		row[0] = accord_cell_id(accord_pillar_get_id(pillar));
		for (guint i = 0; i < n; i++)
			row[i + 1] = accord_cell_score(
			    accord_score_get_pillar(accord_comparison_set_get_score(set, i), pillar)
				->value);
		row[n + 1] = accord_cell_text(accord_pillar_get_title(pillar));
		accord_table_add_row(table, row, n + 2);
	}
	for (guint i = 0; i < n; i++)
		g_string_append_printf(series, "%s%s", i > 0 ? "|" : "", country_at(set, i));
	accord_table_add_chart(table, ACCORD_CHART_RADAR, "Pillar scores", "pillar", series->str);
}

/* one row and one column per country; the cell of two countries is @heterogeneity or the
 * share they agree on of the weight both have known outcomes on */
static void
build_matrix(AccordNode *item,
	     const AccordComparisonSet *set,
	     const gchar *key,
	     const gchar *title,
	     gboolean heterogeneity)
{
	guint n = accord_comparison_set_get_n_scores(set);
	AccordNode *table = country_table(item, key, title, "country=Country", set);
	g_autofree AccordCell *row = g_new(AccordCell, n + 1);

	for (guint i = 0; i < n; i++) {
		row[0] = accord_cell_id(country_at(set, i));
		for (guint j = 0; j < n; j++) {
			const AccordAlignment *al =
			    i == j ? NULL
				   : accord_comparison_get_alignment(
					 accord_comparison_set_get_pair(set, i, j));
			row[j + 1] = al == NULL
					 ? accord_cell_empty()
					 : accord_cell_percent(heterogeneity ? al->heterogeneity
									     : al->agree);
		}
		accord_table_add_row(table, row, n + 1);
	}
}

/* every criterion: each country's outcome, how many meet it, its weight */
static void
build_criteria(AccordNode *item, const AccordComparisonSet *set)
{
	const AccordComparison *first = accord_comparison_set_get_pair(set, 0, 1);
	guint n = accord_comparison_set_get_n_scores(set);
	AccordNode *table =
	    country_table(item, "criteria", "Criteria", "rule=Rule|criterion=Criterion", set);
	g_autofree AccordCell *row = g_new(AccordCell, n + 5);

	accord_table_add_columns(table, "met_by=Met by|weight=Weight|title=Title");
	for (guint c = 0; c < accord_comparison_get_n_items(first); c++) {
		const AccordComparisonItem *it = accord_comparison_get_item(first, c);

		row[0] =
		    accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(it->criterion)));
		row[1] = accord_cell_id(accord_criterion_get_id(it->criterion));
		for (guint i = 0; i < n; i++) {
			const AccordScore *score = accord_comparison_set_get_score(set, i);

			/* each outcome marked with what it rests on */
			row[i + 2] = accord_cell_with_marks(
			    accord_cell_outcome(accord_build_outcome(score, it->criterion)),
			    accord_build_basis_marks(score, it->criterion));
		}
		row[n + 2] =
		    accord_cell_count(accord_comparison_set_get_n_meeting(set, it->criterion));
		row[n + 3] = accord_cell_percent(it->weight);
		row[n + 4] = accord_cell_text(accord_criterion_get_title(it->criterion));
		accord_table_add_row(table, row, n + 5);
	}
}

static void
build_divergence(AccordNode *list, const AccordComparison *cmp, const AccordComparisonItem *it)
{
	const AccordCriterion *c = it->criterion;
	const AccordRule *rule = accord_criterion_get_rule(c);
	const AccordScore *sides[] = {accord_comparison_get_score_a(cmp),
				      accord_comparison_get_score_b(cmp)};
	AccordNode *item = accord_node_add_section(list, NULL, accord_criterion_get_title(c));
	AccordNode *facts;

	ACCORD_FIELDS(
	    item,
	    {"criterion", "Criterion", accord_cell_id(accord_criterion_get_id(c)), TRUE},
	    {"divergence",
	     "Divergence",
	     accord_cell_outcome(accord_divergence_to_string(it->divergence))},
	    {"conflict_fact",
	     "Conflicting fact",
	     it->conflict_fact != NULL ? accord_cell_id(accord_fact_def_get_key(it->conflict_fact))
				       : accord_cell_empty()},
	    {"agreement", "Met by", accord_cell_outcome(accord_agreement_to_string(it->agreement))},
	    {"outcome_a", "Outcome A", accord_cell_outcome(accord_build_outcome(sides[0], c))},
	    {"outcome_b", "Outcome B", accord_cell_outcome(accord_build_outcome(sides[1], c))},
	    {"rule", "Rule", accord_cell_id(accord_rule_get_id(rule))},
	    {"provision", "Provision", accord_build_provision(rule)});
	facts = accord_node_add_table(item, "facts", NULL, "country=Country|fact=States");
	for (guint i = 0; i < G_N_ELEMENTS(sides); i++) {
		AccordCell lead =
		    accord_cell_id(accord_profile_get_country(accord_build_profile_of(sides[i])));
		accord_build_fact_rows(facts, sides[i], c, &lead, 1);
	}
	ACCORD_FIELDS(item,
		      {"recommendation",
		       "Recommendation",
		       accord_cell_text(accord_rule_get_recommendation(rule))});
}

static void
alignment_row(AccordNode *table, AccordCell lead, const AccordAlignment *al)
{
	ACCORD_ROW(table,
		   lead,
		   accord_cell_percent(al->compared),
		   accord_cell_percent(al->agree),
		   accord_cell_percent(al->both_pass),
		   accord_cell_percent(al->heterogeneity));
}

/* one pair: its alignment (as given, and without assumptions), per pillar, and every
 * criterion only one of the two meets */
static void
build_pair(AccordNode *list, const AccordComparison *cmp, const AccordComparison *base)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(cmp);
	const gchar *a =
	    accord_profile_get_country(accord_build_profile_of(accord_comparison_get_score_a(cmp)));
	const gchar *b =
	    accord_profile_get_country(accord_build_profile_of(accord_comparison_get_score_b(cmp)));
	g_autofree gchar *title = g_strdup_printf("%s (A) and %s (B)", a, b);
	AccordNode *item = accord_node_add_section(list, NULL, title);
	const gchar *columns = "compared=Weight compared|agree=Agree on|both_meet=Both "
			       "meet|heterogeneity=Heterogeneity";
	g_autofree gchar *variants = g_strconcat("variant=Variant|", columns, NULL);
	g_autofree gchar *pillars = g_strconcat("pillar=Pillar|", columns, NULL);
	AccordNode *table, *divergences;

	ACCORD_FIELDS(item,
		      {"a", "A", accord_cell_id(a), TRUE},
		      {"b", "B", accord_cell_id(b), TRUE});
	table = accord_node_add_table(item, "alignment", NULL, variants);
	alignment_row(table,
		      accord_cell_outcome(accord_variant_to_string(ACCORD_VARIANT_AS_GIVEN)),
		      accord_comparison_get_alignment(cmp));
	if (base != NULL)
		alignment_row(table,
			      accord_cell_outcome(
				  accord_variant_to_string(ACCORD_VARIANT_WITHOUT_ASSUMPTIONS)),
			      accord_comparison_get_alignment(base));
	table = accord_node_add_table(item, "pillars", "Pillars", pillars);
	for (guint p = 0; p < accord_ruleset_get_n_pillars(rs); p++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, p);
		alignment_row(table,
			      accord_cell_id(accord_pillar_get_id(pillar)),
			      accord_comparison_get_pillar_alignment(cmp, pillar));
	}
	divergences = accord_node_add_list(item, "divergences", "Divergences");
	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++) {
		const AccordComparisonItem *it = accord_comparison_get_item(cmp, i);
		if (it->divergence != ACCORD_DIVERGENCE_NONE)
			build_divergence(divergences, cmp, it);
	}
}

static void
build_ruleset(AccordNode *list, const AccordComparisonSet *set, const AccordComparisonSet *base)
{
	const AccordRuleset *rs = accord_comparison_set_get_ruleset(set);
	guint n = accord_comparison_set_get_n_scores(set);
	AccordNode *item = accord_node_add_section(list, NULL, accord_ruleset_get_title(rs));
	AccordNode *pairs;

	ACCORD_FIELDS(item,
		      {"ruleset", "Ruleset", accord_cell_id(accord_ruleset_get_id(rs)), TRUE},
		      {"version", "Version", accord_cell_text(accord_ruleset_get_version(rs))});
	build_scores(item, set, base);
	build_pillars(item, set);
	build_matrix(item,
		     set,
		     "alignment",
		     "Alignment: agree on (share of compared weight)",
		     FALSE);
	build_matrix(item,
		     set,
		     "heterogeneity",
		     "Heterogeneity index (share of compared weight with different facts)",
		     TRUE);
	build_criteria(item, set);
	pairs = accord_node_add_list(item, "pairs", "Pairs");
	for (guint i = 0; i < n; i++)
		for (guint j = i + 1; j < n; j++)
			build_pair(pairs,
				   accord_comparison_set_get_pair(set, i, j),
				   base != NULL ? accord_comparison_set_get_pair(base, i, j)
						: NULL);
}

/* who is compared, with what was assumed for them and what was not counted */
static void
build_countries(AccordNode *root, const AccordComparisonSet *set)
{
	AccordNode *table = accord_node_add_table(root,
						  "countries",
						  NULL,
						  "country=Country|name=Name|as_of=As of|"
						  "not_counted=Facts not counted");
	AccordNode *assumed = NULL, *dropped = NULL;
	guint n = accord_comparison_set_get_n_scores(set);

	for (guint i = 0; i < n; i++) {
		const AccordProfile *p = profile_at(set, i);
		ACCORD_ROW(table,
			   accord_cell_id(accord_profile_get_country(p)),
			   accord_cell_text(accord_profile_get_name(p)),
			   accord_cell_date(accord_profile_get_as_of(p)),
			   accord_cell_count(accord_profile_get_n_dropped(p)));
	}
	accord_build_options_fields(
	    root,
	    accord_score_get_options(accord_comparison_set_get_score(set, 0)));
	accord_build_filter_fields(root, profile_at(set, 0), FALSE);
	for (guint i = 0; i < n; i++)
		assumed = accord_build_assumptions(root, assumed, profile_at(set, i));
	for (guint i = 0; i < n; i++)
		dropped = accord_build_dropped(root,
					       dropped,
					       "country=Country",
					       accord_cell_id(country_at(set, i)),
					       profile_at(set, i));
}

/**
 * accord_comparison_sets_to_document:
 * @sets: (element-type AccordComparisonSet): one comparison of the same countries per ruleset
 * @baselines: (nullable) (element-type AccordComparisonSet): the same comparisons without
 *   what-if assumptions, or %NULL
 *
 * The comparison view: the countries (with what was assumed and what was not counted), then
 * per ruleset each country's score and coverage, the pillar scores (a radar chart), the
 * alignment and heterogeneity matrices, every criterion with each country's outcome and how
 * many meet it, and each pair's alignment overall and per pillar with its divergences (gap or
 * conflict), each with the provision and both countries' facts.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_comparison_sets_to_document(const GPtrArray *sets, const GPtrArray *baselines)
{
	AccordDocument *doc;
	AccordNode *root, *list;

	g_return_val_if_fail(sets != NULL && sets->len > 0, NULL);
	doc = accord_build_document("compare", "Accord comparison", NULL);
	root = accord_document_get_root(doc);
	build_countries(root, g_ptr_array_index(sets, 0));
	accord_node_add_text(
	    root,
	    "Met means the outcome is pass (partial is not met). A divergence (one of a pair "
	    "meets a criterion, the other does not) is a conflict when their values of a fact "
	    "it reads are incompatible regimes, as the vocabulary declares (a lawful-access "
	    "mandate against none, a mandatory regime against a voluntary one), and a gap "
	    "otherwise (a lower level of the same scale, a partial regime, an absence). Weights "
	    "are shares of the ruleset's weight; agreement (both meet, or neither) and "
	    "heterogeneity (their facts differ: the OECD-style index) are shares of the weight "
	    "both have known outcomes on.");
	list = accord_node_add_list(root, "rulesets", "Rulesets");
	for (guint i = 0; i < sets->len; i++)
		build_ruleset(list,
			      g_ptr_array_index(sets, i),
			      baselines != NULL ? g_ptr_array_index(baselines, i) : NULL);
	return doc;
}
