#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "accord/version.h"
#include "writer-private.h"

void
accord_json_add_string(JsonBuilder *b, const gchar *name, const gchar *value)
{
	json_builder_set_member_name(b, name);
	if (value != NULL)
		json_builder_add_string_value(b, value);
	else
		json_builder_add_null_value(b);
}

/* numbers go out at full double precision (json-glib prints 17 significant digits), so a
 * pipeline reads back exactly the value Accord computed; rounding is for display */
void
accord_json_add_number(JsonBuilder *b, const gchar *name, gdouble value)
{
	json_builder_set_member_name(b, name);
	if (isnan(value))
		json_builder_add_null_value(b);
	else
		json_builder_add_double_value(b, value);
}

void
accord_json_add_item(JsonBuilder *b, const AccordScoreItem *item)
{
	accord_json_add_number(b, "score", item->applicable ? item->value : NAN);
	accord_json_add_number(b, "coverage", item->coverage);
	accord_json_add_number(b, "share", item->share);
}

void
accord_json_add_options(JsonBuilder *b, const AccordScoreOptions *options)
{
	json_builder_set_member_name(b, "options");
	json_builder_begin_object(b);
	accord_json_add_string(b, "model", accord_score_model_to_string(options->model));
	accord_json_add_string(b,
			       "aggregation",
			       accord_aggregation_to_string(options->aggregation));
	accord_json_add_string(b, "unknown", accord_unknown_policy_to_string(options->unknown));
	json_builder_end_object(b);
}

/* the what-if assumptions the profile as evaluated carries, in key order */
static void
add_assumptions(JsonBuilder *b, const AccordProfile *profile)
{
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(profile);

	json_builder_set_member_name(b, "assumptions");
	json_builder_begin_array(b);
	for (guint i = 0; i < facts->len; i++) {
		const AccordProfileFact *fact = g_ptr_array_index(facts, i);

		json_builder_begin_object(b);
		accord_json_add_string(b,
				       "key",
				       accord_fact_def_get_key(accord_profile_fact_get_def(fact)));
		accord_json_add_string(b, "value", accord_profile_fact_get_text(fact));
		accord_json_add_string(b,
				       "profile_value",
				       accord_profile_fact_get_assumed_from(fact));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

/* the same view computed another way: its label and overall score item */
static void
add_alternatives(JsonBuilder *b, const AccordReport *report)
{
	json_builder_set_member_name(b, "alternatives");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "label", accord_report_get_alternative_label(report, i));
		json_builder_set_member_name(b, "overall");
		json_builder_begin_object(b);
		accord_json_add_item(b, accord_score_get_overall(accord_report_get_score(alt)));
		json_builder_end_object(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

void
accord_json_add_tailoring(JsonBuilder *b, const AccordTailoring *tailoring)
{
	json_builder_set_member_name(b, "tailoring");
	if (tailoring == NULL) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_tailoring_get_id(tailoring));
	accord_json_add_string(b, "title", accord_tailoring_get_title(tailoring));
	json_builder_set_member_name(b, "changes");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++)
		json_builder_add_string_value(b, accord_tailoring_get_change(tailoring, i));
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void
add_waiver_use(JsonBuilder *b, const AccordWaiverUse *use)
{
	json_builder_begin_object(b);
	accord_json_add_string(b, "criterion", use->waiver->criterion);
	accord_json_add_string(b,
			       "title",
			       use->criterion != NULL ? accord_criterion_get_title(use->criterion)
						      : NULL);
	accord_json_add_string(b, "status", accord_waiver_status_to_string(use->status));
	accord_json_add_string(b, "approver", use->waiver->approver);
	accord_json_add_string(b, "expires", use->waiver->expires);
	accord_json_add_string(b, "justification", use->waiver->justification);
	json_builder_end_object(b);
}

/* a score or gaps report's overall score; NAN (null) when not applicable */
static gdouble
overall_score(const AccordReport *report)
{
	const AccordScoreItem *item = accord_score_get_overall(accord_report_get_score(report));

	return item->applicable ? item->value : NAN;
}

/* the waivers for this country and ruleset, apart from the scores, with the overall score
 * before them (the "before waivers" alternative) and after them (the report's own) */
static void
add_waivers(JsonBuilder *b, const AccordReport *report)
{
	const AccordWaiverOutcome *outcome = accord_report_get_waivers(report);
	const AccordReport *before =
	    accord_writer_find_alternative(report, ACCORD_WRITER_BEFORE_WAIVERS);

	json_builder_set_member_name(b, "waivers");
	if (outcome == NULL) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	accord_json_add_string(b, "date", accord_waiver_outcome_get_date(outcome));
	accord_json_add_number(b, "score_before", before != NULL ? overall_score(before) : NAN);
	accord_json_add_number(b, "score_after", overall_score(report));
	json_builder_set_member_name(b, "uses");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_waiver_outcome_get_n_uses(outcome); i++)
		add_waiver_use(b, accord_waiver_outcome_get_use(outcome, i));
	json_builder_end_array(b);
	json_builder_end_object(b);
}

void
accord_json_add_context(JsonBuilder *b,
			const AccordProfile *profile,
			const AccordRuleset *ruleset,
			const AccordScoreOptions *options)
{
	json_builder_set_member_name(b, "profile");
	json_builder_begin_object(b);
	accord_json_add_string(b, "country", accord_profile_get_country(profile));
	accord_json_add_string(b, "name", accord_profile_get_name(profile));
	accord_json_add_string(b, "as_of", accord_profile_get_as_of(profile));
	json_builder_end_object(b);
	json_builder_set_member_name(b, "ruleset");
	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_ruleset_get_id(ruleset));
	accord_json_add_string(b, "version", accord_ruleset_get_version(ruleset));
	accord_json_add_string(b, "title", accord_ruleset_get_title(ruleset));
	accord_json_add_string(b, "agreement", accord_ruleset_get_agreement(ruleset));
	json_builder_end_object(b);
	accord_json_add_options(b, options);
}

void
accord_json_add_what_if(JsonBuilder *b, const AccordReport *report, const AccordProfile *profile)
{
	add_alternatives(b, report);
	add_assumptions(b, profile);
	accord_json_add_tailoring(b, accord_report_get_tailoring(report));
}

static void
add_header(JsonBuilder *b, const AccordReport *report)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	const AccordProfile *p = accord_evaluation_get_profile(evaluation);
	const AccordScoreOptions *options = accord_score_get_options(score);

	accord_json_add_string(b, "schema_version", ACCORD_JSON_SCHEMA_VERSION);
	accord_json_add_string(b, "generator", "accord " ACCORD_VERSION_STRING);
	accord_json_add_string(b,
			       "kind",
			       accord_report_get_kind(report) == ACCORD_REPORT_GAPS ? "gaps"
										    : "score");
	accord_json_add_context(b, p, rs, options);
	json_builder_set_member_name(b, "overall");
	json_builder_begin_object(b);
	accord_json_add_item(b, accord_score_get_overall(score));
	json_builder_end_object(b);
	accord_json_add_what_if(b, report, p);
	add_waivers(b, report);
}

static void
add_pillars(JsonBuilder *b, const AccordScore *score, const AccordRuleset *rs)
{
	const AccordTailoring *tailoring = accord_score_get_options(score)->tailoring;

	json_builder_set_member_name(b, "pillars");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_pillar_get_id(pillar));
		accord_json_add_string(b, "title", accord_pillar_get_title(pillar));
		accord_json_add_number(b, "weight", accord_score_get_pillar_weight(score, pillar));
		json_builder_set_member_name(b, "selected");
		json_builder_add_boolean_value(
		    b,
		    tailoring == NULL || accord_tailoring_selects_pillar(tailoring, pillar));
		accord_json_add_item(b, accord_score_get_pillar(score, pillar));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_criterion(JsonBuilder *b, const AccordScore *score, const AccordCriterion *criterion)
{
	const AccordCriterionResult *r =
	    accord_evaluation_get_result(accord_score_get_evaluation(score), criterion);

	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_criterion_get_id(criterion));
	accord_json_add_string(b, "title", accord_criterion_get_title(criterion));
	accord_json_add_number(b, "weight", accord_score_get_criterion_weight(score, criterion));
	json_builder_set_member_name(b, "selected");
	json_builder_add_boolean_value(b, accord_score_selects_criterion(score, criterion));
	accord_json_add_string(b,
			       "effort",
			       accord_effort_to_string(accord_criterion_get_effort(criterion)));
	accord_json_add_string(b, "outcome", accord_outcome_to_string(r->outcome));
	accord_json_add_number(b, "credit", r->credit);
	json_builder_set_member_name(b, "counted");
	json_builder_add_boolean_value(b, accord_score_counts_criterion(score, criterion));
	accord_json_add_string(b, "reason", r->reason);
	json_builder_end_object(b);
}

/* the weights are the ones the score used: the ruleset's, or the tailoring's overrides */
static void
add_rule_fields(JsonBuilder *b, const AccordScore *score, const AccordRule *rule)
{
	const AccordObligation *obligation = accord_rule_get_obligation(rule);
	const AccordTailoring *tailoring = accord_score_get_options(score)->tailoring;

	accord_json_add_string(b, "id", accord_rule_get_id(rule));
	accord_json_add_string(b, "title", accord_rule_get_title(rule));
	accord_json_add_string(b, "pillar", accord_pillar_get_id(accord_rule_get_pillar(rule)));
	accord_json_add_string(b, "cite", accord_rule_get_cite(rule));
	accord_json_add_string(b, "obligation", accord_obligation_get_id(obligation));
	accord_json_add_number(b, "multiplier", accord_obligation_get_multiplier(obligation));
	accord_json_add_number(b,
			       "weight",
			       tailoring != NULL ? accord_tailoring_get_rule_weight(tailoring, rule)
						 : accord_rule_get_weight(rule));
	accord_json_add_number(b, "effective_weight", accord_score_get_rule_weight(score, rule));
	json_builder_set_member_name(b, "selected");
	json_builder_add_boolean_value(b,
				       tailoring == NULL ||
					   accord_tailoring_selects_rule(tailoring, rule));
	json_builder_set_member_name(b, "verified");
	json_builder_add_boolean_value(b, accord_rule_is_verified(rule));
}

static void
add_rules(JsonBuilder *b, const AccordScore *score, const AccordRuleset *rs)
{
	json_builder_set_member_name(b, "rules");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, i);

		json_builder_begin_object(b);
		add_rule_fields(b, score, rule);
		accord_json_add_item(b, accord_score_get_rule(score, rule));
		json_builder_set_member_name(b, "criteria");
		json_builder_begin_array(b);
		for (guint c = 0; c < accord_rule_get_n_criteria(rule); c++)
			add_criterion(b, score, accord_rule_get_criterion(rule, c));
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_fact(JsonBuilder *b, const AccordProfile *profile, const gchar *key)
{
	const AccordProfileFact *fact = accord_profile_lookup_fact(profile, key);

	json_builder_begin_object(b);
	accord_json_add_string(b, "key", key);
	json_builder_set_member_name(b, "stated");
	json_builder_add_boolean_value(b, fact != NULL);
	if (fact != NULL) {
		accord_json_add_string(b, "value", accord_profile_fact_get_text(fact));
		json_builder_set_member_name(b, "assumed");
		json_builder_add_boolean_value(b, accord_profile_fact_is_assumed(fact));
		accord_json_add_string(
		    b,
		    "confidence",
		    accord_confidence_to_string(accord_profile_fact_get_confidence(fact)));
		accord_json_add_string(b, "note", accord_profile_fact_get_note(fact));
		json_builder_set_member_name(b, "evidence");
		json_builder_begin_array(b);
		for (guint i = 0; i < accord_profile_fact_get_n_evidence(fact); i++) {
			const AccordEvidence *ev = accord_profile_fact_get_evidence(fact, i);
			json_builder_begin_object(b);
			accord_json_add_string(b, "title", accord_evidence_get_title(ev));
			accord_json_add_string(b, "href", accord_evidence_get_href(ev));
			accord_json_add_string(b, "date", accord_evidence_get_date(ev));
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
	}
	json_builder_end_object(b);
}

static void
add_unmet(JsonBuilder *b, const AccordScore *score, const AccordCriterion *criterion)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	const AccordCriterionResult *r = accord_evaluation_get_result(evaluation, criterion);
	g_autoptr(GPtrArray) keys = g_ptr_array_new();

	if (accord_criterion_get_precondition(criterion) != NULL)
		accord_writer_collect_facts(accord_criterion_get_precondition(criterion), keys);
	accord_writer_collect_facts(accord_criterion_get_check(criterion), keys);
	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_criterion_get_id(criterion));
	accord_json_add_string(b, "title", accord_criterion_get_title(criterion));
	accord_json_add_string(b, "outcome", accord_outcome_to_string(r->outcome));
	accord_json_add_number(b, "credit", r->credit);
	accord_json_add_string(b, "reason", r->reason);
	json_builder_set_member_name(b, "facts");
	json_builder_begin_array(b);
	for (guint k = 0; k < keys->len; k++)
		add_fact(b, accord_evaluation_get_profile(evaluation), g_ptr_array_index(keys, k));
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void
add_gaps(JsonBuilder *b, const AccordReport *report)
{
	const AccordGapList *gaps = accord_report_get_gaps(report);
	const AccordScore *score = accord_report_get_score(report);

	accord_json_add_number(b, "total_gap", accord_gap_list_get_total(gaps));
	json_builder_set_member_name(b, "gaps");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);

		json_builder_begin_object(b);
		json_builder_set_member_name(b, "rank");
		json_builder_add_int_value(b, i + 1);
		add_rule_fields(b, score, gap->rule);
		accord_json_add_number(b, "score", gap->score);
		accord_json_add_number(b, "share", gap->share);
		accord_json_add_number(b, "gap", gap->gap);
		accord_json_add_string(b, "provision", accord_rule_get_provision(gap->rule));
		accord_json_add_string(b,
				       "recommendation",
				       accord_rule_get_recommendation(gap->rule));
		json_builder_set_member_name(b, "unmet");
		json_builder_begin_array(b);
		for (guint c = 0; c < gap->unmet->len; c++)
			add_unmet(b, score, g_ptr_array_index(gap->unmet, c));
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_validation(JsonBuilder *b, const AccordReport *report)
{
	accord_json_add_string(b, "schema_version", ACCORD_JSON_SCHEMA_VERSION);
	accord_json_add_string(b, "generator", "accord " ACCORD_VERSION_STRING);
	accord_json_add_string(b, "kind", "validation");
	json_builder_set_member_name(b, "files");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_report_get_n_validations(report); i++) {
		const AccordValidation *v = accord_report_get_validation(report, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "path", v->path);
		json_builder_set_member_name(b, "valid");
		json_builder_add_boolean_value(b, v->error == NULL);
		accord_json_add_string(b, "summary", v->summary);
		accord_json_add_string(b, "error", v->error);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_rank_scores(JsonBuilder *b, const AccordRanking *ranking, guint row)
{
	json_builder_set_member_name(b, "scores");
	json_builder_begin_array(b);
	for (guint r = 0; r < accord_ranking_get_n_rulesets(ranking); r++) {
		const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, r);
		const AccordScore *score = accord_ranking_get_score(ranking, row, r);

		json_builder_begin_object(b);
		accord_json_add_string(b, "ruleset", accord_ruleset_get_id(rs));
		accord_json_add_item(b, accord_score_get_overall(score));
		add_pillars(b, score, rs);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

/* the mean of the same country in the ranking without the what-if assumptions; NAN when
 * there is no such ranking */
static gdouble
mean_without_assumptions(const AccordReport *report, const AccordRankRow *row)
{
	const AccordReport *alt =
	    accord_writer_find_alternative(report, ACCORD_WRITER_WITHOUT_ASSUMPTIONS);
	const AccordRankRow *plain =
	    alt != NULL ? accord_writer_find_rank_row(accord_report_get_ranking(alt),
						      accord_profile_get_country(row->profile))
			: NULL;

	return plain != NULL ? plain->mean : NAN;
}

static void
add_rank_rows(JsonBuilder *b, const AccordReport *report)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);

	json_builder_set_member_name(b, "rows");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, i);

		json_builder_begin_object(b);
		json_builder_set_member_name(b, "position");
		json_builder_add_int_value(b, row->position);
		json_builder_set_member_name(b, "tied");
		json_builder_add_boolean_value(b, row->tied);
		accord_json_add_string(b, "country", accord_profile_get_country(row->profile));
		accord_json_add_string(b, "name", accord_profile_get_name(row->profile));
		accord_json_add_string(b, "as_of", accord_profile_get_as_of(row->profile));
		accord_json_add_number(b, "mean", row->mean);
		accord_json_add_number(b,
				       "mean_without_assumptions",
				       mean_without_assumptions(report, row));
		json_builder_set_member_name(b, "tier");
		if (accord_ranking_get_n_tiers(ranking) > 0)
			json_builder_add_int_value(b, row->tier);
		else
			json_builder_add_null_value(b);
		add_assumptions(b, row->profile);
		add_rank_scores(b, ranking, i);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_ranking(JsonBuilder *b, const AccordReport *report)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);

	accord_json_add_string(b, "schema_version", ACCORD_JSON_SCHEMA_VERSION);
	accord_json_add_string(b, "generator", "accord " ACCORD_VERSION_STRING);
	accord_json_add_string(b, "kind", "rank");
	json_builder_set_member_name(b, "rulesets");
	json_builder_begin_array(b);
	for (guint r = 0; r < accord_ranking_get_n_rulesets(ranking); r++) {
		const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, r);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_ruleset_get_id(rs));
		accord_json_add_string(b, "version", accord_ruleset_get_version(rs));
		accord_json_add_string(b, "title", accord_ruleset_get_title(rs));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	accord_json_add_options(b, accord_ranking_get_options(ranking));
	json_builder_set_member_name(b, "tiers");
	json_builder_begin_array(b);
	for (guint t = 0; t < accord_ranking_get_n_tiers(ranking); t++)
		json_builder_add_double_value(b, accord_ranking_get_tier_cutoff(ranking, t));
	json_builder_end_array(b);
	add_rank_rows(b, report);
	json_builder_set_member_name(b, "correlations");
	json_builder_begin_array(b);
	for (guint c = 0; c < accord_ranking_get_n_correlations(ranking); c++) {
		const AccordCorrelation *cor = accord_ranking_get_correlation(ranking, c);

		json_builder_begin_object(b);
		accord_json_add_string(b, "ruleset", accord_ruleset_get_id(cor->ruleset));
		accord_json_add_string(b, "index", cor->index_name);
		json_builder_set_member_name(b, "method");
		json_builder_add_string_value(b, "spearman");
		accord_json_add_number(b, "rho", cor->rho);
		json_builder_set_member_name(b, "n");
		json_builder_add_int_value(b, cor->n);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

/* every JSON view is one object: build it, then print it with json-glib */
void
accord_json_add_document_header(JsonBuilder *b, const gchar *kind)
{
	accord_json_add_string(b, "schema_version", ACCORD_JSON_SCHEMA_VERSION);
	accord_json_add_string(b, "generator", "accord " ACCORD_VERSION_STRING);
	accord_json_add_string(b, "kind", kind);
}

void
accord_json_emit(JsonBuilder *b, GString *out)
{
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = json_builder_get_root(b);
	g_autofree gchar *text = NULL;

	json_generator_set_root(gen, root);
	json_generator_set_pretty(gen, TRUE);
	json_generator_set_indent(gen, 2);
	text = json_generator_to_data(gen, NULL);
	g_string_append(out, text);
	g_string_append_c(out, '\n');
}

static void
write_results(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));

	json_builder_begin_object(b);
	add_header(b, report);
	add_pillars(b, score, rs);
	if (accord_report_get_kind(report) == ACCORD_REPORT_GAPS)
		add_gaps(b, report);
	else
		add_rules(b, score, rs);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}

static void
write_validation(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	add_validation(b, report);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}

static void
write_ranking(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	add_ranking(b, report);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}

const AccordWriteFunc accord_writers_json[ACCORD_REPORT_N_KINDS] = {
    [ACCORD_REPORT_SCORE] = write_results,
    [ACCORD_REPORT_GAPS] = write_results,
    [ACCORD_REPORT_VALIDATION] = write_validation,
    [ACCORD_REPORT_RANK] = write_ranking,
    [ACCORD_REPORT_COMPARE] = accord_writer_compare_json,
    [ACCORD_REPORT_ROADMAP] = accord_writer_roadmap_json,
    [ACCORD_REPORT_DIFF] = accord_writer_diff_json,
    [ACCORD_REPORT_EXPLAIN] = accord_writer_explain_json,
};
