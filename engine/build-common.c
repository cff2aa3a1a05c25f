#include "config.h"

#include "build-private.h"

/* the parts several views show alike: who and what was assessed, under which options, with
 * which assumptions, tailoring and waivers, and the pillars */

static const AccordProfile *
profile_of(const AccordScore *score)
{
	return accord_evaluation_get_profile(accord_score_get_evaluation(score));
}

/**
 * accord_build_document:
 * @kind: the view
 * @title: the heading
 * @score: (nullable): for the views of one country and one ruleset: its header fields
 *
 * Returns: (transfer full): a document with the usual header
 */
AccordDocument *
accord_build_document(const gchar *kind, const gchar *title, const AccordScore *score)
{
	AccordDocument *doc = accord_document_new(kind, title);
	AccordNode *root = accord_document_get_root(doc);

	if (score == NULL)
		return doc;
	accord_build_profile_fields(root, profile_of(score), NULL);
	accord_build_ruleset_fields(root,
				    accord_evaluation_get_ruleset(accord_score_get_evaluation(score)));
	accord_build_options_fields(root, accord_score_get_options(score));
	accord_build_overall_fields(root, score, NULL);
	return doc;
}

static gchar *
prefixed(const gchar *prefix, const gchar *key)
{
	return prefix == NULL ? g_strdup(key) : g_strconcat(prefix, "_", key, NULL);
}

/**
 * accord_build_profile_fields:
 * @parent: where to add
 * @profile: a profile
 * @prefix: (nullable): a prefix for the keys when a view shows several profiles (`a`, `old`)
 */
void
accord_build_profile_fields(AccordNode *parent, const AccordProfile *profile, const gchar *prefix)
{
	g_autofree gchar *country = prefixed(prefix, "country");
	g_autofree gchar *name = prefixed(prefix, "name");
	g_autofree gchar *as_of = prefixed(prefix, "as_of");
	g_autofree gchar *label = prefix == NULL ? g_strdup("Country")
						 : g_strdup_printf("Country %s", prefix);

	accord_node_add_key_field(parent,
				  country,
				  label,
				  accord_cell_id(accord_profile_get_country(profile)));
	accord_node_add_field(parent, name, "Name", accord_cell_text(accord_profile_get_name(profile)));
	accord_node_add_field(parent,
			      as_of,
			      "As of",
			      accord_cell_date(accord_profile_get_as_of(profile)));
}

/**
 * accord_build_ruleset_fields:
 * @parent: where to add
 * @ruleset: a ruleset
 */
void
accord_build_ruleset_fields(AccordNode *parent, const AccordRuleset *ruleset)
{
	accord_node_add_key_field(parent,
				  "ruleset",
				  "Ruleset",
				  accord_cell_id(accord_ruleset_get_id(ruleset)));
	accord_node_add_field(parent,
			      "ruleset_version",
			      "Version",
			      accord_cell_text(accord_ruleset_get_version(ruleset)));
	accord_node_add_field(parent,
			      "ruleset_title",
			      "Title",
			      accord_cell_text(accord_ruleset_get_title(ruleset)));
	accord_node_add_field(parent,
			      "agreement",
			      "Agreement",
			      accord_cell_text(accord_ruleset_get_agreement(ruleset)));
}

/**
 * accord_build_options_fields:
 * @parent: where to add
 * @options: the score options
 */
void
accord_build_options_fields(AccordNode *parent, const AccordScoreOptions *options)
{
	accord_node_add_field(parent,
			      "model",
			      "Model",
			      accord_cell_outcome(accord_score_model_to_string(options->model)));
	accord_node_add_field(
	    parent,
	    "aggregation",
	    "Aggregation",
	    accord_cell_outcome(accord_aggregation_to_string(options->aggregation)));
	accord_node_add_field(parent,
			      "unknown",
			      "Unknown facts",
			      accord_cell_outcome(accord_unknown_policy_to_string(options->unknown)));
	if (options->tailoring != NULL)
		accord_node_add_field(parent,
				      "tailoring",
				      "Tailoring",
				      accord_cell_id(accord_tailoring_get_id(options->tailoring)));
}

/**
 * accord_build_overall_fields:
 * @parent: where to add
 * @score: a score
 * @prefix: (nullable): a prefix for the keys
 */
void
accord_build_overall_fields(AccordNode *parent, const AccordScore *score, const gchar *prefix)
{
	const AccordScoreItem *overall = accord_score_get_overall(score);
	g_autofree gchar *key = prefixed(prefix, "overall");
	g_autofree gchar *coverage = prefixed(prefix, "coverage");

	accord_node_add_field(parent, key, "Overall score", accord_cell_score(overall->value));
	accord_node_add_field(parent,
			      coverage,
			      "Coverage",
			      accord_cell_percent(overall->coverage));
}

static void
build_variants(AccordNode *parent, const AccordAssessment *assessment)
{
	AccordNode *table = NULL;

	for (guint v = ACCORD_VARIANT_WITHOUT_ASSUMPTIONS; v <= ACCORD_VARIANT_BEFORE_WAIVERS; v++) {
		const AccordScore *score = accord_assessment_get_score(assessment, v);
		const AccordScoreItem *overall;

		if (score == NULL)
			continue;
		if (table == NULL) {
			table = accord_node_add_table(parent, "variants", "The same score");
			accord_table_add_column(table, "variant", "Variant");
			accord_table_add_column(table, "overall", "Overall");
			accord_table_add_column(table, "coverage", "Coverage");
		}
		overall = accord_score_get_overall(score);
		{
			AccordCell row[] = {accord_cell_outcome(accord_variant_to_string(v)),
					    accord_cell_score(overall->value),
					    accord_cell_percent(overall->coverage)};
			accord_table_add_row(table, row, G_N_ELEMENTS(row));
		}
	}
}

/**
 * accord_build_assumptions:
 * @parent: where to add
 * @table: (nullable): the table an earlier call returned, to add rows to
 * @profile: a profile as evaluated, with its assumed facts
 * @with_country: add a country column (views of several countries)
 *
 * Returns: (nullable): the assumptions table, once there is one
 */
AccordNode *
accord_build_assumptions(AccordNode *parent,
			 AccordNode *table,
			 const AccordProfile *profile,
			 gboolean with_country)
{
	for (guint i = 0; i < accord_profile_get_n_facts(profile); i++) {
		const AccordProfileFact *f = accord_profile_get_fact(profile, i);

		if (!accord_profile_fact_is_assumed(f))
			continue;
		if (table == NULL) {
			table = accord_node_add_table(parent,
						      "assumptions",
						      "What-if assumptions (the scores use them)");
			if (with_country)
				accord_table_add_column(table, "country", "Country");
			accord_table_add_column(table, "fact", "Fact");
			accord_table_add_column(table, "value", "Assumed");
			accord_table_add_column(table, "stated", "The profile states");
		}
		{
			AccordCell row[] = {
			    accord_cell_id(accord_profile_get_country(profile)),
			    accord_cell_id(accord_fact_def_get_key(accord_profile_fact_get_def(f))),
			    accord_cell_text(accord_profile_fact_get_text(f)),
			    accord_cell_text(accord_profile_fact_get_assumed_from(f))};
			accord_table_add_row(table, with_country ? row : row + 1,
					     with_country ? 4 : 3);
		}
	}
	return table;
}

static void
build_tailoring(AccordNode *parent, const AccordTailoring *tailoring)
{
	AccordNode *table;

	if (tailoring == NULL)
		return;
	table = accord_node_add_table(parent, "tailoring_changes", accord_tailoring_get_title(tailoring));
	accord_table_add_column(table, "change", "Tailoring");
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++) {
		AccordCell row[] = {accord_cell_text(accord_tailoring_get_change(tailoring, i))};
		accord_table_add_row(table, row, 1);
	}
}

static void
build_waivers(AccordNode *parent, const AccordWaiverOutcome *outcome)
{
	AccordNode *table;

	if (outcome == NULL)
		return;
	accord_node_add_field(parent,
			      "waivers_date",
			      "Waivers checked on",
			      accord_cell_date(accord_waiver_outcome_get_date(outcome)));
	table = accord_node_add_table(parent, "waivers", "Waivers");
	accord_table_add_column(table, "criterion", "Criterion");
	accord_table_add_column(table, "status", "Status");
	accord_table_add_column(table, "expires", "Expires");
	accord_table_add_column(table, "approver", "Approved by");
	accord_table_add_column(table, "justification", "Justification");
	for (guint i = 0; i < accord_waiver_outcome_get_n_uses(outcome); i++) {
		const AccordWaiverUse *use = accord_waiver_outcome_get_use(outcome, i);
		AccordCell row[] = {accord_cell_id(use->waiver->criterion),
				    accord_cell_outcome(accord_waiver_status_to_string(use->status)),
				    accord_cell_date(use->waiver->expires),
				    accord_cell_text(use->waiver->approver),
				    accord_cell_text(use->waiver->justification)};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

/**
 * accord_build_context:
 * @parent: where to add
 * @assessment: an assessment
 *
 * Adds what changed the inputs: the variants' scores, the assumptions, the tailoring and the
 * waivers, each only when there is one.
 */
void
accord_build_context(AccordNode *parent, const AccordAssessment *assessment)
{
	const AccordScore *score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);

	build_variants(parent, assessment);
	accord_build_assumptions(parent, NULL, profile_of(score), FALSE);
	build_tailoring(parent, accord_score_get_options(score)->tailoring);
	build_waivers(parent, accord_assessment_get_waivers(assessment));
}

/**
 * accord_build_pillars:
 * @parent: where to add
 * @score: a score
 */
void
accord_build_pillars(AccordNode *parent, const AccordScore *score)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	AccordNode *table = accord_node_add_table(parent, "pillars", "Pillars");

	accord_table_add_column(table, "pillar", "Pillar");
	accord_table_add_column(table, "weight", "Weight");
	accord_table_add_column(table, "score", "Score");
	accord_table_add_column(table, "coverage", "Coverage");
	accord_table_add_column(table, "share", "Share");
	accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(score, p);
		AccordCell row[] = {accord_cell_id(accord_pillar_get_id(p)),
				    accord_cell_number(accord_score_get_pillar_weight(score, p), 4),
				    accord_cell_score(item->value),
				    accord_cell_percent(item->coverage),
				    accord_cell_percent(item->share),
				    accord_cell_text(accord_pillar_get_title(p))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

/**
 * accord_build_fact:
 * @profile: a profile
 * @key: a fact key
 *
 * Returns: the fact as the profile states it, with its confidence and newest evidence;
 *   marked when it is low-confidence or assumed
 */
AccordCell
accord_build_fact(const AccordProfile *profile, const gchar *key)
{
	const AccordProfileFact *f = accord_profile_lookup_fact(profile, key);
	const AccordEvidence *e;
	AccordConfidence confidence;
	guint marks = 0;

	if (f == NULL)
		return accord_cell_fact(key, NULL, NULL, NULL, NULL, NULL);
	e = accord_profile_fact_get_newest_evidence(f);
	confidence = accord_profile_fact_get_confidence(f);
	if (confidence == ACCORD_CONFIDENCE_LOW)
		marks |= ACCORD_MARK_LOW_CONFIDENCE;
	if (accord_profile_fact_is_assumed(f))
		marks |= ACCORD_MARK_ASSUMED;
	return accord_cell_with_marks(
	    accord_cell_fact(key,
			     accord_profile_fact_get_text(f),
			     accord_confidence_to_string(confidence),
			     e != NULL ? accord_evidence_get_date(e) : NULL,
			     e != NULL ? accord_evidence_get_title(e) : NULL,
			     e != NULL ? accord_evidence_get_href(e) : NULL),
	    marks);
}

/* the facts a check reads, once each, in the order it reads them; checks nest at most 32
 * deep (the loader's limit), so the recursion is bounded */
static void
collect_facts(const AccordCheck *check, GPtrArray *keys)
{
	if (check == NULL)
		return;
	if (accord_check_get_kind(check) == ACCORD_CHECK_FACT) {
		const gchar *key = accord_fact_def_get_key(accord_check_get_fact(check));

		if (!g_ptr_array_find_with_equal_func(keys, key, g_str_equal, NULL))
			g_ptr_array_add(keys, (gpointer)key);
		return;
	}
	for (guint i = 0; i < accord_check_get_n_children(check); i++)
		collect_facts(accord_check_get_child(check, i), keys);
}

/**
 * accord_build_fact_rows:
 * @table: a table whose last column is a fact
 * @score: the score of the profile to show
 * @criterion: a criterion
 * @lead: (array length=n_lead): the cells before the fact
 * @n_lead: their number
 *
 * Adds one row per fact the criterion reads (precondition first).
 */
void
accord_build_fact_rows(AccordNode *table,
		       const AccordScore *score,
		       const AccordCriterion *criterion,
		       const AccordCell *lead,
		       guint n_lead)
{
	g_autoptr(GPtrArray) keys = g_ptr_array_new();
	g_autofree AccordCell *row = g_new(AccordCell, n_lead + 1);

	collect_facts(accord_criterion_get_precondition(criterion), keys);
	collect_facts(accord_criterion_get_check(criterion), keys);
	for (guint i = 0; i < n_lead; i++)
		row[i] = lead[i];
	for (guint i = 0; i < keys->len; i++) {
		row[n_lead] = accord_build_fact(profile_of(score), g_ptr_array_index(keys, i));
		accord_table_add_row(table, row, n_lead + 1);
	}
}

/**
 * accord_build_provision:
 * @rule: a rule
 *
 * Returns: its provision quoted with its citation; marked when the text was not read
 */
AccordCell
accord_build_provision(const AccordRule *rule)
{
	AccordCell cell = accord_cell_quote(accord_rule_get_provision(rule), accord_rule_get_cite(rule));

	return accord_cell_with_marks(cell,
				      accord_rule_is_verified(rule) ? 0 : ACCORD_MARK_UNVERIFIED);
}

/**
 * accord_build_outcome:
 * @score: a score
 * @criterion: one of its criteria
 *
 * Returns: (transfer none): the criterion's outcome name
 */
const gchar *
accord_build_outcome(const AccordScore *score, const AccordCriterion *criterion)
{
	return accord_outcome_to_string(
	    accord_evaluation_get_result(accord_score_get_evaluation(score), criterion)->outcome);
}
