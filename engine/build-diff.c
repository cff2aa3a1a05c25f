#include "config.h"

#include "build-private.h"

/* what moved between two snapshots of one country */

static void
build_snapshots(AccordNode *root, const AccordDiff *diff)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "snapshots",
				  NULL,
				  "snapshot=Snapshot|as_of=As of|overall=Overall score|"
				  "coverage=Coverage|coverage_high=High confidence|"
				  "not_counted=Facts not counted");

	for (guint i = 0; i < 2; i++) {
		const AccordScore *s = i == 0 ? accord_diff_get_old_score(diff)
					      : accord_diff_get_new_score(diff);
		const AccordProfile *p = accord_build_profile_of(s);
		ACCORD_ROW(table,
			   accord_cell_outcome(i == 0 ? "old" : "new"),
			   accord_cell_date(accord_profile_get_as_of(p)),
			   accord_cell_score(accord_score_get_overall(s)->value),
			   accord_cell_percent(accord_score_get_overall(s)->coverage),
			   accord_cell_percent(accord_score_get_overall(s)->coverage_high),
			   accord_cell_count(accord_profile_get_n_dropped(p)));
	}
}

/* each figure of a pillar in the old snapshot beside the new */
static void
build_pillars(AccordNode *root, const AccordDiff *diff)
{
	const AccordScore *scores[] = {accord_diff_get_old_score(diff),
				       accord_diff_get_new_score(diff)};
	const AccordRuleset *rs =
	    accord_evaluation_get_ruleset(accord_score_get_evaluation(scores[0]));
	AccordNode *table = accord_node_add_table(
	    root,
	    "pillars",
	    "Pillars",
	    "pillar=Pillar|old_score=Old|new_score=New|old_coverage=Old coverage|"
	    "new_coverage=New coverage|old_coverage_high=Old high confidence|"
	    "new_coverage_high=New high confidence|title=Title");

	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		AccordCell row[8];

		row[0] = accord_cell_id(accord_pillar_get_id(p));
		for (guint s = 0; s < G_N_ELEMENTS(scores); s++) {
			const AccordScoreItem *item = accord_score_get_pillar(scores[s], p);

			row[1 + s] = accord_cell_score(item->value);
			row[3 + s] = accord_cell_percent(item->coverage);
			row[5 + s] = accord_cell_percent(item->coverage_high);
		}
		row[7] = accord_cell_text(accord_pillar_get_title(p));
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

/* each changed fact as each snapshot states it, with confidence and newest evidence */
static void
build_facts(AccordNode *root, const AccordDiff *diff)
{
	const AccordProfile *old_profile = accord_build_profile_of(accord_diff_get_old_score(diff));
	const AccordProfile *new_profile = accord_build_profile_of(accord_diff_get_new_score(diff));
	AccordNode *table =
	    accord_node_add_table(root,
				  "facts",
				  "Facts that changed",
				  "change=Change|fact=Fact|old_value=Old|new_value=New");

	for (guint i = 0; i < accord_diff_get_n_fact_changes(diff); i++) {
		const AccordFactChange *c = accord_diff_get_fact_change(diff, i);
		ACCORD_ROW(table,
			   accord_cell_outcome(accord_fact_change_kind_to_string(c->kind)),
			   accord_cell_id(c->key),
			   accord_build_fact(old_profile, c->key),
			   accord_build_fact(new_profile, c->key));
	}
}

static void
build_gaps(AccordNode *root, const AccordDiff *diff)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "gaps",
				  "Gaps (points), in ruleset order",
				  "change=Change|rule=Rule|old_gap=Old|new_gap=New|cite=Provision|"
				  "title=Title");

	for (guint i = 0; i < accord_diff_get_n_gap_changes(diff); i++) {
		const AccordGapChange *c = accord_diff_get_gap_change(diff, i);
		ACCORD_ROW(table,
			   accord_cell_outcome(accord_gap_change_kind_to_string(c->kind)),
			   accord_cell_id(accord_rule_get_id(c->rule)),
			   accord_cell_score(c->old_gap),
			   accord_cell_score(c->new_gap),
			   accord_cell_text(accord_rule_get_cite(c->rule)),
			   accord_cell_text(accord_rule_get_title(c->rule)));
	}
}

/**
 * accord_diff_to_document:
 * @diff: a diff
 *
 * The diff view: both snapshots, the overall and pillar scores before and after, the facts
 * that changed and each rule's gap classified as opened, closed, moved or still open.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_diff_to_document(const AccordDiff *diff)
{
	const AccordEvaluation *old_evaluation;
	const AccordProfile *profile;
	AccordDocument *doc;
	AccordNode *root;

	g_return_val_if_fail(diff != NULL, NULL);
	old_evaluation = accord_score_get_evaluation(accord_diff_get_old_score(diff));
	profile = accord_evaluation_get_profile(old_evaluation);
	doc = accord_build_document("diff", "Accord diff", NULL);
	root = accord_document_get_root(doc);
	ACCORD_FIELDS(
	    root,
	    {"country", "Country", accord_cell_id(accord_profile_get_country(profile)), TRUE});
	accord_build_ruleset_fields(root, accord_evaluation_get_ruleset(old_evaluation), TRUE);
	accord_build_options_fields(root,
				    accord_score_get_options(accord_diff_get_old_score(diff)));
	accord_build_filter_fields(root,
				   accord_build_profile_of(accord_diff_get_old_score(diff)),
				   FALSE);
	build_snapshots(root, diff);
	{
		AccordNode *dropped =
		    accord_build_dropped(root,
					 NULL,
					 "snapshot=Snapshot",
					 accord_cell_outcome("old"),
					 accord_build_profile_of(accord_diff_get_old_score(diff)));
		accord_build_dropped(root,
				     dropped,
				     "snapshot=Snapshot",
				     accord_cell_outcome("new"),
				     accord_build_profile_of(accord_diff_get_new_score(diff)));
	}
	build_pillars(root, diff);
	build_facts(root, diff);
	accord_node_add_text(root,
			     "A gap is weight share x (100 - rule score). Opened or closed: it was "
			     "or is now 0; moved: it changed by more than 0.05 points; still-open: "
			     "it did not.");
	build_gaps(root, diff);
	return doc;
}
