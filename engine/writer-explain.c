#include "config.h"

#include <math.h>
#include <string.h>

#include "writer-private.h"

/* The explain view (accord score --explain): every number of a score written out, from each
 * criterion's outcome up to the overall aggregation, with the sums the model holds
 * (AccordScoreItem numerator and denominator) and the marginal gains the engine re-scored.
 * The writer lays the model's numbers side by side; it computes none of them. */

/* the symbols a formula is written with: ASCII for a terminal, proper signs for Markdown */
typedef struct {
	const gchar *times;
	const gchar *bold;
	const gchar *sum;
} Symbols;

static const Symbols text_symbols = {"x", "", "sum"};
static const Symbols markdown_symbols = {"×", "**", "Σ"};

/* derivation numbers get four decimals, trailing zeros dropped (3, 0.5, 58.3333): one decimal
 * would not let a reader re-add the printed terms to the printed sum */
static gchar *
format_number(gdouble value, guint digits)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	gchar format[8];
	gsize len;

	if (isnan(value))
		return g_strdup("n/a");
	g_snprintf(format, sizeof format, "%%.%uf", digits);
	g_ascii_formatd(buf, sizeof buf, format, value);
	len = strlen(buf);
	while (len > 0 && strchr(buf, '.') != NULL && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len > 0 && buf[len - 1] == '.')
		buf[--len] = '\0';
	/* a tiny negative rounds to "-0" */
	return g_strdup(g_strcmp0(buf, "-0") == 0 ? "0" : buf);
}

static gchar *
format_exact(gdouble value)
{
	return format_number(value, 4);
}

static const AccordEvaluation *
report_evaluation(const AccordReport *report)
{
	return accord_report_get_evaluation(report);
}

static const AccordRuleset *
report_ruleset(const AccordReport *report)
{
	return accord_evaluation_get_ruleset(report_evaluation(report));
}

static const AccordProfile *
report_profile(const AccordReport *report)
{
	return accord_evaluation_get_profile(report_evaluation(report));
}

static const AccordCriterionResult *
result_of(const AccordScore *score, const AccordCriterion *criterion)
{
	return accord_evaluation_get_result(accord_score_get_evaluation(score), criterion);
}

/* why a criterion is left out of the score, as a stable code, or NULL when it counts */
static const gchar *
exclusion_code(const AccordScore *score, const AccordCriterion *criterion)
{
	if (accord_score_counts_criterion(score, criterion))
		return NULL;
	if (!accord_score_selects_criterion(score, criterion))
		return "deselected";
	if (result_of(score, criterion)->outcome == ACCORD_OUTCOME_NOT_APPLICABLE)
		return "not-applicable";
	return "unknown-excluded";
}

/* the same, in words, and for a counted unknown how the policy scored it */
static const gchar *
describe_counting(const AccordScore *score, const AccordCriterion *criterion)
{
	const gchar *code = exclusion_code(score, criterion);
	AccordUnknownPolicy policy = accord_score_get_options(score)->unknown;

	if (g_strcmp0(code, "deselected") == 0)
		return "left out: deselected by the tailoring";
	if (g_strcmp0(code, "not-applicable") == 0)
		return "left out: not applicable, its precondition does not hold";
	if (code != NULL)
		return "left out: unknown, and --unknown=exclude leaves unknowns out";
	if (result_of(score, criterion)->outcome != ACCORD_OUTCOME_UNKNOWN)
		return "counted";
	if (policy == ACCORD_UNKNOWN_PASS)
		return "counted as met: --unknown=pass scores unknowns as passes";
	return "counted with credit 0: --unknown=zero scores unknowns as 0";
}

/* the credits the evaluation gives are the ones the score used under the weighted model,
 * except for unknowns counted as met under --unknown=pass, and except under the XCCDF
 * models (pass or fail only): only then can the rule's sum be written term by term */
static gboolean
can_itemize(const AccordScore *score, const AccordRule *rule)
{
	const AccordScoreOptions *options = accord_score_get_options(score);

	if (options->model != ACCORD_SCORE_MODEL_WEIGHTED)
		return FALSE;
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);

		if (options->unknown == ACCORD_UNKNOWN_PASS &&
		    accord_score_counts_criterion(score, c) &&
		    result_of(score, c)->outcome == ACCORD_OUTCOME_UNKNOWN)
			return FALSE;
	}
	return TRUE;
}

static gboolean
is_flat(const AccordScore *score)
{
	AccordScoreModel model = accord_score_get_options(score)->model;

	return model == ACCORD_SCORE_MODEL_XCCDF_FLAT ||
	       model == ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED ||
	       model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE;
}

static gboolean
is_absolute(const AccordScore *score)
{
	return accord_score_get_options(score)->model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE;
}

/* the rule's weight before the multiplier: the tailoring's when it overrides it */
static gdouble
rule_weight_as_set(const AccordScore *score, const AccordRule *rule)
{
	const AccordTailoring *tailoring = accord_score_get_options(score)->tailoring;

	if (tailoring != NULL)
		return accord_tailoring_get_rule_weight(tailoring, rule);
	return accord_rule_get_weight(rule);
}

/* "(3 x 1 + 1 x 0.5)" and "(1 x 0)" in brackets, a lone number without */
static gchar *
group(const GString *sum)
{
	if (strchr(sum->str, ' ') == NULL)
		return g_strdup(sum->str);
	return g_strdup_printf("(%s)", sum->str);
}

/* "3 x 1 + 1 x 0.5" and "3 + 1": the counted criteria's terms and weights */
static void
append_rule_terms(const AccordScore *score,
		  const AccordRule *rule,
		  const Symbols *sym,
		  GString *terms,
		  GString *weights)
{
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		g_autofree gchar *w = NULL;
		g_autofree gchar *credit = NULL;

		if (!accord_score_counts_criterion(score, c))
			continue;
		w = format_exact(accord_score_get_criterion_weight(score, c));
		credit = format_exact(result_of(score, c)->credit);
		g_string_append_printf(terms,
				       "%s%s %s %s",
				       terms->len > 0 ? " + " : "",
				       w,
				       sym->times,
				       credit);
		g_string_append_printf(weights, "%s%s", weights->len > 0 ? " + " : "", w);
	}
}

/* "100 x (3 x 1 + 1 x 0.5) / (3 + 1) = 100 x 3.5 / 4 = 87.5" */
static gchar *
rule_formula(const AccordScore *score, const AccordRule *rule, const Symbols *sym)
{
	const AccordScoreItem *item = accord_score_get_rule(score, rule);
	g_autoptr(GString) terms = g_string_new(NULL);
	g_autoptr(GString) weights = g_string_new(NULL);
	g_autofree gchar *num = format_exact(item->numerator);
	g_autofree gchar *den = format_exact(item->denominator);
	g_autofree gchar *value = format_exact(item->value);
	g_autofree gchar *top = NULL;
	g_autofree gchar *bottom = NULL;

	if (!item->applicable)
		return g_strdup("n/a: no criterion counted, so the rule drops out of its pillar");
	if (can_itemize(score, rule))
		append_rule_terms(score, rule, sym, terms, weights);
	if (is_absolute(score))
		return g_strdup_printf("100 if %s(w %s c) = %s(w), else 0: %s of %s, so %s%s%s",
				       sym->sum,
				       sym->times,
				       sym->sum,
				       num,
				       den,
				       sym->bold,
				       value,
				       sym->bold);
	if (terms->len == 0)
		return g_strdup_printf("100 %s %s / %s = %s%s%s",
				       sym->times,
				       num,
				       den,
				       sym->bold,
				       value,
				       sym->bold);
	top = group(terms);
	bottom = group(weights);
	return g_strdup_printf("100 %s %s / %s = 100 %s %s / %s = %s%s%s",
			       sym->times,
			       top,
			       bottom,
			       sym->times,
			       num,
			       den,
			       sym->bold,
			       value,
			       sym->bold);
}

/* one child of a pillar or of the whole: its weight and score for the mean models, its raw
 * sums for the flat ones */
typedef struct {
	const gchar *id;
	gdouble weight;
	const AccordScoreItem *item;
} Term;

static GArray *
pillar_terms(const AccordScore *score, const AccordPillar *pillar)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	GArray *terms = g_array_new(FALSE, TRUE, sizeof(Term));

	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, i);
		Term t = {accord_rule_get_id(rule),
			  accord_score_get_rule_weight(score, rule),
			  accord_score_get_rule(score, rule)};

		if (accord_rule_get_pillar(rule) == pillar)
			g_array_append_val(terms, t);
	}
	return terms;
}

static GArray *
overall_terms(const AccordScore *score)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	GArray *terms = g_array_new(FALSE, TRUE, sizeof(Term));

	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		Term t = {accord_pillar_get_id(pillar),
			  accord_score_get_pillar_weight(score, pillar),
			  accord_score_get_pillar(score, pillar)};

		g_array_append_val(terms, t);
	}
	return terms;
}

/* "r-ir: weight 2 x score 87.5" or "r-ir: 3.5 of 4" (flat), one line per child */
static gchar *
describe_term(const AccordScore *score, const Term *t, const Symbols *sym)
{
	g_autofree gchar *w = format_exact(t->weight);
	g_autofree gchar *v = format_exact(t->item->value);
	g_autofree gchar *num = format_exact(t->item->numerator);
	g_autofree gchar *den = format_exact(t->item->denominator);

	if (!t->item->applicable)
		return g_strdup_printf("%s: n/a, left out", t->id);
	if (is_flat(score))
		return g_strdup_printf("%s: %s of %s", t->id, num, den);
	return g_strdup_printf("%s: weight %s %s score %s", t->id, w, sym->times, v);
}

/* "(2 x 87.5 + 1 x 0)" and "(2 + 1)" for the mean models, "(3.5 + 0)" and "(4 + 1)" for the
 * flat ones, over the applicable children */
static void
append_terms(const AccordScore *score,
	     GArray *terms,
	     const Symbols *sym,
	     GString *top,
	     GString *bottom)
{
	for (guint i = 0; i < terms->len; i++) {
		const Term *t = &g_array_index(terms, Term, i);
		g_autofree gchar *w = format_exact(t->weight);
		g_autofree gchar *v = format_exact(t->item->value);
		g_autofree gchar *num = format_exact(t->item->numerator);
		g_autofree gchar *den = format_exact(t->item->denominator);
		const gchar *sep = top->len > 0 ? " + " : "";

		if (!t->item->applicable)
			continue;
		if (is_flat(score)) {
			g_string_append_printf(top, "%s%s", sep, num);
			g_string_append_printf(bottom, "%s%s", sep, den);
		} else {
			g_string_append_printf(top, "%s%s %s %s", sep, w, sym->times, v);
			g_string_append_printf(bottom, "%s%s", sep, w);
		}
	}
}

/* a pillar or the arithmetic whole: "(2 x 87.5 + 1 x 0) / (2 + 1) = 175 / 3 = 58.3333"; the
 * sum is the model's numerator, kept in units of 1, so written times 100 */
static gchar *
mean_formula(const AccordScore *score,
	     GArray *terms,
	     const AccordScoreItem *item,
	     const Symbols *sym)
{
	g_autoptr(GString) top = g_string_new(NULL);
	g_autoptr(GString) bottom = g_string_new(NULL);
	g_autofree gchar *num = format_exact(100.0 * item->numerator);
	g_autofree gchar *flat_num = format_exact(item->numerator);
	g_autofree gchar *den = format_exact(item->denominator);
	g_autofree gchar *value = format_exact(item->value);
	g_autofree gchar *t = NULL;
	g_autofree gchar *d = NULL;

	if (!item->applicable)
		return g_strdup("n/a: nothing under it counts");
	append_terms(score, terms, sym, top, bottom);
	t = group(top);
	d = group(bottom);
	if (is_absolute(score))
		return g_strdup_printf("100 if %s = %s, else 0: %s of %s, so %s%s%s",
				       t,
				       d,
				       flat_num,
				       den,
				       sym->bold,
				       value,
				       sym->bold);
	if (is_flat(score))
		return g_strdup_printf("100 %s %s / %s = 100 %s %s / %s = %s%s%s",
				       sym->times,
				       t,
				       d,
				       sym->times,
				       flat_num,
				       den,
				       sym->bold,
				       value,
				       sym->bold);
	return g_strdup_printf("%s / %s = %s / %s = %s%s%s",
			       t,
			       d,
			       num,
			       den,
			       sym->bold,
			       value,
			       sym->bold);
}

/* the first applicable child at 0, which zeroes a geometric mean, or NULL */
static const Term *
zero_term(GArray *terms)
{
	for (guint i = 0; i < terms->len; i++) {
		const Term *t = &g_array_index(terms, Term, i);

		if (t->item->applicable && t->item->value <= 0)
			return t;
	}
	return NULL;
}

/* "100 x exp((2 x ln(0.583333) + 1 x ln(0.458333)) / (2 + 1)) = 100 x exp(-1.858152 / 3)
 * = 53.8245"; the model's numerator is here the sum of the logarithms */
static gchar *
geometric_formula(GArray *terms, const AccordScoreItem *item, const Symbols *sym)
{
	g_autoptr(GString) top = g_string_new(NULL);
	g_autoptr(GString) bottom = g_string_new(NULL);
	g_autofree gchar *logs = format_number(item->numerator, 6);
	g_autofree gchar *den = format_exact(item->denominator);
	g_autofree gchar *value = format_exact(item->value);
	g_autofree gchar *t = NULL;
	g_autofree gchar *d = NULL;
	const Term *zero = zero_term(terms);

	if (!item->applicable)
		return g_strdup("n/a: nothing under it counts");
	if (zero != NULL)
		return g_strdup_printf("%s%s%s: pillar %s scores 0, and one pillar at 0 makes the "
				       "geometric mean 0",
				       sym->bold,
				       value,
				       sym->bold,
				       zero->id);
	for (guint i = 0; i < terms->len; i++) {
		const Term *term = &g_array_index(terms, Term, i);
		g_autofree gchar *w = format_exact(term->weight);
		g_autofree gchar *s = format_number(term->item->value / 100.0, 6);
		const gchar *sep = top->len > 0 ? " + " : "";

		if (!term->item->applicable)
			continue;
		g_string_append_printf(top, "%s%s %s ln(%s)", sep, w, sym->times, s);
		g_string_append_printf(bottom, "%s%s", sep, w);
	}
	t = group(top);
	d = group(bottom);
	return g_strdup_printf("100 %s exp(%s / %s) = 100 %s exp(%s / %s) = %s%s%s",
			       sym->times,
			       t,
			       d,
			       sym->times,
			       logs,
			       den,
			       sym->bold,
			       value,
			       sym->bold);
}

static gchar *
overall_formula(const AccordScore *score, const Symbols *sym)
{
	g_autoptr(GArray) terms = overall_terms(score);
	const AccordScoreItem *overall = accord_score_get_overall(score);

	if (accord_score_get_options(score)->aggregation == ACCORD_AGGREGATION_GEOMETRIC)
		return geometric_formula(terms, overall, sym);
	return mean_formula(score, terms, overall, sym);
}

static gchar *
pillar_rule_text(const AccordScore *score, const Symbols *sym)
{
	if (is_flat(score))
		return g_strdup_printf("the flat models add up the rules' raw sums, %s(w %s c) "
				       "over %s(w); rule and pillar weights play no part",
				       sym->sum,
				       sym->times,
				       sym->sum);
	return g_strdup_printf("score = %s(effective weight %s rule score) / %s(effective weight) "
			       "over the applicable rules",
			       sym->sum,
			       sym->times,
			       sym->sum);
}

static gchar *
overall_rule_text(const AccordScore *score, const Symbols *sym)
{
	if (is_flat(score))
		return g_strdup("the pillars' raw sums added up, as for a pillar");
	if (accord_score_get_options(score)->aggregation == ACCORD_AGGREGATION_GEOMETRIC)
		return g_strdup_printf("geometric aggregation, score = 100 %s exp(%s(pillar weight "
				       "%s ln(pillar score / 100)) / %s(pillar weight))",
				       sym->times,
				       sym->sum,
				       sym->times,
				       sym->sum);
	return g_strdup_printf("arithmetic aggregation, score = %s(pillar weight %s pillar score) "
			       "/ %s(pillar weight)",
			       sym->sum,
			       sym->times,
			       sym->sum);
}

static const gchar *
model_note(const AccordScore *score)
{
	switch (accord_score_get_options(score)->model) {
	case ACCORD_SCORE_MODEL_WEIGHTED:
		return NULL;
	case ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED:
	case ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE:
		return "XCCDF: a criterion counts c = 1 only when it passes, else 0, and every w "
		       "is 1";
	default:
		return "XCCDF: a criterion counts c = 1 only when it passes, else 0";
	}
}

/* text */

static void
write_header_text(const AccordReport *report, GString *out)
{
	const AccordProfile *profile = report_profile(report);
	const AccordRuleset *rs = report_ruleset(report);
	const AccordScore *score = accord_report_get_score(report);
	const AccordScoreOptions *options = accord_score_get_options(score);
	const AccordScoreItem *o = accord_score_get_overall(score);
	g_autofree gchar *v = accord_writer_format_score(o->value);
	g_autofree gchar *c = accord_writer_format_percent(o->coverage);

	g_string_append_printf(out,
			       "Accord score derivation\n\nProfile:  %s (%s), as of %s\n",
			       accord_profile_get_name(profile),
			       accord_profile_get_country(profile),
			       accord_profile_get_as_of(profile));
	g_string_append_printf(out,
			       "Ruleset:  %s version %s: %s\n",
			       accord_ruleset_get_id(rs),
			       accord_ruleset_get_version(rs),
			       accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       "Model:    %s, %s aggregation, unknown facts scored as %s\n\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	g_string_append_printf(out,
			       "Overall score: %s / 100   (coverage %s of criterion weight has "
			       "known facts)\n",
			       v,
			       c);
}

static void
write_alternatives_text(const AccordReport *report, GString *out)
{
	accord_writer_what_if_text(report, report_profile(report), "Overall score", out);
	g_string_append(out, "\n");
}

static void
write_criteria_text(const AccordScore *score, const AccordRule *rule, GString *out)
{
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		const AccordCriterionResult *r = result_of(score, c);
		g_autofree gchar *credit = format_exact(r->credit);
		g_autofree gchar *w = format_exact(accord_score_get_criterion_weight(score, c));

		g_string_append_printf(out,
				       "  %s: %s\n    %s, credit %s, weight %s: %s\n      %s\n",
				       accord_criterion_get_id(c),
				       accord_criterion_get_title(c),
				       accord_outcome_to_string(r->outcome),
				       credit,
				       w,
				       describe_counting(score, c),
				       r->reason);
	}
}

static void
write_rule_text(const AccordScore *score, const AccordRule *rule, GString *out)
{
	const AccordObligation *obligation = accord_rule_get_obligation(rule);
	const AccordScoreItem *item = accord_score_get_rule(score, rule);
	g_autofree gchar *w = format_exact(rule_weight_as_set(score, rule));
	g_autofree gchar *m = format_exact(accord_obligation_get_multiplier(obligation));
	g_autofree gchar *eff = format_exact(accord_score_get_rule_weight(score, rule));
	g_autofree gchar *formula = rule_formula(score, rule, &text_symbols);
	g_autofree gchar *cov = accord_writer_format_percent(item->coverage);

	g_string_append_printf(out,
			       "%s: %s (%s), pillar %s\n",
			       accord_rule_get_id(rule),
			       accord_rule_get_title(rule),
			       accord_rule_get_cite(rule),
			       accord_pillar_get_id(accord_rule_get_pillar(rule)));
	g_string_append_printf(out,
			       "  effective weight = weight %s x multiplier %s (%s) = %s\n",
			       w,
			       m,
			       accord_obligation_get_id(obligation),
			       eff);
	write_criteria_text(score, rule, out);
	g_string_append_printf(out, "  score = %s; coverage %s\n\n", formula, cov);
}

static void
write_rules_text(const AccordScore *score, GString *out)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	const gchar *note = model_note(score);

	g_string_append(
	    out,
	    "Rules: score = 100 x sum(w x c) / sum(w) over the counted criteria, w each "
	    "one's weight\n  and c its credit; effective weight = weight x obligation "
	    "multiplier\n");
	if (note != NULL)
		g_string_append_printf(out, "  (%s)\n", note);
	g_string_append(out, "\n");
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++)
		write_rule_text(score, accord_ruleset_get_rule(rs, i), out);
}

static void
write_terms_text(const AccordScore *score, GArray *terms, GString *out)
{
	for (guint i = 0; i < terms->len; i++) {
		g_autofree gchar *line =
		    describe_term(score, &g_array_index(terms, Term, i), &text_symbols);
		g_string_append_printf(out, "  %s\n", line);
	}
}

static void
write_pillars_text(const AccordScore *score, GString *out)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));

	g_autofree gchar *rule_text = pillar_rule_text(score, &text_symbols);

	g_string_append_printf(out, "Pillars: %s\n\n", rule_text);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(score, pillar);
		g_autoptr(GArray) terms = pillar_terms(score, pillar);
		g_autofree gchar *w = format_exact(accord_score_get_pillar_weight(score, pillar));
		g_autofree gchar *formula = mean_formula(score, terms, item, &text_symbols);
		g_autofree gchar *cov = accord_writer_format_percent(item->coverage);

		g_string_append_printf(out,
				       "%s: %s, weight %s\n",
				       accord_pillar_get_id(pillar),
				       accord_pillar_get_title(pillar),
				       w);
		write_terms_text(score, terms, out);
		g_string_append_printf(out, "  score = %s; coverage %s\n\n", formula, cov);
	}
}

static void
write_overall_text(const AccordScore *score, GString *out)
{
	g_autoptr(GArray) terms = overall_terms(score);
	g_autofree gchar *formula = overall_formula(score, &text_symbols);
	g_autofree gchar *shown =
	    accord_writer_format_score(accord_score_get_overall(score)->value);

	g_autofree gchar *rule_text = overall_rule_text(score, &text_symbols);

	g_string_append_printf(out, "Overall: %s\n", rule_text);
	write_terms_text(score, terms, out);
	g_string_append_printf(out, "  score = %s, shown as %s\n\n", formula, shown);
}

static void
write_gains_text(const AccordReport *report, GString *out)
{
	const AccordExplanation *explanation = accord_report_get_explanation(report);
	const AccordScore *score = accord_report_get_score(report);
	g_autofree gchar *now = format_exact(accord_score_get_overall(score)->value);

	g_string_append_printf(out,
			       "Marginal gains: the overall score re-computed with one open "
			       "criterion taken as met,\n  less the current %s\n",
			       now);
	if (accord_explanation_get_n_gains(explanation) == 0)
		g_string_append(out, "  none: no criterion is open\n");
	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		const AccordCriterionResult *r = result_of(score, g->criterion);
		g_autofree gchar *number = format_exact(g->gain);
		g_autofree gchar *gain = g_strdup_printf("%s%s", g->gain >= 0 ? "+" : "", number);

		g_string_append_printf(out,
				       "  %9s  %s (rule %s, now %s): %s\n",
				       gain,
				       accord_criterion_get_id(g->criterion),
				       accord_rule_get_id(accord_criterion_get_rule(g->criterion)),
				       accord_outcome_to_string(r->outcome),
				       accord_criterion_get_title(g->criterion));
	}
}

void
accord_writer_explain_text(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);

	write_header_text(report, out);
	write_alternatives_text(report, out);
	write_rules_text(score, out);
	write_pillars_text(score, out);
	write_overall_text(score, out);
	write_gains_text(report, out);
}

/* markdown */

static void
write_summary_markdown(const AccordReport *report, GString *out)
{
	const AccordProfile *p = report_profile(report);
	const AccordRuleset *rs = report_ruleset(report);
	const AccordScore *score = accord_report_get_score(report);
	const AccordScoreOptions *options = accord_score_get_options(score);
	const AccordScoreItem *o = accord_score_get_overall(score);
	g_autofree gchar *v = accord_writer_format_score(o->value);
	g_autofree gchar *c = accord_writer_format_percent(o->coverage);

	g_string_append(out, "# Score derivation: ");
	accord_writer_markdown_escape(out, accord_profile_get_name(p));
	g_string_append_printf(out,
			       " against %s\n\n- Profile: %s, as of %s\n- Ruleset: ",
			       accord_ruleset_get_id(rs),
			       accord_profile_get_country(p),
			       accord_profile_get_as_of(p));
	accord_writer_markdown_escape(out, accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       " (version %s)\n- Model: %s, %s aggregation, unknown scored as %s\n",
			       accord_ruleset_get_version(rs),
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	g_string_append_printf(out, "- **Overall score: %s / 100**, coverage %s\n", v, c);
}

static void
write_alternatives_markdown(const AccordReport *report, GString *out)
{
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(report_profile(report));

	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);
		const AccordScoreItem *o = accord_score_get_overall(accord_report_get_score(alt));
		g_autofree gchar *v = accord_writer_format_score(o->value);
		g_autofree gchar *c = accord_writer_format_percent(o->coverage);

		g_string_append(out, "- Overall score ");
		accord_writer_markdown_escape(out, accord_report_get_alternative_label(report, i));
		g_string_append_printf(out, ": %s / 100, coverage %s\n", v, c);
	}
	for (guint i = 0; i < facts->len; i++) {
		g_autofree gchar *text =
		    accord_writer_describe_assumption(g_ptr_array_index(facts, i));

		g_string_append(out, "- What-if assumption: ");
		accord_writer_markdown_escape(out, text);
		g_string_append(out, "\n");
	}
	accord_writer_tailoring(report, TRUE, out);
	g_string_append(out, "\n");
}

static void
write_criteria_markdown(const AccordScore *score, const AccordRule *rule, GString *out)
{
	g_string_append(out,
			"| Criterion | Outcome | Credit | Weight | Counted | Why |\n"
			"|---|---|---:|---:|---|---|\n");
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		const AccordCriterionResult *r = result_of(score, c);
		g_autofree gchar *credit = format_exact(r->credit);
		g_autofree gchar *w = format_exact(accord_score_get_criterion_weight(score, c));

		g_string_append_printf(out, "| `%s` ", accord_criterion_get_id(c));
		accord_writer_markdown_escape(out, accord_criterion_get_title(c));
		g_string_append_printf(out,
				       " | %s | %s | %s | ",
				       accord_outcome_to_string(r->outcome),
				       credit,
				       w);
		accord_writer_markdown_escape(out, describe_counting(score, c));
		g_string_append(out, " | ");
		accord_writer_markdown_escape(out, r->reason);
		g_string_append(out, " |\n");
	}
}

static void
write_rule_markdown(const AccordScore *score, const AccordRule *rule, GString *out)
{
	const AccordObligation *obligation = accord_rule_get_obligation(rule);
	const AccordScoreItem *item = accord_score_get_rule(score, rule);
	g_autofree gchar *w = format_exact(rule_weight_as_set(score, rule));
	g_autofree gchar *m = format_exact(accord_obligation_get_multiplier(obligation));
	g_autofree gchar *eff = format_exact(accord_score_get_rule_weight(score, rule));
	g_autofree gchar *formula = rule_formula(score, rule, &markdown_symbols);
	g_autofree gchar *cov = accord_writer_format_percent(item->coverage);

	g_string_append_printf(out, "### `%s` ", accord_rule_get_id(rule));
	accord_writer_markdown_escape(out, accord_rule_get_title(rule));
	g_string_append(out, "\n\n");
	accord_writer_markdown_escape(out, accord_rule_get_cite(rule));
	g_string_append_printf(out,
			       "; pillar `%s`; effective weight = weight %s × multiplier %s (%s) "
			       "= %s\n\n",
			       accord_pillar_get_id(accord_rule_get_pillar(rule)),
			       w,
			       m,
			       accord_obligation_get_id(obligation),
			       eff);
	write_criteria_markdown(score, rule, out);
	g_string_append_printf(out, "\nScore = %s; coverage %s\n\n", formula, cov);
}

static void
write_terms_markdown(const AccordScore *score, GArray *terms, const gchar *indent, GString *out)
{
	for (guint i = 0; i < terms->len; i++) {
		g_autofree gchar *line =
		    describe_term(score, &g_array_index(terms, Term, i), &markdown_symbols);

		g_string_append_printf(out, "%s- ", indent);
		accord_writer_markdown_escape(out, line);
		g_string_append(out, "\n");
	}
}

static void
write_pillars_markdown(const AccordScore *score, GString *out)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));

	g_autofree gchar *rule_text = pillar_rule_text(score, &markdown_symbols);

	g_string_append(out, "## Pillars\n\n");
	accord_writer_markdown_escape(out, rule_text);
	g_string_append(out, ".\n\n");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(score, pillar);
		g_autoptr(GArray) terms = pillar_terms(score, pillar);
		g_autofree gchar *w = format_exact(accord_score_get_pillar_weight(score, pillar));
		g_autofree gchar *formula = mean_formula(score, terms, item, &markdown_symbols);
		g_autofree gchar *cov = accord_writer_format_percent(item->coverage);

		g_string_append_printf(out, "- `%s` ", accord_pillar_get_id(pillar));
		accord_writer_markdown_escape(out, accord_pillar_get_title(pillar));
		g_string_append_printf(out,
				       ", weight %s: score = %s; coverage %s\n",
				       w,
				       formula,
				       cov);
		write_terms_markdown(score, terms, "  ", out);
	}
	g_string_append(out, "\n");
}

static void
write_overall_markdown(const AccordScore *score, GString *out)
{
	g_autoptr(GArray) terms = overall_terms(score);
	g_autofree gchar *formula = overall_formula(score, &markdown_symbols);
	g_autofree gchar *shown =
	    accord_writer_format_score(accord_score_get_overall(score)->value);

	g_autofree gchar *rule_text = overall_rule_text(score, &markdown_symbols);

	g_string_append(out, "## Overall\n\n");
	accord_writer_markdown_escape(out, rule_text);
	g_string_append(out, ".\n\n");
	write_terms_markdown(score, terms, "", out);
	g_string_append_printf(out, "\nScore = %s, shown as %s\n\n", formula, shown);
}

static void
write_gains_markdown(const AccordReport *report, GString *out)
{
	const AccordExplanation *explanation = accord_report_get_explanation(report);
	const AccordScore *score = accord_report_get_score(report);
	g_autofree gchar *now = format_exact(accord_score_get_overall(score)->value);

	g_string_append_printf(out,
			       "## Marginal gains\n\nThe overall score re-computed with one open "
			       "criterion taken as met, less the current %s.\n\n",
			       now);
	if (accord_explanation_get_n_gains(explanation) == 0) {
		g_string_append(out, "None: no criterion is open.\n");
		return;
	}
	g_string_append(out, "| Criterion | Rule | Now | Gain |\n|---|---|---|---:|\n");
	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		const AccordCriterionResult *r = result_of(score, g->criterion);
		g_autofree gchar *gain = format_exact(g->gain);

		g_string_append_printf(out, "| `%s` ", accord_criterion_get_id(g->criterion));
		accord_writer_markdown_escape(out, accord_criterion_get_title(g->criterion));
		g_string_append_printf(out,
				       " | `%s` | %s | %s%s |\n",
				       accord_rule_get_id(accord_criterion_get_rule(g->criterion)),
				       accord_outcome_to_string(r->outcome),
				       g->gain >= 0 ? "+" : "",
				       gain);
	}
}

void
accord_writer_explain_markdown(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = report_ruleset(report);
	const gchar *note = model_note(score);

	write_summary_markdown(report, out);
	write_alternatives_markdown(report, out);
	g_string_append(out,
			"## Rules\n\nScore = 100 × Σ w·c / Σ w over the counted criteria, w each "
			"one's weight and c its credit");
	if (note != NULL)
		g_string_append_printf(out, " (%s)", note);
	g_string_append(out, ".\n\n");
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++)
		write_rule_markdown(score, accord_ruleset_get_rule(rs, i), out);
	write_pillars_markdown(score, out);
	write_overall_markdown(score, out);
	write_gains_markdown(report, out);
}

/* csv: long format, one record per number with its parts: the overall score, the
 * alternatives, the pillars, each rule followed by its criteria, then the gains; a column that
 * does not apply to a level is empty */

enum {
	COL_COUNTRY,
	COL_RULESET,
	COL_LEVEL,
	COL_ID,
	COL_PARENT,
	COL_OUTCOME,
	COL_CREDIT,
	COL_WEIGHT,
	COL_MULTIPLIER,
	COL_EFFECTIVE_WEIGHT,
	COL_COUNTED,
	COL_EXCLUDED,
	COL_NUMERATOR,
	COL_DENOMINATOR,
	COL_SCORE,
	COL_COVERAGE,
	COL_GAIN,
	N_COLS
};

static const gchar *csv_header[N_COLS] = {"country",
					  "ruleset",
					  "level",
					  "id",
					  "parent",
					  "outcome",
					  "credit",
					  "weight",
					  "multiplier",
					  "effective_weight",
					  "counted",
					  "excluded",
					  "numerator",
					  "denominator",
					  "score",
					  "coverage_pct",
					  "gain"};

/* one record: constant fields borrowed, formatted numbers owned by @owned */
typedef struct {
	const gchar *fields[N_COLS];
	GPtrArray *owned;
} Row;

static void
row_init(Row *row, const AccordReport *report, const gchar *level, const gchar *id)
{
	memset(row->fields, 0, sizeof row->fields);
	row->owned = g_ptr_array_new_with_free_func(g_free);
	row->fields[COL_COUNTRY] = accord_profile_get_country(report_profile(report));
	row->fields[COL_RULESET] = accord_ruleset_get_id(report_ruleset(report));
	row->fields[COL_LEVEL] = level;
	row->fields[COL_ID] = id;
}

static void
row_set_number(Row *row, guint column, gdouble value)
{
	gchar *text = format_exact(value);

	g_ptr_array_add(row->owned, text);
	row->fields[column] = text;
}

static void
row_set_item(Row *row, const AccordScoreItem *item)
{
	row_set_number(row, COL_NUMERATOR, item->numerator);
	row_set_number(row, COL_DENOMINATOR, item->denominator);
	if (item->applicable)
		row_set_number(row, COL_SCORE, item->value);
	row_set_number(row, COL_COVERAGE, 100.0 * item->coverage);
}

static void
row_emit(Row *row, GString *out)
{
	accord_writer_csv_row(out, row->fields, N_COLS);
	g_ptr_array_unref(row->owned);
}

static void
write_criteria_csv(const AccordReport *report, const AccordRule *rule, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);

	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		const AccordCriterionResult *r = result_of(score, c);
		Row row;

		row_init(&row, report, "criterion", accord_criterion_get_id(c));
		row.fields[COL_PARENT] = accord_rule_get_id(rule);
		row.fields[COL_OUTCOME] = accord_outcome_to_string(r->outcome);
		row_set_number(&row, COL_CREDIT, r->credit);
		row_set_number(&row, COL_WEIGHT, accord_score_get_criterion_weight(score, c));
		row.fields[COL_COUNTED] = accord_score_counts_criterion(score, c) ? "true"
										  : "false";
		row.fields[COL_EXCLUDED] = exclusion_code(score, c);
		row_emit(&row, out);
	}
}

static void
write_rules_csv(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = report_ruleset(report);

	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, i);
		const AccordObligation *obligation = accord_rule_get_obligation(rule);
		Row row;

		row_init(&row, report, "rule", accord_rule_get_id(rule));
		row.fields[COL_PARENT] = accord_pillar_get_id(accord_rule_get_pillar(rule));
		row_set_number(&row, COL_WEIGHT, rule_weight_as_set(score, rule));
		row_set_number(&row, COL_MULTIPLIER, accord_obligation_get_multiplier(obligation));
		row_set_number(&row,
			       COL_EFFECTIVE_WEIGHT,
			       accord_score_get_rule_weight(score, rule));
		row_set_item(&row, accord_score_get_rule(score, rule));
		row_emit(&row, out);
		write_criteria_csv(report, rule, out);
	}
}

static void
write_levels_csv(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = report_ruleset(report);
	Row row;

	row_init(&row, report, "overall", accord_ruleset_get_id(rs));
	row_set_item(&row, accord_score_get_overall(score));
	row_emit(&row, out);
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);

		row_init(&row,
			 report,
			 "alternative",
			 accord_report_get_alternative_label(report, i));
		row_set_item(&row, accord_score_get_overall(accord_report_get_score(alt)));
		row_emit(&row, out);
	}
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		row_init(&row, report, "pillar", accord_pillar_get_id(pillar));
		row_set_number(&row, COL_WEIGHT, accord_score_get_pillar_weight(score, pillar));
		row_set_item(&row, accord_score_get_pillar(score, pillar));
		row_emit(&row, out);
	}
}

static void
write_gains_csv(const AccordReport *report, GString *out)
{
	const AccordExplanation *explanation = accord_report_get_explanation(report);
	const AccordScore *score = accord_report_get_score(report);

	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		const AccordCriterionResult *r = result_of(score, g->criterion);
		Row row;

		row_init(&row, report, "gain", accord_criterion_get_id(g->criterion));
		row.fields[COL_PARENT] =
		    accord_rule_get_id(accord_criterion_get_rule(g->criterion));
		row.fields[COL_OUTCOME] = accord_outcome_to_string(r->outcome);
		row_set_number(&row, COL_CREDIT, r->credit);
		row_set_number(&row, COL_GAIN, g->gain);
		row_emit(&row, out);
	}
}

void
accord_writer_explain_csv(const AccordReport *report, GString *out)
{
	accord_writer_csv_row(out, csv_header, N_COLS);
	write_levels_csv(report, out);
	write_rules_csv(report, out);
	write_gains_csv(report, out);
}

/* json */

static void
add_item_json(JsonBuilder *b, const AccordScoreItem *item)
{
	accord_json_add_item(b, item);
	accord_json_add_number(b, "numerator", item->numerator);
	accord_json_add_number(b, "denominator", item->denominator);
}

static void
add_context_json(JsonBuilder *b, const AccordReport *report)
{
	accord_json_add_context(b,
				report_profile(report),
				report_ruleset(report),
				accord_score_get_options(accord_report_get_score(report)));
}

static void
add_alternatives_json(JsonBuilder *b, const AccordReport *report)
{
	accord_json_add_what_if(b, report, report_profile(report));
}

static void
add_pillars_json(JsonBuilder *b, const AccordScore *score, const AccordRuleset *rs)
{
	json_builder_set_member_name(b, "pillars");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_pillar_get_id(pillar));
		accord_json_add_string(b, "title", accord_pillar_get_title(pillar));
		accord_json_add_number(b, "weight", accord_score_get_pillar_weight(score, pillar));
		add_item_json(b, accord_score_get_pillar(score, pillar));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_criterion_json(JsonBuilder *b, const AccordScore *score, const AccordCriterion *criterion)
{
	const AccordCriterionResult *r = result_of(score, criterion);

	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_criterion_get_id(criterion));
	accord_json_add_string(b, "title", accord_criterion_get_title(criterion));
	accord_json_add_number(b, "weight", accord_score_get_criterion_weight(score, criterion));
	accord_json_add_string(b,
			       "effort",
			       accord_effort_to_string(accord_criterion_get_effort(criterion)));
	accord_json_add_string(b, "outcome", accord_outcome_to_string(r->outcome));
	accord_json_add_number(b, "credit", r->credit);
	json_builder_set_member_name(b, "counted");
	json_builder_add_boolean_value(b, accord_score_counts_criterion(score, criterion));
	accord_json_add_string(b, "excluded", exclusion_code(score, criterion));
	accord_json_add_string(b, "reason", r->reason);
	json_builder_end_object(b);
}

static void
add_rule_json(JsonBuilder *b, const AccordScore *score, const AccordRule *rule)
{
	const AccordObligation *obligation = accord_rule_get_obligation(rule);

	json_builder_begin_object(b);
	accord_json_add_string(b, "id", accord_rule_get_id(rule));
	accord_json_add_string(b, "title", accord_rule_get_title(rule));
	accord_json_add_string(b, "pillar", accord_pillar_get_id(accord_rule_get_pillar(rule)));
	accord_json_add_string(b, "cite", accord_rule_get_cite(rule));
	accord_json_add_string(b, "obligation", accord_obligation_get_id(obligation));
	accord_json_add_number(b, "multiplier", accord_obligation_get_multiplier(obligation));
	accord_json_add_number(b, "weight", rule_weight_as_set(score, rule));
	accord_json_add_number(b, "effective_weight", accord_score_get_rule_weight(score, rule));
	add_item_json(b, accord_score_get_rule(score, rule));
	json_builder_set_member_name(b, "criteria");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++)
		add_criterion_json(b, score, accord_rule_get_criterion(rule, i));
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void
add_gains_json(JsonBuilder *b, const AccordReport *report)
{
	const AccordExplanation *explanation = accord_report_get_explanation(report);
	const AccordScore *score = accord_report_get_score(report);

	json_builder_set_member_name(b, "gains");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		const AccordCriterionResult *r = result_of(score, g->criterion);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_criterion_get_id(g->criterion));
		accord_json_add_string(b, "title", accord_criterion_get_title(g->criterion));
		accord_json_add_string(b,
				       "rule",
				       accord_rule_get_id(accord_criterion_get_rule(g->criterion)));
		accord_json_add_string(b, "outcome", accord_outcome_to_string(r->outcome));
		accord_json_add_number(b, "credit", r->credit);
		accord_json_add_number(b, "gain", g->gain);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

void
accord_writer_explain_json(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = report_ruleset(report);

	json_builder_begin_object(b);
	accord_json_add_document_header(b, "explain");
	add_context_json(b, report);
	json_builder_set_member_name(b, "overall");
	json_builder_begin_object(b);
	add_item_json(b, accord_score_get_overall(score));
	json_builder_end_object(b);
	add_alternatives_json(b, report);
	add_pillars_json(b, score, rs);
	json_builder_set_member_name(b, "rules");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++)
		add_rule_json(b, score, accord_ruleset_get_rule(rs, i));
	json_builder_end_array(b);
	add_gains_json(b, report);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}
