#include "config.h"

#include <math.h>

#include "writer-private.h"

/* the compare view (accord compare A B): one AccordComparison per ruleset, the same pair of
 * profiles in each; every number comes from the comparison, the writers only lay it out */

static const AccordEvaluation *
evaluation_a(const AccordComparison *c)
{
	return accord_score_get_evaluation(accord_comparison_get_score_a(c));
}

static const AccordEvaluation *
evaluation_b(const AccordComparison *c)
{
	return accord_score_get_evaluation(accord_comparison_get_score_b(c));
}

static const AccordComparison *
first_comparison(const AccordReport *report)
{
	return g_ptr_array_index((GPtrArray *)accord_report_get_comparisons(report), 0);
}

/* the alternative's comparison of the same ruleset: the verb builds both lists in the
 * order of --ruleset, so they match by index */
static const AccordComparison *
alternative_comparison(const AccordReport *report, guint alt, guint index)
{
	const GPtrArray *list =
	    accord_report_get_comparisons(accord_report_get_alternative(report, alt));

	if (list == NULL || index >= list->len)
		return NULL;
	return g_ptr_array_index((GPtrArray *)list, index);
}

/* "conflict" or "gap" for a divergence, NULL when the two sides do not diverge */
static const gchar *
divergence_kind(const AccordComparisonItem *item)
{
	if (item->agreement != ACCORD_AGREEMENT_ONLY_A &&
	    item->agreement != ACCORD_AGREEMENT_ONLY_B)
		return NULL;
	return item->conflict ? "conflict" : "gap";
}

/* the evaluation of the side that falls short of a divergence, and the one that meets it */
static const AccordEvaluation *
short_side(const AccordComparison *c, const AccordComparisonItem *item)
{
	return item->agreement == ACCORD_AGREEMENT_ONLY_A ? evaluation_b(c) : evaluation_a(c);
}

static const AccordEvaluation *
meeting_side(const AccordComparison *c, const AccordComparisonItem *item)
{
	return item->agreement == ACCORD_AGREEMENT_ONLY_A ? evaluation_a(c) : evaluation_b(c);
}

static gboolean
is_selected(const AccordComparison *c, const AccordComparisonItem *item)
{
	return accord_score_selects_criterion(accord_comparison_get_score_a(c), item->criterion);
}

static const gchar *
short_label(const AccordComparisonItem *item)
{
	return item->agreement == ACCORD_AGREEMENT_ONLY_A ? "B" : "A";
}

static const gchar *
meeting_label(const AccordComparisonItem *item)
{
	return item->agreement == ACCORD_AGREEMENT_ONLY_A ? "A" : "B";
}

/* a share that is NAN when nothing was compared prints as n/a, like a score */
static gchar *
format_share(gdouble share)
{
	if (isnan(share))
		return g_strdup("n/a");
	return accord_writer_format_percent(share);
}

static gchar *
describe_profile(const AccordProfile *p)
{
	return g_strdup_printf("%s (%s), as of %s",
			       accord_profile_get_name(p),
			       accord_profile_get_country(p),
			       accord_profile_get_as_of(p));
}

/* calls @func for each assumed fact of the evaluated profiles, A's first, each in key order */
typedef void (*AssumptionFunc)(const AccordProfile *profile,
			       const AccordProfileFact *fact,
			       gpointer user_data);

static void
foreach_assumption(const AccordReport *report, AssumptionFunc func, gpointer user_data)
{
	const AccordComparison *c = first_comparison(report);
	const AccordProfile *sides[] = {accord_evaluation_get_profile(evaluation_a(c)),
					accord_evaluation_get_profile(evaluation_b(c))};

	for (guint s = 0; s < G_N_ELEMENTS(sides); s++) {
		g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(sides[s]);

		for (guint i = 0; i < facts->len; i++)
			func(sides[s], g_ptr_array_index(facts, i), user_data);
	}
}

static void
note_assumption(const AccordProfile *profile, const AccordProfileFact *fact, gpointer user_data)
{
	*(gboolean *)user_data = TRUE;
}

static gboolean
has_assumptions(const AccordReport *report)
{
	gboolean any = FALSE;

	foreach_assumption(report, note_assumption, &any);
	return any;
}

/* "agree on 66.7%, both meet 55.6% of the compared weight (77.8% of the ruleset compared)" */
static gchar *
describe_alignment(const AccordAlignment *al)
{
	g_autofree gchar *agree = format_share(al->agree);
	g_autofree gchar *both = format_share(al->both_pass);
	g_autofree gchar *compared = accord_writer_format_percent(al->compared);

	return g_strdup_printf("agree on %s, both meet %s of the compared weight (%s of the "
			       "ruleset's weight compared)",
			       agree,
			       both,
			       compared);
}

static gchar *
describe_scores(const AccordComparison *c)
{
	const AccordScoreItem *a = accord_score_get_overall(accord_comparison_get_score_a(c));
	const AccordScoreItem *b = accord_score_get_overall(accord_comparison_get_score_b(c));
	g_autofree gchar *va = accord_writer_format_score(a->value);
	g_autofree gchar *ca = accord_writer_format_percent(a->coverage);
	g_autofree gchar *vb = accord_writer_format_score(b->value);
	g_autofree gchar *cb = accord_writer_format_percent(b->coverage);

	return g_strdup_printf("A %s / 100 (coverage %s), B %s / 100 (coverage %s)",
			       va,
			       ca,
			       vb,
			       cb);
}

/* ---- text ---- */

static void
text_assumption(const AccordProfile *profile, const AccordProfileFact *fact, gpointer user_data)
{
	g_autofree gchar *line = accord_writer_describe_assumption(fact);

	g_string_append_printf(user_data, "  %s: %s\n", accord_profile_get_country(profile), line);
}

static void
text_header(const AccordReport *report, GString *out)
{
	const AccordComparison *c = first_comparison(report);
	const AccordScoreOptions *options =
	    accord_score_get_options(accord_comparison_get_score_a(c));
	g_autofree gchar *a = describe_profile(accord_evaluation_get_profile(evaluation_a(c)));
	g_autofree gchar *b = describe_profile(accord_evaluation_get_profile(evaluation_b(c)));

	g_string_append_printf(out, "Accord comparison\n\nA:        %s\nB:        %s\n", a, b);
	g_string_append_printf(out,
			       "Model:    %s, %s aggregation, unknown facts scored as %s\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	accord_writer_tailoring(report, FALSE, out);
	if (has_assumptions(report)) {
		g_string_append(
		    out,
		    "What-if assumptions (the numbers below are computed with them):\n");
		foreach_assumption(report, text_assumption, out);
	}
	g_string_append(out,
			"Met means the outcome is pass (partial is not met). Weights and "
			"alignment are shares of the ruleset's weight.\n\n");
}

static void
text_alternatives(const AccordReport *report, guint index, GString *out)
{
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordComparison *alt = alternative_comparison(report, i, index);
		g_autofree gchar *scores = NULL;
		g_autofree gchar *al = NULL;

		if (alt == NULL)
			continue;
		scores = describe_scores(alt);
		al = describe_alignment(accord_comparison_get_alignment(alt));
		g_string_append_printf(out,
				       "  %s: score %s\n    alignment: %s\n",
				       accord_report_get_alternative_label(report, i),
				       scores,
				       al);
	}
}

static void
text_pillars(const AccordComparison *c, GString *out)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);

	g_string_append_printf(out,
			       "\nPillars:  %-22s %7s %7s %9s %7s %10s\n",
			       "",
			       "score A",
			       "score B",
			       "compared",
			       "agree",
			       "both meet");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		const AccordAlignment *al = accord_comparison_get_pillar_alignment(c, pillar);
		g_autofree gchar *sa = accord_writer_format_score(
		    accord_score_get_pillar(accord_comparison_get_score_a(c), pillar)->value);
		g_autofree gchar *sb = accord_writer_format_score(
		    accord_score_get_pillar(accord_comparison_get_score_b(c), pillar)->value);
		g_autofree gchar *compared = accord_writer_format_percent(al->compared);
		g_autofree gchar *agree = format_share(al->agree);
		g_autofree gchar *both = format_share(al->both_pass);

		g_string_append_printf(out,
				       "  %-30s %7s %7s %9s %7s %10s   %s\n",
				       accord_pillar_get_id(pillar),
				       sa,
				       sb,
				       compared,
				       agree,
				       both,
				       accord_pillar_get_title(pillar));
	}
}

static void
text_criteria(const AccordComparison *c, GString *out)
{
	const AccordRule *rule = NULL;

	g_string_append(out, "\nCriteria (agreement, divergence, weight), in ruleset order:\n");
	for (guint i = 0; i < accord_comparison_get_n_items(c); i++) {
		const AccordComparisonItem *item = accord_comparison_get_item(c, i);
		const gchar *kind = divergence_kind(item);
		g_autofree gchar *weight = accord_writer_format_percent(item->weight);

		if (accord_criterion_get_rule(item->criterion) != rule) {
			rule = accord_criterion_get_rule(item->criterion);
			g_string_append_printf(out,
					       "  %s: %s\n",
					       accord_rule_get_id(rule),
					       accord_rule_get_title(rule));
		}
		g_string_append_printf(out,
				       "    %-14s %-8s %6s  %s: %s%s\n",
				       accord_agreement_to_string(item->agreement),
				       kind != NULL ? kind : "",
				       weight,
				       accord_criterion_get_id(item->criterion),
				       accord_criterion_get_title(item->criterion),
				       is_selected(c, item) ? "" : "  [deselected]");
	}
}

static void
text_divergence(const AccordComparison *c,
		const AccordComparisonItem *item,
		guint number,
		GString *out)
{
	const AccordRule *rule = accord_criterion_get_rule(item->criterion);
	const AccordCriterionResult *weak =
	    accord_evaluation_get_result(short_side(c, item), item->criterion);
	const AccordCriterionResult *strong =
	    accord_evaluation_get_result(meeting_side(c, item), item->criterion);

	g_string_append_printf(out,
			       "%u. %s: %s\n   %s: only %s meets it; %s falls short (%s)\n",
			       number,
			       accord_criterion_get_id(item->criterion),
			       accord_criterion_get_title(item->criterion),
			       divergence_kind(item),
			       meeting_label(item),
			       short_label(item),
			       accord_outcome_to_string(weak->outcome));
	g_string_append_printf(out,
			       "   %s [%s]%s, rule %s:\n   \"%s\"\n",
			       accord_rule_get_cite(rule),
			       accord_obligation_get_id(accord_rule_get_obligation(rule)),
			       accord_rule_is_verified(rule) ? "" : " [text not verified]",
			       accord_rule_get_id(rule),
			       accord_rule_get_provision(rule));
	g_string_append_printf(out,
			       "   %s has: %s\n   %s has: %s\n   Recommendation: %s\n\n",
			       short_label(item),
			       weak->reason,
			       meeting_label(item),
			       strong->reason,
			       accord_rule_get_recommendation(rule));
}

static void
text_divergences(const AccordComparison *c, GString *out)
{
	guint number = 0;

	g_string_append(out,
			"\nDivergences (only one side meets the criterion; conflict: the side that "
			"falls short states a regime of its own, gap: it lacks one):\n\n");
	for (guint i = 0; i < accord_comparison_get_n_items(c); i++) {
		const AccordComparisonItem *item = accord_comparison_get_item(c, i);

		if (divergence_kind(item) != NULL)
			text_divergence(c, item, ++number, out);
	}
	if (number == 0)
		g_string_append(out, "   (none)\n\n");
}

static void
text_comparison(const AccordReport *report, guint index, GString *out)
{
	const AccordComparison *c =
	    g_ptr_array_index((GPtrArray *)accord_report_get_comparisons(report), index);
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);
	g_autofree gchar *scores = describe_scores(c);
	g_autofree gchar *al = describe_alignment(accord_comparison_get_alignment(c));

	g_string_append_printf(out,
			       "== Ruleset %s version %s: %s ==\n\n",
			       accord_ruleset_get_id(rs),
			       accord_ruleset_get_version(rs),
			       accord_ruleset_get_title(rs));
	g_string_append_printf(out, "Overall score: %s\nAlignment:     %s\n", scores, al);
	text_alternatives(report, index, out);
	text_pillars(c, out);
	text_criteria(c, out);
	text_divergences(c, out);
}

void
accord_writer_compare_text(const AccordReport *report, GString *out)
{
	const GPtrArray *list = accord_report_get_comparisons(report);

	text_header(report, out);
	for (guint i = 0; i < list->len; i++)
		text_comparison(report, i, out);
}

/* ---- markdown ---- */

static void
markdown_assumption(const AccordProfile *profile, const AccordProfileFact *fact, gpointer user_data)
{
	const gchar *was = accord_profile_fact_get_assumed_from(fact);

	g_string_append_printf(user_data,
			       "| %s | `%s` | ",
			       accord_profile_get_country(profile),
			       accord_fact_def_get_key(accord_profile_fact_get_def(fact)));
	accord_writer_markdown_escape(user_data, accord_profile_fact_get_text(fact));
	g_string_append(user_data, " | ");
	accord_writer_markdown_escape(user_data, was != NULL ? was : "not stated");
	g_string_append(user_data, " |\n");
}

static void
markdown_header(const AccordReport *report, GString *out)
{
	const AccordComparison *c = first_comparison(report);
	const AccordScoreOptions *options =
	    accord_score_get_options(accord_comparison_get_score_a(c));
	const AccordProfile *pa = accord_evaluation_get_profile(evaluation_a(c));
	const AccordProfile *pb = accord_evaluation_get_profile(evaluation_b(c));
	g_autofree gchar *a = describe_profile(pa);
	g_autofree gchar *b = describe_profile(pb);

	g_string_append(out, "# ");
	accord_writer_markdown_escape(out, accord_profile_get_name(pa));
	g_string_append(out, " compared with ");
	accord_writer_markdown_escape(out, accord_profile_get_name(pb));
	g_string_append(out, "\n\n- A: ");
	accord_writer_markdown_escape(out, a);
	g_string_append(out, "\n- B: ");
	accord_writer_markdown_escape(out, b);
	g_string_append_printf(out,
			       "\n- Model: %s, %s aggregation, unknown scored as %s\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	accord_writer_tailoring(report, TRUE, out);
	if (has_assumptions(report)) {
		g_string_append(out,
				"\n## What-if assumptions\n\nThe numbers are computed as if the "
				"profiles stated these facts.\n\n| Country | Fact | Assumed | The "
				"profile states |\n|---|---|---|---|\n");
		foreach_assumption(report, markdown_assumption, out);
	}
	g_string_append(out,
			"\nMet means the outcome is pass (partial is not met). Weights and "
			"alignment are shares of the ruleset's weight.\n\n");
}

static void
markdown_alignment_row(const gchar *label, const AccordComparison *c, GString *out)
{
	const AccordAlignment *al = accord_comparison_get_alignment(c);
	const AccordScoreItem *a = accord_score_get_overall(accord_comparison_get_score_a(c));
	const AccordScoreItem *b = accord_score_get_overall(accord_comparison_get_score_b(c));
	g_autofree gchar *va = accord_writer_format_score(a->value);
	g_autofree gchar *vb = accord_writer_format_score(b->value);
	g_autofree gchar *compared = accord_writer_format_percent(al->compared);
	g_autofree gchar *agree = format_share(al->agree);
	g_autofree gchar *both = format_share(al->both_pass);

	g_string_append(out, "| ");
	accord_writer_markdown_escape(out, label);
	g_string_append_printf(out, " | %s | %s | %s | %s | %s |\n", va, vb, compared, agree, both);
}

static void
markdown_pillars(const AccordComparison *c, GString *out)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);

	g_string_append(out,
			"| Pillar | Score A | Score B | Compared | Agree | Both meet |\n"
			"|---|---:|---:|---:|---:|---:|\n");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		const AccordAlignment *al = accord_comparison_get_pillar_alignment(c, pillar);
		g_autofree gchar *sa = accord_writer_format_score(
		    accord_score_get_pillar(accord_comparison_get_score_a(c), pillar)->value);
		g_autofree gchar *sb = accord_writer_format_score(
		    accord_score_get_pillar(accord_comparison_get_score_b(c), pillar)->value);
		g_autofree gchar *compared = accord_writer_format_percent(al->compared);
		g_autofree gchar *agree = format_share(al->agree);
		g_autofree gchar *both = format_share(al->both_pass);

		g_string_append(out, "| ");
		accord_writer_markdown_escape(out, accord_pillar_get_title(pillar));
		g_string_append_printf(out,
				       " | %s | %s | %s | %s | %s |\n",
				       sa,
				       sb,
				       compared,
				       agree,
				       both);
	}
	g_string_append(out, "\n");
}

static void
markdown_criteria(const AccordComparison *c, GString *out)
{
	g_string_append(out,
			"### Criteria\n\n| Criterion | Rule | Weight | A | B | Agreement | "
			"Divergence |\n|---|---|---:|---|---|---|---|\n");
	for (guint i = 0; i < accord_comparison_get_n_items(c); i++) {
		const AccordComparisonItem *item = accord_comparison_get_item(c, i);
		const gchar *kind = divergence_kind(item);
		g_autofree gchar *weight = accord_writer_format_percent(item->weight);

		g_string_append_printf(out, "| `%s` ", accord_criterion_get_id(item->criterion));
		accord_writer_markdown_escape(out, accord_criterion_get_title(item->criterion));
		g_string_append_printf(
		    out,
		    " | `%s` | %s | %s | %s | %s%s | %s |\n",
		    accord_rule_get_id(accord_criterion_get_rule(item->criterion)),
		    weight,
		    accord_outcome_to_string(
			accord_evaluation_get_result(evaluation_a(c), item->criterion)->outcome),
		    accord_outcome_to_string(
			accord_evaluation_get_result(evaluation_b(c), item->criterion)->outcome),
		    accord_agreement_to_string(item->agreement),
		    is_selected(c, item) ? "" : " (deselected)",
		    kind != NULL ? kind : "");
	}
	g_string_append(out, "\n");
}

static void
markdown_divergence(const AccordComparison *c,
		    const AccordComparisonItem *item,
		    guint number,
		    GString *out)
{
	const AccordRule *rule = accord_criterion_get_rule(item->criterion);
	const AccordCriterionResult *weak =
	    accord_evaluation_get_result(short_side(c, item), item->criterion);
	const AccordCriterionResult *strong =
	    accord_evaluation_get_result(meeting_side(c, item), item->criterion);

	g_string_append_printf(out, "#### %u. ", number);
	accord_writer_markdown_escape(out, accord_criterion_get_title(item->criterion));
	g_string_append_printf(out,
			       " (`%s`): %s, only %s meets it\n\n> ",
			       accord_criterion_get_id(item->criterion),
			       divergence_kind(item),
			       meeting_label(item));
	accord_writer_markdown_escape(out, accord_rule_get_provision(rule));
	g_string_append(out, "\n>\n> — ");
	accord_writer_markdown_escape(out, accord_rule_get_cite(rule));
	g_string_append_printf(out,
			       " (%s%s; rule `%s`)\n\n- **%s falls short** (%s): ",
			       accord_obligation_get_id(accord_rule_get_obligation(rule)),
			       accord_rule_is_verified(rule) ? "" : "; text not verified",
			       accord_rule_get_id(rule),
			       short_label(item),
			       accord_outcome_to_string(weak->outcome));
	accord_writer_markdown_escape(out, weak->reason);
	g_string_append_printf(out, "\n- **%s meets it:** ", meeting_label(item));
	accord_writer_markdown_escape(out, strong->reason);
	g_string_append(out, "\n- **Recommendation:** ");
	accord_writer_markdown_escape(out, accord_rule_get_recommendation(rule));
	g_string_append(out, "\n\n");
}

static void
markdown_divergences(const AccordComparison *c, GString *out)
{
	guint number = 0;

	g_string_append(out,
			"### Divergences\n\nOnly one side meets these. *Conflict*: the side that "
			"falls short states a regime of its own; *gap*: it lacks one.\n\n");
	for (guint i = 0; i < accord_comparison_get_n_items(c); i++) {
		const AccordComparisonItem *item = accord_comparison_get_item(c, i);

		if (divergence_kind(item) != NULL)
			markdown_divergence(c, item, ++number, out);
	}
	if (number == 0)
		g_string_append(out, "None.\n\n");
}

static void
markdown_comparison(const AccordReport *report, guint index, GString *out)
{
	const AccordComparison *c =
	    g_ptr_array_index((GPtrArray *)accord_report_get_comparisons(report), index);
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);

	g_string_append_printf(out, "## %s: ", accord_ruleset_get_id(rs));
	accord_writer_markdown_escape(out, accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       " (version %s)\n\n| | Score A | Score B | Compared | Agree | "
			       "Both meet |\n|---|---:|---:|---:|---:|---:|\n",
			       accord_ruleset_get_version(rs));
	markdown_alignment_row("Overall", c, out);
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordComparison *alt = alternative_comparison(report, i, index);
		g_autofree gchar *label = NULL;

		if (alt == NULL)
			continue;
		label =
		    g_strdup_printf("Overall, %s", accord_report_get_alternative_label(report, i));
		markdown_alignment_row(label, alt, out);
	}
	g_string_append(out, "\n");
	markdown_pillars(c, out);
	markdown_criteria(c, out);
	markdown_divergences(c, out);
}

void
accord_writer_compare_markdown(const AccordReport *report, GString *out)
{
	const GPtrArray *list = accord_report_get_comparisons(report);

	markdown_header(report, out);
	for (guint i = 0; i < list->len; i++)
		markdown_comparison(report, i, out);
}

/* ---- csv ---- */

/* long format: one record per ruleset and level (overall, pillar, criterion), plus the
 * alternatives' overall and pillar records and the tailoring and assumption records, all
 * with the same columns (empty where a column does not apply) */
enum {
	CSV_A,
	CSV_B,
	CSV_RULESET,
	CSV_SCENARIO,
	CSV_LEVEL,
	CSV_ID,
	CSV_TITLE,
	CSV_PILLAR,
	CSV_RULE,
	CSV_SCORE_A,
	CSV_SCORE_B,
	CSV_COMPARED,
	CSV_AGREE,
	CSV_BOTH,
	CSV_WEIGHT,
	CSV_SELECTED,
	CSV_OUTCOME_A,
	CSV_OUTCOME_B,
	CSV_AGREEMENT,
	CSV_DIVERGENCE,
	CSV_SHORT,
	CSV_SHORT_REASON,
	CSV_CITE,
	CSV_OBLIGATION,
	CSV_PROVISION,
	CSV_RECOMMENDATION,
	CSV_N
};

static const gchar *csv_header[CSV_N] = {"a",	       "b",
					 "ruleset",    "scenario",
					 "level",      "id",
					 "title",      "pillar",
					 "rule",       "score_a",
					 "score_b",    "compared_pct",
					 "agree_pct",  "both_pass_pct",
					 "weight_pct", "selected",
					 "outcome_a",  "outcome_b",
					 "agreement",  "divergence",
					 "short_side", "short_side_reason",
					 "cite",       "obligation",
					 "provision",  "recommendation"};

/* a percentage column: one decimal, no sign, empty when nothing was compared */
static gchar *
csv_pct(gdouble share)
{
	if (isnan(share))
		return g_strdup("");
	return accord_writer_format_score(100.0 * share);
}

typedef struct {
	GString *out;
	const gchar *a;
	const gchar *b;
} CsvContext;

static void
csv_start(const CsvContext *ctx, const gchar **fields, const gchar *ruleset, const gchar *level)
{
	fields[CSV_A] = ctx->a;
	fields[CSV_B] = ctx->b;
	fields[CSV_RULESET] = ruleset;
	fields[CSV_SCENARIO] = "main";
	fields[CSV_LEVEL] = level;
}

static void
csv_scores(const CsvContext *ctx,
	   const gchar *scenario,
	   const gchar *level,
	   const gchar *id,
	   const gchar *title,
	   const AccordComparison *c,
	   const AccordPillar *pillar)
{
	const gchar *fields[CSV_N] = {NULL};
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);
	const AccordScore *sa = accord_comparison_get_score_a(c);
	const AccordScore *sb = accord_comparison_get_score_b(c);
	const AccordAlignment *al = pillar != NULL
					? accord_comparison_get_pillar_alignment(c, pillar)
					: accord_comparison_get_alignment(c);
	g_autofree gchar *va = accord_writer_format_score(
	    (pillar != NULL ? accord_score_get_pillar(sa, pillar) : accord_score_get_overall(sa))
		->value);
	g_autofree gchar *vb = accord_writer_format_score(
	    (pillar != NULL ? accord_score_get_pillar(sb, pillar) : accord_score_get_overall(sb))
		->value);
	g_autofree gchar *compared = csv_pct(al->compared);
	g_autofree gchar *agree = csv_pct(al->agree);
	g_autofree gchar *both = csv_pct(al->both_pass);

	csv_start(ctx, fields, accord_ruleset_get_id(rs), level);
	fields[CSV_SCENARIO] = scenario;
	fields[CSV_ID] = id;
	fields[CSV_TITLE] = title;
	fields[CSV_SCORE_A] = va;
	fields[CSV_SCORE_B] = vb;
	fields[CSV_COMPARED] = compared;
	fields[CSV_AGREE] = agree;
	fields[CSV_BOTH] = both;
	accord_writer_csv_row(ctx->out, fields, CSV_N);
}

static void
csv_levels(const CsvContext *ctx, const gchar *scenario, const AccordComparison *c)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);

	csv_scores(ctx,
		   scenario,
		   "overall",
		   accord_ruleset_get_id(rs),
		   accord_ruleset_get_title(rs),
		   c,
		   NULL);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		csv_scores(ctx,
			   scenario,
			   "pillar",
			   accord_pillar_get_id(pillar),
			   accord_pillar_get_title(pillar),
			   c,
			   pillar);
	}
}

static void
csv_divergence(const AccordComparison *c, const AccordComparisonItem *item, const gchar **fields)
{
	const AccordRule *rule = accord_criterion_get_rule(item->criterion);

	fields[CSV_DIVERGENCE] = divergence_kind(item);
	fields[CSV_SHORT] = short_label(item);
	fields[CSV_SHORT_REASON] =
	    accord_evaluation_get_result(short_side(c, item), item->criterion)->reason;
	fields[CSV_CITE] = accord_rule_get_cite(rule);
	fields[CSV_OBLIGATION] = accord_obligation_get_id(accord_rule_get_obligation(rule));
	fields[CSV_PROVISION] = accord_rule_get_provision(rule);
	fields[CSV_RECOMMENDATION] = accord_rule_get_recommendation(rule);
}

static void
csv_criterion(const CsvContext *ctx, const AccordComparison *c, const AccordComparisonItem *item)
{
	const gchar *fields[CSV_N] = {NULL};
	const AccordRule *rule = accord_criterion_get_rule(item->criterion);
	g_autofree gchar *weight = accord_writer_format_score(100.0 * item->weight);

	csv_start(ctx,
		  fields,
		  accord_ruleset_get_id(accord_comparison_get_ruleset(c)),
		  "criterion");
	fields[CSV_ID] = accord_criterion_get_id(item->criterion);
	fields[CSV_TITLE] = accord_criterion_get_title(item->criterion);
	fields[CSV_PILLAR] = accord_pillar_get_id(accord_rule_get_pillar(rule));
	fields[CSV_RULE] = accord_rule_get_id(rule);
	fields[CSV_WEIGHT] = weight;
	fields[CSV_SELECTED] = is_selected(c, item) ? "true" : "false";
	fields[CSV_OUTCOME_A] = accord_outcome_to_string(
	    accord_evaluation_get_result(evaluation_a(c), item->criterion)->outcome);
	fields[CSV_OUTCOME_B] = accord_outcome_to_string(
	    accord_evaluation_get_result(evaluation_b(c), item->criterion)->outcome);
	fields[CSV_AGREEMENT] = accord_agreement_to_string(item->agreement);
	if (divergence_kind(item) != NULL)
		csv_divergence(c, item, fields);
	accord_writer_csv_row(ctx->out, fields, CSV_N);
}

static void
csv_assumption(const AccordProfile *profile, const AccordProfileFact *fact, gpointer user_data)
{
	const CsvContext *ctx = user_data;
	const gchar *fields[CSV_N] = {NULL};
	const gchar *was = accord_profile_fact_get_assumed_from(fact);
	g_autofree gchar *id =
	    g_strdup_printf("%s:%s",
			    accord_profile_get_country(profile),
			    accord_fact_def_get_key(accord_profile_fact_get_def(fact)));
	g_autofree gchar *title = was != NULL
				      ? g_strdup_printf("assumed %s; the profile states %s",
							accord_profile_fact_get_text(fact),
							was)
				      : g_strdup_printf("assumed %s; not stated by the profile",
							accord_profile_fact_get_text(fact));

	csv_start(ctx, fields, "", "assumption");
	fields[CSV_ID] = id;
	fields[CSV_TITLE] = title;
	accord_writer_csv_row(ctx->out, fields, CSV_N);
}

static void
csv_tailoring(const CsvContext *ctx, const AccordTailoring *tailoring)
{
	const gchar *ruleset = accord_ruleset_get_id(accord_tailoring_get_ruleset(tailoring));
	const gchar *fields[CSV_N] = {NULL};

	csv_start(ctx, fields, ruleset, "tailoring");
	fields[CSV_ID] = accord_tailoring_get_id(tailoring);
	fields[CSV_TITLE] = accord_tailoring_get_title(tailoring);
	accord_writer_csv_row(ctx->out, fields, CSV_N);
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++) {
		csv_start(ctx, fields, ruleset, "tailoring-change");
		fields[CSV_TITLE] = accord_tailoring_get_change(tailoring, i);
		accord_writer_csv_row(ctx->out, fields, CSV_N);
	}
}

void
accord_writer_compare_csv(const AccordReport *report, GString *out)
{
	const GPtrArray *list = accord_report_get_comparisons(report);
	const AccordComparison *first = first_comparison(report);
	CsvContext ctx = {
	    out,
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation_a(first))),
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation_b(first)))};

	accord_writer_csv_row(out, csv_header, CSV_N);
	if (accord_report_get_tailoring(report) != NULL)
		csv_tailoring(&ctx, accord_report_get_tailoring(report));
	foreach_assumption(report, csv_assumption, &ctx);
	for (guint r = 0; r < list->len; r++) {
		const AccordComparison *c = g_ptr_array_index((GPtrArray *)list, r);

		csv_levels(&ctx, "main", c);
		for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
			const AccordComparison *alt = alternative_comparison(report, i, r);

			if (alt != NULL)
				csv_levels(&ctx,
					   accord_report_get_alternative_label(report, i),
					   alt);
		}
		for (guint i = 0; i < accord_comparison_get_n_items(c); i++)
			csv_criterion(&ctx, c, accord_comparison_get_item(c, i));
	}
}

/* ---- json ---- */

static void
json_profile(JsonBuilder *b, const gchar *name, const AccordProfile *p)
{
	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	accord_json_add_string(b, "country", accord_profile_get_country(p));
	accord_json_add_string(b, "name", accord_profile_get_name(p));
	accord_json_add_string(b, "as_of", accord_profile_get_as_of(p));
	json_builder_end_object(b);
}

static void
json_tailoring(JsonBuilder *b, const AccordTailoring *tailoring)
{
	json_builder_set_member_name(b, "tailoring");
	if (tailoring == NULL) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_tailoring_get_id(tailoring));
	accord_json_add_string(b, "title", accord_tailoring_get_title(tailoring));
	accord_json_add_string(b,
			       "ruleset",
			       accord_ruleset_get_id(accord_tailoring_get_ruleset(tailoring)));
	json_builder_set_member_name(b, "changes");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++)
		json_builder_add_string_value(b, accord_tailoring_get_change(tailoring, i));
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void
json_assumption(const AccordProfile *profile, const AccordProfileFact *fact, gpointer user_data)
{
	JsonBuilder *b = user_data;

	json_builder_begin_object(b);
	accord_json_add_string(b, "country", accord_profile_get_country(profile));
	accord_json_add_string(b,
			       "key",
			       accord_fact_def_get_key(accord_profile_fact_get_def(fact)));
	accord_json_add_string(b, "value", accord_profile_fact_get_text(fact));
	accord_json_add_string(b, "profile_value", accord_profile_fact_get_assumed_from(fact));
	json_builder_end_object(b);
}

static void
json_alignment(JsonBuilder *b, const AccordAlignment *al)
{
	json_builder_set_member_name(b, "alignment");
	json_builder_begin_object(b);
	accord_json_add_number(b, "compared", al->compared);
	accord_json_add_number(b, "agree", al->agree);
	accord_json_add_number(b, "both_pass", al->both_pass);
	json_builder_end_object(b);
}

static void
json_item(JsonBuilder *b, const gchar *name, const AccordScoreItem *item)
{
	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	accord_json_add_item(b, item);
	json_builder_end_object(b);
}

static void
json_pillars(JsonBuilder *b, const AccordComparison *c)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(c);

	json_builder_set_member_name(b, "pillars");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_pillar_get_id(pillar));
		accord_json_add_string(b, "title", accord_pillar_get_title(pillar));
		json_item(b,
			  "a",
			  accord_score_get_pillar(accord_comparison_get_score_a(c), pillar));
		json_item(b,
			  "b",
			  accord_score_get_pillar(accord_comparison_get_score_b(c), pillar));
		json_alignment(b, accord_comparison_get_pillar_alignment(c, pillar));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

/* the headline numbers of one comparison: both scores, the alignment, per pillar */
static void
json_numbers(JsonBuilder *b, const AccordComparison *c)
{
	json_item(b, "a", accord_score_get_overall(accord_comparison_get_score_a(c)));
	json_item(b, "b", accord_score_get_overall(accord_comparison_get_score_b(c)));
	json_alignment(b, accord_comparison_get_alignment(c));
	json_pillars(b, c);
}

static void
json_side(JsonBuilder *b, const gchar *name, const AccordEvaluation *e, const AccordCriterion *c)
{
	const AccordCriterionResult *r = accord_evaluation_get_result(e, c);

	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	accord_json_add_string(b, "outcome", accord_outcome_to_string(r->outcome));
	accord_json_add_number(b, "credit", r->credit);
	accord_json_add_string(b, "reason", r->reason);
	json_builder_end_object(b);
}

static void
json_criterion(JsonBuilder *b, const AccordComparison *c, const AccordComparisonItem *item)
{
	const AccordRule *rule = accord_criterion_get_rule(item->criterion);

	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_criterion_get_id(item->criterion));
	accord_json_add_string(b, "title", accord_criterion_get_title(item->criterion));
	accord_json_add_string(b, "rule", accord_rule_get_id(rule));
	accord_json_add_string(b, "pillar", accord_pillar_get_id(accord_rule_get_pillar(rule)));
	accord_json_add_number(b, "weight", item->weight);
	json_builder_set_member_name(b, "selected");
	json_builder_add_boolean_value(b, is_selected(c, item));
	accord_json_add_string(b, "agreement", accord_agreement_to_string(item->agreement));
	accord_json_add_string(b, "divergence", divergence_kind(item));
	json_side(b, "a", evaluation_a(c), item->criterion);
	json_side(b, "b", evaluation_b(c), item->criterion);
	json_builder_end_object(b);
}

static void
json_divergence(JsonBuilder *b, const AccordComparison *c, const AccordComparisonItem *item)
{
	const AccordRule *rule = accord_criterion_get_rule(item->criterion);

	json_builder_begin_object(b);
	accord_json_add_string(b, "criterion", accord_criterion_get_id(item->criterion));
	accord_json_add_string(b, "title", accord_criterion_get_title(item->criterion));
	accord_json_add_string(b, "divergence", divergence_kind(item));
	accord_json_add_string(b, "met_by", item->agreement == ACCORD_AGREEMENT_ONLY_A ? "a" : "b");
	accord_json_add_string(b,
			       "short_side",
			       item->agreement == ACCORD_AGREEMENT_ONLY_A ? "b" : "a");
	accord_json_add_string(
	    b,
	    "reason",
	    accord_evaluation_get_result(short_side(c, item), item->criterion)->reason);
	accord_json_add_string(b, "rule", accord_rule_get_id(rule));
	accord_json_add_string(b, "cite", accord_rule_get_cite(rule));
	accord_json_add_string(b,
			       "obligation",
			       accord_obligation_get_id(accord_rule_get_obligation(rule)));
	json_builder_set_member_name(b, "verified");
	json_builder_add_boolean_value(b, accord_rule_is_verified(rule));
	accord_json_add_string(b, "provision", accord_rule_get_provision(rule));
	accord_json_add_string(b, "recommendation", accord_rule_get_recommendation(rule));
	json_builder_end_object(b);
}

static void
json_items(JsonBuilder *b, const AccordComparison *c)
{
	json_builder_set_member_name(b, "criteria");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_comparison_get_n_items(c); i++)
		json_criterion(b, c, accord_comparison_get_item(c, i));
	json_builder_end_array(b);
	json_builder_set_member_name(b, "divergences");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_comparison_get_n_items(c); i++) {
		const AccordComparisonItem *item = accord_comparison_get_item(c, i);

		if (divergence_kind(item) != NULL)
			json_divergence(b, c, item);
	}
	json_builder_end_array(b);
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

static void
json_comparisons(JsonBuilder *b, const AccordReport *report)
{
	const GPtrArray *list = accord_report_get_comparisons(report);

	json_builder_set_member_name(b, "comparisons");
	json_builder_begin_array(b);
	for (guint r = 0; r < list->len; r++) {
		const AccordComparison *c = g_ptr_array_index((GPtrArray *)list, r);

		json_builder_begin_object(b);
		json_ruleset(b, accord_comparison_get_ruleset(c));
		json_numbers(b, c);
		json_items(b, c);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
json_alternatives(JsonBuilder *b, const AccordReport *report)
{
	json_builder_set_member_name(b, "alternatives");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const GPtrArray *list =
		    accord_report_get_comparisons(accord_report_get_alternative(report, i));

		json_builder_begin_object(b);
		accord_json_add_string(b, "label", accord_report_get_alternative_label(report, i));
		json_builder_set_member_name(b, "comparisons");
		json_builder_begin_array(b);
		for (guint r = 0; list != NULL && r < list->len; r++) {
			const AccordComparison *c = g_ptr_array_index((GPtrArray *)list, r);

			json_builder_begin_object(b);
			accord_json_add_string(
			    b,
			    "ruleset",
			    accord_ruleset_get_id(accord_comparison_get_ruleset(c)));
			json_numbers(b, c);
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

void
accord_writer_compare_json(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const AccordComparison *c = first_comparison(report);

	json_builder_begin_object(b);
	accord_json_add_document_header(b, "compare");
	json_profile(b, "a", accord_evaluation_get_profile(evaluation_a(c)));
	json_profile(b, "b", accord_evaluation_get_profile(evaluation_b(c)));
	accord_json_add_options(b, accord_score_get_options(accord_comparison_get_score_a(c)));
	json_tailoring(b, accord_report_get_tailoring(report));
	json_builder_set_member_name(b, "assumptions");
	json_builder_begin_array(b);
	foreach_assumption(report, json_assumption, b);
	json_builder_end_array(b);
	json_comparisons(b, report);
	json_alternatives(b, report);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}
