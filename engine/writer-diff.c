#include "config.h"

#include "writer-private.h"

/* the diff view (accord diff OLD NEW): two snapshots of one country against one ruleset;
 * every number comes from the AccordDiff, the writers only lay it out */

static const AccordProfile *
old_profile(const AccordDiff *diff)
{
	return accord_evaluation_get_profile(
	    accord_score_get_evaluation(accord_diff_get_old_score(diff)));
}

static const AccordProfile *
new_profile(const AccordDiff *diff)
{
	return accord_evaluation_get_profile(
	    accord_score_get_evaluation(accord_diff_get_new_score(diff)));
}

static const AccordRuleset *
diff_ruleset(const AccordDiff *diff)
{
	return accord_evaluation_get_ruleset(
	    accord_score_get_evaluation(accord_diff_get_old_score(diff)));
}

/* AccordGapChange: opened has no old gap, closed has no new one (both exactly 0) */
static const gchar *
gap_status(const AccordGapChange *change)
{
	if (change->old_gap == 0)
		return "opened";
	if (change->new_gap == 0)
		return "closed";
	return "still-open";
}

static const gchar *
fact_status(const AccordFactChange *change)
{
	if (change->old_value == NULL)
		return "added";
	if (change->new_value == NULL)
		return "removed";
	return "changed";
}

static const gchar *
stated(const gchar *value)
{
	return value != NULL ? value : "not stated";
}

static gchar *
describe_snapshot(const AccordProfile *p)
{
	return g_strdup_printf("%s (%s), as of %s",
			       accord_profile_get_name(p),
			       accord_profile_get_country(p),
			       accord_profile_get_as_of(p));
}

/* "54.2 -> 61.1 / 100 (coverage 77.8% -> 94.4%)" with @arrow between the two */
static gchar *
describe_item_change(const AccordScoreItem *old_item,
		     const AccordScoreItem *new_item,
		     const gchar *arrow)
{
	g_autofree gchar *ov = accord_writer_format_score(old_item->value);
	g_autofree gchar *nv = accord_writer_format_score(new_item->value);
	g_autofree gchar *oc = accord_writer_format_percent(old_item->coverage);
	g_autofree gchar *nc = accord_writer_format_percent(new_item->coverage);

	return g_strdup_printf("%s %s %s / 100 (coverage %s %s %s)", ov, arrow, nv, oc, arrow, nc);
}

/* ---- text ---- */

static void
text_header(const AccordReport *report, GString *out)
{
	const AccordDiff *diff = accord_report_get_diff(report);
	const AccordRuleset *rs = diff_ruleset(diff);
	const AccordScoreOptions *options =
	    accord_score_get_options(accord_diff_get_old_score(diff));
	g_autofree gchar *o = describe_snapshot(old_profile(diff));
	g_autofree gchar *n = describe_snapshot(new_profile(diff));

	g_string_append_printf(out, "Accord diff\n\nOld:      %s\nNew:      %s\n", o, n);
	g_string_append_printf(out,
			       "Ruleset:  %s version %s: %s\n",
			       accord_ruleset_get_id(rs),
			       accord_ruleset_get_version(rs),
			       accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       "Model:    %s, %s aggregation, unknown facts scored as %s\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	accord_writer_tailoring(report, FALSE, out);
	g_string_append(out, "\n");
}

static void
text_scores(const AccordDiff *diff, GString *out)
{
	const AccordScore *os = accord_diff_get_old_score(diff);
	const AccordScore *ns = accord_diff_get_new_score(diff);
	const AccordRuleset *rs = diff_ruleset(diff);
	g_autofree gchar *overall =
	    describe_item_change(accord_score_get_overall(os), accord_score_get_overall(ns), "->");

	g_string_append_printf(out, "Overall score: %s\n\nPillars:\n", overall);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		g_autofree gchar *line = describe_item_change(accord_score_get_pillar(os, pillar),
							      accord_score_get_pillar(ns, pillar),
							      "->");

		g_string_append_printf(out,
				       "  %-20s %s   %s\n",
				       accord_pillar_get_id(pillar),
				       line,
				       accord_pillar_get_title(pillar));
	}
}

static void
text_facts(const AccordDiff *diff, GString *out)
{
	g_string_append(out, "\nFacts that changed (old -> new), in key order:\n");
	for (guint i = 0; i < accord_diff_get_n_fact_changes(diff); i++) {
		const AccordFactChange *change = accord_diff_get_fact_change(diff, i);

		g_string_append_printf(out,
				       "  %-8s %s: %s -> %s\n",
				       fact_status(change),
				       change->key,
				       stated(change->old_value),
				       stated(change->new_value));
	}
	if (accord_diff_get_n_fact_changes(diff) == 0)
		g_string_append(out, "  (none)\n");
}

static void
text_gaps(const AccordDiff *diff, GString *out)
{
	g_string_append(out,
			"\nGaps (points of overall score: weight share x (100 - rule score)), "
			"old -> new, in ruleset order:\n");
	for (guint i = 0; i < accord_diff_get_n_gap_changes(diff); i++) {
		const AccordGapChange *change = accord_diff_get_gap_change(diff, i);
		g_autofree gchar *o = accord_writer_format_score(change->old_gap);
		g_autofree gchar *n = accord_writer_format_score(change->new_gap);

		g_string_append_printf(
		    out,
		    "  %-10s %-16s %5s -> %5s   %s [%s]: %s\n",
		    gap_status(change),
		    accord_rule_get_id(change->rule),
		    o,
		    n,
		    accord_rule_get_cite(change->rule),
		    accord_obligation_get_id(accord_rule_get_obligation(change->rule)),
		    accord_rule_get_title(change->rule));
	}
	if (accord_diff_get_n_gap_changes(diff) == 0)
		g_string_append(out, "  (none)\n");
}

void
accord_writer_diff_text(const AccordReport *report, GString *out)
{
	const AccordDiff *diff = accord_report_get_diff(report);

	text_header(report, out);
	text_scores(diff, out);
	text_facts(diff, out);
	text_gaps(diff, out);
}

/* ---- markdown ---- */

static void
markdown_header(const AccordReport *report, GString *out)
{
	const AccordDiff *diff = accord_report_get_diff(report);
	const AccordRuleset *rs = diff_ruleset(diff);
	const AccordScoreOptions *options =
	    accord_score_get_options(accord_diff_get_old_score(diff));
	g_autofree gchar *o = describe_snapshot(old_profile(diff));
	g_autofree gchar *n = describe_snapshot(new_profile(diff));

	g_string_append(out, "# ");
	accord_writer_markdown_escape(out, accord_profile_get_name(new_profile(diff)));
	g_string_append_printf(out,
			       ": %s to %s against %s\n\n- Old: ",
			       accord_profile_get_as_of(old_profile(diff)),
			       accord_profile_get_as_of(new_profile(diff)),
			       accord_ruleset_get_id(rs));
	accord_writer_markdown_escape(out, o);
	g_string_append(out, "\n- New: ");
	accord_writer_markdown_escape(out, n);
	g_string_append(out, "\n- Ruleset: ");
	accord_writer_markdown_escape(out, accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       " (version %s)\n- Model: %s, %s aggregation, unknown scored as %s\n",
			       accord_ruleset_get_version(rs),
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	accord_writer_tailoring(report, TRUE, out);
	g_string_append(out, "\n");
}

static void
markdown_score_row(GString *out,
		   const gchar *label,
		   const AccordScoreItem *old_item,
		   const AccordScoreItem *new_item)
{
	g_autofree gchar *ov = accord_writer_format_score(old_item->value);
	g_autofree gchar *nv = accord_writer_format_score(new_item->value);
	g_autofree gchar *oc = accord_writer_format_percent(old_item->coverage);
	g_autofree gchar *nc = accord_writer_format_percent(new_item->coverage);

	g_string_append(out, "| ");
	accord_writer_markdown_escape(out, label);
	g_string_append_printf(out, " | %s | %s | %s | %s |\n", ov, nv, oc, nc);
}

static void
markdown_scores(const AccordDiff *diff, GString *out)
{
	const AccordScore *os = accord_diff_get_old_score(diff);
	const AccordScore *ns = accord_diff_get_new_score(diff);
	const AccordRuleset *rs = diff_ruleset(diff);

	g_string_append(out,
			"| | Old score | New score | Old coverage | New coverage |\n"
			"|---|---:|---:|---:|---:|\n");
	markdown_score_row(out,
			   "Overall",
			   accord_score_get_overall(os),
			   accord_score_get_overall(ns));
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		markdown_score_row(out,
				   accord_pillar_get_title(pillar),
				   accord_score_get_pillar(os, pillar),
				   accord_score_get_pillar(ns, pillar));
	}
	g_string_append(out, "\n");
}

static void
markdown_facts(const AccordDiff *diff, GString *out)
{
	g_string_append(out, "## Facts that changed\n\n");
	if (accord_diff_get_n_fact_changes(diff) == 0) {
		g_string_append(out, "None.\n\n");
		return;
	}
	g_string_append(out, "| Fact | Change | Old | New |\n|---|---|---|---|\n");
	for (guint i = 0; i < accord_diff_get_n_fact_changes(diff); i++) {
		const AccordFactChange *change = accord_diff_get_fact_change(diff, i);

		g_string_append_printf(out, "| `%s` | %s | ", change->key, fact_status(change));
		accord_writer_markdown_escape(out, stated(change->old_value));
		g_string_append(out, " | ");
		accord_writer_markdown_escape(out, stated(change->new_value));
		g_string_append(out, " |\n");
	}
	g_string_append(out, "\n");
}

static void
markdown_gaps(const AccordDiff *diff, GString *out)
{
	g_string_append(out,
			"## Gaps\n\nGap = weight share × (100 − rule score), in points of overall "
			"score.\n\n");
	if (accord_diff_get_n_gap_changes(diff) == 0) {
		g_string_append(out, "None.\n");
		return;
	}
	g_string_append(
	    out,
	    "| Rule | Citation | Status | Old gap | New gap |\n|---|---|---|---:|---:|\n");
	for (guint i = 0; i < accord_diff_get_n_gap_changes(diff); i++) {
		const AccordGapChange *change = accord_diff_get_gap_change(diff, i);
		g_autofree gchar *o = accord_writer_format_score(change->old_gap);
		g_autofree gchar *n = accord_writer_format_score(change->new_gap);

		g_string_append_printf(out, "| `%s` ", accord_rule_get_id(change->rule));
		accord_writer_markdown_escape(out, accord_rule_get_title(change->rule));
		g_string_append(out, " | ");
		accord_writer_markdown_escape(out, accord_rule_get_cite(change->rule));
		g_string_append_printf(out, " | %s | %s | %s |\n", gap_status(change), o, n);
	}
}

void
accord_writer_diff_markdown(const AccordReport *report, GString *out)
{
	const AccordDiff *diff = accord_report_get_diff(report);

	markdown_header(report, out);
	markdown_scores(diff, out);
	markdown_facts(diff, out);
	markdown_gaps(diff, out);
}

/* ---- csv ---- */

/* long format: one record per level (tailoring change, overall, pillar, fact, gap), all with
 * the same columns, empty where a column does not apply */
enum {
	CSV_COUNTRY,
	CSV_RULESET,
	CSV_OLD_AS_OF,
	CSV_NEW_AS_OF,
	CSV_LEVEL,
	CSV_ID,
	CSV_TITLE,
	CSV_STATUS,
	CSV_OLD,
	CSV_NEW,
	CSV_OLD_COVERAGE,
	CSV_NEW_COVERAGE,
	CSV_CITE,
	CSV_N
};

static const gchar *csv_header[CSV_N] = {"country",
					 "ruleset",
					 "old_as_of",
					 "new_as_of",
					 "level",
					 "id",
					 "title",
					 "status",
					 "old",
					 "new",
					 "old_coverage_pct",
					 "new_coverage_pct",
					 "cite"};

static void
csv_start(const AccordDiff *diff, const gchar **fields, const gchar *level)
{
	fields[CSV_COUNTRY] = accord_profile_get_country(new_profile(diff));
	fields[CSV_RULESET] = accord_ruleset_get_id(diff_ruleset(diff));
	fields[CSV_OLD_AS_OF] = accord_profile_get_as_of(old_profile(diff));
	fields[CSV_NEW_AS_OF] = accord_profile_get_as_of(new_profile(diff));
	fields[CSV_LEVEL] = level;
}

static void
csv_item(GString *out,
	 const AccordDiff *diff,
	 const gchar *level,
	 const gchar *id,
	 const gchar *title,
	 const AccordScoreItem *old_item,
	 const AccordScoreItem *new_item)
{
	const gchar *fields[CSV_N] = {NULL};
	g_autofree gchar *ov = accord_writer_format_score(old_item->value);
	g_autofree gchar *nv = accord_writer_format_score(new_item->value);
	g_autofree gchar *oc = accord_writer_format_score(100.0 * old_item->coverage);
	g_autofree gchar *nc = accord_writer_format_score(100.0 * new_item->coverage);

	csv_start(diff, fields, level);
	fields[CSV_ID] = id;
	fields[CSV_TITLE] = title;
	fields[CSV_OLD] = ov;
	fields[CSV_NEW] = nv;
	fields[CSV_OLD_COVERAGE] = oc;
	fields[CSV_NEW_COVERAGE] = nc;
	accord_writer_csv_row(out, fields, CSV_N);
}

static void
csv_scores(const AccordDiff *diff, GString *out)
{
	const AccordScore *os = accord_diff_get_old_score(diff);
	const AccordScore *ns = accord_diff_get_new_score(diff);
	const AccordRuleset *rs = diff_ruleset(diff);

	csv_item(out,
		 diff,
		 "overall",
		 accord_ruleset_get_id(rs),
		 accord_ruleset_get_title(rs),
		 accord_score_get_overall(os),
		 accord_score_get_overall(ns));
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		csv_item(out,
			 diff,
			 "pillar",
			 accord_pillar_get_id(pillar),
			 accord_pillar_get_title(pillar),
			 accord_score_get_pillar(os, pillar),
			 accord_score_get_pillar(ns, pillar));
	}
}

static void
csv_tailoring(const AccordDiff *diff, const AccordTailoring *tailoring, GString *out)
{
	const gchar *fields[CSV_N] = {NULL};

	csv_start(diff, fields, "tailoring");
	fields[CSV_ID] = accord_tailoring_get_id(tailoring);
	fields[CSV_TITLE] = accord_tailoring_get_title(tailoring);
	accord_writer_csv_row(out, fields, CSV_N);
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++) {
		csv_start(diff, fields, "tailoring-change");
		fields[CSV_TITLE] = accord_tailoring_get_change(tailoring, i);
		accord_writer_csv_row(out, fields, CSV_N);
	}
}

/* a fact that is not stated is an empty field; the status column says added or removed */
static void
csv_facts(const AccordDiff *diff, GString *out)
{
	for (guint i = 0; i < accord_diff_get_n_fact_changes(diff); i++) {
		const AccordFactChange *change = accord_diff_get_fact_change(diff, i);
		const gchar *fields[CSV_N] = {NULL};

		csv_start(diff, fields, "fact");
		fields[CSV_ID] = change->key;
		fields[CSV_STATUS] = fact_status(change);
		fields[CSV_OLD] = change->old_value;
		fields[CSV_NEW] = change->new_value;
		accord_writer_csv_row(out, fields, CSV_N);
	}
}

static void
csv_gaps(const AccordDiff *diff, GString *out)
{
	for (guint i = 0; i < accord_diff_get_n_gap_changes(diff); i++) {
		const AccordGapChange *change = accord_diff_get_gap_change(diff, i);
		const gchar *fields[CSV_N] = {NULL};
		g_autofree gchar *o = accord_writer_format_score(change->old_gap);
		g_autofree gchar *n = accord_writer_format_score(change->new_gap);

		csv_start(diff, fields, "gap");
		fields[CSV_ID] = accord_rule_get_id(change->rule);
		fields[CSV_TITLE] = accord_rule_get_title(change->rule);
		fields[CSV_STATUS] = gap_status(change);
		fields[CSV_OLD] = o;
		fields[CSV_NEW] = n;
		fields[CSV_CITE] = accord_rule_get_cite(change->rule);
		accord_writer_csv_row(out, fields, CSV_N);
	}
}

void
accord_writer_diff_csv(const AccordReport *report, GString *out)
{
	const AccordDiff *diff = accord_report_get_diff(report);

	accord_writer_csv_row(out, csv_header, CSV_N);
	if (accord_report_get_tailoring(report) != NULL)
		csv_tailoring(diff, accord_report_get_tailoring(report), out);
	csv_scores(diff, out);
	csv_facts(diff, out);
	csv_gaps(diff, out);
}

/* ---- json ---- */

static void
json_snapshot(JsonBuilder *b, const gchar *name, const AccordProfile *p)
{
	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	accord_json_add_string(b, "country", accord_profile_get_country(p));
	accord_json_add_string(b, "name", accord_profile_get_name(p));
	accord_json_add_string(b, "as_of", accord_profile_get_as_of(p));
	json_builder_end_object(b);
}

static void
json_ruleset(JsonBuilder *b, const AccordRuleset *rs)
{
	json_builder_set_member_name(b, "ruleset");
	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_ruleset_get_id(rs));
	accord_json_add_string(b, "version", accord_ruleset_get_version(rs));
	accord_json_add_string(b, "title", accord_ruleset_get_title(rs));
	accord_json_add_string(b, "agreement", accord_ruleset_get_agreement(rs));
	json_builder_end_object(b);
}

/* "old" and "new" score items side by side */
static void
json_items(JsonBuilder *b, const AccordScoreItem *old_item, const AccordScoreItem *new_item)
{
	json_builder_set_member_name(b, "old");
	json_builder_begin_object(b);
	accord_json_add_item(b, old_item);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "new");
	json_builder_begin_object(b);
	accord_json_add_item(b, new_item);
	json_builder_end_object(b);
}

static void
json_scores(JsonBuilder *b, const AccordDiff *diff)
{
	const AccordScore *os = accord_diff_get_old_score(diff);
	const AccordScore *ns = accord_diff_get_new_score(diff);
	const AccordRuleset *rs = diff_ruleset(diff);

	json_builder_set_member_name(b, "overall");
	json_builder_begin_object(b);
	json_items(b, accord_score_get_overall(os), accord_score_get_overall(ns));
	json_builder_end_object(b);
	json_builder_set_member_name(b, "pillars");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_pillar_get_id(pillar));
		accord_json_add_string(b, "title", accord_pillar_get_title(pillar));
		json_items(b,
			   accord_score_get_pillar(os, pillar),
			   accord_score_get_pillar(ns, pillar));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
json_facts(JsonBuilder *b, const AccordDiff *diff)
{
	json_builder_set_member_name(b, "facts");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_diff_get_n_fact_changes(diff); i++) {
		const AccordFactChange *change = accord_diff_get_fact_change(diff, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "key", change->key);
		accord_json_add_string(b, "change", fact_status(change));
		accord_json_add_string(b, "old", change->old_value);
		accord_json_add_string(b, "new", change->new_value);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
json_gaps(JsonBuilder *b, const AccordDiff *diff)
{
	json_builder_set_member_name(b, "gaps");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_diff_get_n_gap_changes(diff); i++) {
		const AccordGapChange *change = accord_diff_get_gap_change(diff, i);
		const AccordRule *rule = change->rule;

		json_builder_begin_object(b);
		accord_json_add_string(b, "rule", accord_rule_get_id(rule));
		accord_json_add_string(b, "title", accord_rule_get_title(rule));
		accord_json_add_string(b,
				       "pillar",
				       accord_pillar_get_id(accord_rule_get_pillar(rule)));
		accord_json_add_string(b, "cite", accord_rule_get_cite(rule));
		accord_json_add_string(b,
				       "obligation",
				       accord_obligation_get_id(accord_rule_get_obligation(rule)));
		accord_json_add_string(b, "status", gap_status(change));
		accord_json_add_number(b, "old_gap", change->old_gap);
		accord_json_add_number(b, "new_gap", change->new_gap);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

void
accord_writer_diff_json(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const AccordDiff *diff = accord_report_get_diff(report);

	json_builder_begin_object(b);
	accord_json_add_document_header(b, "diff");
	json_snapshot(b, "old", old_profile(diff));
	json_snapshot(b, "new", new_profile(diff));
	json_ruleset(b, diff_ruleset(diff));
	accord_json_add_options(b, accord_score_get_options(accord_diff_get_old_score(diff)));
	accord_json_add_tailoring(b, accord_report_get_tailoring(report));
	json_scores(b, diff);
	json_facts(b, diff);
	json_gaps(b, diff);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}
