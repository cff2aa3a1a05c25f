#include "config.h"

#include <string.h>

#include "accord/assessment.h"
#include "accord/error.h"

struct _AccordAssessment {
	gatomicrefcount refcount;
	AccordProfile *profile;	 /* as the file states it */
	AccordProfile *filtered; /* the facts that count, before assumptions */
	AccordScore *scores[3];	 /* by AccordVariant; NULL for a variant that does not exist */
	AccordWaiverOutcome *waivers;
	/* what accord_assessment_rescore() runs the pipeline again with */
	GStrv assumptions;	    /* those that apply to the country, without their prefix */
	AccordWaiverList *list;	    /* NULL without waivers */
	gchar *date;		    /* the day they were checked on */
	AccordScoreOptions options; /* borrows the tailoring, which every score holds */
};

static const gchar *const variant_names[] = {"as-given", "without-assumptions", "before-waivers"};

/**
 * accord_variant_to_string:
 * @variant: a variant
 *
 * Returns: (transfer none): its name, e.g. `before-waivers`
 */
const gchar *
accord_variant_to_string(AccordVariant variant)
{
	g_return_val_if_fail(variant < G_N_ELEMENTS(variant_names), NULL);
	return variant_names[variant];
}

/**
 * accord_assessment_options_init:
 * @options: options to fill
 *
 * Sets the defaults: the weighted model, arithmetic aggregation, unknown facts scored as zero,
 * no tailoring, no assumptions, no waivers, today's date, every fact counted (no confidence
 * floor, no age limit; expired evidence never counts).
 */
void
accord_assessment_options_init(AccordAssessmentOptions *options)
{
	g_return_if_fail(options != NULL);
	memset(options, 0, sizeof *options);
	accord_score_options_init(&options->score);
	options->min_confidence = ACCORD_CONFIDENCE_LOW;
	options->evidence_max_age = 0;
}

/**
 * accord_assumptions_for_country:
 * @assumptions: (nullable) (array zero-terminated=1): `KEY=VALUE` or `CC:KEY=VALUE` strings
 * @country: a country code
 *
 * Returns: (transfer full): the assumptions that apply to @country, without their prefix
 */
GStrv
accord_assumptions_for_country(const gchar *const *assumptions, const gchar *country)
{
	g_autoptr(GStrvBuilder) out = g_strv_builder_new();
	gsize n = strlen(country);

	for (guint i = 0; assumptions != NULL && assumptions[i] != NULL; i++) {
		const gchar *a = assumptions[i];
		const gchar *colon = strchr(a, ':');
		const gchar *eq = strchr(a, '=');

		if (colon == NULL || (eq != NULL && eq < colon))
			g_strv_builder_add(out, a);
		else if ((gsize)(colon - a) == n && g_ascii_strncasecmp(a, country, n) == 0)
			g_strv_builder_add(out, colon + 1);
	}
	return g_strv_builder_end(out);
}

static gchar *
today(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();

	return g_date_time_format(now, "%Y-%m-%d");
}

/* evaluate, then apply the waivers on @date: the evaluation before waivers goes to *before */
static AccordEvaluation *
evaluate_with_waivers(const AccordRuleset *ruleset,
		      const AccordProfile *profile,
		      const AccordWaiverList *waivers,
		      const gchar *date,
		      AccordWaiverOutcome **outcome,
		      AccordEvaluation **before,
		      GError **error)
{
	g_autoptr(AccordEvaluation) evaluation = accord_evaluate(ruleset, profile, error);

	if (evaluation == NULL || waivers == NULL)
		return g_steal_pointer(&evaluation);
	*outcome = accord_waivers_apply(waivers, evaluation, date, error);
	if (*outcome == NULL)
		return NULL;
	if (before != NULL)
		*before = accord_evaluation_ref(evaluation);
	return accord_evaluation_ref(accord_waiver_outcome_get_evaluation(*outcome));
}

static AccordScore *
score_of(AccordEvaluation *evaluation, const AccordScoreOptions *options, GError **error)
{
	g_autoptr(AccordEvaluation) owned = evaluation;

	if (owned == NULL)
		return NULL;
	return accord_score_compute(owned, options, error);
}

/**
 * accord_assess:
 * @ruleset: (transfer none): a ruleset
 * @profile: (transfer none): a profile loaded with the same vocabulary
 * @options: assumptions, waivers, date and score options
 * @error: return location for an `ACCORD_ERROR`
 *
 * Runs the whole pipeline for one country and one ruleset: the fact filter (the confidence
 * floor, the evidence age limit and expiry, as of the options' date), the assumptions that
 * apply to the country, evaluation, waivers, score. Besides the result as given it keeps the result
 * before waivers (when there are waivers) and without assumptions (when any applies), so
 * every view can show what they change.
 *
 * Returns: (transfer full) (nullable): the assessment, or %NULL with @error set (a malformed
 *   or impossible assumption, a date waivers cannot be checked on, a tailoring for another
 *   ruleset)
 */
AccordAssessment *
accord_assess(const AccordRuleset *ruleset,
	      const AccordProfile *profile,
	      const AccordAssessmentOptions *options,
	      GError **error)
{
	g_autoptr(AccordAssessment) self = g_new0(AccordAssessment, 1);
	g_autoptr(AccordProfile) assumed = NULL;
	AccordEvaluation *before = NULL;
	AccordProfileFilter filter;

	g_return_val_if_fail(ruleset != NULL && profile != NULL && options != NULL, NULL);
	g_atomic_ref_count_init(&self->refcount);
	self->profile = accord_profile_ref(profile);
	self->assumptions = accord_assumptions_for_country(options->assumptions,
							   accord_profile_get_country(profile));
	self->list = options->waivers != NULL ? accord_waiver_list_ref(options->waivers) : NULL;
	self->date = options->date != NULL ? g_strdup(options->date) : today();
	self->options = options->score;
	accord_profile_filter_init(&filter);
	filter.min_confidence = options->min_confidence;
	filter.max_age_years = options->evidence_max_age;
	filter.date = self->date;
	self->filtered = accord_profile_new_filtered(profile, &filter, error);
	if (self->filtered == NULL)
		return NULL;
	assumed = self->assumptions[0] == NULL
		      ? accord_profile_ref(self->filtered)
		      : accord_profile_new_with_assumptions(self->filtered,
							    (const gchar *const *)self->assumptions,
							    error);
	if (assumed == NULL)
		return NULL;
	self->scores[ACCORD_VARIANT_AS_GIVEN] = score_of(evaluate_with_waivers(ruleset,
									       assumed,
									       self->list,
									       self->date,
									       &self->waivers,
									       &before,
									       error),
							 &self->options,
							 error);
	if (self->scores[ACCORD_VARIANT_AS_GIVEN] == NULL)
		return NULL;
	if (before != NULL) {
		self->scores[ACCORD_VARIANT_BEFORE_WAIVERS] =
		    score_of(before, &self->options, error);
		if (self->scores[ACCORD_VARIANT_BEFORE_WAIVERS] == NULL)
			return NULL;
	}
	if (self->assumptions[0] != NULL) {
		g_autoptr(AccordWaiverOutcome) unused = NULL;

		self->scores[ACCORD_VARIANT_WITHOUT_ASSUMPTIONS] =
		    score_of(evaluate_with_waivers(ruleset,
						   self->filtered,
						   self->list,
						   self->date,
						   &unused,
						   NULL,
						   error),
			     &self->options,
			     error);
		if (self->scores[ACCORD_VARIANT_WITHOUT_ASSUMPTIONS] == NULL)
			return NULL;
	}
	return g_steal_pointer(&self);
}

/**
 * accord_assessment_rescore:
 * @self: an assessment
 * @assumptions: (array zero-terminated=1): more `KEY=VALUE` assumptions, applied after the
 *   assessment's own (a later one wins for the same fact)
 * @error: return location for an `ACCORD_ERROR`
 *
 * Runs the pipeline of accord_assess() again for the same profile, ruleset, options, waivers
 * and date, with @assumptions added after the assessment's own: the score as given that
 * `accord score --assume …` prints with every assumption on the command line. Analyses that
 * try changes (a roadmap) call it once per change they try.
 *
 * Returns: (transfer full) (nullable): the score as given, or %NULL with @error set (an
 *   assumption that is not KEY=VALUE, names an undefined fact or a value the fact cannot take)
 */
AccordScore *
accord_assessment_rescore(const AccordAssessment *self,
			  const gchar *const *assumptions,
			  GError **error)
{
	g_autoptr(GStrvBuilder) all = g_strv_builder_new();
	g_auto(GStrv) list = NULL;
	g_autoptr(AccordProfile) assumed = NULL;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;

	g_return_val_if_fail(self != NULL && assumptions != NULL, NULL);
	g_strv_builder_addv(all, (const gchar **)self->assumptions);
	g_strv_builder_addv(all, (const gchar **)assumptions);
	list = g_strv_builder_end(all);
	assumed =
	    accord_profile_new_with_assumptions(self->filtered, (const gchar *const *)list, error);
	if (assumed == NULL)
		return NULL;
	return score_of(evaluate_with_waivers(accord_assessment_get_ruleset(self),
					      assumed,
					      self->list,
					      self->date,
					      &outcome,
					      NULL,
					      error),
			&self->options,
			error);
}

/**
 * accord_assessment_ref:
 * @self: an assessment
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordAssessment *
accord_assessment_ref(const AccordAssessment *self)
{
	AccordAssessment *mutable_self = (AccordAssessment *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_assessment_unref:
 * @self: (nullable) (transfer full): an assessment
 */
void
accord_assessment_unref(AccordAssessment *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	for (guint i = 0; i < G_N_ELEMENTS(self->scores); i++)
		accord_score_unref(self->scores[i]);
	accord_waiver_outcome_free(self->waivers);
	accord_profile_unref(self->filtered);
	accord_profile_unref(self->profile);
	g_strfreev(self->assumptions);
	if (self->list != NULL)
		accord_waiver_list_unref(self->list);
	g_free(self->date);
	g_free(self);
}

/**
 * accord_assessment_get_profile:
 * @self: an assessment
 *
 * Returns: (transfer none): the profile as its file states it, before assumptions
 */
const AccordProfile *
accord_assessment_get_profile(const AccordAssessment *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->profile;
}

/**
 * accord_assessment_get_ruleset:
 * @self: an assessment
 *
 * Returns: (transfer none): the assessed ruleset
 */
const AccordRuleset *
accord_assessment_get_ruleset(const AccordAssessment *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return accord_evaluation_get_ruleset(
	    accord_score_get_evaluation(self->scores[ACCORD_VARIANT_AS_GIVEN]));
}

/**
 * accord_assessment_has_variant:
 * @self: an assessment
 * @variant: a variant
 *
 * Returns: %TRUE when the variant differs in its inputs from the result as given (there are
 *   waivers, or assumptions that apply); always %TRUE for %ACCORD_VARIANT_AS_GIVEN
 */
gboolean
accord_assessment_has_variant(const AccordAssessment *self, AccordVariant variant)
{
	g_return_val_if_fail(self != NULL && variant < G_N_ELEMENTS(self->scores), FALSE);
	return self->scores[variant] != NULL;
}

/**
 * accord_assessment_get_score:
 * @self: an assessment
 * @variant: which version
 *
 * Returns: (transfer none) (nullable): the score of @variant (its evaluation through
 *   accord_score_get_evaluation()), or %NULL when the assessment has no such variant
 */
const AccordScore *
accord_assessment_get_score(const AccordAssessment *self, AccordVariant variant)
{
	g_return_val_if_fail(self != NULL && variant < G_N_ELEMENTS(self->scores), NULL);
	return self->scores[variant];
}

/**
 * accord_assessment_get_waivers:
 * @self: an assessment
 *
 * Returns: (transfer none) (nullable): how each waiver was used, or %NULL without waivers
 */
const AccordWaiverOutcome *
accord_assessment_get_waivers(const AccordAssessment *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->waivers;
}
