#include "config.h"

#include "build-private.h"

/* what moved between two snapshots of one country */

static void
build_pillars(AccordNode *root, const AccordDiff *diff)
{
	const AccordScore *old_score = accord_diff_get_old_score(diff);
	const AccordScore *new_score = accord_diff_get_new_score(diff);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(old_score));
	AccordNode *table = accord_node_add_table(root, "pillars", "Pillars");

	accord_table_add_column(table, "pillar", "Pillar");
	accord_table_add_column(table, "old_score", "Old");
	accord_table_add_column(table, "new_score", "New");
	accord_table_add_column(table, "old_coverage", "Old coverage");
	accord_table_add_column(table, "new_coverage", "New coverage");
	accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *o = accord_score_get_pillar(old_score, p);
		const AccordScoreItem *n = accord_score_get_pillar(new_score, p);
		AccordCell row[] = {accord_cell_id(accord_pillar_get_id(p)),
				    accord_cell_score(o->value),
				    accord_cell_score(n->value),
				    accord_cell_percent(o->coverage),
				    accord_cell_percent(n->coverage),
				    accord_cell_text(accord_pillar_get_title(p))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_facts(AccordNode *root, const AccordDiff *diff)
{
	AccordNode *table = accord_node_add_table(root, "facts", "Facts that changed");

	accord_table_add_column(table, "change", "Change");
	accord_table_add_column(table, "fact", "Fact");
	accord_table_add_column(table, "old_value", "Old");
	accord_table_add_column(table, "new_value", "New");
	for (guint i = 0; i < accord_diff_get_n_fact_changes(diff); i++) {
		const AccordFactChange *c = accord_diff_get_fact_change(diff, i);
		AccordCell row[] = {accord_cell_outcome(accord_fact_change_kind_to_string(c->kind)),
				    accord_cell_id(c->key),
				    accord_cell_text(c->old_value),
				    accord_cell_text(c->new_value)};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_gaps(AccordNode *root, const AccordDiff *diff)
{
	AccordNode *table = accord_node_add_table(root, "gaps", "Gaps (points), in ruleset order");

	accord_table_add_column(table, "change", "Change");
	accord_table_add_column(table, "rule", "Rule");
	accord_table_add_column(table, "old_gap", "Old");
	accord_table_add_column(table, "new_gap", "New");
	accord_table_add_column(table, "cite", "Provision");
	accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_diff_get_n_gap_changes(diff); i++) {
		const AccordGapChange *c = accord_diff_get_gap_change(diff, i);
		AccordCell row[] = {accord_cell_outcome(accord_gap_change_kind_to_string(c->kind)),
				    accord_cell_id(accord_rule_get_id(c->rule)),
				    accord_cell_score(c->old_gap),
				    accord_cell_score(c->new_gap),
				    accord_cell_text(accord_rule_get_cite(c->rule)),
				    accord_cell_text(accord_rule_get_title(c->rule))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
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
	const AccordScore *old_score, *new_score;
	AccordDocument *doc;
	AccordNode *root;

	g_return_val_if_fail(diff != NULL, NULL);
	old_score = accord_diff_get_old_score(diff);
	new_score = accord_diff_get_new_score(diff);
	doc = accord_build_document("diff", "Accord diff", NULL);
	root = accord_document_get_root(doc);
	accord_build_profile_fields(root, accord_evaluation_get_profile(accord_score_get_evaluation(old_score)), "old");
	accord_node_add_field(root,
			      "new_as_of",
			      "New as of",
			      accord_cell_date(accord_profile_get_as_of(
				  accord_evaluation_get_profile(accord_score_get_evaluation(new_score)))));
	accord_build_ruleset_fields(root, accord_evaluation_get_ruleset(accord_score_get_evaluation(old_score)));
	accord_build_options_fields(root, accord_score_get_options(old_score));
	accord_build_overall_fields(root, old_score, "old");
	accord_build_overall_fields(root, new_score, "new");
	build_pillars(root, diff);
	build_facts(root, diff);
	accord_node_add_text(root,
			     "A gap is weight share x (100 - rule score). Opened or closed: it was "
			     "or is now 0; moved: it changed by more than 0.05 points; still-open: "
			     "it did not.");
	build_gaps(root, diff);
	return doc;
}
