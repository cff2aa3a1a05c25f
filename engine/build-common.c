#include "config.h"

#include <string.h>

#include "build-private.h"
#include "evaluate-private.h"

/* the parts several views show alike: who and what was assessed, under which options, with
 * which assumptions, tailoring and waivers, and the pillars */

/* the profile a score was computed from, with any what-if assumptions in it */
const AccordProfile *
accord_build_profile_of(const AccordScore *score)
{
	return accord_evaluation_get_profile(accord_score_get_evaluation(score));
}

/* a document whose header, for views of one country and one ruleset, names them */
AccordDocument *
accord_build_document(const gchar *kind, const gchar *title, const AccordScore *score)
{
	AccordDocument *doc = accord_document_new(kind, title);

	if (score != NULL)
		accord_build_header(accord_document_get_root(doc), score, TRUE);
	return doc;
}

/* the header of a view of one country and one ruleset: the country, the ruleset, the options
 * and the overall score; unless @quote, only the ruleset's id and no options, which a report of
 * several countries shows once */
void
accord_build_header(AccordNode *root, const AccordScore *score, gboolean quote)
{
	accord_build_profile_fields(root, accord_build_profile_of(score));
	accord_build_ruleset_fields(
	    root,
	    accord_evaluation_get_ruleset(accord_score_get_evaluation(score)),
	    quote);
	if (quote)
		accord_build_options_fields(root, accord_score_get_options(score));
	accord_build_overall_fields(root, score);
}

void
accord_build_profile_fields(AccordNode *parent, const AccordProfile *profile)
{
	ACCORD_FIELDS(
	    parent,
	    {"country", "Country", accord_cell_id(accord_profile_get_country(profile)), TRUE},
	    {"name", "Name", accord_cell_text(accord_profile_get_name(profile))},
	    {"as_of", "As of", accord_cell_date(accord_profile_get_as_of(profile))});
}

/* the ruleset: its id, and unless a report quotes them once (@quote FALSE), its version,
 * title and agreement */
void
accord_build_ruleset_fields(AccordNode *parent, const AccordRuleset *rs, gboolean quote)
{
	ACCORD_FIELDS(parent,
		      {"ruleset", "Ruleset", accord_cell_id(accord_ruleset_get_id(rs)), TRUE});
	if (!quote)
		return;
	ACCORD_FIELDS(
	    parent,
	    {"ruleset_version", "Version", accord_cell_text(accord_ruleset_get_version(rs))},
	    {"ruleset_title", "Title", accord_cell_text(accord_ruleset_get_title(rs))},
	    {"agreement", "Agreement", accord_cell_text(accord_ruleset_get_agreement(rs))});
}

void
accord_build_options_fields(AccordNode *parent, const AccordScoreOptions *o)
{
	ACCORD_FIELDS(
	    parent,
	    {"model", "Model", accord_cell_outcome(accord_score_model_to_string(o->model))},
	    {"aggregation",
	     "Aggregation",
	     accord_cell_outcome(accord_aggregation_to_string(o->aggregation))},
	    {"unknown",
	     "Unknown facts",
	     accord_cell_outcome(accord_unknown_policy_to_string(o->unknown))});
	if (o->tailoring != NULL)
		ACCORD_FIELDS(parent,
			      {"tailoring",
			       "Tailoring",
			       accord_cell_id(accord_tailoring_get_id(o->tailoring))});
}

void
accord_build_overall_fields(AccordNode *parent, const AccordScore *score)
{
	const AccordScoreItem *overall = accord_score_get_overall(score);

	ACCORD_FIELDS(parent,
		      {"overall", "Overall score", accord_cell_score(overall->value)},
		      {"coverage", "Coverage", accord_cell_percent(overall->coverage)},
		      {"coverage_high",
		       "High-confidence coverage",
		       accord_cell_percent(overall->coverage_high)});
}

/* the fact filter, when it is not the default or left a fact out (expired evidence): the
 * confidence floor, the age limit, the day facts were counted on and, for views of one
 * profile, how many facts it left out */
void
accord_build_filter_fields(AccordNode *parent, const AccordProfile *profile, gboolean count)
{
	const AccordProfileFilter *f = accord_profile_get_filter(profile);
	guint n = accord_profile_get_n_dropped(profile);

	if (f == NULL ||
	    (f->min_confidence == ACCORD_CONFIDENCE_LOW && f->max_age_years == 0 && n == 0))
		return;
	ACCORD_FIELDS(
	    parent,
	    {"min_confidence",
	     "Confidence floor",
	     accord_cell_confidence(accord_confidence_to_string(f->min_confidence))},
	    {"evidence_max_age",
	     "Evidence max age (years)",
	     f->max_age_years > 0 ? accord_cell_count(f->max_age_years) : accord_cell_empty()},
	    {"counted_on", "Facts counted as of", accord_cell_date(f->date)});
	if (count)
		ACCORD_FIELDS(parent, {"not_counted", "Facts not counted", accord_cell_count(n)});
}

/* the facts @profile states that its filter left out, as rows of @table (made on the first
 * one, with @lead_column first); views of several profiles call it once per profile */
AccordNode *
accord_build_dropped(AccordNode *parent,
		     AccordNode *table,
		     const gchar *lead_column,
		     AccordCell lead,
		     const AccordProfile *profile)
{
	for (guint i = 0; i < accord_profile_get_n_dropped(profile); i++) {
		const AccordProfileFact *f = accord_profile_get_dropped(profile, i);
		const gchar *key = accord_fact_def_get_key(accord_profile_fact_get_def(f));

		if (table == NULL) {
			g_autofree gchar *columns =
			    g_strconcat(lead_column, "|fact=Fact|reason=Not counted because", NULL);
			table = accord_node_add_table(parent,
						      "facts_not_counted",
						      "Facts not counted (treated as unknown)",
						      columns);
		}
		ACCORD_ROW(table,
			   lead,
			   accord_build_fact(profile, key),
			   accord_cell_outcome(accord_drop_reason_to_string(
			       accord_profile_fact_get_drop_reason(f))));
	}
	return table;
}

static void
build_variants(AccordNode *parent, const AccordAssessment *assessment)
{
	AccordNode *table = NULL;

	for (guint v = ACCORD_VARIANT_WITHOUT_ASSUMPTIONS; v <= ACCORD_VARIANT_BEFORE_WAIVERS;
	     v++) {
		const AccordScore *score = accord_assessment_get_score(assessment, v);
		const AccordScoreItem *o = score != NULL ? accord_score_get_overall(score) : NULL;

		if (score == NULL)
			continue;
		if (table == NULL)
			table = accord_node_add_table(
			    parent,
			    "variants",
			    "The score under other variants",
			    "variant=Variant|overall=Overall|coverage=Coverage|"
			    "coverage_high=High confidence");
		ACCORD_ROW(table,
			   accord_cell_outcome(accord_variant_to_string(v)),
			   accord_cell_score(o->value),
			   accord_cell_percent(o->coverage),
			   accord_cell_percent(o->coverage_high));
	}
}

/* the assumed facts of @profile as rows of @table, which is made on the first one; views of
 * several countries call it once per country with the table it returned */
AccordNode *
accord_build_assumptions(AccordNode *parent, AccordNode *table, const AccordProfile *profile)
{
	for (guint i = 0; i < accord_profile_get_n_facts(profile); i++) {
		const AccordProfileFact *f = accord_profile_get_fact(profile, i);

		if (!accord_profile_fact_is_assumed(f))
			continue;
		if (table == NULL)
			table = accord_node_add_table(parent,
						      "assumptions",
						      "What-if assumptions (the scores use them)",
						      "country=Country|fact=Fact|value=Assumed|"
						      "stated=The profile states");
		ACCORD_ROW(table,
			   accord_cell_id(accord_profile_get_country(profile)),
			   accord_cell_id(accord_fact_def_get_key(accord_profile_fact_get_def(f))),
			   accord_cell_text(accord_profile_fact_get_text(f)),
			   accord_cell_text(accord_profile_fact_get_assumed_from(f)));
	}
	return table;
}

static void
build_tailoring(AccordNode *parent, const AccordTailoring *tailoring)
{
	AccordNode *table;

	if (tailoring == NULL)
		return;
	table = accord_node_add_table(parent,
				      "tailoring_changes",
				      accord_tailoring_get_title(tailoring),
				      "change=Tailoring");
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++)
		ACCORD_ROW(table, accord_cell_text(accord_tailoring_get_change(tailoring, i)));
}

static void
build_waivers(AccordNode *parent, const AccordWaiverOutcome *outcome)
{
	AccordNode *table;

	if (outcome == NULL)
		return;
	table = accord_node_add_table(
	    parent,
	    "waivers",
	    "Waivers",
	    "criterion=Criterion|status=Status|checked=Checked on|"
	    "expires=Expires|approver=Approved by|justification=Justification");
	for (guint i = 0; i < accord_waiver_outcome_get_n_uses(outcome); i++) {
		const AccordWaiverUse *use = accord_waiver_outcome_get_use(outcome, i);
		ACCORD_ROW(table,
			   accord_cell_id(use->waiver->criterion),
			   accord_cell_outcome(accord_waiver_status_to_string(use->status)),
			   accord_cell_date(accord_waiver_outcome_get_date(outcome)),
			   accord_cell_date(use->waiver->expires),
			   accord_cell_text(use->waiver->approver),
			   accord_cell_text(use->waiver->justification));
	}
}

/* what changed the inputs, each only when there is one: the fact filter and the facts it
 * left out, the other variants' scores, the assumptions, the tailoring and the waivers */
void
accord_build_context(AccordNode *parent, const AccordAssessment *assessment)
{
	const AccordScore *score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	const AccordProfile *profile = accord_build_profile_of(score);

	accord_build_filter_fields(parent, profile, TRUE);
	accord_build_dropped(parent,
			     NULL,
			     "country=Country",
			     accord_cell_id(accord_profile_get_country(profile)),
			     profile);
	build_variants(parent, assessment);
	accord_build_assumptions(parent, NULL, accord_build_profile_of(score));
	build_tailoring(parent, accord_score_get_options(score)->tailoring);
	build_waivers(parent, accord_assessment_get_waivers(assessment));
}

/* the pillars' scores, with their chart; their titles unless a report quotes them once */
void
accord_build_pillars(AccordNode *parent, const AccordScore *score, gboolean quote)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	AccordNode *table =
	    accord_node_add_table(parent,
				  "pillars",
				  "Pillars",
				  "pillar=Pillar|weight=Weight|score=Score|coverage=Coverage|"
				  "coverage_high=High confidence|share=Share");

	if (quote)
		accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(score, p);
		AccordCell row[] = {
		    accord_cell_id(accord_pillar_get_id(p)),
		    accord_cell_number(accord_score_get_pillar_weight(score, p), 4),
		    accord_cell_score(item->value),
		    accord_cell_percent(item->coverage),
		    accord_cell_percent(item->coverage_high),
		    accord_cell_percent(item->share),
		    accord_cell_text(accord_pillar_get_title(p)),
		};

		accord_table_add_row(table, row, G_N_ELEMENTS(row) - (quote ? 0 : 1));
	}
	accord_table_add_chart(table, ACCORD_CHART_RADAR, "Pillar scores", "pillar", "score");
}

/* the marks of what rests on a fact @low in confidence that a filter left out for @dropped:
 * low confidence; not counted, and stale when its evidence was too old or expired */
static guint
basis_marks(gboolean low, AccordDropReason dropped)
{
	return (low ? ACCORD_MARK_LOW_CONFIDENCE : 0) |
	       (dropped != ACCORD_DROP_NONE ? ACCORD_MARK_NOT_COUNTED : 0) |
	       (dropped == ACCORD_DROP_STALE || dropped == ACCORD_DROP_EXPIRED ? ACCORD_MARK_STALE
									       : 0);
}

/* the fact as the profile states it, with confidence and newest evidence, marked; a fact a
 * filter left out is shown with what it stated, marked not counted */
AccordCell
accord_build_fact(const AccordProfile *profile, const gchar *key)
{
	const AccordProfileFact *f = accord_profile_lookup_fact(profile, key);
	const AccordEvidence *e;

	if (f == NULL)
		f = accord_profile_lookup_dropped(profile, key);
	if (f == NULL)
		return accord_cell_fact(key, NULL, NULL, NULL, NULL, NULL);
	e = accord_profile_fact_get_newest_evidence(f);
	return accord_cell_with_marks(
	    accord_cell_fact(key,
			     accord_profile_fact_get_text(f),
			     accord_confidence_to_string(accord_profile_fact_get_confidence(f)),
			     e != NULL ? accord_evidence_get_date(e) : NULL,
			     e != NULL ? accord_evidence_get_title(e) : NULL,
			     e != NULL ? accord_evidence_get_href(e) : NULL),
	    basis_marks(accord_profile_fact_get_confidence(f) == ACCORD_CONFIDENCE_LOW,
			accord_profile_fact_get_drop_reason(f)) |
		(accord_profile_fact_is_assumed(f) ? ACCORD_MARK_ASSUMED : 0));
}

/* the marks of what a criterion's outcome rests on: low confidence when a known outcome rests
 * on an inferred fact; not counted, and stale, when a fact it reads was left out */
guint
accord_build_basis_marks(const AccordScore *score, const AccordCriterion *criterion)
{
	const AccordCriterionResult *r =
	    accord_evaluation_get_result(accord_score_get_evaluation(score), criterion);

	return basis_marks(r->known && r->confidence == ACCORD_CONFIDENCE_LOW, r->dropped);
}

/* one row of @table per fact the criterion reads (precondition first): @lead, then the fact */
void
accord_build_fact_rows(AccordNode *table,
		       const AccordScore *score,
		       const AccordCriterion *criterion,
		       const AccordCell *lead,
		       guint n_lead)
{
	g_autoptr(GPtrArray) defs = g_ptr_array_new();
	g_autofree AccordCell *row = g_new(AccordCell, n_lead + 1);

	accord_criterion_collect_facts(criterion, defs);
	memcpy(row, lead, n_lead * sizeof(AccordCell));
	for (guint i = 0; i < defs->len; i++) {
		row[n_lead] =
		    accord_build_fact(accord_build_profile_of(score),
				      accord_fact_def_get_key(g_ptr_array_index(defs, i)));
		accord_table_add_row(table, row, n_lead + 1);
	}
}

/* a rule as an item of @list: headed by its title, identified by its id, with its pillar */
AccordNode *
accord_build_rule_item(AccordNode *list, const AccordRule *rule)
{
	AccordNode *item = accord_node_add_section(list, NULL, accord_rule_get_title(rule));

	ACCORD_FIELDS(item,
		      {"rule", "Rule", accord_cell_id(accord_rule_get_id(rule)), TRUE},
		      {"pillar",
		       "Pillar",
		       accord_cell_id(accord_pillar_get_id(accord_rule_get_pillar(rule)))});
	return item;
}

/* the provision quoted with its citation; marked when the text was not read verbatim */
AccordCell
accord_build_provision(const AccordRule *rule)
{
	return accord_cell_with_marks(
	    accord_cell_quote(accord_rule_get_provision(rule), accord_rule_get_cite(rule)),
	    accord_rule_is_verified(rule) ? 0 : ACCORD_MARK_UNVERIFIED);
}

const gchar *
accord_build_outcome(const AccordScore *score, const AccordCriterion *criterion)
{
	return accord_outcome_to_string(
	    accord_evaluation_get_result(accord_score_get_evaluation(score), criterion)->outcome);
}
